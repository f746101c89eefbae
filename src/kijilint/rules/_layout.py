"""Document layouts that change what the rules may read as a defect (shared by the families)."""

from __future__ import annotations

import re
from kijilint._lazy_re import lazy_re

_MARP = lazy_re(r"^marp:[ \t]*true[ \t]*$", re.M)
_SLIDE_KEYS = lazy_re(r"^(?:theme|highlighter|colorSchema|paginate|class|transition):", re.M)


def slide_deck(doc) -> bool:
    """A Marp or Slidev deck (by its front matter, or by its shape): slides repeat a slide on purpose (the agenda again, a recap),
    so copies there are no regenerated text, and their lines are bullets set out one per
    paragraph, which stop where the speaker goes on talking."""
    key = "layout:slide-deck"
    if key not in doc.cache:
        doc.cache[key] = _deck_by_front_matter(doc) or _deck_by_shape(doc)
    return doc.cache[key]


def _deck_by_front_matter(doc) -> bool:
    fm = doc.front_matter
    if fm is None:
        return False
    if _MARP.search(fm.yaml_text):
        return True
    rules = sum(1 for b in doc.blocks if b.kind == "hr")
    return bool(_SLIDE_KEYS.search(fm.yaml_text)) and rules >= 5


def _deck_by_shape(doc) -> bool:
    """Slides whatever the front matter says (a deck republished with a blog's front matter):
    ten or more ``---`` slides, nearly every one with its own heading, a few blocks each.
    Newsletters and docs with separators have longer parts or parts without headings."""
    slides, current = [], []
    for b in doc.blocks:
        if b.kind == "hr":
            slides.append(current)
            current = []
        else:
            current.append(b)
    slides = [s for s in slides + [current] if s]
    if len(slides) < 10:
        return False
    headed = sum(1 for s in slides if any(b.kind == "heading" for b in s))
    blocks = sum(len(s) for s in slides)
    return headed >= 0.8 * len(slides) and blocks <= 8 * len(slides)


# A paragraph of pictures only: Markdown images (linked or not, with a size suffix) or <img> tags
_IMAGES_ONLY = lazy_re(r"\s*(?:\[?!\[[^\]\n]*\]\([^)\n]*\)\]?(?:\([^)\n]*\))?\s*|<img\s[^>]*>\s*)+")


def image_only(b) -> bool:
    """The block is a paragraph of nothing but pictures (``![](ss4.png)``, ``<img src=…>``)."""
    return b.kind == "paragraph" and _IMAGES_ONLY.fullmatch(b.text) is not None
