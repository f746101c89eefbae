"""The compiled-regex cache: the same patterns as ``re.compile``, from a file on the next run."""

from __future__ import annotations

import os
import re

import pytest

from kijilint import _re_cache

PATTERNS = [
    (r"[\u3040-\u30ff\u3400-\u9fff]+$", 0),
    (r"(?P<word>[A-Za-z]+)\s*(?P=word)", re.I),
    (r"^(?:\d{4})[-/](\d{2})[-/](\d{2})(?![0-9A-Za-z])", 0),
    (r"(?<=[ぁ-ん])(?:ね|よ)$", re.M),
]
TEXTS = ["日本語のテキストです", "the The word", "2018/09/06-x", "2018/09/51MS", "そうだね", "abc"]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A cache directory of its own and a module that has loaded nothing yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("KIJILINT_NO_REGEX_CACHE", raising=False)
    monkeypatch.setattr(_re_cache, "_entries", None)
    monkeypatch.setattr(_re_cache, "_here", {})
    monkeypatch.setattr(_re_cache, "_dirty", True)  # (no atexit writer from a test)
    return tmp_path


def _same(a: re.Pattern, b: re.Pattern) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in TEXTS:
        ma, mb = a.search(text), b.search(text)
        assert (ma and (ma.span(), ma.groups())) == (mb and (mb.span(), mb.groups())), text


def test_compiles_as_re_does_then_reads_the_saved_programs(fresh, monkeypatch):
    for p, f in PATTERNS:
        _same(_re_cache.compile(p, f), re.compile(p, f))
    _re_cache._save()
    path = _re_cache.cache_file()
    assert path.startswith(str(fresh)) and os.path.getsize(path) > 0

    monkeypatch.setattr(_re_cache, "_entries", None)  # as a new process would start
    monkeypatch.setattr(_re_cache, "_here", {})
    compiled = [_re_cache.compile(p, f) for p, f in PATTERNS]
    assert set(_re_cache._entries) >= {(p, f) for p, f in PATTERNS}  # came from the file
    for c, (p, f) in zip(compiled, PATTERNS):
        _same(c, re.compile(p, f))


def test_a_corrupt_or_foreign_file_falls_back_to_compiling(fresh, monkeypatch):
    path = _re_cache.cache_file()
    os.makedirs(os.path.dirname(path))
    with open(path, "wb") as f:
        f.write(b"not marshal data at all")
    p, flags = PATTERNS[0]
    _same(_re_cache.compile(p, flags), re.compile(p, flags))

    # an entry whose program is garbage is refused by _sre and compiled afresh
    monkeypatch.setattr(_re_cache, "_entries", {(p, flags): (flags, [1, 2, 3], 0, {}, ())})
    monkeypatch.setattr(_re_cache, "_here", {})
    _same(_re_cache.compile(p, flags), re.compile(p, flags))


def test_switched_off_and_bad_patterns(fresh, monkeypatch):
    monkeypatch.setenv("KIJILINT_NO_REGEX_CACHE", "1")
    p, flags = PATTERNS[1]
    _same(_re_cache.compile(p, flags), re.compile(p, flags))
    assert _re_cache._entries is None  # nothing read, nothing kept

    monkeypatch.delenv("KIJILINT_NO_REGEX_CACHE")
    with pytest.raises(re.error):
        _re_cache.compile(r"[unclosed")


def test_the_file_does_not_grow_without_bound(fresh, monkeypatch):
    monkeypatch.setattr(_re_cache, "_MAX_ENTRIES", 3)
    for i in range(7):
        _re_cache.compile(f"x{i}[\\u3040-\\u30ff]")
    assert 1 <= len(_re_cache._entries) <= 3 and ("x6[\\u3040-\\u30ff]", 0) in _re_cache._entries


def test_one_pattern_written_in_two_modules_compiles_once(fresh):
    p, flags = PATTERNS[0]
    assert _re_cache.compile(p, flags) is _re_cache.compile(p, flags)
