"""FM007 checks a schema only against front matter of its shape (``min-keys``)."""

from rulecases import lint

ZENN = '---\ntitle: "記事"\nemoji: "🐱"\ntype: "tech"\ntopics: ["vue"]\npublished: true\n---\n本文です。\n'


def _schema(tmp_path, text):
    path = tmp_path / "schema.yaml"
    path.write_text(text, encoding="utf-8")
    return {"schema": str(path)}


def test_default_schema_leaves_other_shapes_alone():
    assert lint("FM007", ZENN) == []


def test_own_schema_without_min_keys_checks_every_front_matter(tmp_path):
    options = _schema(tmp_path, "name: strict\nkeys:\n  author: {type: string, required: true}\n")
    found = lint("FM007", ZENN, options)
    assert [(f.line, f.column) for f in found] == [(1, 1)]
    assert '必須キー "author"' in found[0].message


def test_min_keys_counts_keys_present(tmp_path):
    schema = "name: s\nmin-keys: 2\nkeys:\n  title: {required: true}\n  emoji: {}\n  author: {required: true}\n"
    options = _schema(tmp_path, schema)
    assert ['必須キー "author"' in f.message for f in lint("FM007", ZENN, options)] == [True]
    only_title = '---\ntitle: "記事"\n---\n本文\n'
    assert lint("FM007", only_title, options) == []
