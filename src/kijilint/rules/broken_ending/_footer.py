"""The article's closing footer, recognised by the ``footers`` pack (shared by EN003 and EN004).

A footer is a run of closing sections — related posts, recommended books, a consulting call to
action, an affiliate disclaimer — each opened by a thematic break (``---``).  The *terminal*
patterns close an article for good (nothing but other footer material may follow them); the
*section* patterns are headings that open closing sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kijilint import _re_cache, packs
from kijilint.markdown import AUTOLINK, HATENA_NOTATION, IAL, INLINE_LINK
from kijilint.rules.broken_ending._markers import marker_lines
from kijilint._lazy_re import lazy_re


@dataclass
class Footer:
    start: int  # index in doc.blocks of the block where the footer begins (a '---' or heading)
    terminal: int | None  # index of the terminal block (the disclaimer), if any
    after: list  # blocks after the terminal that are not footer material (article text)


@lru_cache(maxsize=16)
def _compiled(pack: str):
    data = packs.load(pack)

    def rx(items):
        pats = [p["regex"] if isinstance(p, dict) else p for p in items or []]
        return _re_cache.compile("|".join(f"(?:{p})" for p in pats)) if pats else None

    return rx(data.get("terminal")), rx(data.get("sections")), rx(data.get("footer_lines"))


def footer_patterns(pack: str = "footers"):
    """(terminal, sections, footer_lines) regular expressions of the pack (None where empty)."""
    return _compiled(pack)


def find_footer(doc, pack: str = "footers") -> Footer | None:
    key = ("EN:footer", pack)
    if key not in doc.cache:
        doc.cache[key] = _find(doc, *_compiled(pack))
    return doc.cache[key]


def _line_text(b) -> str:
    return b.prose().strip()


# Every span is bounded: a line of unclosed openers (`[[[…`, `<a <a …`) stays linear.
_HTML_LINK = lazy_re(r"<a\s[^>]{0,2000}>.{0,2000}?</a>|<img\s[^>]{0,2000}>", re.IGNORECASE | re.DOTALL)
_LINK = lazy_re("!?" + INLINE_LINK + "|" + AUTOLINK + r"|https?://\S+|" + IAL)


_HATENA = lazy_re(HATENA_NOTATION)


def is_link_only(b) -> bool:
    """A paragraph of nothing but links/images (``[Amazonで詳しく見る →](…)``), also a list of
    them set apart by commas or slashes (``[徹底解説](…), [`Fn`](…), [`FnMut`](…)``)."""
    t = _HTML_LINK.sub("", b.text)  # <a href="…">書名</a><img src="…">: an affiliate link in HTML
    t = _HATENA.sub("", t)  # [https://…:title=記事名], [f:id:…:plain]
    t = _LINK.sub("", t)
    return not t.strip(" \t\n*_・|→>-,，、/／")


def _find(doc, terminal_rx, section_rx, line_rx) -> Footer | None:
    blocks = doc.blocks
    markers = marker_lines(doc)
    para_markers = {b.start for b in blocks if b.kind == "paragraph" and b.start in markers}

    def is_marker(b) -> bool:
        return b.kind == "paragraph" and b.start in markers and b.end_line == b.line

    def prev_content(i: int) -> int:
        j = i - 1
        while j >= 0 and is_marker(blocks[j]):
            j -= 1
        return j

    terminal = None
    if terminal_rx is not None:
        for i, b in enumerate(blocks):
            if b.kind == "paragraph" and not b.containers and terminal_rx.search(b.text):
                j = prev_content(i)
                # The disclaimer closes the page only after a thematic break: a notice at the
                # top of a post ("本記事はプロモーションを含みます") is not a footer.
                if j >= 0 and blocks[j].kind == "hr":
                    terminal = i
                    break
    start = None
    if section_rx is not None:
        limit = terminal if terminal is not None else len(blocks)
        for i in range(limit):
            b = blocks[i]
            if b.kind == "heading" and section_rx.search(_line_text(b)):
                j = prev_content(i)
                if j >= 0 and blocks[j].kind == "hr" and _footer_run(blocks, j, limit, section_rx):
                    start = j
                    break
    if terminal is not None and start is None:
        start = prev_content(terminal)
    if start is None:
        return None
    after = []
    if terminal is None:
        after = _stray_prose(doc, blocks, start, section_rx, para_markers)
    else:
        for b in blocks[terminal + 1 :]:
            if b.kind in ("hr", "html") or is_marker(b):
                continue
            if b.kind == "paragraph" and (is_link_only(b) or (line_rx is not None and line_rx.search(b.text))):
                continue
            if b.kind == "heading" and section_rx is not None and section_rx.search(_line_text(b)):
                continue
            after.append(b)
    return Footer(start, terminal, after)


def _stray_prose(doc, blocks, start: int, section_rx, markers) -> list:
    """Without a closing line, only article-like paragraphs that follow a footer section's
    links at the very end of the file count as text after the footer (a heading of the
    author's own after the links means the document simply goes on)."""
    tail: list = []
    for b in blocks[start:]:
        if b.kind == "heading":
            if section_rx is None or not section_rx.search(_line_text(b)):
                return []
            tail = []
        elif b.kind == "paragraph" and not b.containers and not is_link_only(b) and b.start not in markers:
            tail.append(b)
        elif b.kind == "paragraph" and b.start in markers:
            continue
        elif tail and b.kind != "hr":
            return []  # a list, table or code after the prose: part of a section's content
    sentences = [s for b in tail for s in doc.sentences(b) if s.terminated]
    if len(sentences) >= 2 and sum(len(b.prose()) for b in tail) >= 40:
        return tail
    return []


def _footer_run(blocks, hr_index: int, limit: int, section_rx) -> bool:
    """From this '---' to the terminal (or the end), every '---'-separated section is footer-like:
    it opens with a footer heading, or it is a short call to action (a heading, a line or two, a
    link)."""
    sections: list[list] = []
    for b in blocks[hr_index:limit]:
        if b.kind == "hr":
            sections.append([])
        else:
            sections[-1].append(b)
    for sec in sections:
        if not sec:
            continue
        head = sec[0]
        if head.kind == "heading" and section_rx.search(_line_text(head)):
            continue
        paras = [b for b in sec if b.kind == "paragraph"]
        short = all(len(_line_text(b)) <= 120 for b in paras) and len(sec) <= 6
        if head.kind == "heading" and short and any(is_link_only(b) for b in paras):
            continue
        return False
    return True
