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


def test_custom_marker_pack(tmp_path):
    pack = tmp_path / "markers.yaml"
    pack.write_text(MARKERS, encoding="utf-8")
    text = "本文です。\n\n@@ STOP @@\n\n---END---\n"
    found = lint("EN001", text, {"pack": str(pack)})
    # The custom pack replaces the default one: only its own marker is reported.
    assert [(f.line, f.column) for f in found] == [(3, 1)]


def test_custom_footer_pack(tmp_path):
    pack = tmp_path / "footers.yaml"
    pack.write_text(FOOTERS, encoding="utf-8")
    text = "本文です。\n\n---\n\nこの記事はここまでです。\n\n続きの本文が貼られています。これは余計な文章です。\n"
    found = lint("EN004", text, {"pack": str(pack)})
    assert [(f.line, f.column) for f in found] == [(7, 1)]
    # The default pack does not know this closing line.
    assert lint("EN004", text) == []
