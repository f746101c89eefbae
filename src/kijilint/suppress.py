"""Suppression comments in the Markdown itself, and the unused-suppression report (KJ001).

    <!-- kijilint-disable-next-line RP001 -->     the line after the comment
    <!-- kijilint-disable-line RP001 -->          the line(s) the comment is on
    <!-- kijilint-disable RP001 citation -->      from here …
    <!-- kijilint-enable -->                      … to here (or to the end of the file)
    <!-- kijilint-disable-file FM009 -->          the whole file

A directive names rules by code, code prefix, name or category (as ``--select``), separated by
spaces or commas; none means every rule.  ``-- reason`` after the names is ignored.  ``enable``
without names ends every open ``disable``; with names it re-enables just those.  MDX files may
use ``{/* kijilint-disable … */}``.  Comments inside code blocks and inline code are text, not
directives; so is anything in the front matter.

The engine calls ``apply`` once per document, after every rule ran and findings have lines.
Unused or unknown directives are reported only when KJ001 is selected, and a directive is only
judged on the rules this run selected (a ``--select FM`` run cannot tell whether a directive
naming RP001 is needed).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
from dataclasses import dataclass, field

from kijilint.config import matches
from kijilint._lazy_re import lazy_re

KJ001 = "KJ001"
# No article needs more; past this the rest are ignored (and KJ001 says so), which keeps a
# hostile file with thousands of comments from costing quadratic time.
MAX_DIRECTIVES = 1000
KINDS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")

_HTML = ("<!--", "-->")
_MDX = ("{/*", "*/}")
_BODY = lazy_re(r"[ \t\n]*kijilint-(?P<kind>[A-Za-z-]*)(?P<args>.*)\Z", re.S)
_BACKTICKS = lazy_re(r"`+")
_REASON = lazy_re(r"(?:^|\s)--(?:\s|$)")


@dataclass(eq=False)
class Directive:
    kind: str  # one of KINDS, or what was written if it is none of them
    selectors: tuple[str, ...]  # empty: every rule
    start: int  # offsets of the whole comment
    end: int
    line: int  # 1-based lines of the comment's first and last character
    end_line: int
    used: set[str] = field(default_factory=set)  # selectors that silenced something
    used_any: bool = False
    enable_effective: bool = False  # an ``enable`` that ended or narrowed an open ``disable``


@dataclass(eq=False)
class Region:
    directive: Directive
    selectors: tuple[str, ...]  # empty: every rule …
    exceptions: tuple[str, ...]  # … except these (re-enabled by a named ``enable``)
    start: int
    stop: int


def directives(doc) -> list[Directive]:
    """Every suppression comment of the body, in order; none inside code."""
    if "kijilint-" not in doc.text:
        return []
    delimiters = (_HTML, _MDX) if doc.mdx else (_HTML,)
    out: list[Directive] = []
    for b in doc.blocks:
        if b.kind in ("code", "hr") or "kijilint-" not in b.text:
            continue
        code = _code_spans(b.text) if b.kind != "html" else []
        starts = [s for s, _ in code]
        for opener, closer in delimiters:
            for start, end, kind, args in _comments(b.text, opener, closer):
                k = bisect_right(starts, start) - 1
                if k >= 0 and start < code[k][1]:
                    continue
                out.append(_directive(doc, b.start + start, b.start + end, kind.lower(), args))
    out.sort(key=lambda d: d.start)
    return out


def _comments(text: str, opener: str, closer: str):
    """(start, end, kind, args) of each ``kijilint-`` comment; a comment ends at the first closer
    (as in HTML), and the scan is linear even when closers are missing."""
    pos = 0
    while True:
        i = text.find(opener, pos)
        if i < 0:
            return
        j = text.find(closer, i + len(opener))
        if j < 0:
            return
        m = _BODY.match(text, i + len(opener), j)
        if m:
            yield i, j + len(closer), m["kind"], m["args"]
        pos = j + len(closer)


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Inline code spans: a run of n backticks up to the next run of exactly n (CommonMark)."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, deque] = defaultdict(deque)
    for i, (s, e) in enumerate(runs):
        by_length[e - s].append(i)
    spans = []
    k = 0
    while k < len(runs):
        s, e = runs[k]
        later = by_length[e - s]
        while later and later[0] <= k:
            later.popleft()
        if later:
            j = later.popleft()
            spans.append((s, runs[j][1]))
            k = j + 1
        else:
            k += 1
    return spans


def _directive(doc, start: int, end: int, kind: str, args: str) -> Directive:
    cut = _REASON.search(args)
    if cut:
        args = args[: cut.start()]
    selectors = tuple(s for s in re.split(r"[\s,]+", args.strip()) if s)
    if any(s.upper() == "ALL" for s in selectors):
        selectors = ()
    return Directive(kind, selectors, start, end, doc.line_of(start), doc.line_of(max(start, end - 1)))


def regions(doc, found: list[Directive]) -> list[Region]:
    """``disable`` … ``enable`` stretches, with named ``enable``s narrowing open ones."""
    open_: list[Region] = []
    closed: list[Region] = []
    for d in found:
        if d.kind == "disable":
            open_.append(Region(d, d.selectors, (), d.end, len(doc.text)))
        elif d.kind == "enable" and open_:
            names = {n.upper() for n in d.selectors}
            still: list[Region] = []
            for r in open_:
                rest = _narrow(r, d.selectors, names)
                if rest is r:
                    still.append(r)
                    continue
                d.enable_effective = True
                r.stop = d.start
                closed.append(r)
                if rest is not None:
                    still.append(Region(r.directive, rest[0], rest[1], d.end, len(doc.text)))
            open_ = still
    return closed + open_


def _narrow(r: Region, names: tuple[str, ...], upper: set[str]):
    """What stays disabled after ``enable names``: the same region, (selectors, exceptions) or None."""
    if not names:
        return None
    if not r.selectors:
        new = tuple(n for n in names if n not in r.exceptions)
        return (r.selectors, r.exceptions + new) if new else r
    if upper.isdisjoint(s.upper() for s in r.selectors):
        return r
    keep = tuple(s for s in r.selectors if s.upper() not in upper)
    return (keep, ()) if keep else None


def _units(found: list[Directive], spans: list[Region]):
    """(coordinate, name, exceptions, lo, hi, directive): what each name of each directive covers,
    as a half-open interval of finding lines (comment-placed directives) or offsets (regions)."""
    for d in found:
        if d.kind == "disable-file":
            lo, hi = 0, float("inf")
        elif d.kind == "disable-next-line":
            lo, hi = d.end_line + 1, d.end_line + 2
        elif d.kind == "disable-line":
            lo, hi = d.line, d.end_line + 1
        else:
            continue
        for name in d.selectors or ("*",):
            yield "line", name, (), lo, hi, d
    for r in spans:
        for name in r.selectors or ("*",):
            yield "start", name, r.exceptions, r.start, r.stop, r.directive


def _silence(findings: list, units: list, codes_of, *, only_named: bool = False) -> list:
    """Drop the findings some unit covers and mark the units' directives used.

    Grouped by (coordinate, name, exceptions) and bisected over the group's findings, so a file
    with thousands of comments and findings stays linear-logarithmic.
    """
    by_code: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(findings):
        by_code[f.code].append(i)
    groups: dict[tuple, list] = defaultdict(list)
    for coord, name, exceptions, lo, hi, d in units:
        if not (only_named and name == "*"):  # KJ001's findings: only a directive naming KJ001
            groups[(coord, name, exceptions)].append((lo, hi, d))
    silenced = [False] * len(findings)
    for (coord, name, exceptions), spans in groups.items():
        codes = set(by_code) if name == "*" else codes_of(name)
        for e in exceptions:
            codes = codes - codes_of(e)
        points = sorted(p for c in codes for i in by_code.get(c, ()) for p in _coordinates(findings[i], coord, i))
        if not points:
            continue
        keys = [p for p, _ in points]
        for lo, hi, d in spans:
            k = bisect_left(keys, lo)
            if k < len(keys) and keys[k] < hi:
                d.used_any = True
                d.used.add(name)
        for lo, hi in _union((lo, hi) for lo, hi, _ in spans):
            k = bisect_left(keys, lo)
            while k < len(keys) and keys[k] < hi:
                silenced[points[k][1]] = True
                k += 1
    return [f for f, gone in zip(findings, silenced) if not gone]


def _coordinates(f, coord: str, i: int):
    """Where a directive may name finding ``f``: its own line or offset, and its anchor's
    (the heading of a copied section reported from its body)."""
    yield getattr(f, coord), i
    if f.anchor is not None:
        other = f.anchor_line if coord == "line" else f.anchor
        if other != getattr(f, coord):
            yield other, i


def _union(intervals) -> list[tuple]:
    out: list[list] = []
    for lo, hi in sorted(intervals):
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def apply(doc, findings: list, rules: list) -> list:
    """The findings no directive silences, plus KJ001's findings if it is selected."""
    found = directives(doc)
    if not found:
        return findings
    overflow = found[MAX_DIRECTIVES] if len(found) > MAX_DIRECTIVES else None
    found = found[:MAX_DIRECTIVES]
    from kijilint import rules as registry

    known = list(registry.all_rules()) + [type(r) for r in rules]
    cache: dict[str, frozenset] = {}

    def codes_of(name: str) -> frozenset:
        got = cache.get(name)
        if got is None:
            got = cache[name] = frozenset(r.code for r in known if matches(name, r))
        return got

    units = list(_units(found, regions(doc, found)))
    kept = _silence(findings, units, codes_of)
    checker = next((r for r in rules if r.code == KJ001), None)
    if checker is None:
        return kept
    from kijilint.engine import finish
    from kijilint.rules.base import Report

    extra: list = []
    report = Report(checker, extra.append)
    for d, message in unused(found, rules, known, codes_of):
        report(d.start, d.end, message)
    if overflow is not None:
        report(overflow.start, overflow.end, f"抑制コメントが多すぎるため、ここから先は無視します（上限 {MAX_DIRECTIVES} 個）")
    finish(doc, extra)
    return kept + _silence(extra, units, codes_of, only_named=True)


def unused(found: list[Directive], rules: list, known: list, codes_of):
    """(directive, message) for each directive that is unknown or silenced nothing this run."""
    from kijilint import rules as registry
    from kijilint.rules.base import quote

    selected = {r.code for r in rules} - {KJ001}

    def judged(name: str) -> bool:
        # Every rule the name covers ran (KJ001 aside), so "silenced nothing" is a fact.
        codes = codes_of(name) - {KJ001}
        return bool(codes) and codes <= selected

    for d in found:
        if d.kind not in KINDS:
            yield d, f"不明な抑制コメント「kijilint-{d.kind}」です（{' / '.join(KINDS)} のいずれか）"
            continue
        bad = [s for s in d.selectors if s not in registry.CATEGORIES and not codes_of(s)]
        if bad:
            yield d, f"抑制コメントのルール指定 {', '.join(quote(s) for s in bad)} はどのルールにも当てはまりません"
            continue
        if d.kind == "enable":
            if not d.enable_effective:
                yield d, "対応する kijilint-disable のない kijilint-enable です"
            continue
        if not d.selectors:
            if judged("ALL") and not d.used_any:
                yield d, f"抑制コメント「kijilint-{d.kind}」で抑制された指摘がありません"
            continue
        idle = [s for s in d.selectors if s not in d.used and judged(s)]
        if not idle:
            continue
        if len(idle) == len(d.selectors):
            yield d, f"抑制コメント「kijilint-{d.kind} {' '.join(d.selectors)}」で抑制された指摘がありません"
        else:
            yield d, f"抑制コメントの {', '.join(idle)} で抑制された指摘がありません"
