"""Which paragraphs end the article (EN003 reports them; EN002 leaves them to it)."""

from __future__ import annotations

from kijilint.rules.broken_ending._footer import find_footer
from kijilint.rules.broken_ending._markers import marker_lines


def article_ends(doc, footers: str = "footers") -> set[int]:
    """Block indexes of the last paragraph before the footer and of the last one of the file.

    Only a paragraph that really is the last content counts: a list, table or code after it
    means the article goes on."""
    key = ("EN:ends", footers)
    if key in doc.cache:
        return doc.cache[key]
    markers = marker_lines(doc)
    blocks = doc.blocks
    out: set[int] = set()

    def last_before(limit: int) -> None:
        for b in reversed(blocks[:limit]):
            if b.kind in ("hr", "html") or (b.kind == "paragraph" and b.start in markers):
                continue
            if b.kind == "paragraph" and not b.containers:
                out.add(b.index)
            return

    footer = find_footer(doc, footers)
    if footer is not None:
        last_before(footer.start)
    if footer is None or footer.after:  # otherwise the file ends with the footer itself
        last_before(len(blocks))
    doc.cache[key] = out
    return out
