from __future__ import annotations

from kijilint.rules.base import Rule
from kijilint.rules.front_matter._common import meant_as_yaml


class NotMapping(Rule):
    """Finds front matter whose YAML is not a mapping of keys to values (a list, a bare string).

    Why: site generators expect ``key: value`` pairs; anything else loses all metadata.
    Bad:  ``- title`` / ``- date``
    Good: ``title: …`` / ``date: …``
    Fix: none.
    """

    code, name, category, severity = "FM005", "front-matter-not-mapping", "front-matter", "error"

    def check(self, doc, report):
        fm = doc.front_matter
        if fm is None or not fm.terminated or fm.error or fm.bad_tags:
            return
        if fm.data is None:  # empty front matter (`---` `---`) is valid: Jekyll uses it to mark pages
            return
        if not isinstance(fm.data, dict) and meant_as_yaml(fm):
            kind = type(fm.data).__name__
            report(fm.yaml_start, fm.yaml_start + len(fm.yaml_text.rstrip("\n")), f"front matter が key: value の mapping ではありません（{kind}）")
