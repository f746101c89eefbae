"""Document: one analysis of a file — read once, split, parsed, segmented — shared by all rules.

Everything expensive (sentences, tokens) is computed lazily, at most once, and cached here;
rule families keep their own shared analyses in ``Document.cache`` so sibling rules never
redo each other's work.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from kijilint import frontmatter as fm_mod
from kijilint.markdown import MASK, Block, parse_blocks
from kijilint.sentences import Sentence, split_sentences
from kijilint.source import Source, decode
from kijilint.tokens import Token, tokenize
from kijilint._lazy_re import lazy_re


class Document:
    def __init__(self, source: Source, path: str = "-"):
        self.path = path
        self.source = source
        self.text = source.text
        self.line_map = source.line_map
        self.front_matter = fm_mod.split(self.text)
        # Hugo's TOML front matter (``+++`` … ``+++``) is metadata, not prose: the body starts
        # after it.  ``front_matter`` stays None (the FM rules read YAML only).
        self.toml_front_matter = _toml_front_matter(self.text) if self.front_matter is None else None
        if self.front_matter is not None and self.front_matter.terminated:
            self.body_start = self.front_matter.end
        elif self.toml_front_matter is not None:
            self.body_start = self.toml_front_matter[1]
        else:
            self.body_start = _rest_metadata_end(self.text)
        self.body_line = self.text.count("\n", 0, self.body_start)  # 0-based first body line
        if self.body_start and self.body_start == len(self.text) and not self.text.endswith("\n"):
            self.body_line += 1  # (metadata that ends the file without a newline: no body line left)
        self.mdx = path.lower().endswith(".mdx")
        self.cache: dict[str, Any] = {}
        self._tokens: dict[int, list[Token]] = {}

    @classmethod
    def from_text(cls, text: str, path: str = "-") -> "Document":
        return cls(Source.from_text(text), path)

    @classmethod
    def from_bytes(cls, data: bytes, path: str = "-") -> "Document":
        return cls(decode(data), path)

    # --- structure -----------------------------------------------------------------------------
    @cached_property
    def blocks(self) -> list[Block]:
        return parse_blocks(self.text, self.line_map.starts, self.body_line, self.mdx)

    @cached_property
    def prose_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.is_prose]

    @cached_property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "paragraph"]

    @cached_property
    def code_spans(self) -> list[tuple[int, int]]:
        """Offsets of every non-prose stretch (code, HTML, masks inside prose blocks)."""
        spans: list[tuple[int, int]] = []
        for b in self.blocks:
            if b.kind in ("code", "html"):
                spans.append((b.start, b.end))
            elif b.is_prose and MASK in b.masked:
                i = b.masked.find(MASK)
                while i != -1:
                    j = i
                    while j < len(b.masked) and b.masked[j] == MASK:
                        j += 1
                    spans.append((b.start + i, b.start + j))
                    i = b.masked.find(MASK, j)
        return spans

    def block_at(self, offset: int) -> Block | None:
        for b in self.blocks:
            if b.start <= offset <= b.end:
                return b
        return None

    def section_heading(self, block: Block) -> Block | None:
        """The nearest heading before ``block`` (None before the first): the section it is in.
        One pass over the blocks per document, shared by every rule that asks."""
        table = self.cache.get("section-headings")
        if table is None:
            table, current = [], None
            for b in self.blocks:
                table.append(current)
                if b.kind == "heading":
                    current = b
            self.cache["section-headings"] = table
        return table[block.index]

    # --- sentences and tokens --------------------------------------------------------------------
    def sentences(self, block: Block) -> list[Sentence]:
        key = ("sentences", block.index)
        got = self.cache.get(key)
        if got is None:
            got = self.cache[key] = split_sentences(block)
        return got

    @cached_property
    def all_sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        for b in self.prose_blocks:
            out.extend(self.sentences(b))
        return out

    def tokens(self, block: Block) -> list[Token]:
        """Tokens of a prose block (masked parts never reach the tokenizer), computed once."""
        got = self._tokens.get(block.index)
        if got is None:
            got = self._tokens[block.index] = tokenize(block.masked, block.start) if block.is_prose else []
        return got

    def reuse_tokens(self, previous: "Document") -> int:
        """Take over ``previous``'s tokens for every prose block whose text did not change,
        shifted to where the block is now; returns how many blocks were reused.  The language
        server calls it after each edit, so only the edited blocks meet the tokenizer again
        (tokens depend on nothing but the block's masked text)."""
        old: dict[str, list[tuple[int, list[Token]]]] = {}
        for b in previous.prose_blocks:
            toks = previous._tokens.get(b.index)
            if toks is not None:
                old.setdefault(b.masked, []).append((b.start, toks))
        reused = 0
        for b in self.prose_blocks:
            candidates = old.get(b.masked)
            if not candidates or b.index in self._tokens:
                continue
            start, toks = candidates.pop()
            d = b.start - start
            self._tokens[b.index] = toks if d == 0 else [Token(t.surface, t.start + d, t.end + d, t.pos, t.raw) for t in toks]
            reused += 1
        return reused

    # --- positions ---------------------------------------------------------------------------------
    def position(self, offset: int) -> tuple[int, int]:
        return self.line_map.position(offset)

    def line_of(self, offset: int) -> int:
        return self.line_map.position(offset)[0]


def _toml_front_matter(text: str) -> tuple[int, int] | None:
    """Offsets of a leading ``+++`` … ``+++`` block (Hugo TOML front matter), if terminated.
    Blank lines before it are allowed, as Hugo allows them (``+++`` is no Markdown either)."""
    lead = len(text) - len(text.lstrip(" \t\n"))
    lead = text.rfind("\n", 0, lead) + 1  # (back to the start of the +++ line)
    first = text.find("\n", lead)
    if first < 0 or text[lead:first].strip(" \t") != "+++":
        return None
    i = first + 1
    while i < len(text):
        j = text.find("\n", i)
        line_end = len(text) if j < 0 else j
        if text[i:line_end].rstrip(" \t") == "+++":
            return 0, len(text) if j < 0 else j + 1
        if j < 0:
            return None
        i = j + 1
    return None


# Nikola's metadata in a Markdown post: ``.. title: …`` / ``.. slug: …`` lines at the very top
# (reST comments); ``..`` there is no ellipsis and the fields are no prose.
_REST_FIELD = lazy_re(r"\.\. [A-Za-z_][A-Za-z0-9_-]{0,40}:(?:[ \t][^\n]*)?(?:\n|$)")


def _rest_metadata_end(text: str) -> int:
    """The offset after a leading run of ``.. field: value`` lines, 0 if there is none."""
    i = 0
    while i < len(text):
        m = _REST_FIELD.match(text, i)
        if m is None or m.end() == i:
            break
        i = m.end()
    return i
