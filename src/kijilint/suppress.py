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
from dataclasses import dataclass, field

from kijilint.config import matches

KJ001 = "KJ001"
KINDS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")

_HTML = re.compile(r"<!--[ \t\n]*kijilint-(?P<kind>[A-Za-z-]*)(?P<args>.*?)-->", re.S)
_MDX = re.compile(r"\{/\*[ \t\n]*kijilint-(?P<kind>[A-Za-z-]*)(?P<args>.*?)\*/\}", re.S)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)")


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

    def match(self, f) -> list[str]:
        """Selectors naming the finding (``["*"]`` for a directive without names)."""
        if not self.selectors:
            return ["*"]
        return [s for s in self.selectors if matches(s, f)]


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
    pattern = _MDX if doc.mdx else None
    out: list[Directive] = []
    for b in doc.blocks:
        if b.kind in ("code", "hr") or "kijilint-" not in b.text:
            continue
        code = [(m.start(), m.end()) for m in _CODE_SPAN.finditer(b.text)] if b.kind != "html" else []
        for regex in (_HTML, pattern):
            if regex is None:
                continue
            for m in regex.finditer(b.text):
                if any(s <= m.start() < e for s, e in code):
                    continue
                out.append(_directive(doc, b.start + m.start(), b.start + m.end(), m["kind"].lower(), m["args"]))
    out.sort(key=lambda d: d.start)
    return out


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
        elif d.kind == "enable":
            still: list[Region] = []
            for r in open_:
                rest = _narrow(r, d.selectors)
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


def _narrow(r: Region, names: tuple[str, ...]):
    """What stays disabled after ``enable names``: the same region, (selectors, exceptions) or None."""
    if not names:
        return None
    if not r.selectors:
        new = tuple(n for n in names if n not in r.exceptions)
        return (r.selectors, r.exceptions + new) if new else r
    keep = tuple(s for s in r.selectors if s.upper() not in {n.upper() for n in names})
    if len(keep) == len(r.selectors):
        return r
    return (keep, ()) if keep else None


def _covering(f, found: list[Directive], spans: list[Region]):
    """(directive, selectors) pairs that silence finding ``f``."""
    hits = []
    for d in found:
        if d.kind == "disable-file" or (d.kind == "disable-next-line" and f.line == d.end_line + 1) or (
                d.kind == "disable-line" and d.line <= f.line <= d.end_line):
            names = d.match(f)
            if names:
                hits.append((d, names))
    for r in spans:
        if r.start <= f.start < r.stop and not any(matches(e, f) for e in r.exceptions):
            names = r.directive.match(f) if r.selectors else ["*"]
            names = [n for n in names if not r.selectors or n in r.selectors]
            if names:
                hits.append((r.directive, names))
    return hits


def _silence(findings, found, spans, *, only_named: bool = False):
    kept = []
    for f in findings:
        hits = _covering(f, found, spans)
        if only_named:  # KJ001 findings: only a directive that names KJ001 silences them
            hits = [(d, n) for d, n in hits if d.selectors]
        for d, names in hits:
            d.used_any = True
            d.used.update(names)
        if not hits:
            kept.append(f)
    return kept


def apply(doc, findings: list, rules: list) -> list:
    """The findings no directive silences, plus KJ001's findings if it is selected."""
    found = directives(doc)
    if not found:
        return findings
    spans = regions(doc, found)
    kept = _silence(findings, found, spans)
    checker = next((r for r in rules if r.code == KJ001), None)
    if checker is None:
        return kept
    from kijilint.engine import finish
    from kijilint.rules.base import Report

    extra: list = []
    report = Report(checker, extra.append)
    for d, message in unused(found, rules):
        report(d.start, d.end, message)
    finish(doc, extra)
    return kept + _silence(extra, found, spans, only_named=True)


def unused(found: list[Directive], rules: list):
    """(directive, message) for each directive that is unknown or silenced nothing this run."""
    from kijilint import rules as registry
    from kijilint.rules.base import quote

    known = list(registry.all_rules()) + [type(r) for r in rules]
    selected = {r.code for r in rules} - {KJ001}

    def judged(names) -> bool:
        # Every rule the names cover ran (KJ001 aside), so "silenced nothing" is a fact.
        codes = {r.code for r in known if any(matches(n, r) for n in names)} - {KJ001}
        return bool(codes) and codes <= selected

    for d in found:
        if d.kind not in KINDS:
            yield d, f"不明な抑制コメント「kijilint-{d.kind}」です（{' / '.join(KINDS)} のいずれか）"
            continue
        bad = [s for s in d.selectors if s not in registry.CATEGORIES and not any(matches(s, r) for r in known)]
        if bad:
            yield d, f"抑制コメントのルール指定 {', '.join(quote(s) for s in bad)} はどのルールにも当てはまりません"
            continue
        if d.kind == "enable":
            if not d.enable_effective:
                yield d, "対応する kijilint-disable のない kijilint-enable です"
            continue
        if not d.selectors:
            if judged(["ALL"]) and not d.used_any:
                yield d, f"抑制コメント「kijilint-{d.kind}」で抑制された指摘がありません"
            continue
        idle = [s for s in d.selectors if s not in d.used and judged([s])]
        if not idle:
            continue
        if len(idle) == len(d.selectors):
            yield d, f"抑制コメント「kijilint-{d.kind} {' '.join(d.selectors)}」で抑制された指摘がありません"
        else:
            yield d, f"抑制コメントの {', '.join(idle)} で抑制された指摘がありません"
