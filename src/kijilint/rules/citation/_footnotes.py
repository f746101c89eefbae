"""Footnote references and definitions of a document, found once and shared by CM003/CM004."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kijilint.rules.citation._common import code_spans, opaque_spans, overlaps
from kijilint._lazy_re import lazy_re

# (a label holds no bracket: a run of `[^[^[^…` is not read to its end from every opener)
_DEF = lazy_re(r"^(?:[ \t]*>[ \t]?)*[ \t]{0,3}(\[\^([^\[\]\s]+)\]):", re.M)
_REF = lazy_re(r"\[\^([^\[\]\s]+)\]")
# What may stand before a definition's label on its line (``> [^1]: …``, ``- [^1]: …``): a
# label followed by ``:`` after words (``…良い[^6]:`` ⏎ code) is a reference, a colon after it.
_LINE_HEAD = lazy_re(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t>]*)?")
_HEAD_MAX = 16  # characters before a label that may still be its line's head (a line of refs stays linear)


def _at_line_head(text: str, at: int) -> bool:
    lo = max(0, at - _HEAD_MAX)
    nl = text.rfind("\n", lo, at)
    if nl < 0 and lo > 0:
        return False
    return _LINE_HEAD.fullmatch(text, nl + 1, at) is not None
# Labels that are regular-expression character classes ([^a-z], [^0-9\s]), not footnotes.
_REGEX_CLASS = lazy_re(r"^.-.|[\\^$*+?.|(){}\[]")


@dataclass
class Footnotes:
    refs: list[tuple[str, int, int]] = field(default_factory=list)  # label, start, end
    defs: list[tuple[str, int, int]] = field(default_factory=list)
    # written inside an HTML block (<p>…[^1]…</p>): the writer referenced the note, though the
    # renderer shows the mark as typed; enough to keep CM004 quiet, never a CM003 finding
    html_refs: list[tuple[str, int, int]] = field(default_factory=list)


def label_key(label: str) -> str:
    return label.casefold()


def unmatched(items, others):
    """The items (label, start, end) whose label none of ``others`` has (labels ignore case)."""
    keys = {label_key(label) for label, _, _ in others}
    return [item for item in items if label_key(item[0]) not in keys]


def footnotes(doc) -> Footnotes:
    got = doc.cache.get("citation.footnotes")
    if got is None:
        got = doc.cache["citation.footnotes"] = _collect(doc)
    return got


def _collect(doc) -> Footnotes:
    out = Footnotes()
    code = code_spans(doc)
    body = doc.text[doc.body_start :]
    if "[^" not in body:
        return out
    for m in _DEF.finditer(doc.text, doc.body_start):
        if not overlaps(code, m.start(1), m.end(1)) and not _REGEX_CLASS.search(m.group(2)):
            out.defs.append((m.group(2), m.start(1), m.end(1)))
    def_starts = {s for _, s, _ in out.defs}
    for b in doc.blocks:
        html = b.kind == "html" and not b.text.lstrip().startswith("<!--")  # (a comment hides it)
        if b.kind not in ("paragraph", "heading", "table") and not html:
            continue
        text = b.text
        if "[^" not in text:
            continue
        opaque = opaque_spans(text)
        for m in _REF.finditer(text):
            s, e = b.start + m.start(), b.start + m.end()
            if s in def_starts or overlaps(opaque, m.start(), m.end()) or _REGEX_CLASS.search(m.group(1)):
                continue
            if text.startswith(":", m.end()) and _at_line_head(text, m.start()):
                continue  # a definition's label the block holds ([^1]: indented under a list item)
            (out.html_refs if html else out.refs).append((m.group(1), s, e))
    return out
