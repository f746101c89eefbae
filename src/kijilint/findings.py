"""Findings, fixes and edits: what rules produce and every formatter consumes."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] (offsets into the normalised document text) with ``content``."""

    start: int
    end: int
    content: str = ""


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    safe: bool
    title: str

    @property
    def applicability(self) -> str:
        return "safe" if self.safe else "unsafe"


@dataclass
class Finding:
    code: str
    name: str
    category: str
    severity: str
    message: str
    start: int  # offsets into the normalised document text
    end: int
    fix: Fix | None = None
    path: str = ""
    # Where the flagged construct begins when the finding starts later (a copied section's
    # heading): a suppression comment above it silences the finding too.
    anchor: int | None = None
    anchor_line: int = 0
    # Filled in by the engine from the document's line map:
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    range16: tuple[int, int, int, int] = (0, 0, 0, 0)  # LSP: 0-based lines, UTF-16 characters
    edits_pos: list[dict] = field(default_factory=list)  # fix edits with line/column
    edits16: list[tuple[int, int, int, int, str]] = field(default_factory=list)  # fix edits as LSP ranges + text

    def sort_key(self):
        return (self.line, self.column, self.code, self.end_line, self.end_column, self.message)

    def to_dict(self) -> dict:
        fix = None
        if self.fix is not None:
            fix = {"applicability": self.fix.applicability, "message": self.fix.title, "edits": self.edits_pos}
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "rule": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "fix": fix,
        }
