"""Repetition family (RP): duplicated paragraphs/sections, near-duplicates, repeated sentences, doubled words."""

RULES: list[str] = []
