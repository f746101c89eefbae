"""Citation family (CM): LLM citation artifacts, vague source labels, broken footnotes, stray spaces."""

RULES: list[str] = []
