"""LSP 3.17 diagnostics as one JSON document: ``[{"uri": "file://…", "diagnostics": [...]}, …]``.

Each Diagnostic has the shape the language server (``kijilint lsp``) publishes — both build it
with ``diagnostic`` below — so a script or an editor plugin can use ``check --format lsp`` as is:
``range`` (0-based lines, UTF-16 ``character`` offsets: an emoji or 𠮷 counts 2), ``severity``
(1 error, 2 warning, 3 info), ``code``, ``codeDescription`` when the rule names a doc page,
``source: "kijilint"``, ``message`` and ``data`` = ``{"rule", "category", "fix"}`` where ``fix``
is ``null`` or ``{"title", "safe", "edits": [{"range", "newText"}]}`` (LSP TextEdits).
Every linted file gets an entry, an empty list included, so a consumer can clear stale ones.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from kijilint.formatters.base import BaseFormatter, RunStats

SOURCE = "kijilint"
SEVERITY = {"error": 1, "warning": 2, "info": 3}
HINT = 4


def lsp_range(line0: int, char0: int, line1: int, char1: int) -> dict:
    return {"start": {"line": line0, "character": char0}, "end": {"line": line1, "character": char1}}


def diagnostic(finding, rng: dict, edit_ranges: list[dict] | None = None) -> dict:
    """An LSP Diagnostic (plain JSON) for ``finding``; ``rng`` and ``edit_ranges`` (one per fix
    edit, same order) are LSP ranges in whatever position encoding the caller speaks."""
    d = {
        "range": rng,
        "severity": SEVERITY.get(finding.severity, HINT),
        "code": finding.code,
        "source": SOURCE,
        "message": finding.message,
    }
    href = rule_doc_url(finding.code)
    if href:
        d["codeDescription"] = {"href": href}
    fix = None
    if finding.fix is not None:
        edits = [{"range": r, "newText": e.content} for r, e in zip(edit_ranges or (), finding.fix.edits)]
        fix = {"title": finding.fix.title, "safe": finding.fix.safe, "edits": edits}
    d["data"] = {"rule": finding.name, "category": finding.category, "fix": fix}
    return d


def diagnostic16(finding) -> dict:
    """The Diagnostic from the UTF-16 positions the engine already computed."""
    return diagnostic(finding, lsp_range(*finding.range16), [lsp_range(*e[:4]) for e in finding.edits16])


@lru_cache(maxsize=None)
def rule_doc_url(code: str) -> str | None:
    """A rule's documentation page, if its class names one (``doc_url``); none do yet, so
    ``codeDescription`` is omitted rather than pointing at a page that does not exist."""
    from kijilint import rules as registry

    cls = registry.find(code)
    return getattr(cls, "doc_url", None) if cls is not None else None


def path_uri(path: str) -> str:
    if not path or path == "-":
        return "untitled:stdin"
    return Path(os.path.abspath(path)).as_uri()


class Formatter(BaseFormatter):
    def begin(self) -> None:
        self.out.write("[")
        self._first = True

    def file(self, result) -> None:
        entry = {"uri": path_uri(result.path), "diagnostics": [diagnostic16(f) for f in result.findings]}
        self.out.write(("\n  " if self._first else ",\n  ") + json.dumps(entry, ensure_ascii=False))
        self._first = False

    def end(self, stats: RunStats) -> None:
        self.out.write("\n]\n" if not self._first else "]\n")
