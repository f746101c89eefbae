"""Is a paragraph's last sentence cut mid-way?  (shared by EN002 and EN003)

Punctuation alone proves nothing (book blurbs, lead-ins and captions end without 。), so the
verdict comes from the grammar of the last words (UniDic tokens):

- *strong* evidence — the words cannot end a sentence: a dangling 、, a case/binding/adverbial
  particle (の, を, に, は…), a conjunctive particle (て, ので…), a prefix, a continuative or
  attributive form (高め, 良き, 〜な), or a word cut short (``LL`` where the text says ``LLM``);
  or a generation marker right after the paragraph (the model stopped there), or a next
  paragraph that opens with an ellipsis and repeats this one (the model started over);
- *weak* evidence — a noun or suffix ending (体言止め is legitimate in taglines), a colloquial
  particle (けど, し): only counts in a paragraph whose earlier sentences all end in 。 — a
  writer who punctuates every sentence but the last did not choose to stop there — or in a
  one-sentence paragraph that subordinates a whole clause before its last noun (…ため、この
  12 月), and only in a document that does not habitually leave paragraphs unpunctuated;
- in *note-style* documents (half the paragraphs or more end without punctuation: minutes,
  verse, slides) only a word cut short counts, and so in a paragraph ending in a hard break;
- *lone* evidence — in a document of five or more paragraphs that all end in 。 but this one,
  its bare ending, whatever the word, is the odd one out (``…を解決する``).  Two or more bare
  paragraphs are a habit and stay silent, as do the opening paragraph (a tagline) and one whose
  sentence runs on into the next paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kijilint.markdown import MASK
from kijilint.rules.broken_ending._footer import is_link_only
from kijilint.rules.broken_ending.continuation_fragment import emphasis_line, resumes
from kijilint.rules.broken_ending.unclosed_bracket import interjection_aside, is_aside
from kijilint.rules.broken_ending._markers import find_markers

_JP = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
# Headings of other markups left in Markdown: Textile (h2. 見出し, Jekyll renders it) and Hatena
# (** おわりに): one-line paragraphs, not sentences.
_FOREIGN_HEADING = re.compile(r"^(?:h[1-6]\.|\*{1,3})\s")
_CAPTION = re.compile(r"^\s*[*_]*\s*(?:図|表|写真|画像|出典|引用元|参考|Figure|Fig\.|Table|Source)\s*[0-9０-９.:：\-－ 　]")
_OPEN_ENDS = ":：;；"
_DELIBERATE_ENDS = "…‥」』）)]】〕］>＞〉》\"'”’〜～笑ｗ!?！？♪☆★"
_STRONG_PARTICLES = {"格助詞", "係助詞", "副助詞", "準体助詞"}
_COLLOQUIAL = {"けど", "けれど", "けども", "けれども", "し", "のに", "から", "ので", "って", "が"}
_LEAD_IN_FOLLOWERS = ("code", "table", "html")
_NOT_CONTENT_HTML = re.compile(r"^\s*(?:<!--|</[A-Za-z][^>]*>\s*$)")
# Elliptical sign-offs and datelines that close a post on purpose (それでは / 今日はこのへんで /
# では良いお年を / 詳細は追って / 2020年1月1日 自宅にて): whole one-line paragraphs only.
_SIGN_OFF = re.compile(
    r"^(?:(?:それ)?では(?:では)?[、，\s]*|じゃあ?[、，\s]*|それじゃあ?[、，\s]*)?"
    r"(?:(?:それ)?では(?:では)?|じゃあ?|それじゃあ?|(?:今日|本日|今回|今週|今年)は(?:この|こ)?(?:へん|辺|あたり)で"
    r"|(?:皆さん|みなさん)?(?:も)?(?:良い|よい)(?:お年|週末|一日|旅|休日|クリスマス|年末)を"
    r"|(?:詳細|続き|詳しく)は(?:追って|後ほど|また(?:今度|後日|次回)?|次回|後日)(?:で)?|またの機会に|取り急ぎ(?:ご報告|ご連絡)?(?:まで)?"
    r"|(?:\d{4}[年/.\-]\d{1,2}[月/.\-]\d{1,2}日?|\d{1,2}月\d{1,2}日)[\s　]*.{0,20}?にて)"
    r"[\s　]*[。！!…〜～ｗw]*$"
)
_CLOSING_LEAD = re.compile(r"^(?:以上|では|それでは|まずは|とりあえず|取り急ぎ)[、，]")
_CLOSING_TAIL = ("まで", "までに", "として", "程度に", "がてら", "で", "へ", "になれば", "になれたら")


def _elliptical_closing(tail: str) -> bool:
    """A short closing line that leaves its verb out on purpose: ``ご参考まで``, ``備忘録として``,
    ``以上、報告まで``, ``ではまた次の記事で``.  Only a one-clause line of up to 15 characters
    (a cut sentence is longer, or has a 、 in it)."""
    body = _CLOSING_LEAD.sub("", tail.strip(" \u3000"))
    return len(body) <= 15 and not any(c in body for c in "、，,") and body.endswith(_CLOSING_TAIL)


_ASIDE_END = re.compile(r"[（(][^()（）\s]{1,5}$")
_BARE_END = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]$")
_WORDY = re.compile(r"[\w\u3040-\u30ff\u3400-\u9fff\uff10-\uff5a、，,…‥」』）)\]】〕］〜～]")


@dataclass
class Verdict:
    block: object
    start: int  # offset of the last (cut) sentence
    end: int  # offset just after its last character
    strength: str  # "strong" or "weak"
    why: str  # short Japanese reason for the message


def eligible(doc, b) -> bool:
    """A plain prose paragraph (not a list item, quote, footnote, caption or link line)."""
    if b.kind != "paragraph" or b.containers:
        return False
    raw = b.text.strip()
    # An image, or the caption line right under one; an image higher up in a long
    # hard-wrapped paragraph does not make its last sentence a caption.
    if not raw or "![" in "\n".join(raw.rsplit("\n", 2)[-2:]) or _CAPTION.match(raw):
        return False
    if "\n" not in raw and _FOREIGN_HEADING.match(raw):
        return False
    prose = b.prose().strip()
    if not _JP.search(prose) or is_link_only(b):
        return False
    if len(prose) <= 5:
        return False  # 続き / 未定: a one-word note, no sentence to cut
    if emphasis_line(b):
        return False  # a bold pseudo-heading
    return not _LIST_LINE.match(raw.rsplit("\n", 1)[-1])


# A last line that reads as a list item markdown-it folded into the paragraph (``2. …`` cannot
# interrupt a paragraph): an item, not prose.
_LIST_LINE = re.compile(r"^[ \t]*(?:\d{1,3}[.)]|[-*+・])[ \t]+\S")


def _lead_in(doc, b, tail: str, strength, earlier_punctuated: bool, last=None) -> bool:
    """A lead-in whose sentence goes on in the next block: ``例えば、`` before a list,
    ``以下のように`` before code, ``その言葉とは、`` before a one-line paragraph.

    A paragraph of finished sentences whose last one stops on a particle before code
    (``…のコマンドでインストールして`` ⏎ code) is still cut: lead-ins end in 、, ：, a noun or
    a form like ように, not in the middle of a clause after several full sentences."""
    blocks = doc.blocks
    if b.index + 1 >= len(blocks):
        return False
    nb = blocks[b.index + 1]
    if nb.kind == "paragraph" and not nb.containers and tail[-1] in "、，," and (
        len(nb.prose().strip()) <= 30 or emphasis_line(nb) or nb.text.lstrip(" \u3000").startswith(("「", "『"))
    ):
        return True  # 理由は、 ⏎ 「速いから」 / 理解したら、 ⏎ **【…】** ⏎ がわかる / と答えると、 ⏎ 「…」(dialogue)
    if nb.kind == "html" and _NOT_CONTENT_HTML.match(nb.text):
        return False  # an HTML comment or a closing tag does not carry the sentence on
    if not (nb.kind in _LEAD_IN_FOLLOWERS or nb.in_list or nb.in_quote):
        return False
    if strength == "strong" and earlier_punctuated and tail[-1] not in "、，," and nb.kind == "code" and not tail.endswith("は"):
        return _sentence_resumes_after(doc, nb)  # (使い方は ⏎ code: a topic announced, the code is its answer)
    if strength == "strong" and nb.in_list and tail.endswith(_NO_LIST_LEAD):
        return _resumes_after_list(doc, nb)
    if strength == "strong" and nb.kind in _LEAD_IN_FOLLOWERS and last is not None and _waits_for_predicate(last):
        after = _next_paragraph(doc, nb)
        return _sentence_resumes_after(doc, nb) or (after is not None and _predicate_resumes(doc, after))
    return True


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
_NO_LIST_LEAD = ("が", "を", "と", "の")
_NO_CODE_LEAD = ("が", "を", "と", "に")


def _resumes_after_list(doc, first_item) -> bool:
    blocks = doc.blocks
    i = first_item.index
    while i < len(blocks) and blocks[i].in_list:
        i += 1
    return i < len(blocks) and _predicate_resumes(doc, blocks[i])


def _predicate_resumes(doc, after) -> bool:
    """The paragraph after a list or code opens with the predicate the sentence before it was
    waiting for (``インストールします。``, ``、…``, a verb, an auxiliary or a particle)."""
    if after.kind != "paragraph" or after.containers:
        return False
    toks = doc.tokens(after)
    prose = after.prose().lstrip()
    if prose[:1] in ("、", "，", ",") or (toks and toks[0].pos1 in ("動詞", "助動詞", "助詞")):
        return True
    # インストールしておきます: a verbal noun and its する
    return len(toks) > 1 and "サ変可能" in toks[0].pos and toks[1].lemma == "為る"


_DONE_WORDS = {"完了", "終了", "OK", "おしまい", "準備完了"}


def _sentence_resumes_after(doc, code) -> bool:
    """The sentence cut by the code goes on after it: ``…初期化して`` ⏎ code ⏎ ``おきます。`` /
    ``完了です。`` / ``から、…`` — a writer's lead-in, not a stopped generation."""
    after = _next_paragraph(doc, code)
    if after is None:
        return False
    prose = after.prose().lstrip()
    if prose[:1] in ("、", "，", ","):
        return True
    toks = doc.tokens(after)
    if not toks:
        return False
    first = toks[0]
    if first.pos1 == "動詞" and first.pos2 == "非自立可能":  # おきます, みましょう, ください
        return True
    if first.pos1 == "接続詞" and first.surface == "から":
        return True
    return first.surface in _DONE_WORDS and len(toks) > 1 and toks[1].surface in ("です", "。", "．", "！", "!")


def _habit_paragraphs(doc) -> list:
    """(block, bare, next block) for each paragraph long enough to show the writer's
    punctuation habit; bare when its last sentence ends on a word without 。."""
    key = "EN:habit-paragraphs"
    if key not in doc.cache:
        out, blocks = [], doc.blocks
        for b in doc.paragraphs:
            if not eligible(doc, b):
                continue
            sents = doc.sentences(b)
            if not _counted(doc, b, sents):
                continue
            bare = not sents[-1].terminated and bool(_BARE_END.search(sents[-1].text.rstrip()))
            out.append((b, bare, blocks[b.index + 1] if b.index + 1 < len(blocks) else None))
        doc.cache[key] = out
    return doc.cache[key]


def _counted(doc, b, sents) -> bool:
    return bool(sents) and (len(sents) >= 2 or len(b.prose()) >= 40)


def _before_list_or_code(nb, quotes: bool = False) -> bool:
    """The next block may carry the sentence on (a list, code, a table, HTML content), so a
    bare ending before it may be a lead-in.  An HTML comment or closing tag carries nothing."""
    if nb is None or (nb.kind == "html" and _NOT_CONTENT_HTML.match(nb.text)):
        return False
    return nb.kind in _LEAD_IN_FOLLOWERS or nb.in_list or (quotes and nb.in_quote)


def note_style(doc) -> bool:
    """Half or more of the prose paragraphs, short ones included, stop without closing
    punctuation: minutes, verse, lyrics, slides, memos.  Lines there end on particles and
    continuative forms by design, so only a word cut short is evidence of a cut."""
    key = "EN:notes"
    if key not in doc.cache:
        total = bare = 0
        for b in doc.paragraphs:
            if not eligible(doc, b):
                continue
            total += 1
            end = b.prose().rstrip()[-1:]
            bare += not (end in _CLOSED_ENDS or end in _OPEN_ENDS)
        doc.cache[key] = total >= 4 and 2 * bare >= total
    return doc.cache[key]


_CLOSED_ENDS = "。．.！？!?」』）)]】…‥"


def habitually_unpunctuated(doc) -> bool:
    """Many paragraphs end in a bare word without 。: the writer's style, so weak evidence is
    not enough.  Endings in brackets, footnote marks, 、/：, and lead-ins before a list or
    code do not count."""
    paragraphs = _habit_paragraphs(doc)
    bare = sum(1 for _, is_bare, nb in paragraphs if is_bare and not _before_list_or_code(nb))
    return len(paragraphs) >= 4 and bare / len(paragraphs) > 0.25


def analyse(doc, b, article_end: bool = False, lone: bool = True) -> Verdict | None:
    """The verdict for one paragraph, or None when it is not cut.  ``article_end``: the
    paragraph ends the article, where a clause stopping on its noun is itself suspicious.
    ``lone``: also count the document's habits as evidence (see ``_lone_bare``)."""
    key = ("EN:trunc", b.index, article_end, lone)
    if key in doc.cache:
        return doc.cache[key]
    v = doc.cache[key] = _analyse(doc, b, article_end, lone)
    return v


def _bare_paragraphs(doc) -> tuple[int, list[int]]:
    """How many paragraphs show the habit, and which of them end on a bare word that nothing
    else explains: not a lead-in, no verdict of their own."""
    key = "EN:bare"
    if key not in doc.cache:
        paragraphs = _habit_paragraphs(doc)
        bare = [
            b.index for b, is_bare, nb in paragraphs
            if is_bare and not _before_list_or_code(nb, quotes=True) and analyse(doc, b, lone=False) is None
        ]
        doc.cache[key] = (len(paragraphs), bare)
    return doc.cache[key]


_LONE_MIN_PARAGRAPHS = 5


def _lone_bare(doc, b) -> bool:
    """The one paragraph of a punctuating document whose last sentence stops without 。 on a
    word that could end a sentence (``…。…を解決する``).  A writer who ends every other
    paragraph, and this one's earlier sentences, with 。 did not choose to stop there; a writer
    who leaves two or more bare has a habit, and every one of them stays silent.  (The caller
    asks for earlier sentences ending in 。, or the article's last paragraph, and a last word
    that is no particle: a lone one-sentence line mid-article, ``…を確認をした``, or a chatty
    ``…いいですね`` is a human slip.)"""
    total, bare = _bare_paragraphs(doc)
    if total < _LONE_MIN_PARAGRAPHS or bare != [b.index]:
        return False
    if b.index == _first_paragraph(doc) and _noun_end(doc, b):
        return False  # the opening paragraph may be a tagline (…をつくってみたという話)
    return not _continued_next(doc, b)


def _noun_end(doc, b) -> bool:
    toks = doc.tokens(b)
    return bool(toks) and toks[-1].pos1 in _NOUN_ENDS


def _hard_break_end(doc, b) -> bool:
    """The paragraph ends in a Markdown hard break (two spaces or ``\\``) before another
    paragraph: the writer breaks lines, and sentences, on purpose (``…設計する際に␣␣`` ⏎⏎
    ``しくじったことを…``).  A generation cut leaves no such mark."""
    return b.text.rstrip("\n").endswith(("  ", "\\")) and _next_paragraph(doc, b) is not None


def _next_paragraph(doc, b):
    """The block after ``b`` when it is a plain paragraph (not in a list or quote), else None."""
    blocks = doc.blocks
    nb = blocks[b.index + 1] if b.index + 1 < len(blocks) else None
    return nb if nb is not None and nb.kind == "paragraph" and not nb.containers else None


def _continued_next(doc, b) -> bool:
    """The next paragraph opens with a particle or an auxiliary (``という流れで…``): the
    sentence runs on across the break, after a hard-broken list of steps."""
    nb = _next_paragraph(doc, b)
    toks = doc.tokens(nb) if nb is not None else []
    return bool(toks) and toks[0].pos1 in ("助詞", "助動詞")


def _analyse(doc, b, article_end: bool = False, lone: bool = True) -> Verdict | None:
    if not eligible(doc, b):
        return None
    end = _content_end(doc, b)
    sents = [s for s in doc.sentences(b) if s.start < end]
    if not sents:
        return None
    last = sents[-1]
    last_end = min(last.end, end)
    tail = doc.text[last.start : last_end].rstrip()
    if last.terminated and last.end <= end:
        return None
    if not tail or tail[-1] in _OPEN_ENDS or tail.endswith("..."):
        return None
    if not tail.strip("、，, \u3000\n"):
        return None  # a stray 、 after a finished sentence (``…できます。、``): a typo, not a cut
    if len(sents) == 1 and "\n" not in tail and (_SIGN_OFF.match(tail) or _elliptical_closing(tail)):
        return None  # a sign-off or dateline, elliptical on purpose
    followed_by_marker = _marker_follows(doc, b, end)
    if doc.text.startswith("](", last_end) or not (_WORDY.match(tail[-1]) or _comma_then_markup(tail) or _opener_end(tail)):
        return None  # ends in a link's text, an emoji or a symbol: not a cut word
    aside = _ASIDE_END.search(tail)
    if aside and (is_aside(aside.group()[1:]) or interjection_aside(doc, b, last.start + aside.start())):
        return None  # …寝坊した(汗 / （泣: a casual aside, the sentence ended before it
    laugh = tail[-1] == "w" and len(tail) > 1 and not tail[-2].isascii()
    if (tail[-1] in _DELIBERATE_ENDS or laugh) and not followed_by_marker:
        return None
    toks = [t for t in doc.tokens(b) if last.start <= t.start and t.end <= last_end]
    if not toks:
        return None
    strength, why = _ending(doc, toks, tail)
    if strength != "cut" and _resumed_next(doc, b):
        strength, why = "cut", "次の段落が「…」で続きを書き直しています"
    if strength in (None, "weak") and _open_paren(b.masked[last.start - b.start : last_end - b.start]):
        strength, why = "strong", "括弧が閉じないまま途切れています"
    # a word cut short (ファイ, のパ) is no lead-in, whatever follows the paragraph
    cut_word = strength == "cut"
    if cut_word:
        strength = "strong"
    earlier_punctuated = len(sents) >= 2 and all(s.terminated for s in sents[:-1])
    # a word the document uses whole elsewhere, cut here (ツー beside ツール), is evidence in any style
    word_evidence = cut_word or why.startswith("語 ")
    if not word_evidence and not followed_by_marker and (_hard_break_end(doc, b) or note_style(doc)):
        return None
    if not followed_by_marker and not cut_word and _lead_in(doc, b, tail, strength, earlier_punctuated, toks[-1]):
        return None
    if followed_by_marker and strength is None and earlier_punctuated:
        strength, why = "strong", "生成マーカーの直前で文が終わっていません"
    if (
        strength in (None, "weak") and lone and (earlier_punctuated or article_end) and toks[-1].pos1 != "助詞"
        and not _label_line(doc, last, tail, toks) and _lone_bare(doc, b)
    ):
        strength, why = "strong", "この文書で句点のない段落はここだけです"
    if strength is None:
        return None
    if strength == "weak":
        # A long paragraph that uses 。 (inside 「」 too) is prose, not a tagline.
        prose = b.prose()
        prose_like = (
            earlier_punctuated
            or (len(prose.strip()) >= 50 and ("。" in prose or "．" in prose))
            or _clause_then_noun(doc, b, toks)
            or (article_end and len(sents) == 1 and _governed_noun_end(doc, b, toks))
        )
        if not prose_like or habitually_unpunctuated(doc):
            return None
        if len(tail.strip(" \u3000\n")) <= 2:
            return None  # …食べた。うま / …。以上: a one-word exclamation or sign-off
        if _label_line(doc, last, tail, toks):
            return None
    # a hard-wrapped sentence is reported on the line where it stops, not where it began
    start = max(last.start, doc.text.rfind("\n", last.start, last_end) + 1)
    return Verdict(b, start, last_end, strength, why)


_FIELD = re.compile(r"^[ \u3000]*[^\s:：。、]{1,8}[ \u3000]*[:：]")


def _label_line(doc, last, tail: str, toks) -> bool:
    """A noun line set apart: a field (``執筆: nono、…``), or a short label on a line of its own
    under a finished sentence (``…コレクションです。`` ⏎ ``フリーアセット``): nouns joined by
    の/と/や at most, no clause (``トータルで減塩`` is one)."""
    if _FIELD.match(tail):
        return True
    line_start = last.start == 0 or doc.text[last.start - 1] == "\n"
    if not line_start or len(tail.strip(" \u3000")) > 12 or "\n" in tail.strip():
        return False
    return all(t.pos1 not in _LABEL_BREAKERS or (t.pos1 == "助詞" and t.surface in ("の", "と", "や")) for t in toks)


_LABEL_BREAKERS = ("助詞", "動詞", "助動詞", "形容詞")


# Adverbs that end a polite formula on their own (コーヒーをどうぞ, 今後ともよろしく).
_COURTESY = {"どうぞ", "よろしく", "宜しく", "ぜひ", "是非", "どうか"}
_NOUN_ENDS = ("名詞", "代名詞", "接尾辞")


def _clause_then_noun(doc, b, toks) -> bool:
    """A one-sentence paragraph of 25+ characters that subordinates a whole clause
    (``…なかったため、`` / ``…ていますが、`` / ``…される関係上、``) and then stops on a bare
    noun: a sentence, not a tagline, so the missing predicate is a cut.  The article's opening
    paragraph is left alone: a summary line (``…をつくってみたという話``) is 体言止め on purpose."""
    if toks[-1].pos1 not in _NOUN_ENDS or len(b.prose().strip()) < 25 or b.index == _first_paragraph(doc):
        return False
    return any(
        (t.pos2 == "読点" and _closes_clause(toks, i)) or _polite_clause_at_break(doc, toks, i)
        for i, t in enumerate(toks)
        if i
    )


def _polite_clause_at_break(doc, toks, i: int) -> bool:
    """A writer who wraps lines may close a clause with a line break instead of 、: a polite
    ``…ありますが⏎`` / ``…ですので⏎`` (plain forms at a break are verse and lyrics)."""
    t = toks[i]
    return t.pos2 == "接続助詞" and doc.text[t.end : t.end + 1] == "\n" and toks[i - 1].surface in ("ます", "です", "まし", "でし")


def _closes_clause(toks, i: int) -> bool:
    """Whether the 、 at ``toks[i]`` ends a subordinate clause: after a conjunctive particle, a
    連用形 or 仮定形 predicate (…し、 / …したら、), a polite one (…なります、), or a noun right
    after a 連体形 predicate, with its に/は/で (…ため、 / …関係上、 / …した際に、)."""
    p = toks[i - 1]
    if p.pos2 == "接続助詞" or (p.surface == "か" and p.pos2 in ("副助詞", "終助詞")):
        return True  # …ので、 / …のか、 (an embedded question)
    if p.pos1 in _PREDICATES and p.cform.startswith(("連用形", "仮定形")):
        return True  # …し、 / …したら、
    if _polite_clause(toks, i):
        return True  # …なります、 / …ですが、
    k = i - 1
    if k >= 2 and toks[k].surface == "は" and toks[k - 1].surface == "に":
        k -= 2  # …する場合には、
    elif k >= 1 and toks[k].pos1 == "助詞" and toks[k].surface in ("に", "は", "で"):
        k -= 1  # …した際に、
    if toks[k].pos1 == "接尾辞" and k >= 1 and toks[k - 1].pos1 == "名詞":
        k -= 1  # 関係 + 上
    return toks[k].pos1 == "名詞" and k >= 1 and toks[k - 1].pos1 in _PREDICATES and toks[k - 1].cform.startswith("連体形")


def _polite_clause(toks, i: int) -> bool:
    """The 、 at ``toks[i]`` follows a polite predicate (…なります、) or a conjunctive particle
    right after one (…ありますが、 / …ですので、): a formal clause, finished, the next to come."""
    if i < 2:
        return False
    p = toks[i - 1]
    if p.pos1 == "助動詞" and p.surface in ("ます", "です"):
        return True
    return p.pos2 == "接続助詞" and toks[i - 2].pos1 == "助動詞" and toks[i - 2].surface in ("ます", "です")


_PREDICATES = ("動詞", "助動詞", "形容詞")
_GOVERNING_CASES = ("が", "を", "で", "に")
# Telegraphic endings a writer chooses (…を参照, …を試した話, …のメモ)
_TELEGRAPHIC_NOUNS = ("参照", "参考", "話", "メモ", "備忘録", "まとめ", "感想", "予定", "紹介")


def _governed_noun_end(doc, b, toks) -> bool:
    """The article's last sentence stops on a noun that a case particle or an attributive form
    is still waiting on (``…Namespaceが作成``, ``…で操作``, ``…を形成してるライブラリ``): a
    clause without its predicate, not a word list or a title.  The article's only paragraph, a
    short line and telegraphic cross-references (``詳しくは…を参照``) are left alone."""
    if len(toks) < 3 or toks[-1].pos1 not in _NOUN_ENDS or b.index == _first_paragraph(doc):
        return False
    if len(b.prose().strip()) < 12 or toks[-1].surface in _TELEGRAPHIC_NOUNS:
        return False
    i = len(toks) - 1
    while i > 0 and toks[i].pos1 in (*_NOUN_ENDS, "接頭辞"):
        i -= 1
    p = toks[i]
    if p.pos2 == "格助詞" and p.surface in _GOVERNING_CASES:
        return True
    return p.pos1 in _PREDICATES and p.cform.startswith("連体形")


def _first_paragraph(doc) -> int | None:
    key = "EN:first-paragraph"
    if key not in doc.cache:
        doc.cache[key] = next((b.index for b in doc.paragraphs if eligible(doc, b)), None)
    return doc.cache[key]


def tail_quote(doc, v: Verdict) -> str:
    """The last words of the cut sentence, for messages."""
    cut = doc.text[max(v.start, v.end - 20) : v.end].replace("\n", " ")
    return f"「{'…' if v.end - v.start > 20 else ''}{cut}」"


def _content_end(doc, b) -> int:
    """End of the paragraph's text before any marker that markdown-it folded into it."""
    end = b.end
    for m in find_markers(doc):
        if b.start <= m.start <= b.end:
            end = min(end, m.line_start if m.whole_line else m.start)
    text = doc.text
    while end > b.start and text[end - 1] in " \t\n\u3000":
        end -= 1
    return end


def _resumed_next(doc, b) -> bool:
    """The next block is a paragraph that opens with an ellipsis and picks this one up again
    (``…状況に戻したい`` ⏎⏎ ``...状況に戻したいので、``): the generation stopped here."""
    nb = _next_paragraph(doc, b)
    return nb is not None and resumes(nb, [b])


def _marker_follows(doc, b, end: int) -> bool:
    for m in find_markers(doc):
        if m.start >= end and not doc.text[end : m.line_start].strip(" \t\n\u3000"):
            return True
    return False


_MARKUP_OPENERS = "`*_[(（「『 \u3000"
_KANA = re.compile(r"[\u3041-\u30fa\u30fc]+")
_TRAILING_KATAKANA = re.compile(r"[\u30a1-\u30fa][\u30a1-\u30fa\u30fc]*$")
_DEMONSTRATIVE_NA = {"こんな", "そんな", "あんな", "どんな"}


def _comma_then_markup(tail: str) -> bool:
    """``…するので、``` `` : a 、 followed only by the opening of code, emphasis or a link."""
    bare = tail.rstrip(_MARKUP_OPENERS)
    return bare != tail and bare[-1:] in ("、", "，", ",")


def _opener_end(tail: str) -> bool:
    """``…素晴らしいウェブサイトの[`` : the sentence stops right after an opening bracket."""
    return len(tail) > 1 and tail[-1] in "[(（「『" and tail[-2] not in "[(（「『 \u3000\n"


def _open_paren(masked_tail: str) -> bool:
    """An ASCII ( or [ opened in the last sentence and never closed (``Azure ML(マシーン``).
    Full-width brackets are EN006's; ``(汗`` / ``(笑`` at the end is a casual aside, not a cut."""
    for opener, closer in ("()", "[]"):
        if masked_tail.count(opener) > masked_tail.count(closer):
            rest = masked_tail[masked_tail.rfind(opener) + 1 :]
            return opener == "[" or (len(rest) > 2 and not is_aside(rest))  # …と[推(奨), never an aside
    return False


def _ending(doc, toks, tail: str):
    t = toks[-1]
    p1, p2 = t.pos1, t.pos2
    if tail[-1] in "、，," or _comma_then_markup(tail):
        return "strong", "読点で途切れています"
    if _opener_end(tail):
        return "strong", "開き括弧の直後で途切れています"
    kata = _TRAILING_KATAKANA.search(tail)
    if kata and len(kata.group()) >= 5 and kata.group()[-1] == "ッ":
        return "cut", f"語 {kata.group()!r} が途中で切れています"  # リーダーシッ(プ): no word ends so
    if kata and len(t.surface) == 1 and p1 == "接尾辞" and len(toks) >= 2 and toks[-2].end == t.start and _KATAKANA_WORD.fullmatch(toks[-2].surface):
        return "cut", f"語 {kata.group()!r} が途中で切れています"  # ルールシ(ステム): one kana the tagger could only read as a suffix
    if t.surface == "ッ" and p1 == "補助記号" and len(toks) >= 2 and toks[-2].pos1 == "名詞" and kata:
        return "cut", f"語 {kata.group()!r} が途中で切れています"  # リセッ(ト): the tagger could not make a word of it
    # a katakana "particle" right after a noun or a case particle (ところサ, ブロックのサ) is a word's start
    after_case = len(toks) >= 2 and (toks[-2].pos2 == "格助詞" or toks[-2].pos1 in ("名詞", "代名詞"))
    if kata and (p2 != "終助詞" or after_case) and _cut_word(doc, kata.group(), min_len=1):
        # インストー(ル), リーダーシッ(プ), Swiftコ(ード), …ずつダ(ウンロード) read as だ, ブロックのサ(イズ)
        # read as the particle さ; a whole
        # dictionary word (テスト beside テストケース) may still end a lead-in
        word = kata.group()
        whole = t.surface == word and p1 == "名詞" and not t.unknown and len(word) >= 2
        return ("strong" if whole else "cut"), f"語 {word!r} が途中で切れています"
    if p1 == "記号" and _KANA.fullmatch(t.surface):
        return "cut", f"語 {t.surface!r} が途中で切れています"  # kana the tagger cannot read: …のどち
    if t.surface in _DEMONSTRATIVE_NA:
        return "strong", f"「{t.surface}」で途切れています"  # こんな(感じ): it needs its noun
    if p1 == "感動詞" and _stub_after_particle(toks, tail):
        return "cut", f"語 {t.surface!r} が途中で切れています"  # 書いてあ(る), read as a filler
    if p1 == "助動詞" and t.surface == "た" and len(toks) >= 2 and (toks[-2].pos2 in ("格助詞", "係助詞", "副助詞", "括弧閉")):
        return "cut", f"語 {t.surface!r} が途中で切れています"  # 構築のた(め): た never follows a case particle
    if p1 == "助動詞" and t.surface == "つ":
        return "cut", f"語 {t.surface!r} が途中で切れています"  # 見つ(かる): the classical つ ends no modern sentence
    if _lone_letter_after_particle(toks) or (t.surface == "とい" and len(toks) >= 2 and toks[-2].pos1 != "助詞"):
        return "cut", f"語 {t.surface!r} が途中で切れています"  # …におけるS, Marpとい(う)
    if _cut_inflection(toks, tail):
        return "cut", "活用語の途中の形で途切れています"
    if t.surface == "さ" and len(toks) >= 2 and "サ変可能" in toks[-2].pos:
        return "cut", "活用語の途中の形で途切れています"  # 開催さ(れ), ビルドさ(れ): read as the particle さ
    if p1 == "形状詞" and p2 == "タリ" and len(t.surface) == 1:
        return "cut", f"語 {t.surface!r} が途中で切れています"  # …から確(認): the classical 確たる ends nothing
    if p1 == "助詞":
        prev = toks[-2] if len(toks) >= 2 else None
        if t.surface == "と" and p2 == "格助詞" and prev is not None and (prev.pos2 == "終助詞" or prev.surface in ("ば", "たら")):
            # an inverted quotation (…できるよと, …ではないかと) or a wish (…読んでいただければと): said on purpose
            return None, ""
        if _topic_ending(toks):
            return "weak", "「について」で終わっています"  # a heading-like topic line (…の考え方について)
        if p2 == "終助詞":
            if prev is not None and prev.pos2 == "読点" and _stub_after_particle(toks, tail):
                return "cut", f"語 {t.surface!r} が途中で切れています"  # …ときに、ぜ(ひ), read as the particle ぜ
            return ("weak", "助詞で途切れています") if t.surface == "の" else (None, "")
        if t.surface == "も" and prev is not None and prev.surface == "か" and prev.pos2 in ("副助詞", "終助詞"):
            return None, ""  # …追記するかも: かもしれない said short, on purpose
        if t.surface == "など" and p2 == "副助詞":
            return "weak", "「など」で終わっています"  # …や slide.md など: a telegraphic list, unless the prose says otherwise
        if p2 == "接続助詞" and t.surface in ("から", "ので") and tail.lstrip(" \u3000\n「").startswith(_REASON_OPENERS):
            return None, ""  # なぜなら、…しているから: the reason clause is the whole sentence
        if p2 == "接続助詞" and t.surface in _COLLOQUIAL:
            return "weak", "助詞で途切れています"
        if p2 in _STRONG_PARTICLES or p2 == "接続助詞":
            return "strong", f"助詞「{t.surface}」で途切れています"
        return None, ""
    if p1 == "接頭辞":
        return "strong", "接頭辞で途切れています"
    cform = t.cform
    if cform.startswith("連用形") and _honorific_noun(toks):
        return "weak", "句点のないまま名詞で終わっています"  # お知らせ, ご案内: a noun, not a cut verb
    if p1 == "接尾辞" and p2 == "形容詞的" and cform.startswith("連用形"):
        return "strong", "活用語の途中の形で途切れています"  # わかりやすかっ(た), read as a suffix
    if p1 in ("動詞", "形容詞", "助動詞") and (cform.startswith(("連用形", "連体形", "未然形"))):
        if cform.startswith("連体形") and p1 == "動詞":
            return "weak", "連体形で終わっています"
        return "strong", "活用語の途中の形で途切れています"  # 組み合わ(せる), 考え(る)
    if p1 == "形容詞" and cform.startswith("語幹") and len(t.surface) >= 3 and len(toks) >= 3:
        return "weak", "活用語の途中の形で途切れています"  # ややこし(い); an exclamation (すご, うま) is said on purpose
    if p1 in ("動詞", "形容詞") and cform.startswith("仮定形"):
        return "strong", "活用語の途中の形で途切れています"  # 出入りすれ(ば)
    if p1 == "動詞" and t.surface == "す" and t.lemma == "為る":
        if len(toks) >= 2 and "サ変可能" in toks[-2].pos:
            return "strong", "活用語の途中の形で途切れています"  # 解決す(る), シミュレートす(る)
        return "weak", "活用語の途中の形で途切れています"  # …とす(る): the literary とす is rare today
    if p1 == "動詞" and cform.startswith("命令形"):
        return "weak", "活用語の途中の形で途切れています"  # 〜などあれ(ば); 見ろ is a real ending
    if p1 in ("連体詞", "接続詞"):
        return "strong", f"「{t.surface}」で途切れています"  # その / しかし cannot end a sentence
    if p1 == "副詞":
        if t.surface in _COURTESY:
            return None, ""
        if _stub_after_particle(toks, tail):
            return "cut", f"語 {t.surface!r} が途中で切れています"  # …と思うが、そ(の), read as an adverb
        prev = toks[-2] if len(toks) >= 2 else None
        if prev is not None and prev.surface in ("を", "が") and prev.pos2 == "格助詞" and not _KATAKANA_WORD.fullmatch(t.surface):
            # …の利用をよく(見かける): the verb is missing; 心臓がドキッ is an onomatopoeia said on purpose
            return "strong", f"「{t.surface}」で途切れています"
        if prev is not None and prev.pos2 == "読点" and _polite_clause(toks, len(toks) - 2):
            return "strong", f"「{t.surface}」で途切れています"  # …なりますが、やはり: a formal clause, then its adverb
        return "weak", f"「{t.surface}」で途切れています"  # …の詳細につい(て)
    if p1 == "形状詞" and p2 == "助動詞語幹" and t.surface == "よう" and len(toks) >= 2 and toks[-2].surface == "の" and toks[-2].pos2 == "格助詞":
        return "strong", "「よう」で途切れています"  # …ユーザエージェントのよう(な): ように / ような / ようです cut short
    if p1 == "形状詞" and p2 == "助動詞語幹" and t.surface == "よう" and len(toks) >= 2 and toks[-2].pos1 in ("動詞", "助動詞"):
        # …できるよう(に): the sentence goes on; …いただけますよう is a formal request, said on purpose
        if toks[-2].surface != "ます":
            return "strong", "「よう」で途切れています"
    if p1 in ("名詞", "代名詞", "接尾辞", "形状詞", "記号") or t.unknown:
        if _cut_word(doc, t.surface) or _stub_after_particle(toks, tail):
            return "cut", f"語 {t.surface!r} が途中で切れています"
        return "weak", "句点のないまま名詞で終わっています"
    return None, ""


_REASON_OPENERS = ("なぜなら", "何故なら", "なぜかというと", "なんでかというと", "というのも", "だって")
_POLITE_STEMS = ("まし", "でし")
_AUX_STEMS = ("い", "お", "しま")
_REQUEST_CUTS = ("てくだ", "でくだ", "てくださ", "でくださ")  # not てく: 行ってく is colloquial 行っていく


def _cut_inflection(toks, tail: str) -> bool:
    """Endings no finished sentence has, whatever follows: the stem of ます/です (確認しまし),
    ま after a 連用形 (思いま, read as a filler), ください cut short (読んでくだ), ず or だ after a
    word they cannot follow (ファイルず, いないだ), や after a 連用形 (わかりや), an adjective's
    classical し after a case particle (…で楽し), a sentence-final particle right after a case
    particle or an adjective's 連用形 (…にど, ことにな, 難しくな)."""
    if len(toks) < 2:
        return False
    t, prev = toks[-1], toks[-2]
    if t.surface in _POLITE_STEMS and t.pos1 == "助動詞" and t.cform.startswith("連用形"):
        return True
    if t.surface == "ま" and prev.pos1 in _PREDICATES and prev.cform.startswith("連用形"):
        return True
    if tail.endswith(_REQUEST_CUTS) and prev.pos1 in _PREDICATES and prev.cform.startswith("連用形"):
        return True  # 参照してくだ(さい): the tagger reads てく as one auxiliary
    if tail.endswith(_REQUEST_CUTS) and len(toks) >= 3 and toks[-3].pos1 in _PREDICATES and toks[-3].cform.startswith("連用形"):
        return True  # 読み進めてく|だ
    if t.surface in _AUX_STEMS and "非自立可能" in t.pos and prev.surface in ("て", "で") and prev.pos2 == "接続助詞":
        return True  # 前提となってい(る), 準備してお(く), 消えてしま(う): an auxiliary cut to its stem
    if t.surface == "や" and t.pos1 in ("接尾辞", "助詞") and prev.pos1 == "動詞" and prev.cform.startswith("連用形"):
        return True  # わかりや(すい), read as the suffix や
    if t.pos1 == "形容詞" and t.cform.startswith("終止形") and t.surface.endswith("し") and t.lemma.endswith("しい"):
        return prev.pos2 == "格助詞"  # Ruby で楽し(む): the classical 終止形 follows no case particle today
    if t.surface == "ず" and t.pos1 == "助動詞" and prev.pos1 == "名詞":
        return True  # ファイルず(つ): ず follows a verb, never a noun
    if t.surface == "だ" and t.pos1 == "助動詞" and prev.pos1 in _PREDICATES and prev.cform.startswith("終止形"):
        return True  # いないだ(けだ): だ cannot follow a finished predicate
    if t.pos2 == "終助詞" and t.surface == "か" and prev.cform.startswith("語幹") and (prev.pos1 == "形容詞" or prev.pos2 == "形容詞的"):
        return True  # わかりやすか(った): the question か follows a whole adjective, not its stem
    if t.pos2 == "終助詞" and t.surface == "い" and prev.pos1 in _PREDICATES and prev.cform.startswith("連用形"):
        return True  # よろしくお願いい(たします): the particle い never follows a 連用形
    if t.pos2 == "終助詞" and t.surface in ("な", "ど", "ざ"):
        if prev.pos2 == "格助詞" or (prev.pos1 == "形容詞" and prev.cform.startswith("連用形")):
            return True  # ことにな(る), Postgres にど(う), 難しくな(い)
    if t.pos2 == "終助詞" and t.surface == "よ" and prev.surface in ("の", "も") and prev.pos2 in ("格助詞", "係助詞"):
        return True  # 以下のよ(うに), デザインもよ(い): よ after の or も ends no written sentence
    return False


_LETTER_AFTER = ("と", "を", "に", "が", "で")


def _lone_letter_after_particle(toks) -> bool:
    """One ASCII letter glued to a case particle or an attributive form after Japanese words
    (…におけるS, …効率とH), or after a noun's 、 (…の場合、H): the start of a word, not a name
    (プランはB, AとB, A、B stay silent)."""
    if len(toks) < 3:
        return False
    t, prev, before = toks[-1], toks[-2], toks[-3]
    if not (len(t.surface) == 1 and t.surface.isascii() and t.surface.isalpha()):
        return False
    if prev.end != t.start and prev.pos2 != "読点":
        return False
    if prev.pos2 == "格助詞" and prev.surface in _LETTER_AFTER:
        return not before.surface.isascii()
    if prev.pos2 == "読点":  # Chrome の場合、H: a noun's clause closed, then one letter (A、B stays silent)
        return before.pos1 == "名詞" and not before.surface.isascii()
    return prev.pos1 in _PREDICATES and prev.cform.startswith("連体形")


_INTERJECTION_PARTICLES = ("ね", "よ", "さ", "な", "わ", "ねえ", "ねぇ")
_KANA_STUB = re.compile(r"[\u3041-\u30fa\u30fc]{1,2}|[\u3400-\u9fff]")


def _stub_after_particle(toks, tail: str) -> bool:
    """A word fragment where a particle demands a whole word: a kana stub or a single kanji
    after て/で (…してしま, …に応じて変) or after a clause's 、 (…と思うが、そ), a one-kana
    stub after の/が/を/に (…のパ), or a
    サ変 noun cut before its する (…がキャンセルさ)."""
    if len(toks) < 2:
        return False
    t, prev = toks[-1], toks[-2]
    stub = _KANA_STUB.fullmatch(t.surface) is not None
    # で after a link or code is read as the conjunction で; it is the particle all the same
    if (prev.pos2 == "接続助詞" or prev.pos1 == "接続詞") and prev.surface in ("て", "で") and stub:
        return True
    if prev.pos2 == "読点" and len(toks) >= 3 and len(t.surface) == 1 and stub and (_clause_end(toks[-3]) or _closes_clause(toks, len(toks) - 2)):
        # …と思うが、そ(の) / …ますが、具(体的) / …ときに、ぜ(ひ); …けど、ね is said on purpose
        return t.surface not in _INTERJECTION_PARTICLES and t.pos2 != "フィラー" and t.pos1 != "感動詞"
    if prev.pos1 == "助詞" and prev.surface in ("の", "が", "を", "に") and len(t.surface) == 1 and stub and not t.surface.isascii():
        return t.surface not in "方中上下前後外内側"  # one-character nouns that do end phrases
    return (t.surface == "さ" and t.pos1 == "接尾辞" and "サ変" in prev.field(2))


def _clause_end(t) -> bool:
    """A conjunctive particle or a 連用形 predicate: a clause closed, the next one to come."""
    return t.pos2 == "接続助詞" or (t.pos1 in _PREDICATES and t.cform.startswith("連用形"))


def _honorific_noun(toks) -> bool:
    """``お知らせ``, ``お願い``, ``ご案内``: お/ご + a verb's 連用形 is a noun (a title, a label)."""
    for i in (-2, -3):
        if len(toks) >= -i and toks[i].pos1 == "接頭辞" and toks[i].surface in ("お", "ご", "御"):
            return all(t.pos1 in ("動詞", "助動詞") for t in toks[i + 1 :])
    return False


def _topic_ending(toks) -> bool:
    """``…について`` / ``…に関して``: names a topic, the telegraphic way notes and summaries end."""
    if len(toks) < 3 or toks[-1].surface != "て" or toks[-3].surface != "に":
        return False
    return toks[-2].surface in ("つい", "関し")


_ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z0-9\-]*")
_KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]+")


def _cut_word(doc, w: str, min_len: int = 2) -> bool:
    """An ASCII or katakana word that is a strict prefix of a longer word used elsewhere
    (LL → LLM, ファイ → ファイル)."""
    for pattern, key in ((_ASCII_WORD, "EN:ascii-words"), (_KATAKANA_WORD, "EN:katakana-words")):
        if not pattern.fullmatch(w) or len(w) < min_len:
            continue
        words = doc.cache.get(key)
        if words is None:
            words = doc.cache[key] = Counter(pattern.findall(doc.text.replace(MASK, " ")))
        if words[w] > 1:
            return False  # the writer uses it as a whole word elsewhere (ファイル beside ファイルシステム)
        return any(len(o) > len(w) and o.startswith(w) for o in words)
    return False
