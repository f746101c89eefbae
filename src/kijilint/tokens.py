"""The one fugashi Tagger of the process, and chunked tokenizing with exact offsets.

Only ``w.surface``, ``w.pos`` and ``w.feature_raw`` are read (plain strings): building
``w.feature`` namedtuples costs more than the tokenizing itself.  Text is fed in segments
(masks and newlines split it) and segments are cut below ``MAX_CHUNK`` characters, since MeCab
crashes on single calls of about a million characters (and is fastest on calls of about a
thousand).  Feature strings repeat endlessly, so each distinct one is kept once (``_FEATURES``):
a 2 MB paragraph is 1.3 M tokens, and sharing the strings is what keeps that in bounded memory.
"""

from __future__ import annotations

import gc

from kijilint.markdown import MASK
from kijilint._lazy_re import lazy_re

MAX_CHUNK = 2_000
MAX_TEXT = 100_000  # characters of one block that are tokenized (see ``tokenize``)
MAX_FEATURES = 200_000  # distinct feature strings kept for sharing (UniDic has ~900 k entries)
_FEATURES: dict[str, tuple[str, str]] = {}  # feature_raw -> (shared feature_raw, pos)
_SEGMENT = lazy_re("[^\n" + MASK + "]+")
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


def tokenize(text: str, base: int = 0, limit: int | None = None) -> list[Token]:
    """Tokens of ``text`` (which may hold masks and newlines), offsets shifted by ``base``.

    Only the first ``limit`` (default ``MAX_TEXT``) characters are tokenized: no article has a
    paragraph that long, and a 7 MB one-line file must still be linted in seconds and bounded
    memory (rules that work on sentences still see all of it).
    """
    limit = MAX_TEXT if limit is None else limit
    if len(text) > limit:
        text = text[:limit]
    out: list[Token] = []
    # Millions of new objects would make the cyclic GC rescan them all again and again (4× the
    # tokenizing time on a 2 MB paragraph); tokens hold no cycles, so pause it meanwhile.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for m in _SEGMENT.finditer(text):
            seg = m.group()
            if not seg.strip():
                continue
            s = m.start()
            for chunk_start, chunk in _chunks(seg):
                _tokenize_chunk(chunk, base + s + chunk_start, out)
    finally:
        if was_enabled:
            gc.enable()
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
        raw = w.feature_raw
        if surface.isspace():
            continue  # an ideographic space (UniDic 空白) is layout, as an ASCII space is to MeCab
        shared = _FEATURES.get(raw)
        if shared is None:
            if len(_FEATURES) >= MAX_FEATURES:
                _FEATURES.clear()
            shared = _FEATURES[raw] = (raw, w.pos)
        out.append(Token(surface, base + start, base + cursor, shared[1], shared[0]))
