"""Helpers shared by the citation rules (not a rule)."""

from __future__ import annotations

import bisect
import re
from kijilint._lazy_re import lazy_re
from kijilint.markdown import AUTOLINK, CODE_SPAN, COMMENT, LINK_DEST

# Stretches of a block's raw text where nothing is prose: inline code, HTML comments,
# autolinks, link destinations, bare URLs (the Markdown masking's own patterns, so a run
# of unclosed openers stays linear here too).  Citation rules never match inside them.
_OPAQUE = lazy_re(
    "|".join((CODE_SPAN, COMMENT, AUTOLINK, LINK_DEST))
    # an address runs over printable ASCII but <>"'[] (spelt out: a negated class holding
    # \u0080-\U0010ffff costs ``re`` 10 ms to compile, a third of a cold start's patterns)
    + r"|(?:https?|ftp)://[!#-&(-;=?-Z\\^-~]+"
    r"|www\.[A-Za-z0-9][!#-&(-;=?-Z\\^-~]*",
    re.S,
)

# Something in a paragraph that names where a claim comes from: a link, a URL, a footnote.
LINKED = lazy_re(r"\]\(|\]\[|https?://|www\.|<a\s|\[\^[^\[\]\s]+\]")  # (a footnote label holds no bracket, as in _footnotes)

TEXT_KINDS = ("paragraph", "heading", "table")


def code_spans(doc) -> list[tuple[int, int]]:
    """(start, end) of the document's code and HTML blocks, where no citation is read
    (computed once per document, shared by the rules that ask)."""
    got = doc.cache.get("citation.code_spans")
    if got is None:
        got = doc.cache["citation.code_spans"] = [(b.start, b.end) for b in doc.blocks if b.kind in ("code", "html")]
    return got


def opaque_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _OPAQUE.finditer(text)]


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) meets one of ``spans`` (sorted, non-overlapping)."""
    k = bisect.bisect_left(spans, (end,)) - 1  # the last span starting before ``end``
    return k >= 0 and spans[k][1] > start


def text_blocks(doc):
    """Blocks whose raw text is read by readers: paragraphs, headings and tables."""
    return [b for b in doc.blocks if b.kind in TEXT_KINDS]


def is_japanese(ch: str) -> bool:
    """Kana, kanji, the prolonged sound mark and iteration marks."""
    o = ord(ch)
    return 0x3041 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or ch in "々〆ヶ"


def strip_private_use(text: str) -> str:
    """Chat UIs wrap markers in private-use characters; messages show the readable part."""
    return re.sub("[\ue000-\uf8ff]", "", text)
