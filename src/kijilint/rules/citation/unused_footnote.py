from __future__ import annotations

from kijilint.rules.base import Rule
from kijilint.rules.citation._footnotes import footnotes, unmatched


class UnusedFootnote(Rule):
    """Finds footnote definitions (``[^2]: …``) that no reference (``[^2]``) points to.

    Why: renderers drop an unreferenced footnote, so its text silently disappears from the
    page; it is usually a reference that was deleted or mistyped.  A reference typed inside
    an HTML block (``<p>…[^2]…</p>``) counts, and so does one a colon follows mid-line
    (``…良い[^6]:`` before code); one inside an HTML comment does not.
    Bad:  ``[^2]: 補足です。`` with no ``[^2]`` in the text.
    Good: reference it where it belongs, or delete the definition.
    Fix: none — where the reference belongs is the author's call.
    """

    code, name, category, severity = "CM004", "unused-footnote", "citation", "warning"

    def check(self, doc, report):
        notes = footnotes(doc)
        for label, s, e in unmatched(notes.defs, notes.refs + notes.html_refs):
            report(s, e, f'脚注 "[^{label}]" の定義はどこからも参照されていません')
