"""Sentences of a prose block, and the text normalisation every comparison shares."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kijilint.markdown import MASK, Block
from kijilint._lazy_re import lazy_re

_TERMINATORS = "。！？!?．."
_CLOSERS = "」』）)】〕］]\"'”’〉》"
_OPENERS = {"「": "」", "『": "』", "（": "）", "【": "】", "〔": "〕"}
_SIGNIFICANT = lazy_re("[" + re.escape(_TERMINATORS + "".join(_OPENERS) + "".join(_OPENERS.values())) + "\n]")


@dataclass(eq=False)
class Sentence:
    start: int  # offsets in the document text
    end: int
    text: str  # the raw slice of the document
    masked: str  # the same slice of the block's masked text
    block: Block
    terminated: bool  # ends with a terminator (before closers)

    @property
    def prose(self) -> str:
        return self.masked.replace(MASK, "")


def split_sentences(block: Block) -> list[Sentence]:
    """Split on 。！？ (runs like ！？, and closing brackets right after them).

    Terminators inside 「…」 or （…） do not end a sentence; if a bracket never closes, the
    depth is forgotten at the end of the line so one typo cannot swallow a paragraph.
    """
    masked = block.masked
    out: list[Sentence] = []
    n = len(masked)
    start = 0
    depth: list[str] = []
    search = _SIGNIFICANT.search  # jump between the characters that matter (C speed)
    m = search(masked, 0)
    while m:
        i = m.start()
        ch = masked[i]
        if ch in _OPENERS:
            depth.append(_OPENERS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif ch == "\n":
            depth.clear()
        if ch in _TERMINATORS and not depth and _is_terminator(masked, i):
            j = i + 1
            while j < n and (masked[j] in _TERMINATORS or masked[j] in _CLOSERS):
                j += 1
            _emit(block, start, j, True, out)
            while j < n and masked[j] in " \t\u3000\n":
                j += 1
            start = j
            m = search(masked, j)
            continue
        m = search(masked, i + 1)
    if start < n:
        _emit(block, start, n, False, out)
    return out


def _is_terminator(s: str, i: int) -> bool:
    ch = s[i]
    if ch in "!?":  # ASCII: only when not inside an ASCII word/expression (`a!=b`, `foo?bar`)
        nxt = s[i + 1] if i + 1 < len(s) else ""
        return not (nxt and (nxt.isascii() and (nxt.isalnum() or nxt in "=")))
    if ch == "．":
        return not (i + 1 < len(s) and s[i + 1].isdigit())
    if ch == ".":
        # …と思います. ⏎ (writers who close Japanese with ASCII marks); not 3.14, Node.js, ...
        nxt = s[i + 1] if i + 1 < len(s) else ""
        return i > 0 and _JAPANESE_BEFORE_DOT.match(s[i - 1]) is not None and (not nxt or nxt in " \t\u3000\n" + MASK or not nxt.isascii())
    return True


_JAPANESE_BEFORE_DOT = lazy_re(r"[\u3040-\u30ff\u3400-\u9fff々」』）]")


def _emit(block: Block, s: int, e: int, terminated: bool, out: list[Sentence]) -> None:
    raw = block.masked[s:e]
    lead = len(raw) - len(raw.lstrip(" \t\u3000\n" + MASK))
    trail = len(raw) - len(raw.rstrip(" \t\u3000\n" + MASK))
    s2, e2 = s + lead, e - trail
    if e2 <= s2:
        return
    out.append(Sentence(block.start + s2, block.start + e2, block.text[s2:e2], block.masked[s2:e2], block, terminated))


# --- normalisation -----------------------------------------------------------------------------

_WS = lazy_re(r"[\s\u3000" + MASK + r"]+")
_TRAIL_PUNCT = lazy_re(r"[。．.、,！!？?：:\s]+$")
_MD_MARKS = lazy_re(r"[*_`~#>]+")


def normalize(text: str) -> str:
    """Text for equality tests: NFKC (full/half-width), no whitespace or masks, no trailing
    punctuation, no Markdown marks."""
    t = unicodedata.normalize("NFKC", text.replace(MASK, " "))
    t = _MD_MARKS.sub("", t)
    t = _WS.sub("", t)
    return _TRAIL_PUNCT.sub("", t).lower()
