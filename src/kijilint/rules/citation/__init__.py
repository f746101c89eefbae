"""Citation family (CM): LLM citation artifacts, vague source labels, broken footnotes, stray spaces."""

RULES: list[str] = [
    "artifact:CitationArtifact",
    "vague_source:VagueSourceLabel",
    "undefined_footnote:UndefinedFootnote",
    "unused_footnote:UnusedFootnote",
    "stray_space:StraySpace",
]
