"""A JSON array of findings (streamed: one object per line inside the array)."""

from __future__ import annotations

import json

from kijilint.formatters.base import BaseFormatter, RunStats


class Formatter(BaseFormatter):
    def begin(self) -> None:
        self.out.write("[")
        self._first = True

    def file(self, result) -> None:
        for f in result.findings:
            self.out.write(("\n  " if self._first else ",\n  ") + json.dumps(f.to_dict(), ensure_ascii=False))
            self._first = False

    def end(self, stats: RunStats) -> None:
        self.out.write("\n]\n" if not self._first else "]\n")
