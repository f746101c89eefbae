from __future__ import annotations

from kijilint.rules.base import Rule
from kijilint.rules.citation._footnotes import footnotes, unmatched


class UndefinedFootnote(Rule):
    """Finds footnote references (``[^3]``) that have no definition (``[^3]: …``).

    Why: with no definition, renderers print the reference as the literal text ``[^3]``;
    generated text often keeps the marks of footnotes it never wrote.
    Bad:  ``必要があるからである[^3]。`` with no ``[^3]:`` anywhere.
    Good: add ``[^3]: 出典や補足`` at the end, or remove the mark.
    In a document with no footnote definitions only numbered marks count (``[^abc]`` there is
    more likely a regular-expression class written without backticks).
    Fix: none — the footnote's text is the author's to write.
    """

    code, name, category, severity = "CM003", "undefined-footnote", "citation", "error"

    def check(self, doc, report):
        notes = footnotes(doc)
        for label, s, e in unmatched(notes.refs, notes.defs):
            if not notes.defs and not label.isdigit():
                continue  # no footnotes at all: [^abc] is more likely a regex class than a note
            report(s, e, f'脚注 "[^{label}]" の定義（[^{label}]: …）がありません')
