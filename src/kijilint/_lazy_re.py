"""Module-level regular expressions compiled on first use.

A character class over CJK ranges (``[\\u3400-\\u9fff]``) costs Python's ``re`` about a
millisecond to compile, and kijilint defines over a hundred of them: compiled at import they
took a third of a cold start (94 ms of 330 ms for one article).  Most are needed only on rare
paths, so each compiles when a rule first uses it, and ``_re_cache`` keeps the compiled
program across runs.
"""

from __future__ import annotations

from kijilint import _re_cache


class LazyPattern:
    """Stands in for ``re.compile(pattern, flags)``: every attribute (``search``, ``match``,
    ``sub``, ``pattern``…) is the compiled pattern's, compiled on first access and then kept
    on the instance, so later calls cost a plain attribute lookup."""

    def __init__(self, pattern: str, flags: int = 0):
        self._args = (pattern, flags)
        self._compiled = None

    def __getattr__(self, name: str):
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = _re_cache.compile(*self._args)
        value = getattr(compiled, name)
        setattr(self, name, value)  # (found by the normal lookup from now on)
        return value


def lazy_re(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
