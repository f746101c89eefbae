"""Users extend the broken-ending packs with their own YAML files (rule option ``pack``)."""

from __future__ import annotations

from rulecases import lint

MARKERS = """\
rule: EN001
patterns:
  - name: house-style
    where: line
    regex: '@@\\s*STOP\\s*@@'
examples: {pass: ["a"], fail: ["@@STOP@@"]}
"""

FOOTERS = """\
rule: EN004
terminal:
  - 'この記事はここまでです'
sections: []
examples: {pass: ["a"], fail: ["b"]}
"""


def _lint_with_pack(tmp_path, code: str, pack_text: str, text: str):
    pack = tmp_path / f"{code}.yaml"
    pack.write_text(pack_text, encoding="utf-8")
    return lint(code, text, {"pack": str(pack)})


def test_custom_marker_pack(tmp_path):
    found = _lint_with_pack(tmp_path, "EN001", MARKERS, "本文です。\n\n@@ STOP @@\n\n---END---\n")
    # The custom pack replaces the default one: only its own marker is reported.
    assert [(f.line, f.column) for f in found] == [(3, 1)]


def test_custom_footer_pack(tmp_path):
    text = "本文です。\n\n---\n\nこの記事はここまでです。\n\n続きの本文が貼られています。これは余計な文章です。\n"
    found = _lint_with_pack(tmp_path, "EN004", FOOTERS, text)
    assert [(f.line, f.column) for f in found] == [(7, 1)]
    # The default pack does not know this closing line.
    assert lint("EN004", text) == []
