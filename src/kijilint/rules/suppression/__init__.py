"""Suppression family (KL): unused suppression comments."""

RULES: list[str] = []
