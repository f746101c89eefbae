"""Citation family (CM): behaviour across rules — user packs, hostile input, positions."""

from __future__ import annotations

import pytest

from kijilint import packs
from rulecases import fix, lint

CODES = ["CM001", "CM002", "CM003", "CM004", "CM005", "CM006"]


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize(
    "text",
    [
        "",
        "---\ntitle: x\n---\n",
        "```\n[cite: X] [^1] 出典: 市場データ\n",  # unterminated fence
        "`" * 5000 + " [^1" + "[" * 3000,  # unbalanced backticks and brackets
        "［" * 2000 + "出典:" * 2000,
        "a" * 200_000 + " に",
        "\ue200cite\ue202" * 1000,
    ],
    ids=["empty", "front-matter-only", "open-fence", "backticks", "brackets", "long-line", "private-use"],
)
def test_hostile_input_never_crashes(code, text):
    lint(code, text)  # a rule failure would surface as an engine error, not a finding
    from kijilint.document import Document
    from kijilint.engine import lint_document
    from rulecases import make_rule

    result = lint_document(Document.from_text(text, "a.md"), [make_rule(code, None)])
    assert result.errors == []


def test_crlf_positions_and_fix():
    text = "一行目です。\r\n見込みです [cite: Gartner]。\r\n"
    (f,) = lint("CM001", text)
    assert (f.line, f.column, f.end_column) == (2, 7, 22)
    assert fix("CM001", text) == "一行目です。\r\n見込みです。\r\n"


def test_user_pack_extends_artifacts(tmp_path):
    base = packs.load("citation-artifacts")
    mine = tmp_path / "my-artifacts.yaml"
    import yaml

    data = dict(base, patterns=base["patterns"] + [{"name": "ref", "regex": r"\{\{ref:\d+\}\}"}])
    mine.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    text = "見込みです{{ref:3}}。[cite: X]\n"
    assert [f.column for f in lint("CM001", text, {"pack": str(mine)})] == [6, 16]
    assert [f.column for f in lint("CM001", text)] == [16]


def test_invalid_user_pattern_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("rule: CM001\npatterns:\n  - {name: x, regex: '[unclosed'}\n", encoding="utf-8")
    from kijilint.rules.citation.artifact import compiled

    with pytest.raises(packs.PackError):
        compiled(str(bad))


def test_footnote_analysis_is_shared():
    from kijilint.document import Document
    from kijilint.engine import lint_document
    from rulecases import make_rule

    doc = Document.from_text("本文[^1]です。\n\n[^2]: 定義\n", "a.md")
    found = lint_document(doc, [make_rule("CM003", None), make_rule("CM004", None)]).findings
    assert [(f.code, f.line) for f in found] == [("CM003", 1), ("CM004", 3)]
    assert "citation.footnotes" in doc.cache
