"""Encoding family (EC): files that are not clean UTF-8."""

RULES: list[str] = [
    "not_utf8:NotUtf8",
    "undecodable_bytes:UndecodableBytes",
]
