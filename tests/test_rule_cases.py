"""Every rule's pass / fail / fix cases (tests/rules/cases/<CODE>.yaml)."""

from __future__ import annotations

import pytest

from rulecases import fix, lint, load_all

CASES = load_all()


def _params(kind: str):
    for code, data in sorted(CASES.items()):
        for i, case in enumerate(data.get(kind) or []):
            opts = {**(data.get("options") or {}), **(case.get("options") or {})}
            yield pytest.param(code, case, opts, id=f"{code}-{kind}-{i}-{case.get('name', '')}")


def test_every_rule_has_cases():
    from kijilint import rules as registry

    for cls in registry.all_rules():
        data = CASES.get(cls.code)
        assert data is not None, f"{cls.code} has no tests/rules/cases/{cls.code}.yaml"
        assert data.get("pass"), f"{cls.code}: no pass case"
        assert data.get("fail"), f"{cls.code}: no fail case"
        if cls.fix:
            assert data.get("fix"), f"{cls.code}: has a fix but no fix case"


@pytest.mark.parametrize("code,case,opts", list(_params("pass")))
def test_pass(code, case, opts):
    found = lint(code, case["text"], opts, case.get("path", "article.md"), case.get("encoding"))
    assert found == [], [(f.line, f.column, f.message) for f in found]


@pytest.mark.parametrize("code,case,opts", list(_params("fail")))
def test_fail(code, case, opts):
    found = lint(code, case["text"], opts, case.get("path", "article.md"), case.get("encoding"))
    expected = case["findings"]
    got = [(f.line, f.column) for f in found]
    assert got == [(e["line"], e["column"]) for e in expected], [(f.line, f.column, f.message) for f in found]
    for f, e in zip(found, expected):
        if "end_line" in e:
            assert (f.end_line, f.end_column) == (e["end_line"], e["end_column"]), (f.end_line, f.end_column)
        if "message" in e:
            assert e["message"] in f.message, f.message


@pytest.mark.parametrize("code,case,opts", list(_params("fix")))
def test_fix(code, case, opts):
    fixed = fix(code, case["text"], opts, unsafe=case.get("unsafe", False), path=case.get("path", "article.md"))
    assert fixed == case["fixed"]
    # Fixing is idempotent and leaves no finding of the rule it fixed.
    assert fix(code, fixed, opts, unsafe=case.get("unsafe", False)) == fixed
