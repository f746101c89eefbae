"""Document layouts that change what the rules may read as a defect (shared by the families)."""

from __future__ import annotations

import re

_MARP = re.compile(r"^marp:[ \t]*true[ \t]*$", re.M)
_SLIDE_KEYS = re.compile(r"^(?:theme|highlighter|colorSchema|paginate|class|transition):", re.M)


def slide_deck(doc) -> bool:
    """A Marp or Slidev deck: slides repeat a slide on purpose (the agenda again, a recap),
    so copies there are no regenerated text, and their lines are bullets set out one per
    paragraph, which stop where the speaker goes on talking."""
    fm = doc.front_matter
    if fm is None:
        return False
    if _MARP.search(fm.yaml_text):
        return True
    rules = sum(1 for b in doc.blocks if b.kind == "hr")
    return bool(_SLIDE_KEYS.search(fm.yaml_text)) and rules >= 5
