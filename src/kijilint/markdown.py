"""Markdown → blocks with exact spans, and prose masking.

markdown-it-py (CommonMark + tables + footnotes) gives the block structure and line maps; we
cut the document text by those lines so every block knows its offsets.  ``Block.masked`` is the
block's text with everything that is not prose (inline code, URLs, link targets, HTML, Liquid,
Kramdown attributes, list/quote markers, emphasis marks) replaced by ``MASK`` — same length, so
offsets and columns stay right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from kijilint._lazy_re import lazy_re

MASK = "\ufffc"  # never prose; rules skip it, the tokenizer never sees it

PROSE_KINDS = frozenset({"paragraph", "heading"})


@dataclass(eq=False)
class Block:
    kind: str  # paragraph, heading, code, html, hr, table
    start: int  # offset of the first character of the first line
    end: int  # offset just after the last character of the last line (no newline)
    line: int  # 1-based first line
    end_line: int  # 1-based last line
    text: str
    masked: str = ""
    containers: tuple[str, ...] = ()  # outermost first: list_item, blockquote, footnote
    level: int = 0  # heading level
    info: str = ""  # fence info string
    index: int = 0  # position in Document.blocks
    meta: dict = field(default_factory=dict)

    @property
    def is_prose(self) -> bool:
        return self.kind in PROSE_KINDS

    @property
    def in_list(self) -> bool:
        return "list_item" in self.containers

    @property
    def in_quote(self) -> bool:
        return "blockquote" in self.containers

    @property
    def in_footnote(self) -> bool:
        return "footnote" in self.containers

    def prose(self) -> str:
        """The masked text with the masks removed (for comparisons, not for positions)."""
        return self.masked.replace(MASK, "")


_md = None


def _parser():
    global _md
    if _md is None:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.footnote import footnote_plugin

        _md = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough").use(footnote_plugin)
        # Only the blocks are read (inline spans are masked by the patterns below): inline
        # parsing was half the parser's time, and its link-label scan is slow on a run of `[`.
        # Without it, footnote_tail would drop every definition (none is referenced), so the
        # definitions stay where they are written, as footnote_reference blocks.
        _md.disable(["inline", "footnote_tail"])
    return _md


def parse_blocks(text: str, line_starts: list[int], body_line: int, mdx: bool = False) -> list[Block]:
    """Leaf blocks of ``text`` from 0-based line ``body_line`` on (lines before it are front matter).

    The lines before ``body_line`` are blanked for the parser, so its line maps are absolute.
    """
    if body_line > 0:
        cut = line_starts[body_line] if body_line < len(line_starts) else len(text)
        src = "\n" * body_line + text[cut:]
    else:
        src = text
    tokens = _parser().parse(src)
    n_lines = len(line_starts)

    def span(l0: int, l1: int) -> tuple[int, int]:
        l1 = min(l1, n_lines)
        start = line_starts[l0]
        end = line_starts[l1] - 1 if l1 < n_lines else len(text)
        return start, max(start, end)

    blocks: list[Block] = []
    stack: list[str] = []

    def add(kind: str, l0: int, l1: int, **kw) -> Block:
        start, end = span(l0, l1)
        b = Block(kind, start, end, l0 + 1, max(l0 + 1, l1), text[start:end], containers=tuple(stack), **kw)
        blocks.append(b)
        return b

    i = 0
    while i < len(tokens):
        t = tokens[i]
        typ = t.type
        if typ in ("bullet_list_open", "ordered_list_open"):
            pass
        elif typ == "list_item_open":
            stack.append("list_item")
        elif typ == "blockquote_open":
            stack.append("blockquote")
        elif typ == "footnote_reference_open":
            stack.append("footnote")
        elif typ in ("list_item_close", "blockquote_close", "footnote_reference_close"):
            if stack:
                stack.pop()
        elif typ == "paragraph_open" and t.map:
            add("paragraph", t.map[0], t.map[1])
            i += 2  # inline, paragraph_close
        elif typ == "heading_open" and t.map:
            inline = tokens[i + 1]
            level = int(t.tag[1:])
            if t.markup in ("-", "=") and _setext_is_prose(inline.content):
                # A sentence followed directly by '---': a paragraph and a rule, not a heading.
                add("paragraph", t.map[0], t.map[1] - 1, meta={"setext": True})
                add("hr", t.map[1] - 1, t.map[1])
            else:
                add("heading", t.map[0], t.map[1], level=level)
            i += 2
        elif typ in ("fence", "code_block") and t.map:
            add("code", t.map[0], t.map[1], info=t.info.strip())
        elif typ == "html_block" and t.map:
            add("html", t.map[0], t.map[1])
        elif typ == "hr" and t.map:
            add("hr", t.map[0], t.map[1])
        elif typ == "table_open" and t.map:
            add("table", t.map[0], t.map[1])
            depth = 1
            while depth and i + 1 < len(tokens):
                i += 1
                if tokens[i].type == "table_open":
                    depth += 1
                elif tokens[i].type == "table_close":
                    depth -= 1
        i += 1

    blocks.sort(key=lambda b: (b.start, b.end))
    for n, b in enumerate(blocks):
        b.index = n
        b.masked = mask_block(b, mdx) if b.is_prose else MASK * len(b.text) if b.kind != "hr" else b.text
    return blocks


_SENTENCE_END = lazy_re(r"[。．！？!?」』）)]\s*$")


def _setext_is_prose(content: str) -> bool:
    s = content.strip()
    return bool(_SENTENCE_END.search(s)) or len(s) >= 40 or "。" in s


# --- masking -----------------------------------------------------------------------------------

# Hatena Blog's own notation, kept by its Markdown mode and its exports: a photo
# ``[f:id:user:20190313123412p:plain]`` and a link shown as a card or a title
# ``[https://…:embed:cite]`` / ``[https://…:title=…]``; nothing in it is prose
# (bounded: a line of unclosed openers must not send each one to the line's end)
HATENA_PHOTO = r"\[f:id:[^\]\n]{1,500}\]"
HATENA_NOTATION = HATENA_PHOTO + r"|\[(?:https?|ftp)://[^\s\]]{1,2000}:(?:embed|title|image|detail|plain|barcode|movie)[^\]\n]{0,2000}\]"

# An inline code span, as CommonMark reads one: a whole run of backticks (not part of a longer
# run) up to the same run.  The run is bounded and maximal, so a line of backticks stays linear.
# Shared by the masking below, the citation rules' opaque spans and RP003's code comparison.
CODE_SPAN = r"(?<!`)(?P<ticks>`{1,32})(?!`)(?P<code_text>.+?)(?<!`)(?P=ticks)(?!`)"

# Spans shared with the citation rules' opaque stretches and the footer's link test.  Every
# span that may not close is bounded, or stops at the next opener of its kind: a line of
# 30,000 unclosed openers (`<!--`, `{:`, `![`, `<https://`) must not send each to the line's end.
COMMENT = r"<!--(?:[^<]|<(?!!--))*?-->"
IAL = r"\{:[^{}\n]{0,500}\}"  # kramdown's attribute list, {: .notice}
INLINE_LINK = r"\[[^\[\]\n]{0,1000}\]\([^)\n]{0,2000}\)"  # [text](destination), on one line
IMAGE = "!" + INLINE_LINK
LINK_DEST = r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)"
AUTOLINK = r"<(?:https?|ftp|mailto):[^<>\s]{0,2000}>"

_PATTERNS = [
    r"(?P<code>" + CODE_SPAN + ")",
    r"(?P<comment>" + COMMENT + ")",
    r"(?P<liquid>\{%.{0,1000}?%\}|\{\{.{0,1000}?\}\})",  # (bounded: a run of { must not rescan the rest)
    r"(?P<ial>" + IAL + ")",
    r"(?P<image>" + IMAGE + ")",
    r"(?P<linkdest>" + LINK_DEST + ")",
    r"(?P<refdest>\]\[(?!\^)[^\]\n]{0,1000}\])",  # (not [^a][^b], two footnote marks)
    r"(?P<inlinenote>\^\[[^\[\]]{0,1000}\])",  # an inline footnote (Zenn, Pandoc), wrapped or not: …大事！ ^[…]
    r"(?P<autolink>" + AUTOLINK + ")",
    r"(?P<url>(?:https?|ftp)://[^\s<>\"'）」』】\]）]+|www\.[A-Za-z0-9][^\s<>\"'）」』】]*)",
    r"(?P<html></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>)",
    r"(?P<emph>\*{1,3}|~~|(?<![A-Za-z0-9])_{1,3}|_{1,3}(?![A-Za-z0-9]))",
    r"(?P<hatena>" + HATENA_NOTATION + ")",  # (an alternation inside the group)
    r"(?P<container>(?<![^\n]):{3,}(?:[ \t]*[A-Za-z][^\n]*)?(?=\n|$))",  # :::message ⏎ … ⏎ ::: (Zenn, Docusaurus)
    # (bounded, as liquid; a link's text may wrap onto the next line: [メンバーと働き方 ⏎ ](…))
    r"(?P<lbracket>(?<!\\)\[(?!\^)(?=[^\]]{0,1000}\](?:\(|\[)))",
    r"(?P<escape>\\(?=[!-/:-@\[-`{-~]))",
]
# The lookahead lets the engine skip, in one test, every position no alternative can start at
# (3× faster on long paragraphs than trying all of them everywhere).
_MASK_RE = lazy_re("(?=[`<{!\\]hfw*~_\\[\\\\:^])(?:" + "|".join(_PATTERNS) + ")", re.S)
_MDX_RE = lazy_re(r"\{[^{}\n]*\}")
_LINE_PREFIX = lazy_re(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)(?:\[[ xX]\][ \t]+)?)?", re.M)
_HEADING_PREFIX = lazy_re(r"^[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_HEADING_SUFFIX = lazy_re(r"[ \t]+#+[ \t]*$")
_FOOTNOTE_DEF = lazy_re(r"^[ \t]*\[\^[^\]\n]+\]:[ \t]*")


def in_link_text(text: str, i: int) -> bool:
    """Offset ``i`` is inside a link's text (``[IPv6 IPv4射影アドレス とは](…)``, Hatena's
    ``[https://…:title=…急増 なぜ？]``): a page title, quoted as its site spells it.  Looks at
    most 2,000 characters either way (a line of thousands of candidates stays linear)."""
    start = max(text.rfind("\n", max(0, i - 2000), i) + 1, i - 2000)
    opened = text.rfind("[", start, i)
    if opened < 0 or text.rfind("]", opened, i) >= 0:
        return False
    if text.startswith(("http://", "https://"), opened + 1) and ":title=" in text[opened:i]:
        close = text.find("]", i, i + 2000)
        return close >= 0 and "\n" not in text[i:close]
    close = text.find("](", i, i + 2000)
    line_end = text.find("\n", i, i + 2000)
    return close >= 0 and (line_end < 0 or close < line_end)


def mask_block(b: Block, mdx: bool = False) -> str:
    # Spans to blot are collected, then the masked text is built by slicing: a list of one
    # str per character would cost ~80 bytes a character (700 MB for a 7 MB one-line file).
    spans: list[tuple[int, int]] = []
    blot = lambda s, e: spans.append((s, e)) if e > s else None  # noqa: E731

    text = b.text
    if b.containers:
        for m in _LINE_PREFIX.finditer(text):
            blot(m.start(), m.end())
    if b.in_footnote:
        m = _FOOTNOTE_DEF.match(text)
        if m:
            blot(m.start(), m.end())
    if b.kind == "heading":
        first_nl = text.find("\n")
        first = text if first_nl < 0 else text[:first_nl]
        m = _HEADING_PREFIX.match(first)
        if m:
            blot(0, m.end())
        m = _HEADING_SUFFIX.search(first)
        if m:
            blot(m.start(), m.end())
        if first_nl >= 0:  # setext underline
            blot(text.rfind("\n") + 1, len(text))
    for m in _MASK_RE.finditer(text):
        end = m.end()
        if m.group("hatena") and ":title=" in m.group("hatena"):
            # [https://…:title=記事名]: the title is shown, as a Markdown link's text is
            blot(m.start(), text.index(":title=", m.start()) + 7)
            blot(end - 1, end)
            continue
        url = m.group("url")
        if url and url.endswith(")") and url.count("(") < url.count(")"):
            end -= 1  # (…英語の記事はこちら https://…/): the parenthesis closes the aside, as GitHub reads it
        blot(m.start(), end)
    if mdx:
        for m in _MDX_RE.finditer(text):
            blot(m.start(), m.end())
    if not spans:
        return text
    spans.sort()
    out: list[str] = []
    cursor = 0
    for s, e in spans:
        s = max(s, cursor)
        if e <= s:
            continue
        out.append(text[cursor:s])
        piece = text[s:e]
        out.append(MASK * (e - s) if "\n" not in piece else _NOT_NEWLINE.sub(MASK, piece))  # newlines stay
        cursor = e
    out.append(text[cursor:])
    return "".join(out)


_NOT_NEWLINE = lazy_re("[^\n]")
