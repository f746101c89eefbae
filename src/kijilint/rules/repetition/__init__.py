"""Repetition family (RP): duplicated paragraphs/sections, near-duplicates, repeated sentences, doubled words."""

RULES: list[str] = [
    "duplicate_paragraph:DuplicateParagraph",
    "duplicate_section:DuplicateSection",
    "near_duplicate:NearDuplicateParagraph",
    "duplicate_sentence:DuplicateSentence",
    "doubled_word:DoubledWord",
]
