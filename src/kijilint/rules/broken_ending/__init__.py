"""Broken-ending family (EN): generation markers, truncation, text after the footer, fragments, unclosed brackets."""

RULES: list[str] = []
