"""Front-matter family (FM): YAML validity, schema, dates, and the body against the metadata."""

RULES = [
    "missing:MissingFrontMatter",
    "unterminated:UnterminatedFrontMatter",
    "yaml_syntax:YamlSyntax",
    "duplicate_key:DuplicateKey",
    "not_mapping:NotMapping",
    "unsafe_tag:UnsafeTag",
    "schema:Schema",
    "invalid_date:InvalidDate",
    "reading_time:ReadingTime",
    "image_date:ImageDate",
]
