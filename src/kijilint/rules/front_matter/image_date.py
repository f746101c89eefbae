from __future__ import annotations

from datetime import date
from urllib.parse import unquote

from kijilint.rules.base import Rule
from kijilint.rules.front_matter._common import DateProblem, parse_date, usable, value_span
from kijilint._lazy_re import lazy_re

# (uploads/2018/09/51MSnnvzg7L.jpg: a month folder, then a file name that opens on digits)
_PATH_DATE = lazy_re(r"(?<!\d)(\d{4})[-/](\d{2})[-/](\d{2})(?![0-9A-Za-z])")


def _slipped(m, day) -> bool:
    """A wrong date, not a writer's picture from another day: the same month and day in another
    year (a generated path with the wrong year), or more than a year apart.  A screenshot taken
    a few days before the post, or an image shared with last month's post, is normal."""
    y, mo, d = (int(g) for g in m.groups())
    if (mo, d) == (day.month, day.day):
        return y != day.year
    try:
        return abs((date(y, mo, d) - day).days) > 366
    except ValueError:
        return True  # 2026-02-30 in a path: no real day at all


class ImageDate(Rule):
    """Finds an image path whose date does not match the post's ``date``
    (``/assets/images/posts/2025-03-16-…`` on a post dated 2026-03-16).

    Why: the pipeline reused another post's image, or generated the path from the wrong date;
    the page shows the wrong picture or a broken one.
    Checked keys: ``keys`` option (default ``image``, ``thumbnail``, ``og_image``, ``cover``).
    Only a real slip is reported: the same month and day in another year, or dates more than a
    year apart; a picture taken a few days before the post, or shared with a recent post, is not.
    Bad:  ``date: 2026-03-16`` with ``image: /assets/images/posts/2025-03-16-1-ogp.png``
    Good: ``image: /assets/images/posts/2026-03-16-1-ogp.png``
    Fix: none.
    """

    code, name, category, severity = "FM010", "front-matter-image-date", "front-matter", "warning"
    options = {"keys": ["image", "thumbnail", "og_image", "cover"], "date_key": "date"}

    def check(self, doc, report):
        if not usable(doc):
            return
        data = doc.front_matter.data
        try:
            day = parse_date(data.get(self.opts["date_key"]))
        except (DateProblem, TypeError):
            return
        for key in self.opts["keys"]:
            v = data.get(key)
            if isinstance(v, dict):
                v = v.get("path") or v.get("url") or v.get("src")
            if not isinstance(v, str):
                continue
            # %20 before a time (Screenshot%20from%202019-04-20%2016-53-07) is no date 2016-53-07
            m = next((m for m in _PATH_DATE.finditer(unquote(v)) if 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31), None)
            if not m:
                continue
            shown = "-".join(m.groups())
            if shown != day.isoformat() and _slipped(m, day):
                s, e = value_span(doc, key)
                report(s, e, f'front matter の "{key}" のパスの日付 {shown} が date（{day.isoformat()}）と一致しません')
