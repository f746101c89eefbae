from __future__ import annotations

from kijilint.rules.base import Rule
from kijilint.rules.broken_ending._targets import article_ends
from kijilint.rules.broken_ending._truncation import analyse, tail_quote


class TruncatedParagraph(Rule):
    """Finds a prose paragraph whose last sentence stops mid-way (``…自社の``, ``…高性能なLL``).

    Why: generation cut off (a token limit, a stopped stream) leaves a sentence without its end;
    the reader hits a wall.  Judged by grammar, not by a missing 。 alone: the last words must be
    unable to end a sentence (a particle, a dangling 、, a continuative form, a word cut short,
    an ASCII bracket left open), or, in a paragraph whose other sentences all end in 。 or in a
    one-sentence paragraph that subordinates a clause (…ため、この 12 月), a bare noun; a
    paragraph that the next one picks up again after ``...`` is cut whatever its last word.  So
    is the one paragraph of a document that otherwise ends every paragraph with 。 (four or more
    of them) whose earlier sentences end in 。 but whose last stops without it (``…。…を解決する``):
    the writer did not choose to stop there; two such paragraphs are a habit and stay silent.
    A one-sentence paragraph counts so only when no other line of the document is left bare and
    it stops on a noun its particle or adverb still governs (``本体はダウ``, ``まさに上``).
    Headings, list items (also ``2. …`` lines folded into a paragraph), tables, captions, link
    lines, quotes, lines ending in ``：``, lead-ins followed by a list, code or a bold line
    (``例えば、``), paragraphs ending in a Markdown hard break, or in a document that sets
    sentences out a phrase per paragraph (the writer breaks sentences on purpose), one-line taglines, labels and fields (``執筆: …``), one-word
    notes, headings of other markups (``h2. …``, ``** おわりに``) and casual asides
    (``（笑``, ``（おい``) stay silent.  In a document where half the paragraphs or more end
    without punctuation (minutes, verse, slides, memos) only a word cut short counts.  The article's last paragraph is
    EN003's (truncated-article).
    Bad:  ``市場は拡大しています。既存の巨大テック企業も、自社の``
    Good: ``市場は拡大しています。既存の巨大テック企業も、自社の戦略を見直しています。``
    Fix: none (only the author knows how the sentence ends).
    """

    code, name, category, severity = "EN002", "truncated-paragraph", "broken-ending", "warning"
    options = {"footers": "footers"}

    def check(self, doc, report):
        ends = article_ends(doc, self.opts["footers"])
        for b in doc.paragraphs:
            if b.index in ends:
                continue
            v = analyse(doc, b)
            if v is None:
                continue
            report(v.start, v.end, f"文が途中で切れています（{v.why}）: {tail_quote(doc, v)}")
