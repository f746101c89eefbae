"""Generation markers found on raw body lines (shared by EN001 and the truncation rules).

Markers are matched on the raw text, line by line, because markdown-it reads them variously as
paragraph text, HTML or part of a neighbouring paragraph; code blocks, HTML blocks and masked
spans (inline code, URLs) are skipped so documentation *about* these tokens stays silent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kijilint import _re_cache, packs
from kijilint.markdown import MASK


@dataclass(frozen=True)
class Marker:
    start: int  # offset of the marker text
    end: int
    line_start: int  # offset of its line
    line_end: int  # end of its line (newline excluded)
    whole_line: bool  # nothing else on the line
    name: str


@lru_cache(maxsize=16)
def compiled(pack: str):
    """(patterns, prefilter): each pattern as (name, may_end_a_line, regex); the prefilter finds
    candidate lines in one pass over the text."""
    data = packs.load(pack)
    out = []
    for p in data.get("patterns") or []:
        regex = p["regex"]
        at_end = p.get("where", "line") == "end"
        out.append((p.get("name", regex), at_end, _re_cache.compile(regex, re.I)))
    union = "|".join(f"(?:{rx.pattern})" for _, _, rx in out) or r"(?!)"
    return tuple(out), _re_cache.compile(union, re.I)


def find_markers(doc, pack: str = "generation-markers") -> list[Marker]:
    key = ("EN:markers", pack)
    got = doc.cache.get(key)
    if got is None:
        got = doc.cache[key] = _scan(doc, compiled(pack))
    return got


def _scan(doc, compiled_pack) -> list[Marker]:
    patterns, prefilter = compiled_pack
    text = doc.text
    skip = [(b.start, b.end) for b in doc.blocks if b.kind in ("code", "html")]
    out: list[Marker] = []
    pos = doc.body_start
    while pos <= len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        # A marker is the whole line or ends it, so only the line's tail is searched: a search
        # over a long line restarts at every character (60,000 dashes took minutes).
        tail_start = max(pos, len(text[pos:end].rstrip()) + pos - _TAIL)
        if prefilter.search(text, tail_start, end) and not any(s <= pos < e for s, e in skip):
            m = _match_line(text[tail_start:end], patterns, not text[pos:tail_start].strip())
            if m is not None:
                s, e, whole, name = m
                if not _masked(doc, tail_start + s, tail_start + e):
                    out.append(Marker(tail_start + s, tail_start + e, pos, end, whole, name))
        if nl < 0:
            break
        pos = nl + 1
    return out


_TAIL = 256  # the longest marker looked for, surrounding spaces included


def _match_line(line: str, patterns, starts_line: bool = True):
    """``line`` is the tail of a line (the whole line when ``starts_line``)."""
    stripped = line.rstrip()
    for name, at_end, rx in patterns:
        for m in rx.finditer(stripped):
            whole = starts_line and not stripped[: m.start()].strip() and m.end() == len(stripped)
            if whole or (at_end and m.end() == len(stripped)):
                return m.start(), m.end(), whole, name
    return None


def _masked(doc, start: int, end: int) -> bool:
    """Inside inline code (or another non-prose span) of a prose block."""
    b = doc.block_at(start)
    if b is None or not b.is_prose:
        return False
    seg = b.masked[start - b.start : end - b.start]
    # The masking marks HTML-like tokens too; a marker is masked only when code hides it.
    raw = b.text
    i = start - b.start
    return MASK in seg and _in_backticks(raw, i)


def _in_backticks(raw: str, i: int) -> bool:
    line_start = raw.rfind("\n", 0, i) + 1
    return raw.count("`", line_start, i) % 2 == 1


def marker_lines(doc, pack: str = "generation-markers") -> set[int]:
    """Offsets of the starts of lines that are nothing but a marker."""
    return {m.line_start for m in find_markers(doc, pack) if m.whole_line}
