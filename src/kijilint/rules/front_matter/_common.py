"""Helpers shared by the front-matter rules (not a rule)."""

from __future__ import annotations

import re
from datetime import date, datetime
from kijilint._lazy_re import lazy_re

_DATE = lazy_re(
    r"^(?P<y>\d{4})(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"(?:[T ]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?)?"
    # +900: Ruby (Jekyll) reads +HMM too; +9:00 and +9: YAML's timestamp takes a one-digit hour
    r"(?:\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|[+-]\d{3}|[+-]\d{1,2}(?::\d{2})?))?\s*$"
)


class DateProblem(ValueError):
    pass


def parse_date(value) -> date:
    """Parse a front-matter date string strictly; raise DateProblem with a Japanese reason."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    m = _DATE.match(s)
    if not m:
        other = _other_format(s)
        if other is None:
            raise DateProblem(f"日付として読めません: {s!r}（例: 2026-02-22 10:55:47 +0900）")
        return other
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    try:
        day = date(y, mo, d)
    except ValueError:
        raise DateProblem(f"存在しない日付です: {s!r}") from None
    if m["H"] is not None:
        H, M, S = int(m["H"]), int(m["M"]), int(m["S"] or 0)
        if H > 23 or M > 59 or S > 60:
            raise DateProblem(f"存在しない時刻です: {s!r}")
    if m["tz"] and m["tz"] != "Z":
        sign, digits = m["tz"][0], m["tz"][1:]
        if ":" in digits:
            hours, minutes = digits.split(":")
            tz = sign + hours.zfill(2) + minutes  # +9:00 -> +0900
        elif len(digits) <= 2:
            tz = sign + digits.zfill(2) + "00"  # +9 -> +0900
        else:
            tz = sign + digits.zfill(4)  # +900 -> +0900
        if int(tz[1:3]) > 14 or int(tz[3:5]) > 59:
            raise DateProblem(f"タイムゾーンが不正です: {s!r}")
    return day


# Formats other generators and hand-written blogs use (Jekyll and Gatsby parse them too):
# 2021年3月4日, 2021.03.04, 20210304, March 4, 2021, 4 Mar 2021, RFC 2822, 04-03-2021 (day and
# month in either order), a trailing zone name.
_JA_DATE = lazy_re(r"^(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日")
_DOT_DATE = lazy_re(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})(?:$|[\sT])")
_COMPACT = lazy_re(r"^(\d{4})(\d{2})(\d{2})$")
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_EN_MDY = lazy_re(r"^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_EN_DMY = lazy_re(r"^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
# 11-09-2019, 14:23 (Grav's d-m-Y, H:i) or 09/11/2019 (m/d/Y): day and month in either order
_DAY_MONTH_YEAR = lazy_re(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:$|[\s,T])")
_ZONE_NAME = lazy_re(r"\s+(?:JST|UTC|GMT|[A-Z]{3,4})$")


def _other_format(s: str) -> date | None:
    """A date written in another common format, checked for existence; None if it is none."""
    ymd = None
    m = _JA_DATE.match(s) or _DOT_DATE.match(s) or _COMPACT.match(s)
    if m:
        ymd = int(m[1]), int(m[2]), int(m[3])
    else:
        m = _EN_MDY.match(s)
        if m and m[1][:3].lower() in _MONTHS:
            ymd = int(m[3]), _MONTHS[m[1][:3].lower()], int(m[2])
        else:
            m = _EN_DMY.match(s)
            if m and m[2][:3].lower() in _MONTHS:
                ymd = int(m[3]), _MONTHS[m[2][:3].lower()], int(m[1])
    if ymd is None and (m := _DAY_MONTH_YEAR.match(s)):
        a, b, y = int(m[1]), int(m[3]), int(m[4])
        for mo, d in ((b, a), (a, b)):  # (either reading that is a real day will do)
            try:
                return date(y, mo, d)
            except ValueError:
                pass
        raise DateProblem(f"存在しない日付です: {s!r}")
    if ymd is None:
        bare = _ZONE_NAME.sub("", s)
        if bare != s and _DATE.match(bare):
            return parse_date(bare)
        return None
    try:
        return date(*ymd)
    except ValueError:
        raise DateProblem(f"存在しない日付です: {s!r}") from None


def value_span(doc, key: str) -> tuple[int, int]:
    """Offsets of a key's value in the document (the key itself if the value is empty)."""
    fm = doc.front_matter
    info = fm.keys.get(key)
    if info is None:
        return fm.start, fm.start + 3
    if info.value_end > info.value_start:
        return info.value_start, info.value_end
    return info.key_start, info.key_end


def key_span(doc, key: str) -> tuple[int, int]:
    fm = doc.front_matter
    info = fm.keys.get(key)
    if info is None:
        return fm.start, fm.start + 3
    return info.key_start, info.key_end


def usable(doc) -> bool:
    """Front matter present, terminated, parsed, and a mapping."""
    fm = doc.front_matter
    return fm is not None and fm.terminated and fm.error is None and not fm.bad_tags and isinstance(fm.data, dict)


_YAML_KEY = lazy_re(r"^\s*(?:-\s+)?[^\s#:][^:\n]*:(?:\s|$)", re.M)
_PROSE_LINE = lazy_re(r"^\s*(?:#{1,6}\s|.*[。．！？])", re.M)


def meant_as_yaml(fm) -> bool:
    """Whether a leading ``---`` block was meant as front matter.  A document that opens with a
    thematic break (``---`` ⏎ ``# はじめに`` / ``本文です。``, slide decks, essays) has no
    ``key:`` line, only headings or sentences: that is Markdown, not broken YAML.  (Unterminated
    blocks are judged by their first non-blank line only.)"""
    text = fm.yaml_text
    if not fm.terminated:
        first = next((ln for ln in text.split("\n", 50)[:50] if ln.strip()), "")
        return bool(_YAML_KEY.match(first)) or not _PROSE_LINE.match(first)
    if _YAML_KEY.search(text):
        return True
    return not _PROSE_LINE.search(text)
