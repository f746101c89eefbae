from __future__ import annotations

import re
from functools import lru_cache

from kijilint import _re_cache, packs
from kijilint.markdown import MASK
from kijilint.rules.base import Rule, quote
from kijilint.rules.citation._common import LINKED


@lru_cache(maxsize=16)
def generic_source(pack: str) -> re.Pattern:
    words = "|".join(f"(?:{p})" for p in packs.load(pack).get("generic") or []) or r"(?!)"
    return _re_cache.compile(rf"(?:{words})", re.I)


@lru_cache(maxsize=16)
def compiled(pack: str) -> tuple[re.Pattern, re.Pattern]:
    data = packs.load(pack)
    labels = "|".join(re.escape(w) for w in data.get("labels") or ["出典"])
    # Labels that read as a source only in brackets inside a sentence (（参考: 業界調査）):
    # on a line of their own they introduce reading lists and book titles.
    in_brackets = "|".join(re.escape(w) for w in [*(data.get("labels") or ["出典"]), *(data.get("bracket_labels") or [])])
    specific = "|".join(f"(?:{p})" for p in data.get("specific") or []) or r"(?!)"
    gap = rf"[\s{MASK}]*[:：][\s{MASK}]*"
    # （出典: X） in any bracket pair, or 出典：X from a line start / sentence end to the line end.
    label = _re_cache.compile(
        rf"[（(［\[]\s*(?:{in_brackets}){gap}(?P<x>[^）)］\]\n]{{1,60}}?)\s*[）)］\]]"
        rf"|(?:^|(?<=[。．！？!?\s{MASK}]))(?:{labels}){gap}(?P<y>[^\n。．]{{1,60}}?)[\s{MASK}]*[。．]?[\s{MASK}]*$",
        re.I | re.M,
    )
    return label, _re_cache.compile(specific, re.I)


_EDGE = f" \t\n{MASK}*_。．"


def _credit_line(block, m) -> bool:
    """Whether the label is a credit line rather than a claim's citation: the label alone makes
    up its paragraph (``出典：気象庁`` under a chart, a quotation or a table), or its paragraph
    holds the picture it credits (``![図](a.png)`` / ``*出典：…*``).  Generated text leaves its
    labels inside the sentence they close."""
    if "![" in block.text:
        return True
    return block.masked.strip(_EDGE) == m.group().strip(_EDGE)


class VagueSourceLabel(Rule):
    """Finds source labels that name no source: ``（出典: 市場データ）``, ``出典：各種報道``.

    Why: generated articles close claims with a label that looks like a citation but names only
    a topic or an organisation (``AI市場データ``, ``業界レポート``, ``Gartner``); a reader cannot
    look it up, and an editor has to either find the real source or drop the claim.  A label
    whose source is a link, a URL or a site's address (``eiken.or.jp``), a quoted title, a dated report, a reference work
    (Wikipedia, 青空文庫) or the author's own work is fine, and so is a label in a paragraph
    that links or footnotes its source (unless the label is only generic words, ``公開情報``,
    which no link can be), and a credit line: a label that is a paragraph of its
    own, or sits with the picture it credits (``出典：気象庁`` under a chart names whose chart
    it is).
    Which words count is a YAML pack (``rules/vague-sources.yaml``).
    Bad:  ``前年比55%増という成長を遂げています（出典: AI市場データ）。``
    Good: ``…成長を遂げています（出典: 総務省「令和6年版 情報通信白書」）。``
    Fix: none — only the author knows the real source.
    """

    code, name, category, severity = "CM002", "vague-source-label", "citation", "warning"
    options = {"pack": "vague-sources"}

    def check(self, doc, report):
        label, specific = compiled(self.opts["pack"])
        generic = generic_source(self.opts["pack"])
        for block in doc.prose_blocks:
            masked = block.masked
            if not label.search(masked):
                continue
            linked = LINKED.search(block.text)
            for m in label.finditer(masked):
                group = "x" if m.group("x") is not None else "y"
                source = m.group(group)
                if MASK in source or specific.search(source) or not source.strip() or _credit_line(block, m):
                    continue
                if linked and not generic.fullmatch(source.strip()):
                    continue  # the paragraph's link may well be the source the label names
                s, e = m.span()
                e -= len(m.group()) - len(m.group().rstrip(f" \t\n{MASK}。．"))
                report(
                    block.start + s,
                    block.start + e,
                    f'出典 "{quote(source.strip())}" では何を参照したのか分かりません（文書名・URL を示すか削除）',
                )
