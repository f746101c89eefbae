from __future__ import annotations

import re

from bisect import bisect_left

from kijilint.markdown import MASK
from kijilint.rules._layout import DISPLAY_MATH, NET_QUOTE, SPACED_LABEL, bullet_paragraph, ends_bare, image_only
from kijilint.rules.base import Rule, quote
from kijilint.rules.broken_ending._footer import is_link_only
from kijilint.sentences import normalize
from kijilint._lazy_re import lazy_re

_ELLIPSIS = lazy_re(r"^[ \t\u3000]*(?:\.{3,}|…+|‥+|・{3,})[ \t\u3000]*")
_EARLIER_SPAN = 600  # characters before a spaced line that its fragment may repeat
_SPACER_LINE = lazy_re(r"(?<=\n)[ \t]*\u3000[ \t\u3000]*\n")  # a line of spaces, one full-width at least
_TRAILING_ELLIPSIS = lazy_re(r"(?:\.{3,}|…+|‥+|・{3,})[ \t\u3000]*$")
# Words that cannot open a sentence (UniDic surface + part of speech).  Conjunction-like
# openings the tagger reads as particles (でも、では、なので、とはいえ、ってことで、にもかかわらず)
# are deliberately absent.
_NEVER_FIRST_PARTICLES = {("を", "格助詞"), ("が", "格助詞"), ("へ", "格助詞"), ("は", "係助詞"), ("の", "格助詞"), ("の", "準体助詞"), ("て", "接続助詞"), ("ば", "接続助詞")}
_COMPOUND_PARTICLE = lazy_re(r"として|によって|によると|によれば|について|に対して|において|に関して|にとって|に比べて")
_WORDLESS_LINE = lazy_re(r"[^\s．。.・…‥、，,！!？?]")  # (finds a character that is no mark)
_DOTFILE = lazy_re(r"[ \t\u3000]*\.[A-Za-z0-9_][A-Za-z0-9_.-]*(?=[\s\u3000]|[^\x00-\x7f])")  # .gitignore, .env
_EXAMPLE = lazy_re(r"^\s*[(（]\d{1,3}[)）]")
_SPOKEN_CONJUNCTIONS = ("ので、", "ので，", "ので,", "ので ", "ので\u3000", "んで、", "のに、") + tuple(
    # …集めてくる。 ⏎ のだが、それをどうやって…: an essayist's "but", opening a paragraph
    stem + comma for stem in ("のだが", "のですが", "のだけど", "のだけれど", "んだけど", "んですが", "んですけど", "のであるが")
    for comma in ("、", "，")
)
_NEVER_FIRST_AUX = {"ます", "まし", "ませ", "た", "でし", "ず", "ぬ", "れる", "られる", "せる", "させる"}


class ContinuationFragment(Rule):
    """Finds a paragraph that starts mid-sentence: ``...投資家の方々から見れば…`` or ``を使う。``

    Why: regenerated text often resumes where a cut sentence stopped, with a leading ``...`` and
    the tail of the previous paragraph; a paragraph opening on a particle (を, は, の…), an
    auxiliary (ます, た…) or a closing bracket is a fragment too (not a closing ” typed for both
    ends of a quotation that closes later in the paragraph: ``”宅建”とかいう…``, nor a field's
    label letter-spaced: ``料 金:380円``).  An ellipsis that opens a
    paragraph in the author's own style (``...と、ここで話は変わりますが``) or marks an elision
    (``... 略 ...``) is left alone, as is a pause drawn with ``。。`` (``。。記事が増えて…``)
    or a puzzled one (``……？え？面積？``):
    a leading ellipsis counts only when what follows repeats the preceding text or cannot
    begin a sentence.  Code, lists and quotes (also a line quoted with a full-width ``＞``)
    are not checked, nor a paragraph whose subject is the heading just above it (``## 準備``
    ⏎ ``は不要です。``) or a phrase set apart in bold (``**…**``, or in HTML ``<span class="big"><b>…</b></span>``
    ⏎ ``をして…``) or a quotation displayed on its own line (``「**…**」`` ⏎
    ``を大方針として…``) or a link on its own line (``[…](…)`` ⏎ ``の分岐年代と…``) or a display
    equation (``$$…$$``, a bare ``\\begin{align}…\\end{align}``, one ``$…$`` set on its own
    line or after ``<br>``, or a math shortcode,
    ``{{< katex display >}}…{{< /katex >}}`` ⏎ ``が導ける。``;
    a gloss in brackets may sit between: ``（ここで Cov は共分散）`` ⏎ ``を用いて、…``), nor one
    opening on a word the tagger reads as a suffix but the document uses alone (``圏の骨格は…``
    beside ``小さな圏と``), nor one right after a paragraph that itself stops mid-sentence
    (``…絵日記の`` ⏎⏎ ``ような写真の…``: one sentence a writer broke with a blank line), nor
    one after items typed a line each that a 、 led into (``いわゆる、`` ⏎ ``…理解できているか。``
    ⏎ ``どこから…のか。`` ⏎ ``を整理することです。``).
    A line after a line of full-width spaces (``\u3000``, a blank line Markdown does not see)
    opens a paragraph as the reader sees it: an ellipsis there is judged the same way.
    Bad:  ``…効率的な並`` ⏎⏎ ``...効率的な並列処理フレームワークの開発など、``
    Good: one complete paragraph.
    Fix: none (merge or delete is the author's call).
    """

    code, name, category, severity = "EN005", "continuation-fragment", "broken-ending", "warning"
    options = {"lookback": 4}

    def check(self, doc, report):
        blocks = doc.prose_blocks
        back = self.opts["lookback"]
        for n, b in enumerate(blocks):
            if b.kind == "paragraph" and not b.containers:
                self._check_block(doc, b, blocks[max(0, n - back) : n], report)
                if "\u3000" in b.text:
                    self._check_spaced_lines(doc, b, blocks[max(0, n - back) : n], report)

    def _check_spaced_lines(self, doc, b, previous: list, report) -> None:
        """Lines after a line of full-width spaces (``…考えました。`` ⏎ ``\u3000`` ⏎ ``...られる
        ことが…``): the writer's blank line, which Markdown does not see, so each such line opens
        a paragraph as the reader sees it.  Only a leading ellipsis is judged there."""
        for sp in _SPACER_LINE.finditer(b.text):
            k = sp.end()
            stop = b.text.find("\n", k)
            line = b.text[k : stop if stop >= 0 else len(b.text)]  # (not a slice of the rest per line)
            m = _ELLIPSIS.match(line)
            if not m or not b.masked[k + m.end() : k + len(line)].strip(" \t\u3000。．.！？!?" + MASK):
                continue
            rest = line[m.end() :]
            if _TRAILING_ELLIPSIS.search(rest) or rest[:1] in "？！?!":
                continue
            start = b.start + k + m.end()
            if _cannot_begin(doc, b, start) or _repeats_before(b.text, k, rest) or _repeats_after(b, k + m.end(), k + len(line), previous):
                report(b.start + k, b.start + k + len(line), f"段落が文の途中から始まっています: {quote(line)}")

    def _check_block(self, doc, b, previous: list, report) -> None:
        first_line = b.text.split("\n", 1)[0]
        if first_line.lstrip(" \u3000").startswith(NET_QUOTE):
            return  # ＞…: a line quoted from someone else starts where they started
        sents = doc.sentences(b)
        first_end = sents[0].end if sents else b.end
        m = _ELLIPSIS.match(first_line)
        if m:
            rest = first_line[m.end() :]
            masked_rest = b.masked[m.end() : len(first_line)]  # (・・・。<br>: a tag is no word)
            if not masked_rest.strip(" \t\u3000。．.！？!?" + MASK) or _TRAILING_ELLIPSIS.search(rest):
                return  # "..." alone (or ".....。", a pause) or "... 略 ...": an elision mark
            start = b.start + m.end()
            if rest[:1] in "？！?!" and not _repeats_after(b, m.end(), len(first_line), previous):
                return  # ……？え？面積？: a puzzled pause, its mark at once; a fragment goes on with words
            if _repeats_after(b, m.end(), len(first_line), previous) or _cannot_begin(doc, b, start):
                report(b.start, max(first_end, start + 1), f"段落が文の途中から始まっています: {quote(first_line)}")
            return
        if not _WORDLESS_LINE.search(first_line):
            return  # ．． / 。。。 alone: a pause drawn with marks, no words to be a fragment of
        if _after_interruption(doc, b):
            return  # "設定ファイルは" / a list or code / "のために…": one sentence around a block
        lead = len(b.masked) - len(b.masked.lstrip(" \t\u3000" + MASK))
        if lead >= len(b.masked) or b.masked[:lead].count(MASK):
            return  # opens with a link, code or markup: not plain text
        if _DOTFILE.match(first_line):
            return  # .sass-lint.yml 内に…: a dotfile's name, its dot no mark
        before = doc.blocks[b.index - 1] if b.index else None
        if before is not None and ends_bare(doc, before):
            # …絵日記の ⏎⏎ ような写真の…, …prototypeをそ ⏎⏎ のまま…: one sentence broken by a blank
            # line after a paragraph that stops mid-way itself (a fragment follows a finished one)
            return
        if _cannot_begin(doc, b, text_start(b)):
            report(b.start, first_end, f"段落が文の途中から始まっています: {quote(first_line)}")


def _after_interruption(doc, b) -> bool:
    """Japanese Markdown often carries one sentence around a list, table or code block; the
    paragraph after such a block may open on a particle."""
    prev = previous_block(doc, b)
    if prev is not None and _ASIDE_PARAGRAPH.fullmatch(prev.text.strip()):
        # $$V(aX) = a^2 V(X)$$ ⏎ （ここで Cov は共分散であり、…） ⏎ を用いて、…: a gloss in
        # brackets set between the display and the sentence that goes on from it
        prev = previous_block(doc, prev)
    if prev is None:
        return False
    if prev.kind == "heading":
        # ``## 準備`` ⏎ ``は不要です。``: the heading is the sentence's subject (slide and memo style)
        title = prev.prose().strip()
        return bool(title) and (title[-1].isalnum() or "\u3040" <= title[-1] <= "\u9fff")
    if prev.kind == "paragraph" and not prev.containers and (
        image_only(prev) or is_link_only(prev) or not prev.masked.replace(MASK, "").strip() or _EXAMPLE.match(prev.text)
        or DISPLAY_MATH.fullmatch(prev.text.strip()) or ends_on_display_math(prev.text)
    ):
        # carried around an image (…3.0) ⏎ ![badge](…) ⏎ の元で…), a line of inline code
        # (`v1.!%xQ情` ⏎ のように…), a numbered example ((27) 〈〈金星，金星〉〉 ⏎ を表現している…)
        # or a display equation (…予測値は、 ⏎ $$Na_1 = TP + TN$$ ⏎ です。); a line set apart in
        # bold or italics is quoted the same way (…出た言葉、 ⏎ _「…腐っているんだ！」_ ⏎ は名言だと…)
        return True
    if prev.kind == "paragraph" and not prev.containers and short_lines(prev):
        lead = previous_block(doc, prev)
        if lead is not None and lead.kind == "paragraph" and lead.text.rstrip()[-1:] in ("、", "，", ","):
            # いわゆる、 ⏎ 自分がどこまで…か。 ⏎ どこから…のか。 ⏎ を整理することです。: items set a
            # line each inside one sentence, led in by a 、
            return True
    return (
        prev.kind in ("code", "table", "html") or prev.in_list or bullet_paragraph(prev) or prev.in_quote
        or emphasis_line(prev) or italic_line(prev) or displayed_quotation(prev)
    )


SHORT_LINE_MAX = 40  # characters of an item typed a line each (or of a bridging phrase: とかではなく)
_SHORT_LINES_MAX = 12  # lines of such items (a longer run is a poem or a log)


def short_lines(b) -> list[str] | None:
    """The lines of a paragraph of two or more short lines (items typed a line each), or None."""
    lines = [x.strip(" \u3000") for x in b.prose().strip().split("\n")]
    ok = 2 <= len(lines) <= _SHORT_LINES_MAX and all(0 < len(x) <= SHORT_LINE_MAX for x in lines)
    return lines if ok else None


_MATH_SHORTCODE_END = lazy_re(
    r"(?:\{\{[<%]\s*/(?:katex|math|mathjax|latex)\s*[>%]\}\}|\{%\s*end(?:katex|math|latex)\s*%\}|(?<![^\n])\\end\{[A-Za-z]{1,20}\*?\})$"
)
_ASIDE_PARAGRAPH = lazy_re(r"（[^（）]{1,200}）|\([^()]{1,200}\)")


def ends_on_display_math(text: str) -> bool:
    """The paragraph's last lines are a display equation (``…とかを入れないといけない。`` ⏎
    ``$$`` ⏎ ``2a x^3 - …`` ⏎ ``$$``): the sentence after it may open on its particle (``が該当
    しそうです``), the equation being its subject."""
    t = text.rstrip()
    if _MATH_SHORTCODE_END.search(t):
        return True  # …三次元に拡張すると ⏎ {{< katex display >}} … {{< /katex >}} ⏎ が導ける。
    for opening, closing in (("$$", "$$"), ("\\[", "\\]")):
        if t.endswith(closing):
            at = t.rfind(opening, 0, len(t) - len(closing))
            # (the opening on a line of its own, an indent before it: \u3000$$ ⏎ … ⏎ $$)
            if at >= 0 and not t[t.rfind("\n", 0, at) + 1 : at].strip(" \t\u3000"):
                return True
    if t.endswith("$") and not t.endswith("$$"):
        # one $…$ span set on a line of its own, or after <br> (…不等式は <br><br>$…$ ⏎⏎ です。)
        at = t.rfind("$", 0, len(t) - 1)
        return at >= 0 and not _BREAKS.sub("", t[t.rfind("\n", 0, at) + 1 : at]).strip(" \t\u3000")
    return False


_BREAKS = lazy_re(r"^.*<br\s*/?>", re.I)


def previous_block(doc, b):
    """The block before ``b``, footnote definitions stepped over (they sit wherever the author
    typed them, between the two halves of a sentence too: …なってしまい、 ⏎ [^4]: … ⏎ $$…$$)."""
    k = b.index - 1
    while k >= 0 and doc.blocks[k].in_footnote and not b.in_footnote:
        k -= 1
    return doc.blocks[k] if k >= 0 else None


def following_block(doc, b):
    """The block after ``b``, footnote definitions stepped over (see ``previous_block``)."""
    k = b.index + 1
    while k < len(doc.blocks) and doc.blocks[k].in_footnote and not b.in_footnote:
        k += 1
    return doc.blocks[k] if k < len(doc.blocks) else None


def emphasis_line(b) -> bool:
    """A paragraph that is one bold span (``**【…を取得する方法】**``, or in HTML ``<span
    class="big"><b>…</b></span>``): a pseudo-heading, or a phrase set apart inside a sentence
    that goes on around it (slides do this, and bloggers who set a phrase large)."""
    raw = b.text.strip()
    if b.kind != "paragraph":
        return False
    if raw.startswith(("**", "__")) and raw.rstrip("：: ").endswith(("**", "__")):
        return True
    m = _HTML_EMPHASIS.fullmatch(raw.rstrip("：: "))
    return m is not None and f"</{m.group(1)}" not in m.group(2)  # (not <b>A</b>と<b>B</b>)


# one element that sets a phrase apart, its content on the line (nested ones inside it)
_HTML_EMPHASIS = lazy_re(r"<(span|b|strong|em|mark|font|u|big|ins)(?:\s[^<>\n]{0,300})?>([^\n]{1,500})</\1>")


_DISPLAYED_QUOTATION = lazy_re(r"(?:\*\*|__)?(?:「[^「」\n]+」|『[^『』\n]+』)(?:\*\*|__)?")


def displayed_quotation(b) -> bool:
    """A paragraph that is one quotation in 「」 or 『』 (``「**…全コミット**」`` ⏎⏎ ``を大方針
    として…``): a phrase set apart as a display, the sentence going on after it."""
    return b.kind == "paragraph" and quotation_line(b.text.strip())


def quotation_line(line: str) -> bool:
    """``line`` is one quotation in 「」 or 『』, perhaps in bold."""
    return _DISPLAYED_QUOTATION.fullmatch(line) is not None


def italic_line(b) -> bool:
    """A paragraph that is one italic span (``*機知や創意工夫で…*``): a phrase set apart, as a
    bold line is, inside a sentence that may go on around it."""
    raw = b.text.strip()
    return b.kind == "paragraph" and "\n" not in raw and italic_span(raw)


def italic_span(line: str) -> bool:
    """``line`` is one span in italics (``*…*`` or ``_…_``, not bold)."""
    return len(line) > 2 and line[0] in "*_" and line[-1] == line[0] and line[1] not in " *_" and line[-2] not in " *_"


def resumes(b, previous: list) -> bool:
    """Whether paragraph ``b`` opens with an ellipsis and resumes the text of ``previous``
    (EN002/EN003 read the paragraph it resumes as cut)."""
    first_line = b.text.split("\n", 1)[0]
    m = _ELLIPSIS.match(first_line)
    if not m or _TRAILING_ELLIPSIS.search(first_line[m.end() :]):
        return False
    return _repeats_after(b, m.end(), len(first_line), previous)


def _repeats_after(b, start: int, end: int, previous: list) -> bool:
    """The text of ``b`` from ``start`` to ``end`` repeats ``previous``, compared as prose
    (code and links masked) and as written (a cut inside a code span leaves it unmasked)."""
    return _repeats(b.masked[start:end], previous, "masked") or _repeats(b.text[start:end], previous, "text")


def _repeats(rest: str, previous: list, view: str) -> bool:
    """The text after the ellipsis picks up words from the paragraphs just before: it repeats
    them, or it completes the word the previous paragraph was cut on (``並`` → ``並列処理``)."""
    r = normalize(rest)
    # twelve characters: とはいえ、Rust は… ⏎ ・・・いえ、Rust は… shares eight by chance
    head = r[:12]
    if len(head) < 4:
        return False
    for block in previous:
        p = normalize(getattr(block, view))
        if head in p:
            return True
        if any(p.endswith(r[:k]) for k in range(min(len(r), len(p), 20), 3, -1)):
            return True
    return False


def opens_mid_sentence(doc, b) -> bool:
    """The paragraph's first word cannot begin a sentence (を…, ます…, a closing bracket); one
    opening on an ellipsis (``...まっさらな…``) is a resumption, asked about apart."""
    if b.text.lstrip(" \u3000").startswith(NET_QUOTE):
        return False  # ＞今日。放課後時間あるか？: a chat or reply line's mark, no bracket closed
    return not _ELLIPSIS.match(b.text) and _cannot_begin(doc, b, text_start(b))


def _repeats_before(text: str, k: int, rest: str) -> bool:
    """``rest`` (after an ellipsis at ``k``) repeats the words just before it in the paragraph;
    read over a bounded span (one paragraph may hold 8,000 such lines)."""
    head = normalize(rest[:40])[:12]
    return len(head) >= 4 and head in normalize(text[max(0, k - _EARLIER_SPAN) : k])


def dash_resumed(b) -> bool:
    """The paragraph opens on a doubled dash after its indent (``　――この町を出ていく。``):
    fiction's way of carrying a sentence over a pause (``春になれば、彼女は`` ⏎⏎ ``――…``)."""
    return _DASH_OPEN.match(b.text) is not None


_DASH_OPEN = lazy_re(r"[ \u3000]*(?:―{2,}|—{2,}|─{2,})[ \u3000]*[^\s―—─]")


def text_start(b) -> int:
    """Where the paragraph's words begin: after the ideographic space many writers indent a
    paragraph with (``　という章で…`` opens on という all the same)."""
    return b.start + len(b.text) - len(b.text.lstrip(" \t\u3000"))


def _cannot_begin(doc, b, start: int) -> bool:
    all_toks = doc.tokens(b)
    # (the first token at ``start`` found by bisection: a paragraph of 8,000 spaced lines asks
    # once per line)
    key = ("EN005:starts", b.index)
    starts = doc.cache.get(key)
    if starts is None:
        starts = doc.cache[key] = [t.start for t in all_toks]
    i = bisect_left(starts, start)
    toks = all_toks[i : i + 2]
    if not toks or toks[0].start != start:
        return False
    if doc.text.startswith(_SPOKEN_CONJUNCTIONS, start):
        return False  # ので、やってみようと…: a spoken conjunction (なので、 said short), not a stub
    t = toks[0]
    p1, p2 = t.pos1, t.pos2
    if SPACED_LABEL.match(doc.text, start):
        return False  # 料 金:380円 / 日　時：…: a field's label letter-spaced, as notices set it
    if doc.text.startswith(("。。", "．．"), start):
        return False  # 。。記事が増えて…: a pause drawn with marks, as …… is, opening a grumble
    if p1 == "補助記号" and p2 in ("括弧閉", "読点", "句点"):
        if t.surface in "’'" and doc.text[t.end : t.end + 1].isascii() and doc.text[t.end : t.end + 1].isalnum():
            return False  # ’static, ’90s: an apostrophe before a word, not a quotation's close
        if t.surface in "”’" and _same_mark_closes(doc.text, t.end, b.end, t.surface):
            return False  # ”宅建”とかいう資格: the closing mark typed for both ends opens a quote here
        return not (t.surface in "!?" and doc.text[t.end : t.end + 1].isascii())  # !important: a CSS word
    if p1 == "助詞" and _COMPOUND_PARTICLE.match(doc.text, start):
        return True  # として… / によって… / について…: a compound particle needs its noun first
    if p1 == "助詞":
        # は、 / と、 / で、 opening a paragraph are interjections or conjunctions
        comma_next = doc.text[t.end : t.end + 1] in ("、", "，", ",")  # (が, も: ASCII too)
        return (t.surface, p2) in _NEVER_FIRST_PARTICLES and not comma_next
    if p1 == "助動詞":
        return t.surface in _NEVER_FIRST_AUX or (t.surface == "です" and (len(toks) == 1 or toks[1].pos2 == "句点"))
    if t.surface in ("等々", "等") and len(toks) > 1 and toks[1].surface in ("です", "だ", "。", "でした"):
        return False  # …泥だらけの手と服 ⏎ 等々ですね。: "and so on" closing the lines listed above
    # 的な… / さんが…: a suffix cut from its noun; a longer one is a word of its own (ぼっちで…),
    # and so is one the document uses alone elsewhere (圏の骨格… beside 小さな圏と, 任意の圏)
    return p1 == "接尾辞" and len(t.surface) <= 2 and not _suffix_used_alone(doc, t.surface)


def _same_mark_closes(text: str, after: int, end: int, mark: str) -> bool:
    """The mark comes again later in the paragraph, after some words: ``”宅建”`` uses ” for
    both ends of the quotation (read over a bounded span: a paragraph may be very long)."""
    return text.find(mark, after + 1, min(end, after + _QUOTE_SPAN)) > after


_QUOTE_SPAN = 400
_ALONE_AFTER = ("助詞", "助動詞", "動詞", "形容詞", "連体詞")


def _suffix_used_alone(doc, surface: str) -> bool:
    """The tagger reads ``surface`` as a suffix, yet the document writes it after a particle, a
    predicate or an attributive (``なる圏の``, ``小さな圏と``) at least twice: a word of its own
    (a field's term, 圏 "category"), which may open a paragraph."""
    key = ("EN005:suffix-alone", surface)
    if key not in doc.cache:
        n = 0
        for blk in doc.prose_blocks:
            if surface not in blk.text:
                continue
            toks = doc.tokens(blk)
            for i in range(1, len(toks)):
                if toks[i].surface == surface and toks[i].pos1 == "接尾辞" and toks[i - 1].end == toks[i].start and toks[i - 1].pos1 in _ALONE_AFTER:
                    n += 1
        doc.cache[key] = n >= 2
    return doc.cache[key]
