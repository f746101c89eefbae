from __future__ import annotations

from kijilint.rules._layout import slide_deck
from kijilint.rules.base import Rule, quote
from kijilint.rules.repetition._common import entry_values, faq_answers, labelled_fields, lines, removal
from kijilint.rules.repetition.analysis import DEFAULTS, analyse, key_of


class DuplicateParagraph(Rule):
    """Finds a paragraph that repeats an earlier one (after normalisation).

    Why: generated articles are often pasted together from several generations, so a
    paragraph appears twice; readers notice at once.  Whitespace, full/half-width forms and
    punctuation are ignored (inline code and image sources are not: three photos under one
    caption are three paragraphs), and a paragraph that joins two earlier paragraphs (or an
    earlier paragraph split in two) counts as a copy too.  Paragraphs shorter than ``min_chars``
    normalised characters (default 30: one-line boilerplate such as
    「詳しくは以下を参照してください。」 is about 15–25) are reported only when they directly
    follow an identical paragraph (a stutter, from half ``min_chars``), never link-only lines,
    quotations and note boxes (``!!! note``) a writer repeats on purpose,
    code blocks, tables or headings, nor the same answer right under two questions of a FAQ
    (``### Q. …？``; pasted below another answer, it is a copy), nor one short line that is the
    whole body of two sections (a catalog's entries with one value, ``### 曲名`` ⏎
    ``…フリートークゾーン。``), nor one under the same label in two sections (a write-up's
    template, ``**Question**`` ⏎ ``…を提出してください。``), nor the same step of parallel sections in a manual (``### 1.`` under
    ``## Ubuntu 18.04`` and ``## Ubuntu 20.04``), nor a guide's lead-in line that opens sibling
    sections and points at the list under each (``### カギカッコ`` ⏎ ``…基本的には以下でお願い
    します。`` ⏎ ``* …``; pasted after a paragraph, it is a copy), nor the words that carry a
    derivation between two display equations (``$$…$$`` ⏎ ``となることから、…差分をとることで``
    ⏎ ``$$…$$``), said again in a parallel derivation, nor a short note (80 characters at most)
    closing each of two sections that give one procedure for two variants (``## ① 限定インストール
    の方法`` / ``## ② フルインストールの方法``, each ending ``※2〜3の手順は…操作する必要があります``),
    nor a paragraph of a summary put first (``## TL;DR``, ``## 要約``) said again in the body.
    Copies inside a repeated section are reported once, by
    RP002, except a paragraph of the copy that differs from its original in spacing or
    punctuation where the copy is otherwise byte-identical: it splits the section there and is
    reported here (「…の繰り返しです（空白などの違いのみ）」); its fix also removes a copied
    heading right before it.
    Bad:  the same paragraph at lines 10 and 40.
    Good: keep the first one.
    Fix: removes the copy and its blank line; safe only when the copy directly follows the
    paragraph it repeats (a stutter), unsafe otherwise (the later place may be the right one).
    """

    code, name, category, severity = "RP001", "duplicate-paragraph", "repetition", "warning"
    options = {"min_chars": DEFAULTS["min_chars"]}
    fix = "sometimes"

    def check(self, doc, report):
        if slide_deck(doc):
            return
        an = analyse(doc, self.opts)
        for c in an.copies:
            u = an.units[c.unit]
            b = u.block
            last = an.units[c.split_with].block if c.split_with is not None else b
            orig = [an.units[k].block for k in c.origs]
            if faq_answers(doc, b, orig[0]) or entry_values(doc, b, orig[0]) or labelled_fields(doc, b, orig[0]):
                continue
            where = lines(doc, orig[0], orig[-1])
            if c.how == "merged":
                msg = f"段落「{quote(b.text)}」は {where}の段落をつなげた繰り返しです"
            elif c.how == "split":
                msg = f"段落「{quote(b.text)}」は {where}の段落を分けた繰り返しです"
            elif c.how == "edited":
                msg = f"段落「{quote(b.text)}」は {where}の段落の繰り返しです（空白などの違いのみ）"
            else:
                msg = f"段落「{quote(b.text)}」は {where}の段落の繰り返しです"
            prev = doc.blocks[b.index - 1] if b.index > 0 else None
            safe = (
                c.how == "exact"
                and prev is not None
                and prev.kind == "paragraph"
                and key_of(prev.masked) == u.key
                and prev.in_quote == b.in_quote
            )
            # An edited copy split out of a repeated section takes the heading before it along.
            start = an.units[c.lead].block.start if c.lead is not None else b.start
            fix = removal(doc, start, last.end, "繰り返しの段落を削除", safe)
            report(b.start, last.end, msg, fix=fix, anchor=start if start != b.start else None)
