"""A one-line progress bar on stderr, only on a terminal and only for runs long enough to need it.

Hand-written (no rich/tqdm import on the hot start-up path).  The bar is erased before an
outcome the caller will print is handed over, so findings and error lines printed to the same
terminal never land in the middle of it; it is redrawn at most ten times a second.
"""

from __future__ import annotations

import sys
import time

MIN_FILES = 20  # fewer files finish before a bar would help
INTERVAL = 0.1


class Progress:
    def __init__(self, total: int, enabled: bool = True, stream=None):
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.enabled = enabled and total >= MIN_FILES and _isatty(self.stream)
        self.drawn = False
        self.last = 0.0
        self.started = time.monotonic()

    def advance(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last >= INTERVAL or self.done == self.total:
            self.last = now
            self._draw()

    def before_output(self) -> None:
        if self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.drawn = False

    def close(self) -> None:
        self.before_output()

    def _draw(self) -> None:
        width = 30
        filled = width * self.done // max(1, self.total)
        rate = self.done / max(1e-6, time.monotonic() - self.started)
        self.stream.write(f"\r[{'#' * filled}{'-' * (width - filled)}] {self.done}/{self.total} ファイル ({rate:.0f}/s)")
        self.stream.flush()
        self.drawn = True


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
