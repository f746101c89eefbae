from __future__ import annotations

from kijilint.rules.base import Rule


class UndecodableBytes(Rule):
    """Finds bytes that cannot be read in the file's encoding (a stray byte in a UTF-8 file).

    Why: a truncated multibyte character or a byte pasted from another encoding shows as
    ``�`` or garbage on the page.  kijilint reads such a byte as U+FFFD, lints the rest of the
    file, and reports where the byte is (line and column, and its byte offset in the message).
    Up to 10 places are reported one by one; the tenth names how many more there are.
    Bad:  ``これは\\xffです。`` (0xFF is never valid UTF-8)
    Good: ``これはです。``
    Fix: none (only the author knows which character was meant); ``--fix`` writes the bad
    bytes back unchanged.
    """

    code, name, category, severity = "EC002", "undecodable-bytes", "encoding", "error"

    def check(self, doc, report):
        for p in doc.source.problems:
            if p.kind == "undecodable":
                report(p.start, p.end, p.message)
