"""Encoding family (EC): files that are not clean UTF-8."""

RULES: list[str] = []
