"""The formatter interface and the run summary every format can use."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import IO


@dataclass
class RunStats:
    files: int = 0
    skipped: int = 0
    by_severity: Counter = field(default_factory=Counter)
    by_category: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)
    fixed: int = 0
    fixable: int = 0  # findings with a safe fix left
    unsafe_fixable: int = 0

    def add(self, findings) -> None:
        for f in findings:
            self.by_severity[f.severity] += 1
            self.by_category[f.category] += 1
            self.by_rule[(f.code, f.name)] += 1
            if f.fix is not None:
                if f.fix.safe:
                    self.fixable += 1
                else:
                    self.unsafe_fixable += 1

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())


class BaseFormatter:
    def __init__(self, out: IO[str], *, color: bool = False, cwd: str = ".", statistics: bool = False):
        self.out = out
        self.color = color
        self.cwd = cwd
        self.statistics = statistics

    def begin(self) -> None:
        pass

    def file(self, result) -> None:
        raise NotImplementedError

    def end(self, stats: RunStats) -> None:
        pass
