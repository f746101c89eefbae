"""Suppression family (KJ): the suppression comments themselves (see ``kijilint.suppress``)."""

RULES = [
    "unused:UnusedSuppression",
]
