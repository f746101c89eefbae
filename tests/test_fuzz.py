"""Fuzzing the whole pipeline (every rule) on arbitrary Unicode and arbitrary bytes: no exception
ever escapes, no rule crashes, and every position lies inside the file."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kijilint.engine import default_rules, lint_bytes, lint_text
from kijilint.source import BinaryFileError, Source

RULES = default_rules()
FRAGMENTS = [
    "---\n", "---", "title: x\n", "title: x\ntitle: y\n", "date: 2026-02-30\n", "a: &a [*a]\n", "!!python/object:x\n",
    "# ", "## 見出し\n", "\n\n", "\n", "\r\n", "\r", "```\n", "~~~", "`", "    code\n", "- ", "1. ", "> ", "* ",
    "[^1]", "[^1]: 脚注\n", "[cite: 1]", "【4:0†source】", "citeturn0search3", "[リンク](https://example.com)",
    "<!-- kijilint-disable -->", "<!-- kijilint-disable-next-line RP001 -->", "<div>", "</div>", "{% raw %}", "{{ x }}",
    "|a|b|\n|-|-|\n|1|2|\n", "「", "」", "（", "）", "。", "、", "！？", "…", "です。", "ます。", "しかし、", "これは本文です。",
    "これは本文です。これは本文です。", "\ufeff", "\ufffc", "\u3000", "\t", "🍣", "ｱｲｳ", "\x00", "\x0b", "\u2028", "\ufffd",
]

text_strategy = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=60).map("".join)


def _check_positions(result, text: str, normalised: bool = False) -> None:
    assert result.errors == [], result.errors
    lines = (text if normalised else Source.from_text(text).text).split("\n")
    for f in result.findings:
        assert 1 <= f.line <= len(lines), (f.code, f.line, len(lines))
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, (f.code, f.line, f.column)
        assert 1 <= f.end_line <= len(lines)
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1
        assert (f.line, f.column) <= (f.end_line, f.end_column)
        assert f.message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_arbitrary_text(text):
    _check_positions(lint_text(text, "fuzz.md", RULES), text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_arbitrary_text_as_mdx(text):
    _check_positions(lint_text(text, "fuzz.mdx", RULES), text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=400),
                 st.tuples(text_strategy, st.sampled_from(["utf-8", "cp932", "euc_jp", "utf-16"]), st.binary(max_size=8))
                 .map(lambda t: t[0].encode(t[1], errors="ignore") + t[2])))
def test_arbitrary_bytes(data):
    try:
        result = lint_bytes(data, "fuzz.md", RULES)
    except BinaryFileError:
        return
    from kijilint.source import decode

    # decode() already normalised the text (a second U+FEFF after a BOM is content)
    _check_positions(result, decode(data).text, normalised=True)
