from __future__ import annotations

from kijilint.rules.base import Rule


class DuplicateKey(Rule):
    """Finds a key defined twice in the same front-matter mapping.

    Why: YAML loaders silently keep the last value, so the first one is ignored without a word.
    Bad:  ``tags: [a]`` … ``tags: [b]``
    Good: one ``tags:`` with every value.
    Fix: none (which value is right is the author's call).
    """

    code, name, category, severity = "FM004", "front-matter-duplicate-key", "front-matter", "error"

    def check(self, doc, report):
        fm = doc.front_matter
        if fm is None or not fm.terminated:
            return
        for key, first, start, end in fm.duplicates:
            l1 = doc.line_of(first)
            l2 = doc.line_of(start)
            report(start, end, f'front matter のキー "{key}" が 2 回定義されています（{l1} 行目と {l2} 行目）')
