"""The Rule base class: a rule is metadata, options with defaults, and ``check``."""

from __future__ import annotations

import inspect
from typing import Any, Callable, ClassVar

from kijilint.findings import Edit, Finding, Fix


class Rule:
    """Subclasses set the class attributes and implement ``check``; the docstring is the rule's
    documentation (``kijilint rule CODE`` prints it): what it finds, why, a bad and a good
    example, and whether its fix is safe."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[str] = "warning"
    options: ClassVar[dict[str, Any]] = {}
    fix: ClassVar[str | None] = None  # None, "safe", "unsafe" or "sometimes"

    def __init__(self, options: dict[str, Any] | None = None, severity: str | None = None):
        self.opts = {**self.options, **(options or {})}
        self.level = severity or self.severity

    def check(self, doc, report: "Report") -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    @classmethod
    def validate_options(cls, opts: dict[str, Any]) -> None:
        """Raise ValueError for options that cannot work (a missing or broken data file), so a
        configuration mistake is reported once, as such, instead of failing on every file."""

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """The docstring's first paragraph, on one line."""
        return " ".join(cls.doc().split("\n\n", 1)[0].split())


class Report:
    """Collects a rule's findings; rules call it with offsets into the document text."""

    def __init__(self, rule: Rule, sink: Callable[[Finding], None]):
        self.rule = rule
        self._sink = sink

    def __call__(
        self, start: int, end: int, message: str, *, fix: Fix | None = None, severity: str | None = None, anchor: int | None = None
    ) -> None:
        r = self.rule
        self._sink(Finding(r.code, r.name, r.category, severity or r.level, message, start, end, fix, anchor=anchor))


def delete_fix(start: int, end: int, title: str, safe: bool = True) -> Fix:
    return Fix((Edit(start, end, ""),), safe, title)


def replace_fix(start: int, end: int, content: str, title: str, safe: bool = True) -> Fix:
    return Fix((Edit(start, end, content),), safe, title)


def quote(text: str, limit: int = 30) -> str:
    """Short quotation of the offending text for messages."""
    t = " ".join(text.split())
    return t if len(t) <= limit else t[: limit - 1] + "…"
