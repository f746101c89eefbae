"""The explicit registry of rules: one module per rule.

Each family package lists its rules in its own ``RULES`` (``"module:Class"``, relative to
the package); ``FAMILIES`` lists the packages.  A rule is added by writing its module and
one line in its family's ``__init__.py``.  Modules are imported on first use only.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

FAMILIES = ("front_matter", "repetition", "broken_ending", "citation", "encoding", "suppression")

CATEGORIES = ("front-matter", "repetition", "broken-ending", "citation", "encoding", "suppression")


@lru_cache(maxsize=1)
def all_rules() -> tuple[type, ...]:
    out = []
    for family in FAMILIES:
        pkg = importlib.import_module(f"kijilint.rules.{family}")
        for spec in getattr(pkg, "RULES", ()):
            mod, cls = spec.split(":")
            out.append(getattr(importlib.import_module(f"kijilint.rules.{family}.{mod}"), cls))
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
