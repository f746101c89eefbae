from __future__ import annotations

import re

from kijilint.markdown import MASK
from kijilint.rules.base import Rule
from kijilint.rules.citation._common import code_spans, overlaps
from kijilint._lazy_re import lazy_re

# [1], [1, 2], [1-3], [1][2] right after Japanese text (not an array index like a[0]).
_CITATION = lazy_re(
    r"(?<=[\u3001-\u30ff\u3400-\u9fff\uff01-\uff5e])"
    r"(?:[\[［][1-9]\d{0,2}(?:\s*[,，、\-–～]\s*\d{1,3})*[\]］])+"
    r"(?![(\[:：（])"
)
# A number the writer introduces by name (文献[3]を参照, 式[2], 論文[1]で): a deliberate reference.
_NAMED = lazy_re(r"(?:文献|論文|資料|図|表|式|脚注|注|章|節|付録|ref\.?|Ref\.?|Fig\.?|Eq\.?)\s*$")
# A heading that introduces a reference list.
_REFS_HEADING = lazy_re(r"参考|文献|出典|引用|脚注|注釈|注記|典拠|references?|bibliography|sources|notes|citations|footnotes|links", re.I)
# A paragraph that is only such a title (``参考文献``, ``**出典**``, ``References:``): a heading
# typed as a line, as blog exports that drop Markdown headings leave it.
_REFS_TITLE_LINE = lazy_re(
    r"(?:\*\*|__)?(?:参考(?:文献|資料|サイト|リンク|記事|URL)?|文献|出典|引用(?:元|文献)?|典拠|references?|bibliography|sources)"
    r"(?:\*\*|__)?[ \t]*[:：]?",
    re.I,
)
# A line that is an entry of a numbered list of references, or a link reference definition.
_REFS_ENTRY = lazy_re(r"^[ \t]{0,3}(?:[-*+][ \t]+)?[\[［]\d{1,3}[\]］]:?[ \t]*\S", re.M)


def has_reference_list(doc) -> bool:
    got = doc.cache.get("citation.reference_list")
    if got is None:
        code = code_spans(doc)
        got = any(
            (b.kind == "heading" and _REFS_HEADING.search(b.text))
            or (b.kind == "paragraph" and len(b.text) <= 40 and _REFS_TITLE_LINE.fullmatch(b.text.strip()))
            for b in doc.blocks
        ) or any(
            not overlaps(code, m.start(), m.start() + 1) for m in _REFS_ENTRY.finditer(doc.text, doc.body_start)
        )
        doc.cache["citation.reference_list"] = got
    return got


class NumberedCitation(Rule):
    """Finds numbered citations (``[1]``, ``[2, 3]``) in a document that has no reference list.

    Why: generated text keeps the numbered citation marks of its sources but not the list they
    point to, so the numbers lead nowhere.  Silent when the document has a reference list (a
    参考文献/References heading, or a line that says only that, ``[1] …`` entries or ``[1]: URL``
    definitions) and for
    ``[1]`` in code, links (``[1](…)``), array indexes (``a[0]``), numbers the writer names
    (``文献[3]を参照``, ``式[2]``), values after a noun's particle (``尺度で[1, 10]``) and a number
    used as a word that names an item of the document's numbered list (``1. 評価の透明化`` …
    ``社内公開により、[1]を満たす``).
    Bad:  ``市場は拡大すると見込まれています[1]。`` with no list of sources.
    Good: a 参考文献 section with ``[1] …``, or links instead of numbers.
    Fix: none — only the author knows what the numbers referred to.
    """

    code, name, category, severity = "CM005", "numbered-citation", "citation", "warning"

    def check(self, doc, report):
        if not any("[" in b.masked or "［" in b.masked for b in doc.prose_blocks) or has_reference_list(doc):
            return
        for block in doc.prose_blocks:
            if block.kind == "heading":
                continue
            for m in _CITATION.finditer(block.masked):
                # (the name is looked for just before the number: a paragraph of thousands of
                # numbers must not be searched from its start for each)
                if MASK in m.group() or _NAMED.search(block.masked, max(0, m.start() - 24), m.start()):
                    continue  # 文献[3]を参照, 式[2], 図[1]: the writer names what the number is
                if _after_noun_particle(block.masked, m.start()):
                    continue  # リッカート尺度で[1, 10]: a value a particle introduces, not a source
                if _names_list_item(doc, block.masked, m):
                    continue  # 1. 評価の透明化 … ⏎ 社内公開により、[1]を満たす: the list's own item
                report(
                    block.start + m.start(),
                    block.start + m.end(),
                    f'番号付きの出典 "{m.group()}" が指す参考文献の一覧がありません',
                )


_PARTICLES = "でにをがへはもとの"
_ITEM_PARTICLES = "をがはとにでも"
_ORDERED_ITEM = lazy_re(r"^[ \t]{0,3}(\d{1,3})[.)][ \t]+\S", re.M)


def _names_list_item(doc, text: str, m) -> bool:
    """The number is a word of the sentence (a particle follows: ``[1]を満たす``, ``[2]と[3]``)
    and the document has a numbered list that long: it points at the list's item, as a
    source mark, set after its claim, does not."""
    if text[m.end() : m.end() + 1] not in _ITEM_PARTICLES:
        return False  # ([1]の調査では…: a source named as a noun, still a mark without its list)
    key = "citation.ordered_items"
    if key not in doc.cache:
        code = code_spans(doc)
        doc.cache[key] = max(
            (int(x.group(1)) for x in _ORDERED_ITEM.finditer(doc.text, doc.body_start) if not overlaps(code, x.start(), x.start() + 1)),
            default=0,
        )
    return all(int(n) <= doc.cache[key] for n in re.findall(r"\d+", m.group()))


def _after_noun_particle(text: str, at: int) -> bool:
    """The bracket follows a one-kana particle right after a noun (``尺度で[1, 10]``,
    ``範囲を[1, 5]``): a value or an interval the sentence goes on with.  A source is cited
    after what it supports, a clause or a noun (``…見込まれています[1]``, ``…の研究[2]``),
    never after a bare case particle."""
    if at < 2 or text[at - 1] not in _PARTICLES:
        return False
    before = text[at - 2]
    return not ("\u3041" <= before <= "\u309f") and (before.isalnum() or "\u30a1" <= before <= "\u30ff" or "\u3400" <= before <= "\u9fff")
