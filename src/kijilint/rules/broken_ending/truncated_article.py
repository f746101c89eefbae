from __future__ import annotations

from kijilint.rules.base import Rule
from kijilint.rules.broken_ending._targets import article_ends
from kijilint.rules.broken_ending._truncation import analyse, tail_quote


class TruncatedArticle(Rule):
    """Finds an article whose last paragraph (before the footer, or at the end of the file) is cut.

    Why: the article stops mid-sentence — the reader sees the text break off, the most visible
    sign of a failed generation.  The same grammar test as EN002 (truncated-paragraph) on the
    paragraph that ends the article; the footer is recognised by the ``footers`` pack.  At the
    article's very end a conjunction with nothing after it (``…変わりませんが``), a clause that
    got no further than its first noun (``…に当たっては、所属``, ``…しないので、多くの学び``) or an example list left open
    (``…オープンソースで公開するなど``) is a cut too, though mid-article
    such a line may hedge or lead into what follows.  So is a statement, plain or polite, stopped
    without 。 after the paragraph's own finished sentences (``…。だって、全部日本の職場で起きた``,
    ``…。…というのは私の言葉です``), even where the writer left up to two other paragraphs
    bare; a closing wish or intent (``…早く移行したい``, ``…してみよう``) is how articles end on
    purpose.  A particle or a 、 ending the article's last words is a cut even in a memo that
    leaves its lines bare (``…でもいい気がする`` ⏎ ``→上記の``), unless the paragraph is verse,
    short lines only (``いつまでも`` ⏎ ``あの夏の日を``: an inversion).
    Bad:  ``…ここでも、DSLコードの読みやすさと言語の使いにくさとのバラ`` ⏎ ``---`` ⏎ (footer)
    Good: ``…とのバランスをとる必要があるのだ。``
    Fix: none (the missing text has to be written or the paragraph removed by the author).
    """

    code, name, category, severity = "EN003", "truncated-article", "broken-ending", "error"
    options = {"footers": "footers"}

    def check(self, doc, report):
        for i in sorted(article_ends(doc, self.opts["footers"])):
            v = analyse(doc, doc.blocks[i], article_end=True)
            if v is None:
                continue
            report(v.start, v.end, f"記事の最後の段落が途中で切れています（{v.why}）: {tail_quote(doc, v)}")
