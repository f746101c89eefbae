from __future__ import annotations


from kijilint.markdown import MASK
from kijilint.rules.base import Rule
from kijilint.rules.front_matter._common import usable, value_span
from kijilint._lazy_re import lazy_re

_COUNTED = lazy_re(r"[\s" + MASK + r"#>*_`|\-]+")


def body_chars(doc) -> int:
    """Characters a reader reads: prose blocks, without whitespace and Markdown marks."""
    return sum(len(_COUNTED.sub("", b.masked)) for b in doc.prose_blocks)


class ReadingTime(Rule):
    """Finds a ``reading_time`` far from what the body's length implies.

    Why: the pipeline computed it before the body was regenerated or pasted twice (or the
    model made it up); readers see "8 分" on a 25-minute article.  Only large gaps are
    reported: Japanese readers read roughly 400–600 characters a minute, so a value is flagged
    only when it implies reading faster than ``max_chars_per_minute`` (default 800, counting
    prose) or slower than ``min_chars_per_minute`` (default 200, counting every character of
    the body, markup, code and embeds too, as site generators count: slower than Hugo's 213
    CJK characters a minute, the slowest common estimate), and is at least 2 minutes off —
    never for ordinary variation.
    Bad:  ``reading_time: 90`` on a 2,000-character article; ``reading_time: 8`` on 9,500
    Good: ``reading_time: 4``
    Fix: none (the right figure is an editorial choice).
    """

    code, name, category, severity = "FM009", "front-matter-reading-time", "front-matter", "warning"
    options = {"key": "reading_time", "max_chars_per_minute": 800, "min_chars_per_minute": 200, "typical_chars_per_minute": 500}

    def check(self, doc, report):
        if not usable(doc):
            return
        key = self.opts["key"]
        v = doc.front_matter.data.get(key)
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v <= 0:
            return
        prose = body_chars(doc)
        # a generator counts the whole body, photo embeds and code too (a 16,000-character post
        # of 2,500 characters' prose says 29 分): "too slow" must hold even for that count
        raw = sum(map(len, doc.text[doc.body_start :].split()))  # (non-space characters)
        fast = prose / v > float(self.opts["max_chars_per_minute"])
        slow = raw / v < float(self.opts["min_chars_per_minute"])
        expected = prose / float(self.opts["typical_chars_per_minute"])
        if (fast or slow) and abs(expected - v) >= 2:
            s, e = value_span(doc, key)
            shown = max(1, round(expected))
            report(s, e, f'front matter の "{key}: {v}" が本文の長さ（約 {prose:,} 字、目安 {shown} 分）と大きく食い違っています')
