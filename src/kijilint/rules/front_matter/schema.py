from __future__ import annotations

import os
import re

from kijilint import packs
from kijilint.rules.base import Rule
from kijilint.rules.front_matter._common import usable, value_span

_TYPE_NAMES = {
    "string": "文字列",
    "integer": "整数",
    "positive-integer": "正の整数",
    "number": "数値",
    "boolean": "真偽値",
    "date": "日付",
    "list": "リスト",
    "list-of-strings": "文字列のリスト",
    "string-or-list": "文字列またはリスト",
    "words": "文字列のリスト（または空白区切りの文字列）",
    "mapping": "mapping",
}


def type_ok(kind: str, v) -> bool:
    if v is None:
        return True  # emptiness is judged separately
    if kind == "string":
        return isinstance(v, str)
    if kind == "integer":
        return isinstance(v, int) and not isinstance(v, bool)
    if kind == "positive-integer":
        return isinstance(v, int) and not isinstance(v, bool) and v > 0
    if kind == "number":
        return isinstance(v, (int, float)) and not isinstance(v, bool)
    if kind == "boolean":
        return isinstance(v, bool)
    if kind == "date":
        return isinstance(v, str)  # validity is FM008's job
    if kind == "list":
        return isinstance(v, list)
    if kind == "list-of-strings":
        return isinstance(v, list) and all(isinstance(x, (str, int, float)) and not isinstance(x, bool) for x in v)
    if kind == "string-or-list":
        return isinstance(v, (str, list))
    if kind == "words":  # Jekyll's categories: a list, or one string split on spaces (no commas)
        return type_ok("list-of-strings", v) or (isinstance(v, str) and not any(c in v for c in ",、，"))
    if kind == "mapping":
        return isinstance(v, dict)
    return True


def _named_in_file(path: str, spec: dict) -> bool:
    """The value is carried by the file's name instead (``in-filename``): Jekyll takes a post's
    date from ``_posts/2024-01-31-title.md`` and most posts never write ``date:``."""
    pattern = spec.get("in-filename")
    if not pattern:
        return False
    try:
        return re.search(str(pattern), os.path.basename(path)) is not None
    except re.error as err:
        raise packs.PackError(f"front-matter schema: in-filename {pattern!r} は正規表現として不正です: {err}") from err


def is_empty(v) -> bool:
    return v is None or (isinstance(v, (str, list, dict)) and not (v.strip() if isinstance(v, str) else v))


class Schema(Rule):
    """Checks the front matter against a schema kept as YAML data: required keys, value types,
    empty values.

    Why: a post without ``title``, with ``tags: 技術, 解説`` (a string, not a list) or with
    ``excerpt: ""`` builds, but renders broken pages, tag indexes and previews.
    The default schema is ``rules/front-matter/jekyll-post.yaml`` (layout, title, date,
    categories, tags, author, excerpt required; reading_time a positive integer; tags a list of
    strings; categories a list or, as Jekyll allows, one string of words split on spaces,
    ``categories: blog``, but not ``blog, tech``; image a string).  Point ``schema`` at your own copy, or set it
    to ``none``.
    A required key may name ``in-filename``, a pattern: a file whose name matches carries the
    value there (the default: Jekyll's ``_posts/2024-01-31-title.md`` needs no ``date:``).
    A schema may set ``min-keys``: it is then checked only against front matter that has at
    least that many of its keys.  The default sets 7 of its 9, so Zenn (``emoji``/``topics``),
    Hugo, Qiita or a Jekyll site with keys of its own is not told it lacks ``excerpt``: a
    different shape is a different schema, not a broken one.
    Bad:  ``tags: 技術, 解説``
    Good: ``tags: ["技術", "解説"]``
    Fix: none.
    """

    code, name, category, severity = "FM007", "front-matter-schema", "front-matter", "error"
    options = {"schema": "front-matter/jekyll-post"}
    path_options = ("schema",)

    @classmethod
    def validate_options(cls, opts):
        schema = str(opts.get("schema"))
        if schema.lower() in ("none", "off", ""):
            return
        for spec in (packs.load(schema).get("keys") or {}).values():
            if isinstance(spec, dict):
                _named_in_file("", spec)  # a broken in-filename pattern is the schema's error

    def check(self, doc, report):
        if not usable(doc) or str(self.opts["schema"]).lower() in ("none", "off", ""):
            return
        schema = packs.load(str(self.opts["schema"]))
        data = doc.front_matter.data
        fm = doc.front_matter
        keys = schema.get("keys") or {}
        if sum(1 for key in keys if key in data) < int(schema.get("min-keys") or 0):
            return  # front matter of another shape: this schema does not describe it
        for key, spec in keys.items():
            spec = spec or {}
            if key not in data:
                if spec.get("required") and not _named_in_file(doc.path, spec):
                    report(fm.start, fm.start + 3, f'front matter に必須キー "{key}" がありません')
                continue
            v = data[key]
            kind = spec.get("type")
            if spec.get("non-empty") and is_empty(v):
                s, e = value_span(doc, key)
                report(s, e, f'front matter の "{key}" が空です')
                continue
            if kind and not type_ok(kind, v):
                s, e = value_span(doc, key)
                shown = repr(v) if not isinstance(v, str) else f'"{v}"'
                if len(shown) > 40:
                    shown = shown[:39] + "…"
                report(s, e, f'front matter の "{key}" は{_TYPE_NAMES.get(kind, kind)}でなければなりません（{shown}）')
