from __future__ import annotations

from kijilint.rules.base import Rule
from kijilint.rules.front_matter._common import DateProblem, parse_date, usable, value_span


class InvalidDate(Rule):
    """Finds impossible or unparseable dates in the front matter (``2026-02-30``, ``2026-13-01``,
    ``25:00``, ``昨日``).

    Why: generators either crash on them or silently move the post to another day.
    Checked keys: ``keys`` option (default ``date``, ``last_modified_at``, ``updated``,
    ``lastmod``).
    Formats other generators read are accepted when the day exists: ``2021年3月4日``,
    ``2021.03.04``, ``March 4, 2021``, ``11-09-2019, 14:23`` (Grav's day-month-year; either
    order of day and month will do).
    A key set to ``true`` or ``false`` is a theme's switch (``lastmod: true``: show the date of
    the last change), not a date, and is left alone.
    Bad:  ``date: 2026-02-30 10:00:00 +0900``
    Good: ``date: 2026-02-28 10:00:00 +0900``
    Fix: none.
    """

    code, name, category, severity = "FM008", "front-matter-invalid-date", "front-matter", "error"
    options = {"keys": ["date", "last_modified_at", "updated", "lastmod"]}

    def check(self, doc, report):
        if not usable(doc):
            return
        data = doc.front_matter.data
        for key in self.opts["keys"]:
            if key not in data or data[key] in (None, "") or isinstance(data[key], bool):
                continue  # (lastmod: true is a theme's switch, "show the date of the last change")
            try:
                parse_date(data[key])
            except DateProblem as err:
                s, e = value_span(doc, key)
                report(s, e, f'front matter の "{key}": {err}')
