from __future__ import annotations

from kijilint.rules.base import Rule
from kijilint.rules.front_matter._common import meant_as_yaml


class YamlSyntax(Rule):
    """Finds YAML syntax errors in the front matter, at the line and column where YAML fails.

    Why: the site generator rejects the post or silently drops its metadata; textlint never
    parses front matter, so this passes review unseen.  Also reports YAML that is too large
    (alias-expansion bombs) or nested too deeply.
    Bad:  ``title: "「RubyMicrosoft`` (an unclosed quote)
    Good: ``title: "RubyMicrosoft"``
    Fix: none.
    """

    code, name, category, severity = "FM003", "front-matter-yaml-syntax", "front-matter", "error"

    def check(self, doc, report):
        fm = doc.front_matter
        if fm is None or not fm.terminated or fm.error is None or not meant_as_yaml(fm):
            return
        start, end, message = fm.error
        if end <= start:
            line_end = doc.text.find("\n", start)
            end = line_end if line_end > start else min(len(doc.text), start + 1)
        report(start, end, message)
