import re

from kijilint._lazy_re import lazy_re


def test_compiles_on_first_use_and_behaves_like_re():
    rx = lazy_re(r"[\u3040-\u309f]+", re.I)
    assert rx._compiled is None  # nothing compiled at definition (import) time
    assert rx.search("abc ひらがな def").group() == "ひらがな"
    assert rx._compiled is not None
    assert rx.pattern == r"[\u3040-\u309f]+" and rx.flags & re.I
    assert rx.sub("-", "aあいb") == "a-b"
    assert [m.span() for m in rx.finditer("あxい")] == [(0, 1), (2, 3)]


def test_a_bad_pattern_fails_when_used():
    rx = lazy_re(r"(")
    try:
        rx.search("x")
    except re.error:
        return
    raise AssertionError("an invalid pattern must raise re.error on first use")
