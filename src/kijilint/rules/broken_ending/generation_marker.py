from __future__ import annotations

from kijilint.rules.base import Rule, delete_fix, quote
from kijilint.rules.broken_ending._markers import find_markers


class GenerationMarker(Rule):
    """Finds end-of-generation markers left in the text: ``---END---``, ``[END]``, ``<|im_end|>``…

    Why: a model or generation pipeline wrote its stop token into the article; readers see
    machinery, and text around it is often cut or regenerated.  Patterns live in the
    ``generation-markers`` pack (extend it with your own).  Markdown rules (``---``),
    front-matter delimiters and anything inside code are not markers.
    Bad:  ``本文です。`` / ``---END---``
    Good: ``本文です。``
    Fix: safe — the marker line (and the blank line it leaves) is deleted; a marker at the end
    of a line of text is removed from that line.
    """

    code, name, category, severity = "EN001", "generation-marker", "broken-ending", "error"
    options = {"pack": "generation-markers"}
    fix = "safe"

    def check(self, doc, report):
        text = doc.text
        for m in find_markers(doc, self.opts["pack"]):
            marker = text[m.start : m.end]
            if m.whole_line:
                start, end = m.line_start, min(len(text), m.line_end + 1)
                # Also take one blank line, so two blank lines do not remain.
                if _blank_before(text, start) and _blank_line_at(text, end):
                    end = min(len(text), text.find("\n", end) + 1 if "\n" in text[end:] else len(text))
                elif end >= len(text) and start > 0:
                    start -= 1  # last line of the file: drop the newline before it instead
                fix = delete_fix(start, end, "生成マーカーの行を削除")
            else:
                s = m.start
                while s > m.line_start and text[s - 1] in " \t\u3000":
                    s -= 1
                fix = delete_fix(s, m.end, "生成マーカーを削除")
            report(m.start, m.end, f"生成マーカー {quote(marker)} が残っています", fix=fix)


def _blank_before(text: str, line_start: int) -> bool:
    if line_start == 0:
        return True
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    return not text[prev_start : line_start - 1].strip()


def _blank_line_at(text: str, pos: int) -> bool:
    if pos >= len(text):
        return False
    nl = text.find("\n", pos)
    line = text[pos:] if nl < 0 else text[pos:nl]
    return not line.strip()
