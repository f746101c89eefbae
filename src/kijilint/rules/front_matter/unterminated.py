from __future__ import annotations

from kijilint.rules.base import Rule
from kijilint.rules.front_matter._common import meant_as_yaml


class UnterminatedFrontMatter(Rule):
    """Finds front matter that opens with ``---`` and never closes.

    Why: the site generator then reads the whole article as YAML (or as body text with the
    YAML shown to readers).
    Bad:  ``---`` / ``title: x`` / (no closing ``---``) / ``本文…``
    Good: ``---`` / ``title: x`` / ``---`` / ``本文…``
    Fix: none (where the YAML should end is the author's call).
    """

    code, name, category, severity = "FM002", "front-matter-unterminated", "front-matter", "error"

    def check(self, doc, report):
        fm = doc.front_matter
        if fm is None or fm.terminated or not meant_as_yaml(fm):
            return  # a document that opens with a thematic break, not with YAML
        report(0, 3, "front matter が閉じていません（先頭の --- に対応する --- がありません）")
