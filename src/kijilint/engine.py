"""Run the selected rules over one Document: positions, suppressions, order.

The public entry points are ``lint_document`` (an analysed Document) and ``lint_text`` /
``lint_bytes`` (convenience for tests, the LSP server and the runner).
"""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass, field

from kijilint.document import Document
from kijilint.findings import Finding
from kijilint.rules.base import Report


@dataclass
class LintResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # internal errors, printed on stderr
    skipped: str | None = None  # why the file was not linted (binary…)


def lint_document(doc: Document, rules: list) -> LintResult:
    result = LintResult(doc.path)
    found: list[Finding] = []
    for rule in rules:
        try:
            rule.check(doc, Report(rule, found.append))
        except Exception as err:  # a broken rule never takes the run down
            result.errors.append(f"{doc.path}: rule {rule.code} failed: {err!r}\n{traceback.format_exc(limit=3)}")
    finish(doc, found)
    try:
        from kijilint import suppress
    except ImportError:  # pragma: no cover
        suppress = None
    if suppress is not None:
        found = suppress.apply(doc, found, rules)
    result.findings = sorted(_dedupe(found), key=Finding.sort_key)
    return result


def finish(doc: Document, findings: list[Finding]) -> None:
    """Compute human and LSP positions for findings and their fix edits."""
    lm = doc.line_map
    n = len(doc.text)
    for f in findings:
        f.path = doc.path
        f.start = max(0, min(f.start, n))
        f.end = max(f.start, min(f.end, n))
        f.line, f.column = lm.position(f.start)
        f.end_line, f.end_column = lm.position(f.end)
        f.anchor_line = lm.position(max(0, min(f.anchor, n)))[0] if f.anchor is not None else f.line
        l0, c0 = lm.utf16(f.start)
        l1, c1 = lm.utf16(f.end)
        f.range16 = (l0, c0, l1, c1)
        if f.fix is not None:
            f.edits_pos = []
            f.edits16 = []
            for e in f.fix.edits:
                a, b = lm.position(e.start), lm.position(e.end)
                f.edits_pos.append({"line": a[0], "column": a[1], "end_line": b[0], "end_column": b[1], "content": e.content})
                f.edits16.append((*lm.utf16(e.start), *lm.utf16(e.end), e.content))


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen = set()
    out = []
    for f in findings:
        key = (f.code, f.start, f.end, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def lint_text(text: str, path: str = "-", rules: list | None = None) -> LintResult:
    return lint_document(Document.from_text(text, path), rules if rules is not None else default_rules())


def lint_bytes(data: bytes, path: str = "-", rules: list | None = None) -> LintResult:
    return lint_document(Document.from_bytes(data, path), rules if rules is not None else default_rules())


def default_rules() -> list:
    from kijilint.config import Config, selected_rules

    return selected_rules(Config())


def warn(msg: str) -> None:
    print(msg, file=sys.stderr)
