"""Helpers shared by the repetition rules: line ranges for messages and block removal."""

from __future__ import annotations


from kijilint.findings import Edit, Fix
from kijilint.rules._layout import image_only, pseudo_heading
from kijilint._lazy_re import lazy_re

# An FAQ's question heading says so (Q. / Q1: / Ｑ / 質問); a heading that merely ends in ？
# (なぜ…なのか？) is an essay's, whose copies are no answers.
_QUESTION = lazy_re(r"^(?:Q\d*[.:：．、\s]|Ｑ|質問)")


def faq_answers(doc, copy_block, orig_block) -> bool:
    """Both paragraphs answer different questions of a FAQ (``### Q. …`` headings): an FAQ
    gives the same answer to two questions on purpose.  The answer is what comes first under the
    question; an earlier answer pasted below another one (``**A**: 以下を確認：`` ⏎ a copy) is
    a copy."""
    a, b = doc.section_heading(copy_block), doc.section_heading(orig_block)
    return a is not None and b is not None and a is not b and all(
        _QUESTION.search(h.prose().strip()) for h in (a, b)
    ) and all(blk.index == h.index + 1 for blk, h in ((copy_block, a), (orig_block, b)))


_ENTRY_MAX = 60  # characters: an entry's one-line value (フリートークゾーン。), not a paragraph of prose


def entry_values(doc, copy_block, orig_block) -> bool:
    """Both paragraphs are the whole body of a section of their own, one short sentence under
    a different heading (``### Zdarlight · デジタリズム`` ⏎ ``有吉弘行の…フリートークゾーン。``):
    a catalog gives two entries the same value on purpose.  A paragraph pasted twice lands
    beside other text, not alone between two headings."""
    def whole_body(b) -> bool:
        h = doc.section_heading(b)
        if h is None or b.index != h.index + 1 or len(b.prose().strip()) > _ENTRY_MAX or len(doc.sentences(b)) != 1:
            return False
        nxt = doc.blocks[b.index + 1] if b.index + 1 < len(doc.blocks) else None
        return nxt is None or (nxt.kind == "heading" and nxt.level <= h.level) or nxt.kind == "html"

    a, b = doc.section_heading(copy_block), doc.section_heading(orig_block)
    return a is not None and b is not None and a is not b and whole_body(copy_block) and whole_body(orig_block)


def labelled_fields(doc, copy_block, orig_block) -> bool:
    """Both paragraphs sit right under the same label typed as a title (``**Question**``), in
    sections under different headings: a write-up fills one template per entry, and two
    entries may share a question word for word."""
    def label(b):
        prev = doc.blocks[b.index - 1] if b.index > 0 else None
        return prev.text.strip() if prev is not None and pseudo_heading(prev) else None

    a, b = doc.section_heading(copy_block), doc.section_heading(orig_block)
    la = label(copy_block)
    return la is not None and la == label(orig_block) and a is not None and b is not None and a is not b


def captions(doc, copy_block, orig_block) -> bool:
    """Both paragraphs sit right under a picture (``![](ss4.png)`` ⏎ ``↑Qiita にログインしている
    様子です。…``): captions of a series of screenshots are written to one template."""
    def caption(b) -> bool:
        prev = doc.blocks[b.index - 1] if b.index > 0 else None
        return prev is not None and image_only(prev)

    return caption(copy_block) and caption(orig_block)


def lines(doc, first_block, last_block=None) -> str:
    """``12 行目`` or ``12〜18 行目`` for a block or a range of blocks."""
    last_block = last_block or first_block
    a, b = first_block.line, last_block.end_line
    return f"{a} 行目" if a == b else f"{a}〜{b} 行目"


def removal(doc, start: int, end: int, title: str, safe: bool) -> Fix:
    """Delete text[start:end] with the blank lines after it (or, at the end of the document,
    the blank lines before it), so no double blank line remains."""
    text = doc.text
    e = end
    while e < len(text) and text[e] == "\n":
        e += 1
    s = start
    if e >= len(text):  # last thing in the file: eat the separation before it instead
        e = len(text)
        while s > doc.body_start and text[s - 1] == "\n":
            s -= 1
        if s > doc.body_start:
            s += 1  # keep the previous line's own newline
    return Fix((Edit(s, e, ""),), safe, title)
