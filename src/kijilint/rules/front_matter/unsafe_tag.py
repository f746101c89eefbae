from __future__ import annotations

from kijilint.rules.base import Rule


class UnsafeTag(Rule):
    """Finds non-standard YAML tags (``!!python/object``, ``!custom``) in the front matter.

    Why: an unsafe loader would construct (and run) them; kijilint never does — it only reports
    them, and does not check the rest of such a front matter.
    Bad:  ``title: !!python/object/apply:os.system ["rm -rf /"]``
    Good: ``title: "…"``
    Fix: none.
    """

    code, name, category, severity = "FM006", "front-matter-unsafe-tag", "front-matter", "error"

    def check(self, doc, report):
        fm = doc.front_matter
        if fm is None or not fm.terminated:
            return
        for start, end, tag in fm.bad_tags:
            line_end = doc.text.find("\n", start)
            report(start, max(start + 1, min(end, line_end if line_end >= 0 else end)), f"front matter に安全でない YAML タグ {tag} があります（解釈せずに無視しました）")
