"""Lead-ins: is a paragraph that stops mid-sentence carried on by the block after it?  (EN002/EN003)

Japanese Markdown often breaks one sentence around a list, code or a table: ``例えば、`` ⏎ list,
``以下のように`` ⏎ code, ``次のパッケージを`` ⏎ list ⏎ ``インストールします。``.  Such a
paragraph is a lead-in, not a cut, unless its grammar says the block cannot be the rest of the
sentence (a case particle waiting for its predicate, a reason waiting for its main clause, a
word cut short) and the sentence does not resume after the block.
"""

from __future__ import annotations

import re

from kijilint.rules.broken_ending.continuation_fragment import (
    SHORT_LINE_MAX,
    displayed_quotation,
    emphasis_line,
    following_block,
    italic_line,
    previous_block,
    quotation_line,
    short_lines,
)
from kijilint.rules.broken_ending._footer import is_link_only
from kijilint.rules.broken_ending.unclosed_bracket import ends_with_face
from kijilint.rules.broken_ending._last_words import (
    DELIBERATE_ENDS,
    GOVERNING_PARTICLES,
    JAPANESE,
    LEAD_ADVERBS,
    NOUN_ENDS,
    PREDICATES,
    REASON_OPENERS,
    closes_clause,
    laughs_or_draws_out,
)
from kijilint.rules._layout import DISPLAY_MATH, IMAGE_SHORTCODE_NAME, bullet_paragraph, image_only, numbered_paragraphs, plain_paragraph_after
from kijilint._lazy_re import lazy_re

_LEAD_IN_FOLLOWERS = ("code", "table", "html")
# A paragraph that is only site-generator shortcodes (Hugo {{< tweet … >}}, Liquid {% … %}):
# an embed, shown in place like HTML.  Not an image's ({{< figure … >}}): a picture is no
# lead-in's follower, as ![…](…) is not (a src= marks a custom one: {{< thumbnail src=… >}})
_NOT_A_PICTURE = r"(?![ \t]|" + IMAGE_SHORTCODE_NAME + ")"
_SHORTCODES = lazy_re(
    r"(?:[ \t]*(?:\{\{[<%][ \t]*" + _NOT_A_PICTURE + r".*?[%>]\}\}|\{%[ \t]*" + _NOT_A_PICTURE + r".*?%\})[ \t]*\n?)+"
)


def shortcode_embed(b) -> bool:
    return b.kind == "paragraph" and not b.containers and _SHORTCODES.fullmatch(b.text.strip()) is not None


# A paired shortcode around a few lines (Hugo {{< say-left >}} … {{< /say-left >}}, Liquid
# {% note %} … {% endnote %}): a box the site draws, a speech bubble or a note, set out in
# the sentence as a quotation is (本記事では ⏎ bubble ⏎ という疑問に…)
_BOX_OPEN = lazy_re(r"\{\{[<%][ \t]*([\w-]{1,40})[^\n]{0,200}?[%>]\}\}|\{%[ \t]*([\w-]{1,40})[^\n]{0,200}?%\}")
_BOX_CLOSE = lazy_re(r"\{\{[<%][ \t]*/[ \t]*([\w-]{1,40})[ \t]*[%>]\}\}|\{%[ \t]*end([\w-]{1,40})[ \t]*%\}")


def shortcode_box(b) -> bool:
    if b.kind != "paragraph" or b.containers:
        return False
    lines = b.text.strip().split("\n")
    if len(lines) < 3:
        return False
    head, tail = _BOX_OPEN.fullmatch(lines[0].strip()), _BOX_CLOSE.fullmatch(lines[-1].strip())
    return head is not None and tail is not None and (head.group(1) or head.group(2)) == (tail.group(1) or tail.group(2))


# A paragraph that is one bare address (or Zenn's @[tweet](…)): blog platforms (Zenn, Qiita,
# Hatena, note) show it as an embedded card, a block in its own right like HTML
# (Hatena's [https://…:embed:cite] is the same card)
_URL_EMBED = lazy_re(r"<?https?://[^\s<>]+>?|@\[[A-Za-z]+\]\([^()\s]+\)|\[https?://[^\s\]]+:embed(?::[^\]\n]*)?\]")


def url_embed(b) -> bool:
    return b.kind == "paragraph" and not b.containers and _URL_EMBED.fullmatch(b.text.strip()) is not None


_QUOTE_OPENERS = ("「", "『", "(", "（", "[")  # (the first two also after markup: :::details ⏎ 「…」)
# a paragraph opening on a bold phrase that ends no sentence (**…破綻してしまい**, ⏎ …), unlike
# a bold sentence of its own (**設定は一つのファイルにまとめます。** 次に…)
_BOLD_CLAUSE_OPENS = lazy_re(r"(\*\*|__)[^*_\n]{1,200}(?<![。．.！!？?])\1")
_ITEM_MARKER = lazy_re(r"(?:[-*+]|\d{1,9}[.)])[ \t]")  # a list item's marker at a line's start
_TAG_START = lazy_re(r"<[A-Za-z/!?]")  # an HTML tag or comment opens (not ``a < b``, ``C1 <= C2``)
_MORE_SEPARATOR = lazy_re(r"<!--\s*more\s*-->", re.IGNORECASE)  # (Jekyll, Hexo, Hugo, WordPress)
_NOT_CONTENT_HTML = lazy_re(r"^\s*(?:<!--|</[A-Za-z][^>]*>\s*$|(?:<br\s*/?>\s*){1,20}$)")  # (a <br> spacer carries nothing on)
# A heading typed in HTML (<h1>まとめ</h1>: Hatena and WordPress imports keep them): a heading
_HTML_HEADING = lazy_re(r"\s*<h([1-6])\b[^<>\n]{0,300}>[^\n]{0,500}?</h\1>\s*", re.I)


def lead_in(doc, b, tail: str, strength, earlier_punctuated: bool, toks=()) -> bool:
    """A lead-in whose sentence goes on in the next block: ``例えば、`` before a list,
    ``以下のように`` before code, ``その言葉とは、`` before a one-line paragraph.

    A paragraph of finished sentences whose last one stops on a particle before code
    (``…のコマンドでインストールして`` ⏎ code) is still cut: lead-ins end in 、, ：, a noun or
    a form like ように, not in the middle of a clause after several full sentences."""
    nb = following_block(doc, b)
    if nb is None:
        return False
    if toks and (toks[-1].pos1 == "助詞" or tail[-1] in "、，,") and _resumed_past(doc, nb):
        return True  # 2016 年は ⏎ 「…人」 ⏎ 「…人」 ⏎⏎ になることを目指したい。: whatever stands between
    # (・A ⏎ ・B typed without Markdown's marker is a list too, and so are ① ⏎⏎ ② paragraphs)
    listy = listlike(nb) or numbered_paragraphs(doc, nb)
    if listy and len(toks) > 1 and toks[-1].surface == "し" and toks[-1].pos2 == "接続助詞" and toks[-2].pos1 in PREDICATES:
        # …働きやすい場所でしたし ⏎ * [写真で見る…](…): a reason trailed off on し, the list shows
        # the rest (no detected injected cut of ~2,480 stops on し before a list)
        return True
    if nb.kind == "html" and _HTML_HEADING.fullmatch(nb.text):
        # …耐え難いものだっ ⏎ <h1>まとめ</h1>: the sentence cannot run on into a heading (but a
        # one-line transition may lead into it: 話は変わって、 ⏎ <h2>…</h2>)
        return tail[-1] in "、，," and "\n" not in b.text.strip() and len(b.text.strip()) <= 12
    if _LEAD_WORD.fullmatch(tail.strip(" \u3000\n")):
        return True  # …が用いられる。例えば、 ⏎ **ガウス関数** $$…$$: a connective alone introduces any block
    if nb.kind == "paragraph" and tail.strip(" \u3000\n「") in REASON_OPENERS:
        return True  # …。なぜなら ⏎ 速いからです。: the reason in a paragraph of its own
    if nb.kind == "paragraph" and not earlier_punctuated and _reason_end(toks) and _main_clause_line(doc, nb):
        # …ちょっとわからなかったところがあったので ⏎⏎ 備忘録としてまとめておきます。: a writer who
        # spaces lines with blank lines gives the reason and its main clause a line each
        return True
    if nb.kind == "paragraph" and not nb.containers and tail[-1] in "、，," and (
        len(nb.prose().strip()) <= 30 or emphasis_line(nb) or italic_line(nb)
        or nb.text.lstrip(" \u3000").startswith(_QUOTE_OPENERS) or nb.prose().lstrip(" \u3000\n").startswith(_QUOTE_OPENERS[:2])
        or _BOLD_CLAUSE_OPENS.match(nb.text.lstrip(" \u3000")) is not None
    ):
        # 理由は、 ⏎ 「速いから」 / 理解したら、 ⏎ **【…】** ⏎ がわかる / と答えると、 ⏎ 「…」(dialogue)
        # / 成果物は、 ⏎ [GitHub - …](…) に置いてあります
        # / …に従えば， ⏎ (1) 例文 ⏎ という2つの文は…
        # / …典型例となっていますが、 ⏎ **…破綻してしまい**, ⏎ 結局は…: the sentence goes on in bold
        # (no detected injected cut of ~2,300 stops on 、 before a paragraph opening in bold)
        return True
    if nb.kind == "paragraph" and not nb.containers and tail[-1] in "、，," and unmarked_items(nb) and _sentence_resumes_after(doc, nb):
        # ここで色々学んだのは、 ⏎ コードの書き方 ⏎ CI/CD ⏎ という所だと思います: items set a line
        # each without list markers, the sentence resumed after them
        return True
    if (
        nb.kind == "paragraph" and not nb.containers and toks and toks[-1].pos1 == "副詞" and dialogue_line(nb)
    ):
        return True  # …と思ったのですが、ふと ⏎ 「…」: the adverb leads into the thought quoted below
    if nb.kind == "paragraph" and not nb.containers and toks and toks[-1].pos1 == "助詞" and _quotation_then_resumed(doc, nb):
        return True  # この記事の結論を書くと ⏎ 「…のふりかえり」 ⏎ です。: the quotation, then the sentence's end
    if nb.kind == "paragraph" and toks and toks[-1].pos1 == "助詞" and displayed_quotation(nb):
        return True  # …返答するわけです。すると ⏎ 「…少なくなっております」: the reply, set out as a display
    if nb.kind == "paragraph" and not nb.containers and tail[-1] in "、，," and _TERM_THEN_PARTICLE.match(nb.text.lstrip(" \u3000")):
        return True  # …話ですが、 ⏎ **syntastic_checkers** という名前で…: the sentence resumes on its term
    if nb.kind == "heading" and tail[-1] in "、，," and "\n" not in b.text.strip() and len(b.text.strip()) <= 12:
        return True  # 話は変わって、 ⏎ ## 退職しました: a one-line transition into the next section
    if nb.kind == "paragraph" and not nb.containers and _POINTER.search(tail) and is_link_only(nb):
        return True  # ここらへんを深堀してあるのは下記 ⏎ [記事の題](…): a link card is the block pointed at
    if strength == "weak" and _PICTURE_NOUN.search(tail) and image_only(nb):
        return True  # …。写真は実験の時の写真 ⏎ ![](…): a noun naming the picture below introduces it
    if strength == "weak" and image_only(nb) and _verbal_noun_step(toks):
        return True  # …っぽいものを購入 ⏎ ![外装](…): a step told in 体言止め, its picture below
    if image_only(nb) and _SHOWN_LIKE_THIS.search(tail):
        return True  # …わけではなくて、こんな感じで ⏎ ![](…): the picture is the "like this"
    if image_only(nb) and toks and (_conditional(toks) or _te_form(toks[-1]) or _step_form(toks[-1])) and next_paragraph(doc, nb) is not None:
        # …過去ログを漁ってみると ⏎ ![](…): what the writer then saw is the picture; …問題なく
        # 乗船して ⏎ ![](…) ⏎ 指示されたところに駐車。 / 小道を登っていき ⏎ {{<lightbox …>}} ⏎
        # 振り向くと…: the picture is a step of the story
        return True
    if nb.kind == "paragraph" and not nb.containers and emphasis_line(nb) and strength == "strong" and toks and toks[-1].pos1 == "助詞":
        return True  # また、最大の特徴として ⏎ **…1問も出ません！！！**: the bold line is the rest
    if nb.kind == "paragraph" and not nb.containers and (emphasis_line(nb) or italic_line(nb)) and _sentence_resumes_after(doc, nb):
        return True  # …と話したところ ⏎ **弱点をデザインで克服する** ⏎ という回答を…: the bold line is quoted
    if nb.kind == "html" and _MORE_SEPARATOR.fullmatch(nb.text.strip()):
        # …と、頼まれたので、 ⏎ <!-- more -->: a blog's excerpt ends there, a teaser that stops
        # mid-sentence on purpose so the reader clicks through
        return True
    if nb.kind == "html" and _NOT_CONTENT_HTML.match(nb.text):
        # an HTML comment or a closing tag does not carry the sentence on, but a lint directive
        # may sit inside it: …のですが、 ⏎ <!-- textlint-disable --> ⏎ 当初は…
        after = blocks_after_comments(doc, nb) if nb.text.lstrip().startswith("<!--") else None
        return tail[-1] in "、，," and after is not None and after.kind == "paragraph" and not after.containers
    # a paragraph without a Japanese word (``550 + 350 = 900``, a command, a URL) is a display
    # block like code: …ということで集計すると ⏎ the sum; English sentences are prose, not one
    words = nb.prose() if nb.kind == "paragraph" and not nb.containers else ""
    display = (
        "](" not in nb.text and not _TAG_START.search(nb.text)
        and len(words.strip()) >= 3 and not JAPANESE.search(words) and not _english_prose(words)
    )  # links, embeds (@[tweet](…)) and HTML are no display lines; a comparison (C1 <= C2) is one
    # a display equation ($$ … \left< … $$) is one whatever it holds: …を加えたHubbard model ⏎ $$…$$
    # (or one $…$ span alone on its paragraph, as writers without $$ set an equation apart)
    display = display or (
        nb.kind == "paragraph" and not nb.containers
        and (_DISPLAY_MATH.match(nb.text.strip()) is not None or DISPLAY_MATH.fullmatch(nb.text.strip()) is not None)
    )
    # so is a paragraph of one code span (…と思ったのですが、ふと ⏎ `リポジトリ名は、何にする？`)
    display = display or (nb.kind == "paragraph" and not nb.containers and CODE_SPAN.fullmatch(nb.text.strip()) is not None)
    card = url_embed(nb)
    box = shortcode_box(nb)
    if nb.kind == "heading" or not (nb.kind in _LEAD_IN_FOLLOWERS or listy or nb.in_quote or display or shortcode_embed(nb) or card or box):
        return False  # (a heading quoted with > is a heading still: …保証するも ⏎ >## 報告書 carries nothing on)
    last = toks[-1] if toks else None
    if listy and strength in ("weak", "strong") and len(tail.strip()) >= _HABIT_LEAD_MIN and _lead_ins_finished(doc, b):
        # a writer who ends every other paragraph before a list with 。 or ： did not stop this
        # one on a particle or a noun (…研究室の主な活動は ⏎ list), unless the sentence resumes
        # after the list
        return _resumes_after_list(doc, nb)
    if strength == "strong" and earlier_punctuated and _attributive_wanting_noun(toks):
        # …。一次情報には以下のように様々な ⏎ > list: an attributive waits for its noun, which no
        # block is (…以下のような ⏎ list names the block: よう is the pointing word)
        return _resumes_after_list(doc, nb) if listy else _sentence_resumes_after(doc, nb)
    embed = (nb.kind == "html" and not _NOT_CONTENT_HTML.match(nb.text)) or card or box or shortcode_embed(nb)
    if embed and strength == "weak" and earlier_punctuated and (_clause_closed(toks) or _governs_noun(toks)) and not (
        tail[-1] in "、，,：:" or points_ahead(tail) or _EMBED_NOUN.search(tail) or _PICTURE_NOUN.search(tail)
    ):
        # …。いろいろと新しい学びもありつつ、大急 ⏎ <iframe>: after finished sentences, a clause
        # and then a noun lead into an embed only when the noun names it (…ので、当日のスライド);
        # a bare noun phrase may name the product its card shows (愛用しているキーボード ⏎ card)
        return _sentence_resumes_after(doc, nb)
    if nb.in_quote and not listy and _QUOTE_SOURCE.search(tail):
        return True  # …さんのエントリーによれば ⏎ > quote: the source named, its words below
    quote_or_html = (nb.in_quote and not listy and strength in ("weak", "strong")) or ((nb.kind == "html" or card or box) and strength == "strong")
    if quote_or_html and earlier_punctuated and not (tail[-1] in "、，,：:" or points_ahead(tail) or (last is not None and last.surface == "は")):
        # …。ウィンドウを開かずとも現 ⏎ > quote, …。興味深いnoteも ⏎ <embed>: after finished
        # sentences, a quotation or an embed is introduced by 、, ：, は or a word that points at
        # it (以下, 次の, こちら); otherwise the sentence was cut before it (no such lead-in in
        # the 14 clean sets)
        return _sentence_resumes_after(doc, nb)
    if (
        (nb.kind == "html" or card or shortcode_embed(nb)) and strength == "strong" and last is not None
        and last.surface == "を" and last.pos2 == "格助詞" and not points_ahead(tail)
    ):
        # …YouTube で活動している人たちが紹介ビデオを ⏎ https://youtu.be/…: an object waits for its
        # verb, which an embed is not (こちらの動画を ⏎ card points at it, …を ⏎ card ⏎ 作って
        # くれました resumes)
        return _sentence_resumes_after(doc, nb)
    # 使い方は ⏎ code: a noun's topic announced, the code is its answer (…には waits for more)
    # (Javaでは ⏎ code: "in Java, this", a scope the code shows; …Token には still wants its verb)
    topic = last is not None and last.surface == "は" and len(toks) >= 2 and (
        toks[-2].pos1 in NOUN_ENDS or (toks[-2].surface == "で" and len(toks) >= 3 and toks[-3].pos1 in NOUN_ENDS)
    )
    # …Javaで書くと ⏎ code: what one then writes is the code (as …漁ってみると ⏎ a picture)
    shown = topic or (last is not None and _conditional(toks)) or tail.lstrip(" \u3000\n").startswith(("例えば", "たとえば"))
    if strength == "strong" and earlier_punctuated and tail[-1] not in "、，," and nb.kind == "code" and not shown:
        return _sentence_resumes_after(doc, nb)
    if earlier_punctuated and (_reason_end(toks) or _purpose_end(toks)):
        # …。…が不可欠ですので ⏎ list: a reason waits for its main clause, which no list gives
        return _resumes_after_list(doc, nb) if listy else _sentence_resumes_after(doc, nb)
    if (
        strength == "weak" and earlier_punctuated and nb.kind == "code" and last is not None
        and last.pos1 in NOUN_ENDS and not points_ahead(tail)
    ):
        # …。…区別するための一意な文 ⏎ code: a noun that names no code (以下のコード does)
        return _sentence_resumes_after(doc, nb)
    if (
        strength == "strong" and last is not None and last.pos1 in PREDICATES and last.cform.startswith("連用形")
        and (earlier_punctuated or (nb.kind == "code" and last.pos1 == "動詞"))  # (…以下のように ⏎ code leads in)
    ):
        if nb.kind == "code" and _MANNER_AHEAD.search(tail):
            return True  # …を次のように作り ⏎ code: the code is the "how", the verb said short before it
        # …。そもそも何がき ⏎ list, …。こうすることしか出 ⏎ HTML: a verb cut, not a lead-in
        return _resumes_after_list(doc, nb) if listy else _sentence_resumes_after(doc, nb)
    if strength == "weak" and earlier_punctuated and (listy or nb.kind == "html") and case_governed_noun(toks) and not points_ahead(tail):
        # …。間違いにお気づき ⏎ list, …。それらの値を微調 ⏎ <aside>: a noun its case particle
        # wants a verb for, after finished sentences, names nothing the list or the embed could
        # be (…を以下, …は次のとおり do)
        return _resumes_after_list(doc, nb) if listy else _sentence_resumes_after(doc, nb)
    if strength == "strong" and listy and earlier_punctuated and last is not None and _te_form(last):
        # …。足と汗が結局のところ成果を出して ⏎ list: after finished sentences, a て-form waits
        # for its clause; no human lead-in to a list ends so in 540 documents (one-sentence
        # lines do: …もう少しつっこんで話されて ⏎ list)
        return _resumes_after_list(doc, nb)
    if strength == "strong" and listy and last is not None and last.pos1 == "副詞" and last.surface not in LEAD_ADVERBS:
        return _resumes_after_list(doc, nb)  # …成人男性がすっぽり ⏎ list: the adverb waits for its verb
    conditional = last is not None and _conditional(toks)
    if (
        strength == "strong" and listy and earlier_punctuated and last is not None and last.surface == "に"
        and last.pos2 == "格助詞" and len(toks) >= 2 and toks[-2].surface not in ("ため", "為", "よう")
        and not points_ahead(tail)
    ):
        # …。…成り立った場合には、前後に ⏎ 1. 短い挨拶: after finished sentences a bare に
        # (not ために, ように, 以下に) wants its verb, which no list gives
        return _resumes_after_list(doc, nb)
    if strength == "strong" and listy and tail.endswith(_NO_LIST_LEAD) and not conditional:
        # (…噛み砕くと / まとめると ⏎ list: a conditional と of saying introduces the list)
        return _resumes_after_list(doc, nb)
    if (
        nb.kind == "code" and not earlier_punctuated and last is not None and _te_form(last) and "\n" not in b.text.strip()
        and next_paragraph(doc, nb) is not None
    ):
        # 得られた文字列をPOSTして ⏎ code ⏎ `CPCTF{…}`: a one-line step, what it does shown below
        # and what came of it after (with nothing after the code, …の平均を求めて is cut)
        return True
    object_case = last is not None and last.pos2 == "格助詞" and last.surface in ("を", "が")
    if (
        strength == "strong" and (nb.kind in _LEAD_IN_FOLLOWERS or (display and object_case)) and last is not None
        and _waits_for_predicate(last) and not conditional  # (…パイプラインで書くことを考えると ⏎ code)
    ):
        # (a display line after を/が too: …ライブラリを ⏎ index.js ⏎ code names a file, it is
        # no object; …集計すると ⏎ 550 + 350 = 900 is the sum)
        after = next_paragraph(doc, nb)
        return (
            _sentence_resumes_after(doc, nb) or (after is not None and _predicate_resumes(doc, after))
            or _opens_after_block(doc, b) or _heading_predicate(doc, b)
            or (not earlier_punctuated and _te_steps(doc))
            or (last.surface == "を" and _pointing_after(doc, nb))
        )
    return True


# English sentences: eight words or more, one ending on a full stop, no formula signs
_ENGLISH_WORD = lazy_re(r"[A-Za-z]{2,}")
_ENGLISH_STOP = lazy_re(r"[a-z]\.(?:\s|$)")
_FORMULA_SIGN = lazy_re(r"[$=\\{}]")


def _english_prose(text: str) -> bool:
    """A paragraph of English sentences (a note a translation left untranslated: ``**Note**:
    Rust also allows…``) is prose in another language, no display line like a command or a
    formula that a lead-in may introduce."""
    return (
        _FORMULA_SIGN.search(text) is None and _ENGLISH_STOP.search(text) is not None
        and sum(1 for _ in zip(range(8), _ENGLISH_WORD.finditer(text))) >= 8
    )


# A connective said alone before its 、: 例えば、 / すなわち、 / 具体的には、
_LEAD_WORD = lazy_re(r"(?:例えば|たとえば|すなわち|即ち|つまり|具体的には|具体的に言うと|一例として|以下|次に|次のように)[、，,：:]")


def dialogue_line(p) -> bool:
    """The paragraph opens on 「 or 『 (after its indent): a line said, or a thought quoted."""
    return p.text.lstrip(" \u3000")[:1] in ("「", "『")


def _verbal_noun_step(toks) -> bool:
    """…を購入, …に到着: a verbal noun after its object or goal, a step of a photo diary
    told in 体言止め (not …は定休, nor a noun cut short: …プロフィー)."""
    return (
        len(toks) >= 2 and toks[-1].pos1 == "名詞" and "サ変可能" in toks[-1].pos
        and toks[-2].pos2 == "格助詞" and toks[-2].surface in ("を", "に", "へ")
    )


def _governs_noun(toks) -> bool:
    """A case or binding particle governs the sentence's closing noun phrase (…今回も普段自分,
    …自分が別のプロジ): a predicate was on its way, not a caption (2014 年, …楽しい曲調)."""
    k = len(toks)
    # (the phrase may join nouns with の: 別のプロジ)
    while k and (toks[k - 1].pos1 in ("名詞", "接尾辞", "接頭辞", "連体詞") or (toks[k - 1].surface == "の" and k < len(toks))):
        k -= 1
    p = toks[k - 1] if 0 < k < len(toks) else None
    return p is not None and p.pos2 in ("格助詞", "係助詞") and p.surface in GOVERNING_PARTICLES


def _clause_closed(toks) -> bool:
    """The sentence closes a clause before its end (…ありつつ、 / …されたため / …しますが): more
    than a noun phrase."""
    if toks and toks[-1].pos2 == "接続助詞":
        return True
    return any(t.pos2 == "読点" and closes_clause(toks, i) for i, t in enumerate(toks) if i)


def _step_form(t) -> bool:
    """登っていき, 進み: a verb's plain continuative form (not a stub like 登っ), a step told."""
    return t.pos1 == "動詞" and t.cform == "連用形-一般" and len(t.surface) >= 2


def _te_form(t) -> bool:
    return t.pos2 == "接続助詞" and t.surface in ("て", "で")


def _conditional(toks) -> bool:
    """The sentence stops on a conditional と (…してみると) or たら (…書いてみたら); the tagger
    may read と as a quotation's after a plain verb (…ピックアップすると)."""
    last = toks[-1]
    if last.pos1 == "助動詞" and last.surface in ("たら", "だら") and last.cform.startswith("仮定形"):
        return True
    return last.surface == "と" and (
        last.pos2 == "接続助詞" or (len(toks) >= 2 and toks[-2].pos1 in ("動詞", "助動詞") and toks[-2].cform.startswith("終止形"))
    )


_DISPLAY_MATH = lazy_re(r"^\$\$.+?\$\$", re.S)  # (a paragraph that opens with one: $$…$$ ⏎ ここで…)


def _pointing_after(doc, code) -> bool:
    """After the code, the object's predicate comes with a word pointing at what follows
    (``…の箇所を`` ⏎ code ⏎ ``以下に変更して…``)."""
    after = next_paragraph(doc, code)
    return after is not None and after.prose().lstrip().startswith(_POINTING_ON)


def _te_steps(doc) -> bool:
    """Two or more one-sentence paragraphs stop on a て-form right before code (``Gemfile作って``
    ⏎ code ⏎ ``Gemfileに書いて`` ⏎ code): the writer lays steps out so, each code block the
    step's action."""
    key = "EN:te-steps"
    if key not in doc.cache:
        n, blocks = 0, doc.blocks
        for b in doc.paragraphs:
            nb = blocks[b.index + 1] if b.index + 1 < len(blocks) else None
            if nb is None or nb.kind != "code" or b.containers or len(doc.sentences(b)) != 1:
                continue
            toks = doc.tokens(b)
            if toks and toks[-1].pos2 == "接続助詞" and toks[-1].surface in ("て", "で") and b.text.rstrip()[-1:] in "てで":
                n += 1
        doc.cache[key] = n >= 2
    return doc.cache[key]


_REASON_ENDS = ("ので", "から", "けど", "けれど", "けれども", "のに", "ば")  # …PR を見れば ⏎ list
# Words that point at the block below: a noun phrase with one of them names the code.
POINTS_AHEAD = lazy_re(r"以下|次|下記|こちら|これ|この|こんな|このよう|例|サンプル|結果|出力|コード|コマンド|設定|内容|手順|方法|定義|実装|形式|ファイル")


def points_ahead(tail: str) -> bool:
    """The sentence's last clause (after its last 、) holds a word that points at, or names,
    the block below (…を以下, 詳しくはこちら, 次のような).  A この earlier in the sentence
    (この記事では、…優れたものはあり、それ ⏎ > quote) points at nothing below."""
    clause = _CLAUSE_COMMA.split(tail.rstrip("、，, \u3000\n"))[-1]
    return POINTS_AHEAD.search(clause) is not None


_CLAUSE_COMMA = lazy_re(r"[、，,]")
# a source named as the speaker of a quotation (…によれば, …によると, …曰く)
_QUOTE_SOURCE = lazy_re(r"(?:によれば|によると|曰く|いわく|の言葉を借りれば|の言葉を借りると)[、，,]?$")
# Words that point at the next block only (POINTS_AHEAD also names what a block may be)
_POINTER = lazy_re(r"(?:以下|下記|次|こちら|コチラ)(?:の(?:記事|リンク|ページ|サイト|とおり|通り))?[ \u3000]*(?:です|になります|を参照|を参考)?$")
# A bold or code term right followed by a particle: a sentence resumed, not begun
_TERM_THEN_PARTICLE = lazy_re(r"(?:\*\*[^*\n]+\*\*|`[^`\n]+`)[ \u3000]*(?:という|って|と|を|が|は|の|に|で|も)")
# A noun that names a picture: the sentence ending on it captions the image under it
_PICTURE_NOUN = lazy_re(r"(?:写真|画像|図|[一二三四五1-9１-９]枚|様子|風景|景色|光景|スクショ|スクリーンショット|キャプチャ|外観|全景)$")
# A noun that names what an embed shows (a video, slides, a post, a product): the sentence
# ending on it introduces the embed under it
_EMBED_NOUN = lazy_re(
    r"(?:動画|映像|ムービー|スライド|資料|ツイート|ポスト|投稿|記事|ブログ|ページ|サイト|リンク|地図|マップ|曲|楽曲|アルバム|"
    r"本|書籍|商品|アプリ|ゲーム|発表|講演|トーク|LT|セッション|プレイリスト|チャンネル|番組|配信|アーカイブ|作品|レシピ|"
    r"レポート|まとめ|感想|記録|詳細|告知|案内|概要|一覧|リスト|ガイド|解説|インタビュー|ニュース|スレッド|公式|"
    r"紹介|参照|参考|もの|やつ|これ|それ|あれ|コレ|ソレ|どうぞ|ぜひ|是非|こちら|コチラ|下さい|ください)$"
)
CODE_SPAN = lazy_re(r"`[^`\n]+`")  # (one inline code span; EN002 also strips them from menu paths)
# A verb whose manner is the block below (…を次のように作り, …は以下の通りに設定し)
# こんな感じで / このように / 次のような形に: a manner pointed at, which the block below shows
_SHOWN_LIKE_THIS = lazy_re(r"(?:こんな|こういう|こういった|この|次の|以下の|下記の)(?:感じ|ふう|風|よう|具合|形)?(?:な(?:感じ|形))?(?:で|に)$")
_MANNER_AHEAD = lazy_re(r"(?:次|以下|下記)の(?:よう|とおり|通り)に[^、，,。\n]{0,16}$")


def _heading_predicate(doc, b) -> bool:
    """A one-line paragraph right under a heading that ends on a predicate (``# エラーメッセージが
    表示される`` ⏎ ``新規プロジェクトを作成したときなどに`` ⏎ code): the heading says what
    happens, the line when, and the code shows it (FAQ and troubleshooting pages)."""
    if b.index == 0 or "\n" in b.text.strip():
        return False
    prev = doc.blocks[b.index - 1]
    if prev.kind != "heading":
        return False
    toks = doc.tokens(prev)
    return bool(toks) and toks[-1].pos1 in PREDICATES


def _opens_after_block(doc, b) -> bool:
    """The paragraph itself picks a sentence up after code or a list (``と別々に定義しておいて``
    after code): the writer weaves one sentence through several blocks, so its stop before the
    next block is part of that weave."""
    if b.index == 0:
        return False
    prev = doc.blocks[b.index - 1]
    if not (prev.kind in ("code", "table", "html") or prev.in_list):
        return False
    toks = doc.tokens(b)
    return bool(toks) and toks[0].start - b.start <= 1 and toks[0].pos1 in ("助詞", "助動詞")


def _attributive_wanting_noun(toks) -> bool:
    """The sentence stops on a na-adjective's attributive (…様々な, …重要な): its noun is
    missing.  Not ような / こんな, which point at the block below as the noun."""
    if len(toks) < 2:
        return False
    last, prev = toks[-1], toks[-2]
    return (
        last.surface == "な" and last.pos1 == "助動詞" and last.cform.startswith("連体形")
        and prev.pos1 == "形状詞" and prev.surface not in ("よう", "様", "同様", "以下")
    )


_EMOJI_END = lazy_re(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]$")  # …おきます😊


def _said_on_purpose(text: str) -> bool:
    """Closed without 。 the way EN002 lets a sentence close (…おきますw, …おきます😊, a face)."""
    return bool(text) and (
        text[-1] in DELIBERATE_ENDS or laughs_or_draws_out(text) or _EMOJI_END.search(text) is not None or ends_with_face(text)
    )


def _main_clause_line(doc, nb) -> bool:
    """The next paragraph is one short finished sentence, no conjunction or topic shift before
    it (``備忘録としてまとめておきます。``): the main clause a reason was waiting for."""
    if nb.containers or "\n" in nb.text.strip():
        return False
    sents = doc.sentences(nb)
    toks = doc.tokens(nb)
    return (
        len(sents) == 1 and (sents[0].terminated or _said_on_purpose(nb.text.rstrip()))
        and len(nb.prose().strip()) <= 40
        and bool(toks) and toks[0].pos1 not in ("接続詞", "感動詞")
    )


def _purpose_end(toks) -> bool:
    """…焦点を当てているため: ため after a predicate, a reason or a purpose that wants its clause."""
    return len(toks) > 1 and toks[-1].surface in ("ため", "為") and toks[-2].pos1 in PREDICATES and toks[-2].cform.startswith("連体形")


def _reason_end(toks) -> bool:
    """…ので / …から / …けど / …のに, also ので read as の + で (…不可欠ですので)."""
    if not toks:
        return False
    last = toks[-1]
    if last.pos2 == "接続助詞" and last.surface in _REASON_ENDS:
        return True
    return last.surface == "で" and last.pos1 == "助動詞" and len(toks) > 1 and toks[-2].surface == "の" and toks[-2].pos2 == "準体助詞"


def _waits_for_predicate(t) -> bool:
    """A case particle (…[info文字列]に, …を), a て-form (…の平均を求めて) or a bare のよう
    before code, a table or HTML: that block cannot be the rest of the sentence unless the
    sentence resumes after it.  ``以下のように`` ends in the auxiliary に and stays a lead-in."""
    return (
        (t.pos2 == "格助詞" and t.surface in _NO_CODE_LEAD)
        or (t.pos2 == "接続助詞" and t.surface in ("て", "で"))
        or (t.surface == "よう" and t.pos1 == "形状詞")
    )


# Case particles that wait for their predicate: a list after ``…のバランスと`` or
# ``…のセットアップが`` is no answer to them, unless the sentence goes on after the list
# (``次のパッケージを`` ⏎ list ⏎ ``インストールします。``).  Lead-ins end in は, に, で, 、.
_NO_LIST_LEAD = ("が", "を", "と", "の", "ぐらい", "くらい", "ほど", "しか", "さえ")  # (…下関ぐらい ⏎ list: a degree, not a lead-in)
_NO_CODE_LEAD = ("が", "を", "と", "に", "の")  # …コンポーネント内部の ⏎ code: の wants its noun


def _resumes_after_list(doc, first_item) -> bool:
    blocks = doc.blocks
    i = first_item.index
    while i < len(blocks) and listlike(blocks[i]):
        i += 1
    if i > first_item.index and _lazy_line_resumes(doc, blocks[i - 1]):
        return True
    return i < len(blocks) and _predicate_resumes(doc, blocks[i])


def _lazy_line_resumes(doc, item) -> bool:
    """The list's last item ends on a line typed flush left, no marker, that Markdown folds into
    the item (a lazy continuation), and it resumes the sentence before the list on a particle or
    an auxiliary (…している際、 ⏎ - …のか ⏎ - …のか ⏎ といったことが…)."""
    text = doc.text[item.start : item.end].rstrip()
    nl = text.rfind("\n")
    if nl < 0 or text[nl + 1 : nl + 2] in ("", " ", "\t", "\u3000", ">") or _ITEM_MARKER.match(text, nl + 1):
        return False
    return _resumes_at(doc, item, item.start + nl + 1)


def unmarked_items(b) -> bool:
    """A paragraph of two or more short lines, none ending a sentence: items typed a line each
    without list markers."""
    lines = short_lines(b)
    return lines is not None and all(x[-1] not in "。．.！!？?" for x in lines)


def _quotation_then_resumed(doc, nb) -> bool:
    """``nb`` opens with a line that is one quotation in 「」 and goes on, on its next line, with
    an auxiliary or a particle (``「…のふりかえり」`` ⏎ ``です。``): the sentence before it resumes
    after the quotation.  (A line of dialogue after it, ``「…」``, resumes nothing.)"""
    text = nb.text
    lead = len(text) - len(text.lstrip(" \u3000\n"))
    nl = text.find("\n", lead)
    if nl < 0 or not quotation_line(text[lead:nl].strip(" \u3000")):
        return False
    return _resumes_at(doc, nb, nb.start + nl + 1)


# Words that open a sentence of their own though the tagger reads a particle or an auxiliary
# first (とは言え、…, なので…, でも…): no resumption of the sentence before.
_CONNECTIVE_OPENERS = (
    "とは言え", "とはいえ", "と言っても", "といっても", "というわけで", "ということで", "とはいうものの",
    "なので", "だから", "だが", "だけど", "ですが", "でも", "では", "で、", "でね",
)


_ASIDE = lazy_re(r"（[^（）\n]{1,80}）|\([^()\n]{1,80}\)")
_BOX_REACH = 12  # blocks a shortcode's box may span (paragraphs of a quoted judgment)


def _resumed_past(doc, nb) -> bool:
    """The sentence stopped on a particle or a 、 goes on after ``nb``, whatever ``nb`` is (a
    display, lines set apart, a picture, an embed, a shortcode's box over several paragraphs),
    but a paragraph that ends its own sentence or a heading: the paragraph after it, past an
    aside in brackets (``（強調はわたしがやりました）``), opens on a particle, an auxiliary or a
    helping verb (see ``_sentence_resumes_after``), not on a connective that opens a sentence
    (とは言え、…).  Of ~2,480 detected injected cuts, one stops so before a block, and the
    paragraph after it opens on ``とは言え…``."""
    last = _box_end(doc, nb)
    if last is None:
        if nb.kind == "heading" or (nb.kind == "paragraph" and nb.text.rstrip()[-1:] in ("。", "．", ".", "！", "？", "!", "?")):
            return False
        last = nb
    after = _after_display(doc, last)
    if after is not None and _ASIDE.fullmatch(after.text.strip()):
        after = next_paragraph(doc, after)
    return after is not None and _resumes_in(doc, after) and not after.prose().lstrip().startswith(_CONNECTIVE_OPENERS)


def _box_end(doc, nb):
    """The block that closes the shortcode box ``nb`` opens (``{{< fig-quote … >}}`` ⏎ … ⏎⏎ …
    ``{{< /fig-quote >}}``), within a few blocks, or None."""
    if nb.kind != "paragraph" or nb.containers:
        return None
    head = _BOX_OPEN.fullmatch(nb.text.lstrip().split("\n", 1)[0].strip())
    if head is None:
        return None
    name = head.group(1) or head.group(2)
    for b in doc.blocks[nb.index : nb.index + _BOX_REACH]:
        tail = _BOX_CLOSE.fullmatch(b.text.rstrip().rsplit("\n", 1)[-1].strip())
        if tail is not None and (tail.group(1) or tail.group(2)) == name:
            return b
    return None


def _resumes_at(doc, b, at: int) -> bool:
    """The line of ``b`` that starts at offset ``at`` opens on a particle or an auxiliary: it
    carries on a sentence begun before (といったことが…, です。)."""
    first = next((t for t in doc.tokens(b) if t.start >= at), None)
    return first is not None and not doc.text[at : first.start].strip() and first.pos1 in ("助詞", "助動詞")


def list_bridge(doc, b) -> bool:
    """A short line that carries a sentence on between lists: it resumes the sentence after one
    (…思うのは ⏎ list ⏎ とかではなく) and hands it on to what follows (⏎ 単純に ⏎ list), so it
    ends without punctuation on purpose.  No detected injected cut of ~2,300 is such a line."""
    prev = previous_block(doc, b)
    if prev is None or not listlike(prev) or following_block(doc, b) is None:
        return False
    text = b.prose().strip()
    if "\n" in text or len(text) > SHORT_LINE_MAX:
        return False
    toks = doc.tokens(b)
    # it opens on a particle or an auxiliary (…とかではなく): 加えて、… after a list, a verb,
    # opens a sentence of its own
    return bool(toks) and toks[0].pos1 in ("助詞", "助動詞") and _predicate_resumes(doc, b)


def _predicate_resumes(doc, after) -> bool:
    """The paragraph after a list or code opens with the predicate the sentence before it was
    waiting for (``インストールします。``, ``、…``, a verb, an auxiliary or a particle)."""
    if after.kind != "paragraph" or after.containers:
        return False
    toks = doc.tokens(after)
    prose = after.prose().lstrip()
    if prose[:1] in ("、", "，", ",") or (toks and toks[0].pos1 in ("動詞", "助動詞", "助詞") and not _verbal_noun_subject(toks)):
        return True
    if toks and toks[0].surface == "が" and toks[0].pos1 == "接続詞" and prose[1:2] not in ("、", "，", ","):
        return True  # …JAX-RSの ⏎ list ⏎ が手に入る！: the particle, read as the conjunction が(、)
    # インストールしておきます: a verbal noun and its する
    return len(toks) > 1 and "サ変可能" in toks[0].pos and toks[1].lemma == "為る"


def case_governed_noun(toks) -> bool:
    """The sentence stops on a plain noun right after が, を, に or で (…間違いにお気づき, …自分達の
    ペースで事): a verb is missing.  A verbal noun (…をインストール) is a telegraphic step, said
    on purpose."""
    if len(toks) < 2 or toks[-1].pos1 != "名詞" or "サ変可能" in toks[-1].pos:
        return False
    i = len(toks) - 2
    if toks[i].pos1 == "接頭辞" and i > 0:
        i -= 1  # お気づき, ご確認
    return toks[i].pos2 == "格助詞" and toks[i].surface in ("が", "を", "に", "で")


def _verbal_noun_subject(toks) -> bool:
    """``書き戻しではなく…`` / ``書き換えは…``: a verb's 連用形 used as a noun, its particle after
    it, opens a sentence of its own; ``書き換えます。`` is the predicate resumed."""
    i = 0  # (書き|戻し: a compound verb)
    while i < len(toks) and toks[i].pos1 == "動詞" and toks[i].cform.startswith("連用形") and (i == 0 or toks[i].start == toks[i - 1].end):
        i += 1
    return 0 < i < len(toks) and toks[i].surface in ("で", "は", "が", "を", "も", "の") and toks[i].start == toks[i - 1].end


_POINTING_ON = ("以下に", "下記に")
_DONE_WORDS = {"完了", "終了", "OK", "おしまい", "準備完了"}


def _sentence_resumes_after(doc, code) -> bool:
    """The sentence cut by the code goes on after it: ``…初期化して`` ⏎ code ⏎ ``おきます。`` /
    ``完了です。`` / ``から、…`` — a writer's lead-in, not a stopped generation.  Several code
    blocks in a row are one display (…定義するときに ⏎ C ⏎ Rust ⏎ TS ⏎ ``とかします。``)."""
    after = _after_display(doc, code)
    return after is not None and _resumes_in(doc, after)


def _after_display(doc, b):
    """The paragraph after ``b`` and any code blocks right after it (several code blocks in a
    row are one display), past embeds (see ``_after_embeds``), or None."""
    blocks = doc.blocks
    while b.index + 1 < len(blocks) and blocks[b.index + 1].kind == "code":
        b = blocks[b.index + 1]
    return next_paragraph(doc, b) or _after_embeds(doc, b)


def _resumes_in(doc, after) -> bool:
    """``after`` opens on what carries a sentence begun before on (see ``_sentence_resumes_after``)."""
    prose = after.prose().lstrip()
    if prose[:1] in ("、", "，", ","):
        return True
    toks = doc.tokens(after)
    if not toks:
        return False
    first = toks[0]
    if first.pos1 == "動詞" and first.pos2 == "非自立可能":  # おきます, みましょう, ください
        return True
    # (a paragraph opening on inline code or a link has that term as its first word:
    # `fmt::Display`は… begins a sentence, its particle is no resumption)
    term_first = after.text.lstrip(" \t\u3000")[:1] in ("`", "[")
    if first.pos1 == "助詞" and first.pos2 in ("格助詞", "係助詞", "準体助詞", "副助詞") and not term_first:
        return True  # …上記コード中の ⏎ code ⏎ の部分を…: the code is the sentence's noun
    if first.pos1 == "接続詞" and first.surface == "から":
        return True
    if first.surface == "とある" and len(toks) > 1 and toks[1].pos1 == "名詞":
        return True  # …第一卷に ⏎ code ⏎ とある注文の…: と+ある, which the tagger reads as "a certain"
    return first.surface in _DONE_WORDS and len(toks) > 1 and toks[1].surface in ("です", "。", "．", "！", "!")


def blocks_after_comments(doc, b):
    """The first block after ``b`` and any HTML comments right after it."""
    blocks, i = doc.blocks, b.index + 1
    while i < len(blocks) and blocks[i].kind == "html" and blocks[i].text.lstrip().startswith("<!--"):
        i += 1
    return blocks[i] if i < len(blocks) else None


def _after_embeds(doc, b):
    """The first Japanese paragraph after a run of embeds (code, a card, a quotation in another
    language), quoted or not: ``しかし合わせて`` ⏎ URL ⏎ ``> The criticism…`` ⏎ ``> と、…分析しています``
    carries one sentence around what it cites."""
    blocks, i = doc.blocks, b.index + 1
    while i < len(blocks) and (
        blocks[i].kind == "code" or url_embed(blocks[i]) or (blocks[i].in_quote and not JAPANESE.search(blocks[i].prose()))
    ):
        i += 1
    if i == b.index + 1 or i >= len(blocks):
        return None
    after = blocks[i]
    return after if after.kind == "paragraph" and not after.in_list and not after.in_footnote else None


def listlike(b) -> bool:
    return b.in_list or bullet_paragraph(b)


def before_list_or_code(nb, quotes: bool = False) -> bool:
    """The next block may carry the sentence on (a list, code, a table, HTML content), so a
    bare ending before it may be a lead-in.  An HTML comment or closing tag carries nothing."""
    if nb is None or (nb.kind == "html" and _NOT_CONTENT_HTML.match(nb.text)):
        return False
    return nb.kind in _LEAD_IN_FOLLOWERS or listlike(nb) or (quotes and nb.in_quote)


next_paragraph = plain_paragraph_after  # (the block after ``b`` when it is a plain paragraph)


_HABIT_LEAD_MIN = 10  # characters: a shorter line before a list (参考, まとめると、) is a label
_HABIT_LEAD_OTHERS = 3
_FINISHED_ENDS = "。．！？!?：:"


def _lead_ins_finished(doc, b) -> bool:
    """Three or more other paragraphs of the document lead into a list, and every one of
    them ends with 。, ！, ？ or ：: the writer finishes a lead-in before a list (…以下の通りです。
    / …手順：), so one that stops mid-clause there is cut.  Per document, since writers differ:
    many leave every lead-in bare (…必要なものは ⏎ list ⏎ だけです。)."""
    key = "EN:lead-in-ends"
    if key not in doc.cache:
        blocks, ends = doc.blocks, []
        for p in doc.paragraphs:
            if p.containers or p.index + 1 >= len(blocks) or listlike(p) or not listlike(blocks[p.index + 1]):
                continue
            ends.append((p.index, p.prose().rstrip()[-1:]))
        # (counted once: a hostile file may hold thousands of lead-ins)
        bare = {i for i, end in ends if end not in _FINISHED_ENDS}
        doc.cache[key] = ({i for i, _ in ends}, bare)
    leads, bare = doc.cache[key]
    others = len(leads) - (b.index in leads)
    return others >= _HABIT_LEAD_OTHERS and len(bare) - (b.index in bare) == 0
