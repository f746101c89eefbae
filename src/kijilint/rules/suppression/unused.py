from __future__ import annotations

from kijilint.rules.base import Rule


class UnusedSuppression(Rule):
    """Finds suppression comments that silence nothing, or that name no rule or no directive.

    Why: a ``<!-- kijilint-disable… -->`` left behind after the text was fixed, or one with a
    typo in the rule code, hides the next real problem on that line or quietly does nothing.
    A directive is judged only on the rules this run selected: a ``--select FM`` run says
    nothing about a comment naming RP001.  Directives without names are judged only when every
    rule ran.  Only a comment that names KJ001 (e.g. ``kijilint-disable-file KJ001``) silences
    this rule.
    Bad:  ``<!-- kijilint-disable-next-line RP001 -->`` above a line with no repetition.
    Good: no comment, or one above the line that really has the finding.
    Fix: none (delete or correct the comment by hand).
    """

    code, name, category, severity = "KJ001", "unused-suppression", "suppression", "info"

    def check(self, doc, report):
        # The work needs every other rule's findings: kijilint.suppress.apply does it, after them.
        return None
