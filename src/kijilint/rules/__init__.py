"""The explicit registry of rules: one module per rule, listed here in code order.

A rule is added by writing its module and adding ``"package.module:Class"`` to ``RULES``.
Modules are imported on first use of the registry only.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

RULES = [
    # front matter
    "front_matter.missing:MissingFrontMatter",
    "front_matter.unterminated:UnterminatedFrontMatter",
    "front_matter.yaml_syntax:YamlSyntax",
    "front_matter.duplicate_key:DuplicateKey",
    "front_matter.not_mapping:NotMapping",
    "front_matter.unsafe_tag:UnsafeTag",
    "front_matter.schema:Schema",
    "front_matter.invalid_date:InvalidDate",
    "front_matter.reading_time:ReadingTime",
    "front_matter.image_date:ImageDate",
]

CATEGORIES = ("front-matter", "repetition", "broken-ending", "citation", "encoding", "suppression")


@lru_cache(maxsize=1)
def all_rules() -> tuple[type, ...]:
    out = []
    for spec in RULES:
        mod, cls = spec.split(":")
        out.append(getattr(importlib.import_module(f"kijilint.rules.{mod}"), cls))
    return tuple(sorted(out, key=lambda r: r.code))


def by_key() -> dict[str, type]:
    """Rules by code and by name."""
    table = {}
    for r in all_rules():
        table[r.code] = r
        table[r.name] = r
    return table


def find(key: str) -> type | None:
    return by_key().get(key) or by_key().get(key.upper())
