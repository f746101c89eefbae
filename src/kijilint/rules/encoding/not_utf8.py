from __future__ import annotations

from kijilint.rules.base import Rule


class NotUtf8(Rule):
    """Finds a file that is not encoded in UTF-8 (Shift_JIS/CP932, EUC-JP, UTF-16…).

    Why: kijilint detects the encoding and lints the file anyway, but static site generators,
    editors and diff tools assume UTF-8; a Shift_JIS article from an old site shows up as
    mojibake on the new one.  UTF-8 with a BOM is accepted.
    Bad:  an article saved as Shift_JIS or UTF-16.
    Good: the same article saved as UTF-8.
    Fix: none (re-encoding a whole file is a decision for the author; ``--fix`` keeps the
    file's encoding, BOM and line endings as they are).
    """

    code, name, category, severity = "EC001", "not-utf8", "encoding", "warning"

    def check(self, doc, report):
        for p in doc.source.problems:
            if p.kind == "not-utf8":
                report(p.start, p.end, p.message)
