"""Citation family (CM): LLM citation artifacts, vague source labels, broken footnotes, stray spaces."""

RULES: list[str] = [
    "artifact:CitationArtifact",
    "vague_source:VagueSourceLabel",
    "undefined_footnote:UndefinedFootnote",
    "unused_footnote:UnusedFootnote",
    "numbered_citation:NumberedCitation",
    "stray_space:StraySpace",
]
