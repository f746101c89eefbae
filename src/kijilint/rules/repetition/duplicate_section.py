from __future__ import annotations

from kijilint.rules._layout import slide_deck
from kijilint.rules.base import Rule, quote
from kijilint.rules.repetition._common import lines, removal
from kijilint.rules.repetition.analysis import DEFAULTS, analyse


class DuplicateSection(Rule):
    """Finds a run of consecutive blocks (a heading and its paragraphs, or several paragraphs)
    that repeats an earlier run.

    Why: when a generation is restarted, the pipeline often keeps both attempts, so whole
    sections come back after ``---END---`` or after the footer.  One finding covers the whole
    copy and names the lines it repeats.  The copy may be cut short (its last block truncated)
    or miss one block, or hold one extra block; it must contain at least one paragraph of
    ``min_chars`` or more, unless it is a short section (a heading with a line or two, a list
    or a command) copied whole under the same parent heading, or written again as the
    document's last section under another parent, at another place among its siblings; a
    section written twice in a row counts however short (``### 参照`` ⏎ ``[ジェネリクス](…),
    [メソッド](…)``, then both again).  A
    heading repeated with a different body is not a copy, nor is a subsection written to a
    template under each of several parents (``### 戻り値`` / 「失敗したときは例外を送出します。」),
    nor the same step of parallel sections in a manual (``### 1. ドライバ`` under ``## Ubuntu
    18.04`` and ``## Ubuntu 20.04``; a parent typed a level too deep, ``### 第三走者`` under ``## 第二走者``
    and followed by the same subheadings, stands as their sibling), nor a list's items written again as paragraphs (or
    paragraphs again as a list: a conclusion restating its aims), since a paste keeps its form,
    nor a guide's lead-in line and the first items of its list opening sibling sections
    (``### カギカッコ`` / ``### クエスチョンマーク``, each ``…基本的には以下でお願いします。`` ⏎ ``* …``).
    A copy that starts with a heading is reported from its first block after the heading(s),
    and the message names the heading: headings repeat legitimately, so the evidence of a copy
    is its body (a suppression comment above the heading still silences it).  A paragraph of the copy that differs from its original only in spacing or
    punctuation splits the copy there when both sides stand as runs of their own, each with a
    byte-identical paragraph (a copy is a stretch pasted verbatim); the edited paragraph is then
    reported by RP001.  A copy re-wrapped throughout, or whose edits would leave a piece too
    small to stand alone, stays one finding.
    Slide decks (Marp, Slidev) repeat a slide on purpose and are left alone, here and in RP001,
    and so is a short navigation section (``# 目次``, シリーズ, 連載, 関連記事…) written as both
    the document's opening and its closing section.
    Bad:  lines 40–60 are lines 10–30 again.
    Good: one of the two.
    Fix: unsafe: removes the copy, its heading included (which of the two to keep is the
    author's call).
    """

    code, name, category, severity = "RP002", "duplicate-section", "repetition", "warning"
    options = {"min_chars": DEFAULTS["min_chars"]}
    fix = "unsafe"

    def check(self, doc, report):
        if slide_deck(doc):
            return
        an = analyse(doc, self.opts)
        for r in an.runs:
            first, last = an.units[r.first].block, an.units[r.last].block
            body, o2 = an.units[r.body].block, an.units[r.orig_last].block
            if body is first:
                o1 = an.units[r.orig_first].block
                msg = f"{lines(doc, first, last)}は {lines(doc, o1, o2)}の繰り返しです"
            else:
                o1 = an.units[r.orig_body].block
                section = f"{first.line} 行目の見出し「{quote(_heading_text(first.text))}」の節"
                msg = f"{lines(doc, body, last)}（{section}）は {lines(doc, o1, o2)}の繰り返しです"
            fix = removal(doc, first.start, last.end, "繰り返しの範囲を削除", False)
            report(body.start, last.end, msg, fix=fix, anchor=first.start if body is not first else None)


def _heading_text(text: str) -> str:
    """The words of an ATX or setext heading, without its marks."""
    line = text.split("\n")[0].strip()
    return line.lstrip("#").rstrip("#").strip() or line
