"""Applying fixes: non-overlapping edits, re-lint, repeat (bounded); never corrupt the text.

Edits are made on the file's *original* text (each offset mapped back from the normalised
text), so line endings, encoding and BOM of everything untouched stay exactly as they were.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from dataclasses import dataclass

from kijilint.document import Document
from kijilint.engine import LintResult, lint_document
from kijilint.findings import Edit, Finding
from kijilint.source import Source

MAX_ROUNDS = 10


@dataclass
class FixOutcome:
    source: Source  # the fixed source
    result: LintResult  # findings that remain
    fixed: int  # number of findings fixed
    changed: bool


def choose(findings: list[Finding], unsafe: bool) -> list[Finding]:
    """Fixable findings whose edits overlap no other chosen edit (first come, first served)."""
    chosen: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if f.fix is None or (not f.fix.safe and not unsafe):
            continue
        spans = [(e.start, e.end) for e in f.fix.edits]
        if any(_overlaps(a, b, s, e) for a, b in spans for s, e in taken):
            continue
        chosen.append(f)
        taken.extend(spans)
    return chosen


def _overlaps(a: int, b: int, s: int, e: int) -> bool:
    if a == b or s == e:  # insertions conflict only at the same point or strictly inside
        return s < a < e or a < s < b or a == s
    return a < e and s < b


def apply_edits(source: Source, edits: list[Edit]) -> str:
    """New *original* text with the (non-overlapping) edits applied."""
    text = source.original
    out = []
    cursor = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        a, b = source.to_original(e.start), source.to_original(e.end)
        if a < cursor:
            continue
        out.append(text[cursor:a])
        out.append(e.content.replace("\n", source.newline) if source.newline != "\n" else e.content)
        cursor = b
    out.append(text[cursor:])
    return "".join(out)


def fix_document(doc: Document, rules: list, unsafe: bool = False) -> FixOutcome:
    source = doc.source
    result = lint_document(doc, rules)
    fixed = 0
    changed = False
    for _ in range(MAX_ROUNDS):
        chosen = choose(result.findings, unsafe)
        if not chosen:
            break
        new_original = apply_edits(source, [e for f in chosen for e in f.fix.edits])
        if new_original == source.original:
            break
        source = Source.from_text(new_original, strip_bom=False, encoding=source.encoding, bom=source.bom)
        source.newline = doc.source.newline
        doc = Document(source, doc.path)
        result = lint_document(doc, rules)
        fixed += len(chosen)
        changed = True
    return FixOutcome(source, result, fixed, changed)


def unified_diff(path: str, before: str, after: str) -> str:
    a = before.splitlines(keepends=True)
    b = after.splitlines(keepends=True)
    return "".join(difflib.unified_diff(a, b, fromfile=f"a/{path}", tofile=f"b/{path}"))


def write_atomic(path: str, data: bytes) -> None:
    """Write via a temporary file in the same directory and rename; keep the permissions."""
    directory = os.path.dirname(os.path.abspath(path))
    mode = None
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(prefix=".kijilint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
