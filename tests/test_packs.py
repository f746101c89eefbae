"""Every YAML rule pack in rules/ is valid and its own pass/fail examples hold.

A pack names the rule that uses it (``rule: CODE``) and carries ``examples: {pass, fail}``:
full Markdown documents; a ``fail`` example must produce at least one finding of that rule,
a ``pass`` example none.
"""

from __future__ import annotations

import pytest
import yaml

from kijilint import packs
from rulecases import lint

PACKS = packs.all_packs()


def _examples():
    for p in PACKS:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
        code = data.get("rule")
        for kind in ("pass", "fail"):
            for i, text in enumerate((data.get("examples") or {}).get(kind) or []):
                yield pytest.param(code, kind, text, id=f"{p.stem}-{kind}-{i}")


def test_packs_exist_and_load():
    assert PACKS
    for p in PACKS:
        data = packs.load(str(p))
        assert isinstance(data, dict)
        assert data.get("rule"), f"{p.name}: names no rule"
        assert (data.get("examples") or {}).get("pass"), f"{p.name}: no pass example"
        assert (data.get("examples") or {}).get("fail"), f"{p.name}: no fail example"


@pytest.mark.parametrize("code,kind,text", list(_examples()))
def test_pack_examples(code, kind, text):
    found = lint(code, text)
    if kind == "fail":
        assert found, "expected a finding"
    else:
        assert not found, [(f.line, f.message) for f in found]
