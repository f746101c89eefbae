from __future__ import annotations

from pathlib import PurePath

from kijilint.rules.base import Rule


class MissingFrontMatter(Rule):
    """Finds an article without front matter where one is required.

    Why: a Jekyll/Hugo post without front matter is published without title, date or layout —
    or not at all.
    Required: ``required: auto`` (default) requires it for files under a ``_posts/`` directory;
    ``always`` for every file; ``never`` turns the rule off.
    Bad:  a ``_posts/2026-02-22-x.md`` that starts with ``## 見出し``.
    Good: ``---`` / ``title: …`` / ``---`` first.
    Fix: none.
    """

    code, name, category, severity = "FM001", "front-matter-missing", "front-matter", "error"
    options = {"required": "auto"}

    def check(self, doc, report):
        if doc.front_matter is not None or getattr(doc, "toml_front_matter", None) is not None:
            return  # Hugo's TOML front matter (+++) is front matter too
        required = self.opts["required"]
        if required == "never":
            return
        if required == "auto" and "_posts" not in PurePath(doc.path).parts:
            return
        end = doc.text.find("\n")
        report(0, end if end >= 0 else len(doc.text), "front matter がありません（先頭に --- で囲んだ YAML が必要です）")
