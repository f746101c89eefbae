"""Compiled regular expressions kept across runs, so a cold start does not pay for them again.

Python's ``re`` builds the matcher of a CJK character class (``[\\u3400-\\u9fff]``) one code
point at a time: about 2-4 ms a class, 60-70 ms of a one-article run for kijilint's patterns,
a quarter of its cold start.  The compiled program is plain data (a list of ints), so it is
kept in the user's cache directory (``$XDG_CACHE_HOME/kijilint`` or ``~/.cache/kijilint``),
one file per Python build, and handed straight to ``_sre`` next time; ``_sre`` validates
every program it is given.  Any problem (no cache directory, a file from elsewhere, another
interpreter's internals) falls back to ``re.compile``: the cache only ever saves time.
``KIJILINT_NO_REGEX_CACHE=1`` turns it off.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys

try:  # CPython's internals; elsewhere plain re.compile does the work
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - other interpreters
    _sre = None

_FORMAT = 1
_MAX_ENTRIES = 2000  # kijilint's own patterns are about 150
_entries: dict | None = None
_dirty = False
_here: dict = {}  # (pattern, flags) -> compiled, in this process: one class written in several modules compiles once


def cache_file() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    build = f"{sys.implementation.cache_tag}-{getattr(_sre, 'MAGIC', 0)}-{_FORMAT}"
    return os.path.join(base, "kijilint", f"regex-{build}.marshal")


def _enabled() -> bool:
    return _sre is not None and os.environ.get("KIJILINT_NO_REGEX_CACHE", "") in ("", "0")


def _load() -> dict:
    try:
        with open(cache_file(), "rb") as f:
            data = marshal.loads(f.read())  # (marshal.load on the file reads it piecemeal: 20 times slower)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def _save() -> None:
    path = cache_file()
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(marshal.dumps(_entries))
        os.replace(tmp, path)  # (parallel workers each write a whole file; the last one stays)
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _program(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands to ``_sre.compile``, as plain data."""
    p = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(p, flags)]  # (opcodes are an int subclass marshal refuses)
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (flags | p.state.flags, code, p.state.groups - 1, groupindex, tuple(indexgroup))


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the cache when this build compiled it before."""
    global _entries, _dirty
    if not isinstance(pattern, str) or not _enabled():
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    compiled = _here.get(key)
    if compiled is not None:
        return compiled
    if _entries is None:
        _entries = _load()
    entry = _entries.get(key)
    if entry is not None:
        try:
            compiled = _here[key] = _sre.compile(pattern, *entry)
            return compiled
        except Exception:  # a stale or foreign entry: compile it afresh below
            pass
    try:
        entry = _program(pattern, int(flags))
        compiled = _sre.compile(pattern, *entry)
    except re.error:
        raise
    except Exception:  # internals this module does not know: no caching
        return re.compile(pattern, flags)
    if len(_entries) >= _MAX_ENTRIES:
        _entries.clear()  # (patterns built from ever-changing packs must not grow the file forever)
    _entries[key] = entry
    _here[key] = compiled
    if not _dirty:
        _dirty = True
        atexit.register(_save)
    return compiled
