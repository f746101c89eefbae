from __future__ import annotations

import re
from functools import lru_cache

from kijilint import _re_cache, packs
from kijilint.rules.base import Rule, delete_fix, quote
from kijilint.rules.citation._common import is_japanese, opaque_spans, overlaps, strip_private_use, text_blocks
from kijilint._lazy_re import lazy_re

_SEPARATORS = lazy_re(r"[ \t\u3000,，、]*")
_HSPACE = " \t\u3000"


@lru_cache(maxsize=16)
def compiled(pack: str) -> re.Pattern:
    data = packs.load(pack)
    parts = []
    for p in data.get("patterns") or []:
        try:
            _re_cache.compile(p["regex"])
        except (re.error, KeyError, TypeError) as err:
            raise packs.PackError(f"rule pack {pack}: 不正なパターン {p!r}: {err}") from err
        parts.append(f"(?:{p['regex']})")
    if not parts:
        raise packs.PackError(f"rule pack {pack}: patterns がありません")
    return _re_cache.compile("|".join(parts), re.I)


class CitationArtifact(Rule):
    """Finds citation markers that chat and search-grounded models leave in their output.

    Why: ``[cite: Gartner]``, ``citeturn0search3``, ``:contentReference[oaicite:2]{index=2}``,
    ``【4:0†source】`` and their private-use-character variants are the model's internal
    citation machinery; published, they are noise that tells readers the text was pasted from a
    chat.  The shapes are a YAML pack (``rules/citation-artifacts.yaml``) users can extend.
    Paragraphs, headings, tables, HTML blocks and the front matter are read; markers in code,
    comments, URLs and link targets are left alone; markers in a row are one finding.
    Bad:  ``40%が搭載する見込みです [cite: Gartner]。``
    Good: ``40%が搭載する見込みです。``（出典はリンクか脚注で示す）
    Fix: safe — removes the marker and the space before it, so no stray space is left.
    """

    code, name, category, severity = "CM001", "citation-artifact", "citation", "error"
    options = {"pack": "citation-artifacts"}
    fix = "safe"

    def check(self, doc, report):
        rx = compiled(self.opts["pack"])
        for base, text in _regions(doc):
            if not rx.search(text):
                continue
            opaque = opaque_spans(text)
            runs: list[list[int]] = []
            for m in rx.finditer(text):
                s, e = m.span()
                if e <= s or overlaps(opaque, s, e):
                    continue
                if runs and _SEPARATORS.fullmatch(text, runs[-1][1], s):
                    runs[-1][1] = e
                else:
                    runs.append([s, e])
            for s, e in runs:
                ds, de = _deletion(text, s, e)
                shown = quote(strip_private_use(text[s:e]), 40)
                report(
                    base + s,
                    base + e,
                    f'LLM の引用マーカー "{shown}" が残っています',
                    fix=delete_fix(base + ds, base + de, "引用マーカーを削除"),
                )


def _regions(doc):
    """(offset, text) of what readers see: the front matter (titles, excerpts), then the
    paragraphs, headings and tables of the body, and HTML blocks, whose text a browser shows
    too (text right under a ``<br>`` line, with no blank line between, belongs to its block)."""
    fm = doc.front_matter
    if fm is not None and fm.terminated:
        yield 0, doc.text[: doc.body_start]
    for block in text_blocks(doc) + [b for b in doc.blocks if b.kind == "html"]:
        yield block.start, block.text


def _deletion(text: str, s: int, e: int) -> tuple[int, int]:
    """The marker plus the space before it; the space after it too when it would otherwise be
    left between Japanese text (設備投資 [cite: X] に → 設備投資に) or at a line start."""
    ds = s
    while ds > 0 and text[ds - 1] in _HSPACE:
        ds -= 1
    de = e
    while de < len(text) and text[de] in _HSPACE:
        de += 1
    at_line_start = ds == 0 or text[ds - 1] == "\n"
    if at_line_start:
        return s, de
    if de > e and de < len(text) and _japanese_or_punct(text[ds - 1]) and _japanese_or_punct(text[de]):
        return ds, de
    return ds, e


def _japanese_or_punct(ch: str) -> bool:
    return is_japanese(ch) or "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff65"
