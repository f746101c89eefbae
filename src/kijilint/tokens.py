"""The one fugashi Tagger of the process, and chunked tokenizing with exact offsets.

Only ``w.surface``, ``w.pos`` and ``w.feature_raw`` are read (plain strings): building
``w.feature`` namedtuples costs more than the tokenizing itself.  Text is fed in segments
(masks and newlines split it) and segments are cut below ``MAX_CHUNK`` characters, since MeCab
crashes on single calls of about a million characters.
"""

from __future__ import annotations

import re

from kijilint.markdown import MASK

MAX_CHUNK = 20_000
_SEGMENT = re.compile("[^\n" + MASK + "]+")
_tagger = None


def tagger():
    global _tagger
    if _tagger is None:
        import fugashi

        _tagger = fugashi.Tagger()
    return _tagger


class Token:
    """A morpheme with its offsets in the document text and its UniDic fields (as strings)."""

    __slots__ = ("surface", "start", "end", "pos", "raw")

    def __init__(self, surface: str, start: int, end: int, pos: str, raw: str):
        self.surface = surface
        self.start = start
        self.end = end
        self.pos = pos  # "名詞,普通名詞,一般,*"
        self.raw = raw  # the full feature string

    def __repr__(self) -> str:
        return f"Token({self.surface!r}, {self.start}, {self.pos!r})"

    @property
    def pos1(self) -> str:
        return self.pos.split(",", 1)[0]

    @property
    def pos2(self) -> str:
        parts = self.pos.split(",")
        return parts[1] if len(parts) > 1 else "*"

    def field(self, index: int) -> str:
        """UniDic field by index (4 cType, 5 cForm, 7 lemma, 9 reading…); '*' when absent."""
        parts = self.raw.split(",")
        return parts[index] if index < len(parts) else "*"

    @property
    def ctype(self) -> str:
        return self.field(4)

    @property
    def cform(self) -> str:
        return self.field(5)

    @property
    def lemma(self) -> str:
        f = self.field(7)
        return self.surface if f in ("*", "") else f

    @property
    def unknown(self) -> bool:
        return self.raw.count(",") < 10


def tokenize(text: str, base: int = 0) -> list[Token]:
    """Tokens of ``text`` (which may hold masks and newlines), offsets shifted by ``base``."""
    out: list[Token] = []
    for m in _SEGMENT.finditer(text):
        seg = m.group()
        if not seg.strip():
            continue
        s = m.start()
        for chunk_start, chunk in _chunks(seg):
            _tokenize_chunk(chunk, base + s + chunk_start, out)
    return out


def _chunks(seg: str):
    if len(seg) <= MAX_CHUNK:
        yield 0, seg
        return
    i = 0
    n = len(seg)
    while i < n:
        j = min(i + MAX_CHUNK, n)
        if j < n:
            cut = max(seg.rfind("。", i, j), seg.rfind(" ", i, j), seg.rfind("、", i, j))
            if cut > i + MAX_CHUNK // 2:
                j = cut + 1
        yield i, seg[i:j]
        i = j


def _tokenize_chunk(chunk: str, base: int, out: list[Token]) -> None:
    cursor = 0
    find = chunk.find
    for w in tagger()(chunk):
        surface = w.surface
        if not surface:
            continue
        start = cursor + len(w.white_space)
        if chunk.startswith(surface, start):
            pass
        else:
            start = find(surface, cursor)
            if start < 0:
                continue
        cursor = start + len(surface)
        out.append(Token(surface, base + start, base + cursor, w.pos, w.feature_raw))
