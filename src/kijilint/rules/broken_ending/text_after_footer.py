from __future__ import annotations

from kijilint.rules.base import Rule, delete_fix
from kijilint.rules.broken_ending._footer import find_footer, footer_patterns


class TextAfterFooter(Rule):
    """Finds article text after the closing footer (e.g. after the affiliate disclaimer).

    Why: regenerated or leftover article text pasted below the footer — the page ends, then
    starts again.  The footer is recognised by the ``footers`` pack: a closing line such as
    ``※ 本ページのリンクにはアフィリエイトリンクが含まれます…`` right after a ``---``.  Links,
    rules, HTML and other footer lines after it are fine; prose, headings, lists or code are
    reported as one finding spanning all of it.
    Bad:  ``---`` ⏎ ``*※ 本ページのリンクには…*`` ⏎ ``しかし、ベンチマークスコアだけが…``
    Good: the disclaimer is the last thing on the page.
    Fix: unsafe — deleting the text is right when it is a stray copy, but the author may want to
    move some of it into the article.
    """

    code, name, category, severity = "EN004", "text-after-footer", "broken-ending", "error"
    options = {"pack": "footers"}
    fix = "unsafe"

    def check(self, doc, report):
        footer = find_footer(doc, self.opts["pack"])
        if footer is None or not footer.after:
            return
        terminal_rx = footer_patterns(self.opts["pack"])[0]
        closing = doc.blocks[footer.terminal if footer.terminal is not None else footer.after[0].index - 1]
        where = doc.blocks[footer.terminal].line if footer.terminal is not None else doc.blocks[footer.start].line
        # A disclaimer repeated below the footer closes a second pasted copy: each stretch of
        # text after a disclaimer is its own finding, cited from the disclaimer just above it.
        runs: list[tuple[object, int, list]] = [(closing, where, [])]
        k = closing.index + 1
        for b in footer.after:
            for c in doc.blocks[k : b.index]:  # (footer material between stray blocks)
                if terminal_rx is not None and c.kind == "paragraph" and terminal_rx.search(c.text):
                    runs.append((c, c.line, []))
            runs[-1][2].append(b)
            k = b.index + 1
        for closing, where, run in runs:
            if not run:
                continue
            first, last = run[0], run[-1]
            # Delete from the end of the footer's last line to the end of the stray text.
            fix = delete_fix(closing.end, last.end, "フッターの後の本文を削除", safe=False)
            lines = f"{first.line}〜{last.end_line} 行目" if last.end_line > first.line else f"{first.line} 行目"
            report(first.start, last.end, f"フッターの後に本文が続いています（{lines}、フッターは {where} 行目から）", fix=fix)
