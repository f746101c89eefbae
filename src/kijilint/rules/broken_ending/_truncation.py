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
- *lone* evidence — in a document of four or more paragraphs that all end in 。 but this one,
  its bare ending, whatever the word, is the odd one out (``…を解決する``).  Two or more bare
  paragraphs are a habit and stay silent, as do the opening paragraph (a tagline) and one whose
  sentence runs on into the next paragraph.  A one-sentence paragraph needs more: no other
  bare line in the whole document, short ones included, and a noun phrase that something
  before it governs (``本体はダウ``), so a missing predicate;
- a writer who sets sentences out a phrase per paragraph (two or more paragraphs ending in 、
  before the next) breaks them on purpose: only a word cut short counts there.  Layouts are
  the writer's wherever a paragraph sits, so quoted paragraphs count toward them; a bare
  ``<p>`` block counts toward the punctuation habit, a quotation (someone else's text) does not.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from kijilint.markdown import HATENA_PHOTO, MASK
from kijilint.rules._layout import (
    BARE_END,
    IMAGE_SHORTCODE,
    NET_QUOTE,
    SPACER,
    WRAP,
    block_after,
    bullet_paragraph,
    dialogue_turn,
    ends_bare,
    image_only,
    plain_headings,
    prose_paragraph_after,
    pseudo_heading,
    slide_deck,
    titled,
    worded_lines,
    wrapped_at,
    wrapped_across_paragraphs,
)
from kijilint.rules.broken_ending._footer import is_link_only
from kijilint.rules.broken_ending.continuation_fragment import (
    dash_resumed,
    displayed_quotation,
    emphasis_line,
    following_block,
    italic_line,
    italic_span,
    opens_mid_sentence,
    resumes,
    text_start,
)
from kijilint.rules.broken_ending._last_words import (
    DELIBERATE_ENDS,
    GOVERNING_PARTICLES,
    JAPANESE,
    NOUN_ENDS,
    OPEN_CODE_WHY,
    PREDICATES,
    QUOTED_LIKE,
    admonition,
    closes_clause,
    comma_then_markup,
    ending,
    laughs_or_draws_out,
    open_markup,
    open_paren,
    opener_end,
    polite_end,
)
from kijilint.rules.broken_ending.unclosed_bracket import ends_with_face, interjection_aside, is_aside
from kijilint.rules.broken_ending._markers import find_markers
from kijilint.rules.broken_ending._lead_ins import (
    CODE_SPAN,
    before_list_or_code,
    dialogue_line,
    lead_in,
    list_bridge,
    next_paragraph,
    shortcode_embed,
    url_embed,
)
from kijilint._lazy_re import lazy_re
from kijilint.tokens import tokenize

# Headings of other markups left in Markdown: Textile (h2. 見出し, Jekyll renders it) and Hatena
# (** おわりに): one-line paragraphs, not sentences.
_FOREIGN_HEADING = lazy_re(r"^(?:h[1-6]\.|\*{1,3})\s|^#{1,6}(?=[^\s#])")  # (##ちなみに: a heading unspaced)
_CAPTION = lazy_re(r"^\s*[*_]*\s*(?:図|表|写真|画像|出典|引用元|参考|Figure|Fig\.|Table|Source)\s*[0-9０-９.:：\-－ 　]")
_OPEN_ENDS = ":：;；"
_COLON_IN_ASIDE = lazy_re(r"[(（][^()（）\n]{0,12}[:：]$")  # (例: / （たとえば：
_ELLIPTICAL_QUOTE = lazy_re(r"(?:…|‥|\.\.\.|・・)[ \u3000]*と$")
# 大体20社ぐらい / 約３割ほど: a count and its hedge, no clause to cut
_QUANTITY_LINE = lazy_re(
    r"(?:大体|だいたい|約|およそ|ざっと|全部で|合計|計)?[ \u3000]*[0-9０-９][0-9０-９,，.]*[^\s、。0-9０-９]{0,3}?"
    r"(?:ぐらい|くらい|位|ほど|程|程度|前後|弱|強|ちょっと|以上|以下|未満)"
)
_PLEA = lazy_re(r"(?:誰か|だれか|どなたか)[、 \u3000]?[^、。\n]{1,12}$")  # 誰か対応して / 誰か助けて
# Elliptical sign-offs and datelines that close a post on purpose (それでは、また / 今日はこのへんで /
# では良いお年を / 詳細は追って / 2020年1月1日 自宅にて): whole one-line paragraphs only.
_SIGN_OFF = lazy_re(
    r"^(?:(?:それ)?では(?:では)?[、，\s]*|じゃあ?[、，\s]*|それじゃあ?[、，\s]*)?"
    r"(?:(?:それ)?では(?:では)?|じゃあ?|それじゃあ?|(?:今日|本日|今回|今週|今年)は(?:この|こ)?(?:へん|辺|あたり)で"
    r"|(?:皆さん|みなさん)?(?:も)?(?:良い|よい)(?:お年|週末|一日|旅|休日|クリスマス|年末)を"
    r"|(?:詳細|続き|詳しく)は(?:追って|後ほど|また(?:今度|後日|次回)?|次回|後日)(?:で)?|またの機会に|取り急ぎ(?:ご報告|ご連絡)?(?:まで)?"
    r"|また(?:ね|今度|次回|明日|来週|来月|来年|いつか|どこかで)?(?:お?会いしましょう)?"  # (それでは、また)
    r"|(?:\d{4}[年/.\-]\d{1,2}[月/.\-]\d{1,2}日?|\d{1,2}月\d{1,2}日)[\s　]*.{0,20}?にて"
    r"|めでたし(?:[、，\s]*めでたし)?|(?:お|オ)しまい|おわり|終わり|(?:本編)?完)"  # a tale's close
    r"[\s　]*[。！!…〜～ｗw]*$"
)
_BACK_TO_TOPIC = lazy_re(r"(?:閑話休題|それはさておき|話を戻(?:して|そう|します))[。！!…]*")
_CLOSING_LEAD = lazy_re(r"^(?:以上|では|それでは|まずは|とりあえず|取り急ぎ)[、，]")
_CLOSING_TAIL = ("まで", "までに", "として", "程度に", "がてら", "で", "へ", "になれば", "になれたら")


def _elliptical_closing(tail: str) -> bool:
    """A short closing line that leaves its verb out on purpose: ``ご参考まで``, ``備忘録として``,
    ``以上、報告まで``, ``ではまた次の記事で``.  Only a one-clause line of up to 15 characters
    (a cut sentence is longer, or has a 、 in it)."""
    body = _CLOSING_LEAD.sub("", tail.strip(" \u3000"))
    return len(body) <= 15 and not any(c in body for c in "、，,") and body.endswith(_CLOSING_TAIL)


# A few lower-case letters glued to Japanese at a paragraph's end (mm, orz, lol, ok): net slang.
# A cut word is found by ending() first (``LL`` where the text says ``LLM`` is "cut").
# (…系 w / …系ｗｗ: the laugh mark may stand apart from the word, or be written full width)
_NETSPEAK = lazy_re(r"(?<=[\u3040-\u30ff\u3400-\u9fff）)」』…])(?:[ \u3000]?(?:w|ｗ+)|([a-z])\1+|orz|lol|kwsk|ok|OK)$")  # not …するor
# A one-sentence line closed casually on purpose: a joke taken back (…なんつって); in a line
# without 、, a list trailing off (…打ち上げとか), net slang (…なう) or a hedge (…みたいな,
# …の的な; not 効果的な, an attributive waiting for its noun); a short transition standing
# alone (はい、というわけで).  A clause that wants its predicate (主要な街を始め、北の港町とか)
# is cut.
_CASUAL_CLOSE = lazy_re(
    r"(?:なんつって|なんちゃって|なーんて)$"
    r"|^[^、，,。\n]*(?:とか|なう|みたいな|(?<=[ぁ-ゖ])的な)$"
    r"|^[^。\n]{0,8}(?:(?:と|って)いう(?:わけ|こと)で|てなわけで|ということで)$"
)
# 果たして opens a doubt the sentence may leave hanging on かどうか
_DOUBT_OPENER = lazy_re(r"果たして|はたして")
# What follows a pause at the end: an aside without its bracket (…どうしようと…泣, …寝坊した・・・汗)
_AFTER_PAUSE = lazy_re(r"(?:…|‥|・・|\.\.\.)([^\s…‥・.]{1,3})$")
# (汗 / （泣 / (´Д⊂ ｸﾞｽﾝ: an aside or a face left open, a sob in katakana after it
_ASIDE_END = lazy_re(r"[（(][^()（）\s]{1,5}(?:[ \u3000][\u30a1-\u30fa\u30fc\uff66-\uff9f]{1,6})?$")
_WORDY = lazy_re(r"[\w\u3040-\u30ff\u3400-\u9fff\uff10-\uff5a、，,…‥」』）)\]】〕］〜～]")


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
    # (asked of every paragraph by each habit test and again by each verdict: once is enough)
    seen = doc.cache.setdefault("EN:eligible", {})
    if b.index not in seen:
        seen[b.index] = _eligible(doc, b)
    return seen[b.index]


def _eligible(doc, b) -> bool:
    if _hidden(doc, b):
        return False  # <div class="hidden"> ⏎ メモ ⏎ </div>: the writer's notes, never shown
    raw = b.text.strip()
    # An image, or the caption line right under one; an image higher up in a long
    # hard-wrapped paragraph does not make its last sentence a caption.
    # (an icon inline in a sentence, ``…![](move-tool.png)を使って…``, is no image line)
    if not raw or _IMAGE_LINE.match(raw.rsplit("\n", 1)[-1]) or _CAPTION.match(raw):
        return False
    if "\n" in raw and _IMAGE_LINE.match(raw.rsplit("\n", 2)[-2]) and not _prose_line(raw.rsplit("\n", 1)[-1]):
        return False
    last_line = raw.rsplit("\n", 1)[-1].lstrip(" \u3000")
    if last_line.startswith(("↑", "⇧", "△")):
        return False  # [link] ⏎ ↑これを見て: a line pointing up at what it captions
    if last_line.startswith(NET_QUOTE):
        return False  # ＞…作れるかなので: someone else's words quoted as written, to answer them
    if dialogue_turn(doc, b):
        return False  # 佐藤：…評判が良くて ⏎⏎ 田中：なるほど: speech trailing off, taken up by the next speaker
    if _SLASHED_ITEMS.fullmatch(last_line) or _LABELLED_ITEMS.fullmatch(last_line):
        return False  # 配偶者が死亡 / 配偶者と離婚 / …, 課題： 多い・バラバラ・複雑: items listed on one line, no sentence
    if "\n" not in raw and _marked_item(doc, b):
        return False  # ○独自性がある ⏎⏎ ×内容が普通。意外性がない: marks grading items, a list typed as paragraphs
    if "\n" not in raw and _LABELLED_VALUE.fullmatch(raw):
        # 車種:アミティ / 場所：東京都渋谷区 / ジャン・バルジャン:ヤン・ジュンモ (a cast list) /
        # 文=玉居子泰子 (a byline): a field and its value, a spec sheet's line
        return False
    if _TAB_FIELD.fullmatch(last_line):
        return False  # お勧めする方<TAB>技術者、…: a label and its value set apart by a tab, a table pasted as text
    if _DEFINED_TERM.fullmatch(last_line) or _DOT_ITEMS.fullmatch(last_line):
        # 「座学型」...講師が…お話しする形式 (a term and its gloss, ending on a noun),
        # 釣り・山登り・ランニング (short items joined by ・): no sentence; no injected cut ends on either
        return False
    if "\n" not in raw and _FOREIGN_HEADING.match(raw):
        return False
    prose = b.prose().strip()
    if not JAPANESE.search(prose) or is_link_only(b):
        return False
    # 続き / 未定: a one-word note, no sentence to cut; `forwardRef`を使うとコ is a sentence
    # whose code is its word, cut in its prose (…もしくは `/Users/…` ends on its code)
    if len(prose) <= 5 and not (("`" in raw or "](" in raw) and raw[-1:] not in "`)"):
        return False
    if raw.startswith("//"):
        return False  # // メモ: a comment-style note line, not prose
    # (the lines that hold prose: a shortcode or an attribute line around them, {{< note >}} or
    # {: .notice}, is markup the items do not end on)
    worded = worded_lines(b)
    last_worded = worded[-1] if worded else raw
    ends_on_comma = last_worded.rstrip(" \t\u3000")[-1:] in ("、", "，", ",")  # (an item that stops on 、 is cut: （２）…を経て、)
    if len(worded) == 1 and _NUMBERED_LABEL.match(worded[0]) and not ends_on_comma:
        return False  # 2.対チーム外に…体制を構築: a numbered item or heading written without its space
    if _CONTAINER_CLOSE.search(raw):
        return False  # (:::message ⏎ 設定したらよい ⏎ :::) a note box (Zenn, Docusaurus) keeps notes' style
    if _names_picture(doc, b):
        return False  # 麵線とウニせんべいっぽいの ⏎ ![麵線とウニせんべいっぽいの](…): a caption, the picture's own words
    if emphasis_line(b) or pseudo_heading(b) or b.index in plain_headings(doc):
        return False  # a title typed without # (**まとめ**, 【まとめ】): no sentence, nor the article's opening
    if _under_source_heading(doc, b):
        return False  # ## ネタ元 ⏎ 認定LeSS実践者研修にて: a source named, not a sentence
    lines = raw.rsplit("\n", 2)
    if len(lines) >= 2 and all(_DATE_LINE.match(line) for line in lines[-2:]):
        return False  # 8/31 新車購入。 ⏎ 9/17 インターネット開通: a log, a dated entry per line
    if len(worded) >= 2 and not ends_on_comma and (all(_NUMBERED_LABEL.match(line) for line in worded[-2:]) or _counted_on(worded[-2], worded[-1])):
        return False  # …以下の3点が挙げられている。 ⏎ 1.学費…制度 ⏎ 2.…制度 ⏎ 3.距離の近さや気候: items, one a line
    if _LIST_LINE.match(lines[-1]) and not _marked_prose(doc, b):
        return False
    return not bullet_paragraph(b)  # (・… ⏎ ・…得票数を獲得 ⏎ しやすい)


_GRADE_MARKS = "○×◎△✕✖〇"


def _marked_item(doc, b) -> bool:
    """A one-line paragraph led by a grading mark (○, ×, ◎, △) next to another such line:
    items of a list of pros and cons, each set as a paragraph of its own."""
    if b.text.lstrip(" \u3000")[:1] not in _GRADE_MARKS or not b.text.strip(" \u3000"):
        return False
    for k in (b.index - 1, b.index + 1):
        if 0 <= k < len(doc.blocks):
            o = doc.blocks[k]
            if o.kind == "paragraph" and "\n" not in o.text.strip() and o.text.lstrip(" \u3000")[:1] in _GRADE_MARKS and o.text.strip(" \u3000"):
                return True
    return False


def _marked_prose(doc, b) -> bool:
    """A one-line paragraph led by a mark (▲ a photo's caption, ■ a label) that runs on into
    prose: three sentences or more, all but the last ended with 。 (▲ 苫小牧駅前の町並み。…。
    昼食は…教えても).  Only grammar counts there, a word cut short or a particle (see
    ``_analyse``): a caption's own words may stop on a noun."""
    raw = b.text.strip()
    if "\n" in raw or not _MARK_LED.match(raw):
        return False
    sents = doc.sentences(b)
    return len(sents) >= 3 and all(s.terminated for s in sents[:-1])


_MARK_LED = lazy_re(r"[■□◆◇●○◎▼▽▲△▶►](?![○●◯■□])")


def _prose_line(line: str) -> bool:
    """A line of running prose, no caption: a sentence ended with 。 and more after it
    (``[f:id:…:plain]`` ⏎ ``確かに、約7時間ごとに…上昇しています。この周期の…また``)."""
    i = line.find("。")
    return 0 <= i < len(line) - 1 and len(line) >= _PROSE_LINE_MIN


_PROSE_LINE_MIN = 40


def _closes_link(doc, b, at: int) -> bool:
    """A link's text ends at ``at``: ``[記事名](…)``, or Hatena's ``[https://…:title=記事名]``
    (its closing ] masked as markup, as the ](…) of a Markdown link is), or an HTML anchor's
    ``<a href="…">こちら</a>`` (or a theme's own link element, ``<my-link href="…">記事名
    </my-link>``)."""
    # (a link's text may wrap, its ]( opening the next line: [メンバーと働き方 ⏎ ](…))
    wrapped = at + len(doc.text[at : at + 4]) - len(doc.text[at : at + 4].lstrip(" \t\n"))
    if doc.text.startswith("](", at) or doc.text.startswith("](", wrapped):
        return True
    close = _ELEMENT_CLOSE.match(doc.text, at)
    if close:
        name = close.group(1).lower()
        if name == "a":
            return True
        opening = doc.text.rfind("<" + close.group(1), b.start, at)
        return opening >= 0 and _HREF.match(doc.text, opening + 1 + len(name)) is not None
    return doc.text.startswith("]", at) and b.masked[at - b.start : at - b.start + 1] == MASK


def _ends_with_email(tail: str) -> bool:
    """``tail`` ends in an e-mail address (松ヶ丘ミニバス ⏎ matsuminibas@yahoo.co.jp: a contact
    card's address, its .jp no cut word).  Found from its @, not by a search over the tail."""
    at = tail.rfind("@", max(0, len(tail) - 255))
    return at > 0 and _EMAIL_LOCAL_END.match(tail[at - 1]) is not None and _EMAIL_DOMAIN.fullmatch(tail, at + 1) is not None


_EMAIL_LOCAL_END = lazy_re(r"[A-Za-z0-9._+-]")
_EMAIL_DOMAIN = lazy_re(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_ELEMENT_CLOSE = lazy_re(r"</([A-Za-z][\w-]*)[ \t]*>")
_HREF = lazy_re(r"\s[^<>]*\bhref=")


_ITEM_NUMBER = lazy_re(r"[ \t]*(\d{1,2})[.．]")


_CONTAINER_CLOSE = lazy_re(r"(?:^|\n)[ \t]*:{3,}[ \t]*$")
_ALT_TEXT = lazy_re(r"!\[([^\]\n]+)\]|<img\s[^<>]*?\balt=(?:\"([^\"<>\n]+)\"|'([^'<>\n]+)')")


def _names_picture(doc, b) -> bool:
    """A one-line paragraph that says what the picture right before or after it shows, in the
    picture's own alt text (``![…]`` or ``<img alt="…">``), perhaps in italics: a caption typed
    as a line of its own (``<img … alt="20:30 くらい。信じられないくらい明るい">`` ⏎
    ``*20:30 くらい。信じられないくらい明るい*``)."""
    text = b.text.strip()
    if "\n" in text:
        return False
    words = text.strip("*_ \u3000")
    for k in (b.index - 1, b.index + 1):
        if 0 <= k < len(doc.blocks) and image_only(doc.blocks[k]):
            for m in _ALT_TEXT.finditer(doc.blocks[k].text):
                alt = next(g for g in m.groups() if g is not None).strip()
                if alt in (text, words):
                    return True
    return False


def _counted_on(line: str, last: str) -> bool:
    """The last line numbers on from the one before (2.Keychain… ⏎ 3.ビルドの…で書き込み)."""
    a, b = _ITEM_NUMBER.match(line), _ITEM_NUMBER.match(last)
    return a is not None and b is not None and int(b.group(1)) == int(a.group(1)) + 1


def _under_source_heading(doc, b) -> bool:
    """The paragraph's section is headed by a word for sources (## 出典, ## ネタ元), or by one
    for references and the paragraph is an entry: one line that opens on its link
    (``### 参照`` ⏎ ``[Cargo](…) 依存関係の指定について``)."""
    h = doc.section_heading(b)
    if h is not None and _SOURCE_HEADING.match(h.text.strip()) is not None:
        return True
    # (the see-also title may be typed in bold right above: **参照** ⏎ [Cargo](…) …について)
    prev = doc.blocks[b.index - 1] if b.index else None
    if prev is not None and pseudo_heading(prev):
        h = prev
    raw = b.text.strip()
    return (
        h is not None and _SEE_ALSO_HEADING.fullmatch(h.prose().strip(" #*_【】■\t")) is not None
        and "\n" not in raw and raw.startswith("[") and len(b.prose().strip()) <= _ENTRY_MAX
    )


_SOURCE_HEADING = lazy_re(
    r"^#*[ \t]*(?:出典|ネタ元|元ネタ|引用元|Sources?)[ \t]*#*$",  # (not 参考: its sections hold prose too)
    re.IGNORECASE,
)


# the headings of a "see also" list (its entries are links with a few words each)
_SEE_ALSO_HEADING = lazy_re(r"参照|参考(?:文献|資料|リンク|サイト|記事)?|関連(?:リンク|記事|項目)?|リンク|See also|References?|Links?", re.IGNORECASE)
_ENTRY_MAX = 60  # characters of prose in a reference entry (link text included)


def _hidden(doc, b) -> bool:
    """``b`` lies inside an HTML element the page never shows (``<div class="hidden">``,
    ``<div hidden>``, ``style="display: none"``), up to its matching close tag."""
    spans = doc.cache.get("EN:hidden")
    if spans is None:
        spans = doc.cache["EN:hidden"] = _hidden_spans(doc.text) if "<" in doc.text else []
    k = bisect_right(spans, (b.start, len(doc.text) + 1)) - 1
    return k >= 0 and spans[k][0] <= b.start < spans[k][1]


def _hidden_spans(text: str) -> list[tuple[int, int]]:
    """One pass over the block tags, a stack for their nesting; the spans come out merged and
    sorted (an unclosed hidden element hides the rest of the text)."""
    stack, spans = [], []
    for m in _BLOCK_TAG.finditer(text):
        if not m.group(1):
            stack.append((m.group(2).lower(), m.end(), _HIDDEN_ATTRIBUTE.search(m.group(3)) is not None))
            continue
        name = m.group(2).lower()
        while stack:
            opened, start, hidden = stack.pop()
            if hidden:
                spans.append((start, m.start()))
            if opened == name:
                break
    spans += [(start, len(text)) for _, start, hidden in stack if hidden]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_BLOCK_TAG = lazy_re(r"<(/?)(div|section|span|p)\b([^<>]*)>", re.IGNORECASE)
_HIDDEN_ATTRIBUTE = lazy_re(r"""\sclass=["'][^"']*\bhidden\b|\shidden\b(?!-)|display\s*:\s*none""", re.IGNORECASE)


# A last line that reads as a list item markdown-it folded into the paragraph (``2. …`` cannot
# interrupt a paragraph): an item, not prose.
# starts or ends with an image (Markdown or <img>), or is a picture's bare address
# (https://i.imgur.com/….jpg ⏎ caption); spans are bounded and hold no opener of their kind,
# so a line of 30,000 `![` is not read to its end from each
_IMAGE_LINE = lazy_re(
    r"^[ \t]*(?:\[\s*)?!\[|.*!\[[^\[\]\n]{0,1000}\]\([^)\n]{0,2000}\)[ \t]*$|^[ \t]*<?https?://\S+\.(?i:jpe?g|png|gif|webp|heic|avif)>?[ \t]*$"
    r"|^[ \t]*(?:\[\s*)?<(?:amp-)?img\s|.*<(?:amp-)?img\s[^<>\n]{0,2000}>(?:</amp-img>|\]\([^)\n]{0,2000}\))?[ \t]*$"  # the same written as HTML (<img src=…>, AMP's <amp-img>)
    r"|^[ \t]*\[f:id:|.*" + HATENA_PHOTO + r"[ \t]*$"  # and in Hatena's notation ([f:id:user:…p:plain])
    r"|^[ \t]*\[https?://\S+\.(?i:jpe?g|png|gif|webp|heic|avif):(?:embed|image)[^\]\n]*\][ \t]*$"
    r"|^[ \t]*" + IMAGE_SHORTCODE  # and as a site generator's shortcode ({% image "…" %}, {{< figure … >}})
)
# (2.対…, （1）…, ①…; not 3.x では… or 2.5倍…, which open sentences)
# (a circled number is an item mark whatever follows it: ③LBスコアの…, ④[Gatsby Cloud]に…)
# ((2) クラスタを…, (1) OS の…: a bracketed number may take a space and any word, as it makes
# no Markdown list)
# (the number may be set in bold: **(8)** Discord内での…)
_NUMBERED_LABEL = lazy_re(r"^[ \t]*(?:\*\*|__)?(?:\d{1,2}[.．](?:\*\*|__)?[^\s.．!-~０-９]|[(（]\d{1,2}[)）](?:\*\*|__)?[ \t\u3000]?\S|[①-⑳❶-❿⑴-⒇](?:\*\*|__)?[ \t\u3000]?\S)")
# a label, a colon and three or more items set apart by ・ (※ 課題： 多い・バラバラ・手順が複雑)
# A one-line field: a label of kanji, katakana or Latin letters (no particle, no code), a colon,
# a short value with no sentence mark that ends on no kana a particle could be (結論：この方法では
# is a sentence cut short).  The whole line is no sentence, whatever its last word looks like;
# _FIELD (below) lets a field's value end on a bare noun once the grammar has judged it.
_LABELLED_VALUE = lazy_re(r"[\u30a1-\u30fa\u30fc\u3400-\u9fffA-Za-z0-9][\u30a1-\u30fa\u30fc\u3400-\u9fffA-Za-z0-9・]{0,11}[：:=＝][ \t\u3000]?[^、。：:=＝`\n]{0,29}[^、。：:=＝`\n\u3041-\u309f]")
_TAB_FIELD = lazy_re(r"[^\t\n。]{1,12}\t+[^\t\n]+")
_DEFINED_TERM = lazy_re(r"[ \t\u3000]*[「【『][^」】』\n]{1,12}[」】』][ \t\u3000]*(?:\.{2,}|…+|‥+|[：:])[^。\n]{0,79}(?:[\u3400-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9）)」』]|もの|こと|など)")
# (items are words: letters, kana and kanji only, so a face's ・ joins nothing: (´・ω・)次に…)
_DOT_ITEMS = lazy_re(r"[ \t\u3000]*[\u3041-\u30fa\u30fc\u3400-\u9fff々A-Za-z0-9]{1,12}(?:・[\u3041-\u30fa\u30fc\u3400-\u9fff々A-Za-z0-9]{1,12}){2,}[ \t\u3000]*")
_LABELLED_ITEMS = lazy_re(r"[^：:\n]{1,40}[：:][ \t\u3000]*[^・。\n]{1,30}(?:・[^・。\n]{1,30}){2,}")
# three or more items set apart by a spaced slash on one line (A / B / C); an item starts and
# ends on a non-space, so each space belongs to one place (no backtracking over "A  /  B  /  …")
_ITEM = r"[^/／\s](?:[^/／\n]{0,58}[^/／\s])?"
_SLASHED_ITEMS = lazy_re(r"(?:" + _ITEM + r"[ \t\u3000]+[/／][ \t\u3000]+){2,}" + _ITEM)
_DATE_LINE = lazy_re(r"^[ \t\u3000]*(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?[ \t\u3000]*(?:\([^)]{1,3}\)|（[^）]{1,3}）)?[ \t\u3000]+\S")
_URL_LINE = lazy_re(r"^[ \t]*<?https?://\S+>?[ \t]*$")
# (``:   定義`` under its term is a definition list's item, Pandoc / PHP Markdown Extra syntax)
# (■ 機関紙 ACCSESS No.375 より, ■受験を終えて: a line led by a square or a diamond is a label,
# a credit or a heading typed without Markdown)
_LIST_LINE = lazy_re(r"^[ \t\u3000]*(?:(?:\d{1,3}[.)]|[-*+:])[ \t]+|・[ \t\u3000]*|[■□◆◇●○◎▼▽▲△▶►](?![○●◯■□])[ \t\u3000]*)\S")  # (not ○○さんが…, a name left out)


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
            bare = not sents[-1].terminated and bool(BARE_END.search(sents[-1].text.rstrip()))
            out.append((b, bare, blocks[b.index + 1] if b.index + 1 < len(blocks) else None))
        doc.cache[key] = out
    return doc.cache[key]


def _counted(doc, b, sents) -> bool:
    return bool(sents) and (len(sents) >= 2 or len(b.prose()) >= 40)


def note_style(doc) -> bool:
    """Half or more of the prose paragraphs, short ones included, stop without closing
    punctuation: minutes, verse, lyrics, slides, memos.  Lines there end on particles and
    continuative forms by design, so only a word cut short is evidence of a cut.  A Marp or
    Slidev deck is one whatever its punctuation (…定義しておいて ⏎ code ⏎ こんな風に利用出来る), and
    so are notes that end sentences with line breaks (see ``_sentence_per_line``)."""
    key = "EN:notes"
    if key not in doc.cache:
        total = bare = 0
        for b in doc.paragraphs:
            if not eligible(doc, b):
                continue
            total += 1
            end = b.prose().rstrip()[-1:]
            bare += not (end in _CLOSED_ENDS or end in _OPEN_ENDS)
        doc.cache[key] = slide_deck(doc) or (total >= 4 and bare >= 3 and 2 * bare >= total) or _sentence_per_line(doc)
    return doc.cache[key]


_LINE_SENTENCES_MIN = 3


def _sentence_per_line(doc) -> bool:
    """Three or more lines inside paragraphs end a sentence on its plain predicate and a bare
    line break, the next line opening a sentence of its own (``…静的型は当たり前というふうに
    なった`` ⏎ ``Java -> Ruby``, ``…みたいなことが起きた`` ⏎ ``-> Swift/Go``): notes taken a line
    a thought, whose paragraphs stop without 。 by the same habit.  A hard-wrapped sentence
    breaks mid-clause, before a particle, or after its 。.  (Of ~880 human documents, 5 write
    so; no detected injected cut of ~2,480 is in such a document, and no seed or dev one is.)"""
    key = "EN:sentence-per-line"
    if key not in doc.cache:
        n = 0
        for b in doc.paragraphs:
            if n >= _LINE_SENTENCES_MIN:
                break
            body = doc.text[b.start : b.end].rstrip()
            if "\n" not in body or not eligible(doc, b):
                continue
            toks = ends = None  # (looked up only for a paragraph of several lines)
            at = body.find("\n")
            while at >= 0 and n < _LINE_SENTENCES_MIN:
                pos = b.start + at
                if doc.text[pos - 1 : pos] not in ("。", "．", "！", "？", "!", "?", " ", "\\", ""):
                    if ends is None:
                        toks = doc.tokens(b)
                        ends = {t.end: k for k, t in enumerate(toks)}
                    i = ends.get(pos)
                    if (
                        i is not None and i + 1 < len(toks)
                        and toks[i].pos1 in PREDICATES and toks[i].cform.startswith("終止形")
                        and toks[i + 1].pos1 not in ("助詞", "助動詞")
                    ):
                        n += 1
                at = body.find("\n", at + 1)
        doc.cache[key] = n >= _LINE_SENTENCES_MIN
    return doc.cache[key]


_CLOSED_ENDS = "。．.！？!?」』）)]】…‥"


def phrase_layout(doc) -> str | None:
    """Two or more paragraphs stop on a 、 right before the next paragraph (``著者である私自身も、``
    ⏎⏎ ``まだ「…」を`` ⏎⏎ ``完璧に実践できているわけではありません。``): the writer sets a
    sentence out a phrase per paragraph (essays, afterwords, verse), so a paragraph that stops
    on a particle before the next one is that layout, not a cut: ``"phrase"``.  When every such
    next paragraph is a line of dialogue (``…伝えると、`` ⏎⏎ ``「それさ、…」``), the layout is
    fiction's: narration runs into what is said, and only that: ``"dialogue"``."""
    key = "EN:phrase-layout"
    if key not in doc.cache:
        n = dialogue = 0
        for b in doc.paragraphs:
            if b.prose().rstrip()[-1:] not in ("、", "，", ","):
                continue
            # (a quoted paragraph is the writer's layout too: > …思いますが、 ⏎ > 今回は…)
            quoted = b.in_quote and not (b.in_list or b.in_footnote)
            nb = prose_paragraph_after(doc, b)
            # (only into words: 例えば、 ⏎ **ガウス関数** $$…$$ or すなわち、 ⏎ $$…$$ leads into a display)
            if (eligible(doc, b) or quoted) and nb is not None and _opens_on_words(nb):
                n += 1
                dialogue += dialogue_line(nb)
        doc.cache[key] = None if n < 2 else "dialogue" if dialogue == n else "phrase"
    return doc.cache[key]


def _opens_on_words(p) -> bool:
    first = p.text.lstrip(" \u3000>")[:1]  # (a quoted paragraph carries the layout too: > 相性は…)
    return bool(first) and (JAPANESE.match(first) is not None or first in "「『（")


def _in_layout(doc, b, toks, tail: str) -> bool:
    """``b`` stops where the writer's phrase layout (see ``phrase_layout``) breaks a sentence
    across paragraphs: on a 、, a particle or a continuative form (…というプレッシャーがあり ⏎
    いい体験が…); in fiction, on a 、, a conjunctive particle or a continuative form before a line
    of dialogue (…ボクの理解者なんて、美亜以外は ⏎ ＞今日。 is cut, and so is …声を ⏎ 「…」)."""
    nb = next_paragraph(doc, b)
    layout = phrase_layout(doc) if nb is not None else None
    last = toks[-1]
    if layout == "dialogue":
        return dialogue_line(nb) and (tail[-1] in "、，," or last.pos2 == "接続助詞" or _continuative(last))
    return layout == "phrase" and (tail[-1] in "、，," or last.pos1 == "助詞" or _continuative(last))


def habitually_unpunctuated(doc) -> bool:
    """Many paragraphs end in a bare word without 。: the writer's style, so weak evidence is
    not enough.  Endings in brackets, footnote marks, 、/：, and lead-ins before a list or
    code do not count.  Three bare paragraphs at least: two in a short document are as
    likely two cuts as a habit."""
    paragraphs = _habit_paragraphs(doc)
    bare = sum(1 for _, is_bare, nb in paragraphs if is_bare and not before_list_or_code(nb))
    return len(paragraphs) >= 4 and bare >= 3 and bare / len(paragraphs) > 0.25


def analyse(doc, b, article_end: bool = False, lone: bool = True) -> Verdict | None:
    """The verdict for one paragraph, or None when it is not cut.  ``article_end``: the
    paragraph ends the article, where a clause stopping on its noun is itself suspicious.
    ``lone``: also count the document's habits as evidence (see ``_lone_bare``)."""
    key = ("EN:trunc", b.index, article_end, lone)
    if key in doc.cache:
        return doc.cache[key]
    v = _item_cut(doc, b) if _item_paragraph(b) else _analyse(doc, b, article_end, lone)
    if v is not None and not article_end and (
        _caption_line(doc, b, v) or _section_tagline(doc, b, v) or _described_noun(doc, b, v)
    ):
        v = None
    doc.cache[key] = v
    return v


_CASE_BEFORE_NOUN = ("を", "が", "に", "で", "へ", "と", "から", "より")


def _described_noun(doc, b, v) -> bool:
    """``b`` is one line, one noun phrase: every predicate in it modifies a noun (its last word
    in 連体形), no 、 and no topic (は, も) in it, and no case particle right before the final
    noun (``…さんによる動く Slack 絵文字の GIF を作ることができるアプリ``, ``…で上映されていた
    ファイナリストの紹介動画``): a description, a caption or a title, which ends on its noun by
    design.  A sentence cut after its predicate's clause (``…を分割して組みなおすこと``, a
    formal noun; ``…場合、次節``) has a 、 or a predicate of its own.  Weak evidence only (a noun
    ending); no detected injected cut of ~2,480 is such a line."""
    if v.strength != "weak" or "\n" in b.text.strip() or len(doc.sentences(b)) != 1:
        return False
    toks = doc.tokens(b)
    if len(toks) < 3 or toks[-1].surface in _FORMAL_NOUNS:
        return False
    if any(t.surface in ("、", "，", ",") or t.pos2 == "係助詞" for t in toks):
        return False
    i = len(toks) - 1
    while i >= 0 and toks[i].pos1 in ("名詞", "接尾辞", "接頭辞", "補助記号"):
        i -= 1  # (the final noun run: ファイナリスト|の|紹介|動画 stops at の)
    if i < 0 or (toks[i].pos2 == "格助詞" and toks[i].surface in _CASE_BEFORE_NOUN):
        return False  # …キーマップを用意: a step told in 体言止め, its verbal noun governed
    ends = [
        t for t, n in zip(toks, toks[1:])
        if t.pos1 in PREDICATES and t.lemma not in _PARTICLE_VERBS
        # (a chain's last word counts: 上映|さ|れ|て|い|た, …でき|る)
        and not (n.pos1 in PREDICATES or (n.pos2 == "接続助詞" and n.surface in ("て", "で")))
    ]
    return bool(ends) and all(t.cform.startswith("連体形") for t in ends)


_TAGLINE_MAX = 80
_TAGLINES_MIN = 2


def _section_opener(doc, p) -> bool:
    """``p`` is one line without 。 right under a heading (or a title typed as bold)."""
    raw = p.text.strip()
    if "\n" in raw or "。" in raw or p.containers or p.kind != "paragraph" or len(p.prose().strip()) > _TAGLINE_MAX:
        return False  # (a link's address is no part of the line's length)
    return p.index > 0 and titled(doc.blocks[p.index - 1])


def _section_tagline(doc, b, v) -> bool:
    """``b`` describes its heading in a noun phrase (weak evidence only), as two or more other
    sections of the document open with a bare line (``### vueuse/vueuse`` ⏎ ``…が作成した Vue
    Composition ユーティリティ集`` ⏎ link ⏎ prose): a catalogue's layout, one description a
    heading.  Of ~2,480 detected injected cuts, one is such a line but ends on a formal noun
    (こと), which is no description."""
    if v.strength != "weak" or not _section_opener(doc, b):
        return False
    toks = doc.tokens(b)
    if not toks or toks[-1].surface in _FORMAL_NOUNS:
        return False  # ## ボヤイの定理 ⏎ …を分割して組みなおすこと: a formal noun wants its sentence
    key = "EN:section-taglines"
    if key not in doc.cache:
        doc.cache[key] = [
            # (bare as note_style counts it: no closing or opening mark at the end)
            p.index for p in doc.paragraphs
            if _section_opener(doc, p) and p.text.rstrip()[-1:] not in _CLOSED_ENDS + _OPEN_ENDS
        ]
    return len([i for i in doc.cache[key] if i != b.index]) >= _TAGLINES_MIN


_CAPTION_MAX = 60
_FORMAL_NOUNS = ("こと", "もの", "ところ", "通り", "とおり", "ため", "よう", "はず", "わけ")


def _caption_line(doc, b, v) -> bool:
    """``b`` is one short line without 。 that captions a display (no word cut short): right
    under an embed or a picture, a noun phrase (``{{< x … >}}`` ⏎ ``…どの Go プロジェクトか当てる
    ゲーム``; a formal noun, ``…使うこと``, a clause joined by けど or ので, or a one-kana last word
    still wants its sentence), or opening a section right above its pictures (``### イスタンブール``
    ⏎ ``5年ぶり海外、トルコは10年ぶりの訪問`` ⏎ ``![…]``).  Of ~2,480 detected injected cuts, none
    has either shape but one that ends on こと, ``…多いけど、ツリーエ`` under a figure, and, at
    the article's end, where captions are not excused, ``…感じになり、そこにアイアンペイント``."""
    raw = b.text.strip()
    if "\n" in raw or len(raw) > _CAPTION_MAX or "。" in raw or v.why.startswith("語 ") or b.containers:
        return False
    blocks = doc.blocks
    prev = blocks[b.index - 1] if b.index else None
    if prev is not None and prev.index and prev.kind == "paragraph" and prev.text.strip() == raw:
        prev = blocks[prev.index - 1]  # the caption typed twice, as a blog export may leave it
    if prev is not None and titled(prev):
        nb = following_block(doc, b)
        return nb is not None and image_only(nb)
    if prev is None or not (image_only(prev) or shortcode_embed(prev) or url_embed(prev)):
        return False
    if v.why != "句点のないまま名詞で終わっています":
        return False
    toks = doc.tokens(b)
    # (a clause joined by けど, が or ので, or a continuative form and its 、, is a sentence, not
    # a caption: …多いけど、ツリーエ, …感じになり、そこにアイアンペイント; a one-kana last word,
    # ツリー|エ, is a word cut short)
    return (
        bool(toks) and len(toks[-1].surface) >= 2 and toks[-1].surface not in _FORMAL_NOUNS
        and not any(t.pos2 == "接続助詞" and t.surface not in ("て", "で") for t in toks)
        and not any(
            t.pos1 in PREDICATES and t.cform.startswith("連用形") and u.surface in ("、", "，", ",")
            for t, u in zip(toks, toks[1:])
        )
    )


def _item_paragraph(b) -> bool:
    return b.kind == "paragraph" and bool(b.containers) and all(c == "list_item" for c in b.containers)


def _item_cut(doc, b) -> Verdict | None:
    """A list item's prose whose earlier sentences end with 。 and whose last one stops on a
    case, binding or conjunctive particle, a verb's 未然形, an attributive な, or a word cut
    short (``- 書籍名`` ⏎ ``通称 E8本。…解説している。AtCoderに``).  Items are notes, so their
    bare words are left alone; but of the items in human documents that end their own
    sentences with 。 and leave the last one bare (168 when first counted, checked again on
    ~790 documents), none stops so."""
    if _hidden(doc, b):
        return None
    sents = doc.sentences(b)
    if len(sents) < 2 or sents[-1].terminated or not all(x.terminated for x in sents[:-1]):
        return None
    if not any(_PERIOD_END.search(x.text) for x in sents[:-1]):
        return None  # (…です！ ⏎ …: exclamations set lines apart; 。 marks the prose)
    last = sents[-1]
    tail = doc.text[last.start : last.end].rstrip()
    if not tail or not BARE_END.search(tail):
        return None  # ends on a link, code, a mark or a Latin word: no particle to judge
    toks = [t for t in doc.tokens(b) if last.start <= t.start and t.end <= last.end]
    if not toks:
        return None
    strength, why = ending(doc, toks, tail)
    t = toks[-1]
    particle = strength == "strong" and t.pos1 == "助詞" and t.pos2 in ("格助詞", "係助詞", "接続助詞")
    # a verb in its 未然形 (…持っていると思わ), which leads into nothing, or the attributive な
    # with no noun (…それが重要な): no item's sentence of the human documents ends so (a 連用形
    # may be a noun: …聴くのがオ|ススメ)
    irrealis = strength == "strong" and t.pos1 in ("動詞", "形容詞", "助動詞") and t.cform.startswith("未然形")
    attributive = strength == "strong" and t.surface == "な" and t.pos1 == "助動詞" and t.cform.startswith("連体形")
    if strength != "cut" and not (particle or irrealis or attributive):
        return None
    if strength != "cut" and not irrealis and lead_in(doc, b, WRAP.sub("", tail), strength, True, toks):
        return None  # …。手順は次のとおりで、 ⏎ nested list: a lead-in to what follows
    start = max(last.start, doc.text.rfind("\n", last.start, last.end) + 1)
    return Verdict(b, start, last.end, "strong", why)


_SPAN_REACH = 12  # blocks a writer's code span typed over blank lines may run


def _code_span_closed_later(doc, b) -> bool:
    """A paragraph after ``b``, before any heading, has an odd number of backticks and ends its
    last line with one (a ``}`` and the backtick): the writer typed code over blank lines
    between single backticks, so the span ``b`` leaves open is closed there, not cut."""
    for nb in doc.blocks[b.index + 1 : b.index + 1 + _SPAN_REACH]:
        if nb.kind == "heading":
            return False
        raw = doc.text[nb.start : nb.end].rstrip()
        if raw.endswith("`") and raw.count("`") % 2:
            return True
    return False


def _bare_paragraphs(doc) -> tuple[int, list[int]]:
    """How many paragraphs show the habit, and which of them end on a bare word that nothing
    else explains: not a lead-in, no verdict of their own."""
    key = "EN:bare"
    if key not in doc.cache:
        counted = {b.index for b, _, _ in _habit_paragraphs(doc)}
        doc.cache[key] = (len(counted), [i for i in _short_bare(doc) if i in counted])
    return doc.cache[key]


_LONE_MIN_PARAGRAPHS = 4


def _lone_bare(doc, b, others: int = 0) -> bool:
    """The one paragraph of a punctuating document whose last sentence stops without 。 on a
    word that could end a sentence (``…。…を解決する``).  A writer who ends every other
    paragraph, and this one's earlier sentences, with 。 did not choose to stop there; a writer
    who leaves two or more bare has a habit, and every one of them stays silent.  (The caller
    asks for earlier sentences ending in 。, or the article's last paragraph, and a last word
    that is no particle: a lone one-sentence line mid-article, ``…を確認をした``, or a chatty
    ``…いいですね`` is a human slip.)"""
    if b.index not in _bare_paragraphs(doc)[1] or not _alone_bare(doc, b, others) or _note_lines(doc, b):
        return False
    if _DATE_LINE.match(_line_of(doc, doc.sentences(b)[-1].start)):
        return False  # …。 ⏎ 2022/08/21 60巻ぐらいは読んでいると思う、今後残り読んでいく: a log's dated entry
    if b.index == _first_paragraph(doc) and _noun_end(doc, b):
        return False  # the opening paragraph may be a tagline (…をつくってみたという話)
    return not _continued_next(doc, b)


def _line_of(doc, at: int) -> str:
    """The whole line of the text that holds offset ``at`` (or the first character after it
    that is no line break or space)."""
    while at < len(doc.text) and doc.text[at] in "\n \t\u3000":
        at += 1
    start = doc.text.rfind("\n", 0, at) + 1
    end = doc.text.find("\n", at)
    return doc.text[start : end if end >= 0 else len(doc.text)]


def _before_link_line(doc, b) -> bool:
    """The next block is a paragraph of links alone, no picture: a source or a reference the
    sentence before it introduces."""
    nb = following_block(doc, b)
    return nb is not None and nb.kind == "paragraph" and not nb.containers and is_link_only(nb) and not image_only(nb)


def _alone_bare(doc, b, others: int = 0) -> bool:
    """A punctuating document (four or more paragraphs long enough to show the habit) leaves
    no paragraph bare but ``b`` (the opening one, a tagline bare by design, aside), or no more
    than ``others`` besides."""
    return _bare_paragraphs(doc)[0] >= _LONE_MIN_PARAGRAPHS and _bare_others(doc, b) <= others and not _bare_elsewhere(doc)


_HTML_PARAGRAPH = lazy_re(r"<p(?:\s[^<>]*)?>(.*?)</p>", re.S)
_HTML_TAG = lazy_re(r"<[^<>]*>")


def _bare_others(doc, b) -> int:
    """How many paragraphs besides ``b`` (and the opening one) the document leaves bare."""
    first = _first_paragraph(doc)
    return sum(i not in (first, b.index) for i in _bare_paragraphs(doc)[1])


def _bare_elsewhere(doc) -> bool:
    """The writer leaves a paragraph typed as HTML (``<p>…</p>``, 40 characters or more) bare,
    or ends a sentence with a hard break instead of 。: the habit is the writer's in either
    markup, at a paragraph's end or a line's.  (Quoted paragraphs and list items do not
    count: a quotation is someone else's text, ``…より引用`` a credit, and items are bare by
    design; on injected copies they hid 14 cuts in about 700 documents.)"""
    key = "EN:bare-elsewhere"
    if key not in doc.cache:
        doc.cache[key] = any(_bare_html_paragraph(b) for b in doc.blocks if b.kind == "html") or any(
            _finished_before_hard_break(doc, b) for b in doc.paragraphs if eligible(doc, b)
        )
    return doc.cache[key]


_HARD_BREAK = lazy_re(r"[\u3040-\u30ff\u3400-\u9fff](?: {2,}|\\)\n")


def _finished_before_hard_break(doc, b) -> bool:
    """A line inside the paragraph ends a sentence on its plain predicate with a Markdown hard
    break instead of 。 (``…持ち帰るのを目標にしてる␣␣`` ⏎ ``こういうゲームだと…``): the writer
    ends sentences with line breaks, so a last line without 。 is the same habit."""
    ends = None  # (tokens are looked up only for a paragraph with a hard break)
    for m in _HARD_BREAK.finditer(doc.text, b.start, b.end):
        ends = ends or {t.end: t for t in doc.tokens(b)}
        t = ends.get(m.start() + 1)
        if t is not None and t.pos1 in PREDICATES and t.cform.startswith("終止形"):
            return True
    return False


def _bare_html_paragraph(b) -> bool:
    for m in _HTML_PARAGRAPH.finditer(b.text):
        words = _HTML_TAG.sub("", m.group(1)).strip(" \t\u3000\n")
        if len(words) >= 40 and JAPANESE.search(words) and BARE_END.search(words):
            return True
    return False


def _lone_line(doc, b) -> bool:
    """The one-sentence paragraph that alone, among all the paragraphs of a punctuating
    document (four or more long ones, every one ending in 。), stops on a bare word; short
    lines count too, so a document of bare one-liners (captions, steps, 読了 dates) has a habit.
    Not the opening line (a tagline), not a copyright line, not a sentence running on."""
    total, _ = _bare_paragraphs(doc)
    first = _first_paragraph(doc)
    # (the opening tagline, bare by design, is no habit: …人向け ⏎ 一番手軽な、書くこと)
    if total < _LONE_MIN_PARAGRAPHS or [i for i in _short_bare(doc) if i != first] != [b.index] or _bare_elsewhere(doc):
        return False
    if b.index == first or _COPYRIGHT.search(b.text) or _note_lines(doc, b):
        return False
    return not _continued_next(doc, b)


def _note_lines(doc, b) -> bool:
    """Two or more lines without a 。, each stopping on a noun the next line does not go on
    from (…中間表現を導入 ⏎ …2 種類の中間表現を使用): notes set one a line, 体言止め by design,
    not one sentence hard-wrapped (a wrapped sentence breaks before a particle or mid-clause)."""
    text = doc.text[b.start : b.end].rstrip()
    if "\n" not in text or _SENTENCE_MARK.search(text):
        return False
    toks = doc.tokens(b)
    ends = {t.end: t for t in toks}
    starts = {t.start: t for t in toks}
    pos = b.start
    for line in text.split("\n")[:-1]:
        end = pos + len(line.rstrip(" \u3000"))
        nxt = pos + len(line) + 1
        nxt += len(doc.text[nxt : b.end]) - len(doc.text[nxt : b.end].lstrip(" \u3000"))
        last, first = ends.get(end), starts.get(nxt)
        if last is None or first is None or last.pos1 not in NOUN_ENDS or first.pos1 in ("助詞", "助動詞", "接尾辞"):
            return False
        pos += len(line) + 1
    return True


_SENTENCE_MARK = lazy_re(r"[。．！？!?]")


_COPYRIGHT = lazy_re(r"©|\(c\)|copyright", re.IGNORECASE)


def _said_in_full(toks, tail: str) -> bool:
    """An ending a writer who forgot only the 。 leaves whole, and a cut hardly ever does: a
    polite predicate (…決まってしまうのです, …ご注意ください, …いいですね), an elliptical
    など/とか (…「キャラクター名」など), a reason that answers its なぜなら (なぜなら、仕様を
    一番理解しているから), a question or an offer on だろう/ましょう and か (…良しと
    しましょうか).  A cut would have to fall right before the 。 of a sentence that
    went on; polite forms end most sentences, so a bare one is far likelier a slip.  A plain
    …いいね, …かなと or …言ってよ, cut from a longer sentence, is not."""
    last = toks[-1].surface
    if polite_end(toks) or last in ("など", "とか", "等", "どうぞ", "よろしく", "宜しく"):
        return True  # (…こちらもどうぞ, 今後ともよろしく: courtesies said short)
    if last in _CROSS_REFERENCES:
        return True  # 詳細は[人事評価基準](…)を参照: a cross-reference said short, whole
    if tail.rstrip().endswith(_HEDGES):
        return True  # …もしかしたらRBCラジオだけかもしれない: a hedge closes a sentence; a cut seldom lands right after one
    if admonition(tail):
        return True  # …あまり鵜呑みにしないように / …できますように (not …受信できないように)
    if last in ("ね", "よ") and len(toks) > 1 and polite_end(toks[:-1]):
        return True  # …いいですね, …しましたよ
    if _presence_predicate(toks):
        return True  # …都度覚える必要あり / 問題なし: a memo's predicate
    if last == "か" and len(toks) > 1 and toks[-1].pos2 == "終助詞" and toks[-2].cform.startswith("意志推量形"):
        return True  # …何をしてるんだろうか, …良しとしましょうか: a question or an offer said whole
    return last == "から" and tail.lstrip().startswith(_BECAUSE)


def _presence_predicate(toks) -> bool:
    """A noun, then あり or なし (…覚える必要あり, 在庫なし, 問題なし): the written predicate
    "there is / is none" said short, as notes say it.  Of about 2,300 cuts found in injected
    copies none ended so."""
    return len(toks) >= 2 and toks[-1].lemma in ("有り", "無し") and toks[-1].pos1 == "名詞" and toks[-2].pos1 in NOUN_ENDS


def _written_copula(toks) -> bool:
    """…もこれである: the written style's copula, finished as a polite ending is; mid-article
    a bare one is a slip (at the article's end, …ただし、リアルタイムである may be where a
    longer sentence was cut: the stop itself is evidence there)."""
    return len(toks) > 1 and toks[-1].surface == "ある" and toks[-2].surface == "で" and toks[-2].pos1 == "助動詞"


_BECAUSE = ("なぜなら", "何故なら", "なぜかというと", "なぜかと言うと")


def _short_bare(doc) -> list[int]:
    """Every eligible paragraph, short ones included, that stops on a bare word, is no lead-in
    and has no verdict of its own."""
    key = "EN:short-bare"
    if key not in doc.cache:
        blocks, out = doc.blocks, []
        for b in doc.paragraphs:
            if not eligible(doc, b):
                continue
            sents = doc.sentences(b)
            if not sents or sents[-1].terminated or not BARE_END.search(sents[-1].text.rstrip()):
                continue
            nb = blocks[b.index + 1] if b.index + 1 < len(blocks) else None
            # (a lead-in into a card, …しかし合わせて ⏎ URL, is no bare habit either; a sentence
            # before a picture may be its writer's habit or a cut: …再度パスワードを聞かれる ⏎ image)
            embed = nb is not None and url_embed(nb)
            if not (before_list_or_code(nb, quotes=True) or embed) and analyse(doc, b, lone=False) is None:
                out.append(b.index)
        doc.cache[key] = out
    return doc.cache[key]


# Tokens a final noun phrase is made of: nouns, prefixes, the の that joins them, a 中黒.
_PHRASE_GLUE = ("の", "・")


def _predicate_missing(toks) -> bool:
    """The sentence stops on a noun phrase that something before it governs: a case or topic
    particle (``本体はダウ``, ``端末に複数のUSBカメラ・マイ``), a て-clause (``…によって
    ガベージコレクシ``), an adverb (``まさに上``), a continuative form (``気軽に更``) or a
    clause's 、.  A title-like phrase (``…への 10 の
    質問``, ``…である3人の葛藤``: an attributive before the noun) has no predicate to miss."""
    i = len(toks) - 1
    if i < 1 or toks[i].pos1 not in (*NOUN_ENDS, "形状詞", "副詞"):
        return False  # (an adverb too: 便利な機能は多々, the verb it modifies is missing)
    if toks[i].surface in _CROSS_REFERENCES or _nominal_predicate(toks) or _tendency(toks):
        # …は `helm help` を参考 / 詳しくは公式を参照: a cross-reference said short; …のが後悔:
        # the noun is the predicate (so is …作成をしがち, a verb made a tendency)
        return False
    if toks[i].pos1 == "副詞":
        p = toks[i - 1]
        return p.pos1 == "助詞" and p.pos2 in ("格助詞", "係助詞") and p.surface in GOVERNING_PARTICLES
    i -= 1
    while i > 0 and (toks[i].pos1 in (*NOUN_ENDS, "接頭辞") or toks[i].surface in _PHRASE_GLUE):
        i -= 1
    p = toks[i]
    if p.pos1 in NOUN_ENDS or toks[i + 1].surface == "の":
        return False  # the sentence is one noun phrase, or …への: attributive
    if p.pos1 == "助詞":
        if p.pos2 == "接続助詞":
            return p.surface in ("て", "で")  # …によってガベージコレクシ: a て-clause, then a bare noun
        return p.pos2 in ("格助詞", "係助詞") and p.surface in GOVERNING_PARTICLES
    if p.pos1 == "副詞" or (p.pos1 in PREDICATES and p.cform.startswith("連用形")):
        return True
    return p.pos2 == "読点" and i > 0 and closes_clause(toks, i)


def _plain_statement(toks) -> bool:
    """A plain predicate that states (…全部日本の職場で起きた, …を復活させる), not a closing wish
    or intent (…早く移行したい, …してみよう, …と思う), the shape an article's last line takes
    on purpose.  At the article's end, after the paragraph's own finished sentences, a writer
    who leaves one or two other paragraphs bare still did not stop such a statement there."""
    t = toks[-1]
    if not (_plain_predicate(toks) or (t.pos1 == "助動詞" and t.surface in ("た", "だ", "ない") and t.cform.startswith("終止形"))):
        return False
    if polite_end(toks) or t.cform.startswith("意志推量形"):
        return False
    return not _wishes(toks)


_CLOSING_WISH = ("たい", "思う", "願う")
# modal hedges that close a sentence (none ends a cut found by "the only bare paragraph" in
# 1,000+ injected copies; a writer forgets the 。 after them)
_HEDGES = ("かもしれない", "かも知れない", "だろう", "気がする", "らしい", "ようだ", "みたいだ")


def _polite_statement(toks) -> bool:
    """A polite predicate that states (…というのは私の言葉です, …が有名です), not a wish: mid-article
    a forgotten 。 there is a slip (see ``_said_in_full``); at the article's end, after the
    paragraph's own finished sentences, the article stops on it."""
    t = toks[-1]
    return polite_end(toks) and t.cform.startswith("終止形") and not _wishes(toks)


def _wishes(toks) -> bool:
    return any(x.lemma in _CLOSING_WISH for x in toks[-3:])  # (…移行したい, …したいと思う, …を願う)


def _plain_predicate(toks) -> bool:
    """A plain-form predicate (``…許されない``, ``…を解決する``), not a polite one: the
    article's last line stopping so, alone unpunctuated, is cut.  (Mid-article, a lone line
    like ``ここに価値を強く感じる`` is a writer's emphasis; it stays silent.)"""
    t = toks[-1]
    return t.pos1 in PREDICATES and t.cform.startswith("終止形") and not polite_end(toks)


_CROSS_REFERENCES = ("参照", "参考")


def _noun_end(doc, b) -> bool:
    toks = doc.tokens(b)
    return bool(toks) and toks[-1].pos1 in NOUN_ENDS


def _hard_break_end(doc, b) -> bool:
    """The paragraph ends in a Markdown hard break (two spaces or ``\\``) before another
    paragraph: the writer breaks lines, and sentences, on purpose (``…設計する際に␣␣`` ⏎⏎
    ``しくじったことを…``).  A generation cut leaves no such mark."""
    text = b.text.rstrip("\n")
    # (before code too: …部分の大半を削って␣␣ ⏎ code ⏎ このようにしたい。)
    if b.index + 1 >= len(doc.blocks):
        return False
    # (…人の話で、 ⏎ ␣␣ ⏎ 僕は…: a blank line typed as spaces, the hard break an export split off
    # after a clause's 、; a sentence stopping on a particle there, …写って, is still cut)
    if text.endswith(("  ", "\\")):
        return True
    # (…しかし驚くことに、 ⏎⏎ その中の…: from a writer who breaks lines after 、, a blank line
    # typed for a line break)
    return text.endswith(("、", "，")) and (_SPACED_BLANK.match(doc.text, b.end) is not None or _wraps_at_commas(doc))


_SPACED_BLANK = lazy_re(r"\n[ \t]{2,}\n")
_COMMA_WRAPS_MIN = 3  # lines a writer breaks after 、 inside paragraphs before it is a habit


def _wraps_at_commas(doc) -> bool:
    """Inside its paragraphs, the writer breaks lines after a 、 (…そうで、 ⏎ 祖先に…) three
    times or more, and in most of the lines they break there."""
    key = "EN:wraps-at-commas"
    if key not in doc.cache:
        commas = breaks = 0
        for p in doc.paragraphs:
            for line in p.text.strip().split("\n")[:-1]:
                breaks += 1
                commas += line.rstrip(" \u3000").endswith(("、", "，"))
        doc.cache[key] = commas >= _COMMA_WRAPS_MIN and 2 * commas >= breaks
    return doc.cache[key]


def _line_after_hard_break(b) -> bool:
    """The paragraph's last line follows a Markdown hard break (``…挿入してください。␣␣`` ⏎
    ``タイトルの例「…」など``): a line set out on its own, where a bare noun is a label."""
    text = b.text.rstrip("\n")
    return "\n" in text and text.rsplit("\n", 1)[0].endswith(("  ", "\\"))


def _continuative(t) -> bool:
    return t.pos1 in PREDICATES and t.cform.startswith("連用形-一般")


def _section_value(doc, b, toks) -> bool:
    """``b`` is a section's whole body, one noun phrase (### 場所 ⏎ セブ島のすぐ下のマクタン島 ⏎
    ### 次の節): the heading asks, the line answers, as on a form."""
    blocks = doc.blocks
    prev = blocks[b.index - 1] if b.index else None
    nxt = blocks[b.index + 1] if b.index + 1 < len(blocks) else None
    if prev is None or not titled(prev) or (nxt is not None and not titled(nxt)):
        return False
    # (a Latin word counts as one: VP of Engineering is three words, not seventeen letters)
    if "\n" in b.text.strip() or len(_LATIN_WORD.sub("x", b.prose().strip())) > 40:
        return False
    # (nouns joined by または / や / と are one answer: Engineering Manager または VP 1名)
    return toks[-1].pos1 in _VALUE_POS and all(
        t.pos1 in _VALUE_POS or t.pos1 == "接続詞" or t.surface in ("の", "や", "と", "か")
        or (t.surface == "は" and i and toks[i - 1].surface == "また")
        for i, t in enumerate(toks[:-1])
    )


_LATIN_WORD = lazy_re(r"[A-Za-z]+")
_VALUE_POS = ("名詞", "接頭辞", "接尾辞", "副詞", "連体詞", "補助記号", "記号")


def _items_then_rest(doc, nb, reach: int = 8) -> bool:
    """Bare one-line paragraphs from ``nb`` on lead to one that opens mid-sentence: items a
    writer set out as paragraphs inside one sentence (理由は， ⏎ A ⏎ B ⏎ C ⏎ と考えた．)."""
    for _ in range(reach):
        if nb is None or "\n" in nb.text.strip() or not ends_bare(doc, nb):
            return False
        after = next_paragraph(doc, nb)
        if _opens_on_particle(doc, after, conjunctions=False):
            return True
        nb = after
    return False


def _continued_next(doc, b) -> bool:
    """The next paragraph opens with a particle or an auxiliary (``という流れで…``): the
    sentence runs on across the break, after a hard-broken list of steps."""
    return _opens_on_particle(doc, next_paragraph(doc, b))


def _opens_on_particle(doc, p, conjunctions: bool = True) -> bool:
    """Paragraph ``p`` opens on a particle or an auxiliary.  ``conjunctions=False``: its very
    first word, and not one said as a conjunction before 、 (で、 / が、)."""
    toks = doc.tokens(p)[:1] if p is not None else []
    if not toks or toks[0].pos1 not in ("助詞", "助動詞"):
        return False
    return conjunctions or (toks[0].start == text_start(p) and doc.text[toks[0].end : toks[0].end + 1] not in ("、", "，", ","))


_VERSE_LINE_MAX = 25  # characters: a line of verse is shorter; …統一したほうがいいと思う is prose
# a phrase set apart in bold or italics and the particle that carries the sentence on (*…* で)
_DISPLAY_THEN_PARTICLE = lazy_re(r"(\*\*|__|\*|_)[^*_\n]+\1[ \u3000]*[\u3041-\u3096]{1,3}")


def _runs_around_display(doc, b) -> bool:
    """The paragraph is part of one sentence that a writer carries around a phrase set apart
    on its own line: it is that phrase and its particle (``*色調補正→色相・彩度* で``), or it
    runs on into one (``…保護者の方で、`` ⏎ ``<br>`` ⏎ ``**「…何をするの？」**`` ⏎ ``<br>``
    ⏎ ``と不安や疑問を…``).  A cut leaves no display after it to carry the sentence on."""
    if _DISPLAY_THEN_PARTICLE.fullmatch(b.text.strip()):
        return True
    nb = block_after(doc, b, SPACER)
    if nb is None or nb.kind != "paragraph" or nb.containers:
        return False
    if _DISPLAY_THEN_PARTICLE.fullmatch(nb.text.strip()):
        return True
    if not (emphasis_line(nb) or italic_line(nb) or displayed_quotation(nb)):
        return False
    after = block_after(doc, nb, SPACER)
    return after is not None and after.kind == "paragraph" and not after.containers and _opens_on_particle(doc, after)


_REJOIN_REACH = 12  # characters on either side of the break that the sentence's last words lie in


def _rejoined(doc, b, toks, start: int, end: int) -> list:
    """The sentence's tokens with its last line break closed up when kana or kanji stand on both
    sides: a writer who hard-wraps Japanese at a fixed width breaks lines mid-word (…毎日コンビニ
    おにぎりでした。悔 ⏎ しい), and the tagger, which reads each line apart, would see the sentence
    end on a stub (しい).  Offsets after the break are shifted back onto the text."""
    text = doc.text
    nl = text.rfind("\n", start, end)
    if nl <= start or end - nl > _REJOIN_REACH or not wrapped_at(text, nl):
        return toks  # (a long last line ends on words the break cannot touch)
    # re-read only from a word a little before the break, not the whole line again
    line0 = max([start, text.rfind("\n", start, nl) + 1] + [t.start for t in toks if t.start <= nl - _REJOIN_REACH])
    masked = b.masked[line0 - b.start : end - b.start]
    k = nl - line0
    joined = tokenize(masked[:k] + masked[k + 1 :], line0)
    for t in joined:  # (a token after the break, or across it, ends one character later)
        if t.start >= nl:
            t.start += 1
        if t.end > nl:
            t.end += 1
    return [t for t in toks if t.end <= line0] + joined


def _analyse(doc, b, article_end: bool = False, lone: bool = True) -> Verdict | None:
    if not eligible(doc, b):
        return None
    nb = next_paragraph(doc, b)
    if nb is not None and (
        wrapped_across_paragraphs(doc) or opens_mid_sentence(doc, nb) or dash_resumed(nb) or _items_then_rest(doc, nb)
    ):
        # (…prototypeをそ ⏎⏎ のまま利用…: one sentence broken by a blank line; …彼女は ⏎⏎ ――この町を
        # 出ていく。: by a dash, as fiction does)
        return None
    if nb is None and wrapped_across_paragraphs(doc) and prose_paragraph_after(doc, b) is not None:
        return None  # (…絵日記の ⏎⏎ > ような写真の…: the writer's layout runs on into a quote too)
    if _runs_around_display(doc, b):
        return None  # …スキャン後、 ⏎⏎ *メニュー→色調補正* で ⏎⏎ シアン系の…: one sentence around a display
    end = _content_end(doc, b)
    sents = [s for s in doc.sentences(b) if s.start < end]
    if not sents:
        return None
    last = sents[-1]
    last_end = min(last.end, end)
    tail = doc.text[last.start : last_end].rstrip()
    if last.terminated and last.end <= end:
        return None
    if "\n" in b.text.strip() and _URL_LINE.match(b.text.strip().rsplit("\n", 1)[-1].lstrip(" \u3000")):
        return None  # JF 文章文体ガイド ⏎ http://…: a title and its address, a reference entry
    if doc.text[b.start : end].endswith(("。", "！", "？")):
        return None  # …出力の通りhttp://localhost:1313/にブラウザで…。: the autolink took the rest
    if _ATTRIBUTION.search(doc.text[max(b.start, end - _WINDOW) : end].rstrip(" *_\u3000\n")):
        return None  # …作業を完了させる - Linus Torvalds: a saying and its author, after a dash
    if _small_print(doc, b, sents, last_end, end):
        return None  # …しますから。 <small>靴も買わないといけないので</small>: an aside in small print
    if doc.text[b.start : end].endswith("~~"):
        return None  # ~~実はこの記事を書こうと思ったきっかけ~~: a struck-through aside, a joke
    if tail and tail[-1] in _OPEN_ENDS and _COLON_IN_ASIDE.search(tail):
        # …使われることが多いので(例: : an example opened in brackets and never given, a cut
        return Verdict(b, max(last.start, doc.text.rfind("\n", last.start, last_end) + 1), last_end, "strong", "括弧が閉じないまま途切れています")
    # ellipses, also ・・ and 、、 (…修正したいと思っています、、: a voice trailing off)
    if not tail or tail[-1] in _OPEN_ENDS or tail.endswith(("...", "・・", "･･", "、、", "，，", ",,")):
        return None
    if _DATE_ONLY.fullmatch(tail.strip(" \u3000\n()（）")):
        return None  # …転記することにしました。 2024/05/25: a dateline after the sentence, no sentence
    if _PHONE_ONLY.fullmatch(tail.strip(" \u3000\n()（）")):
        return None  # …送迎サービスがあります。TEL 075-861-2376: a contact number, no sentence
    if ends_with_face(doc.text[b.start : end]):
        return None  # …でしたm(__)m / 誰か助けて／(^o^)＼: a face closes the sentence, as an emoji does
    if _ELLIPTICAL_QUOTE.search(tail):
        return None  # …のイメージかな…と: the verb of thinking left out after a trailing-off quote
    if not JAPANESE.search(tail) and _FORMULA.search(tail):
        return None  # …として扱う。A=5.35g^0.25/yr: a formula set after the sentence, no words to cut
    if _RULE_LINE.fullmatch(tail.rsplit("\n", 1)[-1].strip(" \u3000")):
        return None  # a hard-wrapped paragraph closed by a drawn rule (…おわってしまう。 ⏎ ーーーーーー)
    if not tail.strip("、，, \u3000\n"):
        return None  # a stray 、 after a finished sentence (``…できます。、``): a typo, not a cut
    if "\n" not in tail and (
        (len(sents) == 1 and (_SIGN_OFF.match(tail) or _elliptical_closing(tail)))
        or (len(tail) >= 6 and doc.text[last.start - 1 : last.start] == "\n" and _SIGN_OFF.match(tail))
    ):
        # a sign-off or dateline, elliptical on purpose; after other sentences only on a line of
        # its own and longer than では or また (…ですね！！ ⏎ では、みなさん良いお年を)
        return None
    if _FAREWELL.fullmatch(tail.rsplit("\n", 1)[-1].strip(" \u3000")):
        return None  # …もう徒歩はしません。さようなら: a farewell is a whole sentence in any place
    if _BACK_TO_TOPIC.fullmatch(tail.rsplit("\n", 1)[-1].strip(" \u3000")):
        return None  # …思います！ ⏎ 閑話休題: the phrase that closes an aside, a whole sentence in itself
    if len(sents) == 1 and "\n" not in tail and _QUANTITY_LINE.fullmatch(tail.strip(" \u3000")):
        return None  # ## 受けた会社 ⏎ 大体20社ぐらい: an approximate count, a whole answer
    if _PLEA.match(tail.lstrip(" \u3000")) and tail.endswith(("して", "って", "んで", "いて", "えて", "けて", "せて", "めて", "れて")):
        return None  # …対応してません！！ 誰か対応して: a plea, its て-form the request itself
    followed_by_marker = _marker_follows(doc, b, end)
    # the paragraph's raw text: ** pairs are counted over the paragraph (a sentence's slice
    # drops the markup at its edges), up to its end (a closing ** is no part of the sentence)
    markup = open_markup(b.masked[last.start - b.start : last_end - b.start], doc.text[b.start : end])
    if markup == OPEN_CODE_WHY and _code_span_closed_later(doc, b):
        return None  # `final class … ⏎⏎ … ⏎⏎ }`: code spanned over paragraphs with single backticks
    if not markup and (
        _closes_link(doc, b, last_end)
        or not (_WORDY.match(tail[-1]) or comma_then_markup(tail) or opener_end(tail) or _HYPHEN_CUT.search(tail))
        or _ends_with_email(tail)
    ):
        return None  # ends in a link's text, an e-mail address, an emoji or a symbol: not a cut word
    aside = _ASIDE_END.search(tail)
    if aside and (is_aside(aside.group()[1:]) or interjection_aside(doc, b, last.start + aside.start())):
        return None  # …寝坊した(汗 / （泣: a casual aside, the sentence ended before it
    pause = _AFTER_PAUSE.search(tail[-8:])
    if pause and is_aside(pause.group(1)):
        return None  # …どうしようと…泣: the aside after a pause, with no bracket at all
    if (tail[-1] in DELIBERATE_ENDS or laughs_or_draws_out(tail)) and not followed_by_marker and not markup:
        return None
    toks = [t for t in doc.tokens(b) if last.start <= t.start and t.end <= last_end]
    if not toks:
        return None
    toks = _rejoined(doc, b, toks, last.start, last_end)
    if _spaced_laugh(toks, tail):
        return None  # …食べたかったのに w / …いいかも w: laughter set apart after a finished sentence
    if _aside_after_predicate(toks, tail):
        return None  # …さらに薄くなりました泣: a one-kanji aside glued to a finished sentence, as 笑 is
    if toks[-1].surface in ("たり", "だり") and sum(t.surface in ("たり", "だり") for t in toks) >= 2:
        return None  # あとは、走ったり休んだり: actions listed with たり…たり, its する left unsaid
    if len(sents) == 1 and "\n" not in tail and _signed_or_welcomed(toks, tail):
        return None  # 町内会長 福井和巳より (a letter's signature) / …コーナーにようこそ (a greeting)
    if tail.endswith("かどうか") and _DOUBT_OPENER.search(tail):
        return None  # はたしてうまく収穫できるかどうか: a doubt said in full, its 分からない left unsaid
    if len(sents) == 1 and "\n" not in tail and _what_is_title(toks, tail):
        return None  # 技術書典とは ⏎ …: "what is X", a title typed as a line of its own
    strength, why = ending(doc, toks, tail)
    if strength != "cut" and not markup and not followed_by_marker and not JAPANESE.search(tail):
        # …改善した。 ⏎ E 20k up ⏎ F 128k up: figures or English set after the sentences; only a
        # word cut short (LL beside LLM) is evidence there (no detected injected cut stops so)
        return None
    if strength == "weak" and toks[-1].pos1 in NOUN_ENDS and _headline(doc, b):
        return None  # 帝王切開が不安なママへ!リスク・痛みを少しでも軽くする方法7つ: the title, typed as a line
    if strength != "cut" and _listing_afterthought(toks, tail):
        return None  # …ほんと好き。toeのグッドバイとか: one more example tacked on, said short
    if len(sents) == 1 and strength != "cut" and _CASUAL_CLOSE.search(tail):
        return None  # …打ち上げとか, …ラーメンなう, …なんつって, はい、というわけで: a casual close said whole
    if article_end and strength is None and toks[-1].surface == "にて" and toks[-1].pos2 == "格助詞":
        # the article's last words on にて (本イベントは東京の会場にて) leave the reader waiting for
        # the verb; mid-article, a notice's にて may close a line on purpose (…は公式サイトにて)
        strength, why = "strong", "助詞「にて」で途切れています"
    if article_end and strength == "weak" and (
        toks[-1].pos.startswith("助詞,接続助詞")
        or _clause_then_first_noun(toks)
        # or an example list left open (…公開するなど): no article of ~620 human ones ends so
        or (toks[-1].surface == "など" and toks[-1].pos2 == "副助詞")
    ):
        # at the article's very end, a conjunction with nothing after it to join (…変わりませんが)
        # or a new clause that got no further than its first noun (…に当たっては、所属); nouns
        # listed with 、 (焚き火可、芝生: a campsite's features) are an enumeration, not a clause;
        # mid-article, …ですが may hedge a line or lead into what follows
        strength = "strong"
    code_tail = doc.text[last_end:end].strip()
    if _EMOTICON_CODE.fullmatch(code_tail):
        return None  # …自称できない `(T_T)`: an emoticon set in code closes the sentence like (笑)
    if strength in ("strong", "weak") and toks[-1].pos1 == "助詞" and (
        (code_tail[:1] == "`" and code_tail[-1:] == "`") or _LINK_OR_URL.fullmatch(code_tail)
    ):
        # 指紋を出したい場合は `gpg --fingerprint`: the code span after the particle is its word
        # (so is a link or an address: 例えば，ぼくの [https://…](https://…))
        strength, why = "weak", "句点のないまま名詞で終わっています"
    if strength == "weak" and _NETSPEAK.search(tail):
        return None  # …ってことでmm / …だよorz: net slang after the sentence, not a word cut short
    if strength != "cut" and _resumed_next(doc, b):
        strength, why = "cut", "次の段落が「…」で続きを書き直しています"
    masked_tail = b.masked[last.start - b.start : last_end - b.start]
    if strength != "cut" and open_paren(masked_tail):
        # an ASCII ( left open is markup-like evidence: no lead-in stops inside an aside
        # (…かなり早い内(=イベント開催決 ⏎ <blockquote>)
        why = "括弧が閉じないまま途切れています" if strength in (None, "weak") else why
        strength = "cut"
    if markup:  # markup left open is evidence in any style, like a cut word
        why = markup if strength in (None, "weak") else why
        strength = "cut"
    # a word cut short (ファイ, のパ) is no lead-in, whatever follows the paragraph
    cut_word = strength == "cut"
    if cut_word:
        strength = "strong"
    if not cut_word and list_bridge(doc, b):
        return None  # …思うのは ⏎ list ⏎ とかではなく ⏎ 単純に ⏎ list: one sentence carried through lists
    if strength != "strong" and _marked_prose(doc, b):
        return None  # ▲ 鵡川駅周辺。…。人はほとんどいない: a caption's own words may stop so; a cut word may not
    earlier_punctuated = len(sents) >= 2 and all(s.terminated for s in sents[:-1])
    if (
        earlier_punctuated and toks[0].surface in ("は", "が", "を", "も") and toks[0].pos1 == "助詞"
        and doc.text[last.start - 1 : last.start] in ("！", "？", "!", "?")
    ):
        # 小さく始めて大きく育てる！はここでも…原則なのだ: a slogan with its ！ is the subject the
        # topic or case particle goes on from, not a finished sentence before this one (a quoting
        # と or って after ？ is judged as before: …ですか？と聞かれることがあるのですが)
        earlier_punctuated = False
    # a word the document uses whole elsewhere, cut here (ツー beside ツール), is evidence in any style
    word_evidence = cut_word or why.startswith("語 ")
    # in a note-style document, a paragraph that ends its own earlier sentences with 。 is prose
    # (…ですね！！ ⏎ では、…: exclamations are how such a writer sets lines apart, not prose)
    own_prose = strength == "strong" and earlier_punctuated and any(_PERIOD_END.search(s.text) for s in sents[:-1])
    # the article's last words stopping on a particle or a 、 are cut in any layout, unless the
    # paragraph is verse, short lines only (…僕らは歩いた ⏎ あの夏の日を: an inversion)
    stops_article = article_end and strength == "strong" and max(len(x.strip()) for x in b.text.splitlines()) >= _VERSE_LINE_MAX
    if not word_evidence and not followed_by_marker and not stops_article and (
        _hard_break_end(doc, b) or (note_style(doc) and not own_prose)
        # (a phrase per paragraph ends on 、 or a particle; …反応がもら is a verb cut short)
        or _in_layout(doc, b, toks, tail)
    ):
        return None
    if not followed_by_marker and not cut_word and lead_in(doc, b, WRAP.sub("", tail), strength, earlier_punctuated, toks):
        return None
    if followed_by_marker and strength is None and earlier_punctuated:
        strength, why = "strong", "生成マーカーの直前で文が終わっていません"
    # the article stopped on a statement after the paragraph's own finished sentences
    statement = article_end and earlier_punctuated and (_plain_statement(toks) or _polite_statement(toks))
    if (
        strength in (None, "weak") and lone and (earlier_punctuated or article_end)
        # after its own sentences with 。, a bare …いいね / …かなと (a particle) is cut too
        and (not _said_in_full(toks, tail) or (statement and _polite_statement(toks)))
        and (earlier_punctuated or toks[-1].pos1 != "助詞")
        and (article_end or not _written_copula(toks))
        and len(tail.strip(" \u3000\n")) > 3  # …。マジ神: an exclamation, not a sentence
        and not _label_line(doc, last, tail, toks)
        and not QUOTED_LIKE.search(tail)
        and not _set_apart_note(b)  # (a note glosses in its own style)
        and ((alone := _lone_bare(doc, b)) or (statement and _lone_bare(doc, b, others=2)))
        # (…ところから使わせていただいた ⏎ [出典](…): a finished sentence introduces the link below)
        and not (strength is None and _before_link_line(doc, b))
        # the article's last line alone needs a predicate, or a clause that wants one (a book
        # title under 購入図書 ends on a noun phrase by design)
        and (earlier_punctuated or _predicate_missing(toks) or (toks[-1].pos1 in PREDICATES and toks[-1].cform.startswith("終止形")))
    ):
        strength, why = "strong", "この文書で句点のない段落はここだけです" if alone else f"この文書で句点のない段落はほかに{'一つ' if _bare_others(doc, b) == 1 else '二つ'}だけです"
    missing = strength in (None, "weak") and lone and len(sents) == 1 and _predicate_missing(toks)
    if (
        strength in (None, "weak") and lone and len(sents) == 1
        and (missing or (article_end and _plain_predicate(toks)))
        and not _label_line(doc, last, tail, toks) and _lone_line(doc, b) and not _section_value(doc, b, toks)
        and not _set_apart_note(b)  # (※某漫画の台詞よりオマージュ: a note's credit, a noun phrase by design)
    ):
        strength, why = "strong", "この文書で句点のない段落はここだけ" + ("で、述語がありません" if missing else "です")
    if strength is None:
        return None
    if strength == "weak":
        # A long paragraph that uses 。 (inside 「」 too) is prose, not a tagline.
        prose = b.prose()
        prose_like = (
            earlier_punctuated
            or (len(prose.strip()) >= 50 and ("。" in prose or "．" in prose))
            or _clause_then_noun(doc, b, toks)
            or _conjunction_end(doc, b, toks)
            or (article_end and len(sents) == 1 and _governed_noun_end(doc, b, toks))
            # (asked for the verdict only: as a document habit, such a line still counts as bare)
            or (lone and _predicate_then_noun(doc, b, toks, prose))
        )
        # a label set out after a hard break ends on a noun by design; a clause whose case
        # particle or adverb waits for a predicate (…最初にまと, これもまたエポック) does not
        if not prose_like or habitually_unpunctuated(doc) or (_line_after_hard_break(b) and not _predicate_missing(toks)):
            return None
        if len(tail.strip(" \u3000\n")) <= 3:
            return None  # …食べた。うま / …。以上 / …。マジ神: a one-word exclamation or sign-off
        if _set_apart_note(b):
            return None  # ※VUCAの略。…といった意味: a note glosses in noun phrases by design
        if toks[-1].surface in _CROSS_REFERENCES:
            return None  # …。詳しくは公式ドキュメントを参照: a cross-reference said short
        if _coda_after_pause(tail):
            return None  # …効かなかったみたいだ... 闇討ち失敗 / …とは... #anmichi不正: a punchline after a pause
        if _nominal_predicate(toks) or _cleft(toks) or _na_predicate(toks) or _presence_predicate(toks) or _tendency(toks):
            # …結局そこまではいけなかったのが後悔 / …するのが目標 / 使うのは…「Dataview」プラグイン:
            # 体言止め, said whole; …メモしておきたいときに便利 / とても簡単: a na-adjective, だ left out
            return None
        if _label_line(doc, last, tail, toks):
            return None
    # a hard-wrapped sentence is reported on the line where it stops, not where it began
    start = max(last.start, doc.text.rfind("\n", last.start, last_end) + 1)
    return Verdict(b, start, last_end, strength, why)


_WINDOW = 80  # characters at the end that an attribution or a punchline can take
# a dash set apart by spaces, then a name: a saying's author (… - Linus Torvalds, … ―― 夏目漱石)
_ATTRIBUTION = lazy_re(r"\S[ \u3000]+(?:[-–—]{1,2}|―{1,2})[ \u3000]*(?:[A-Z][A-Za-z.'’]*(?:[ \u3000]+[A-Z][A-Za-z.'’]*){0,3}|[\u3400-\u9fff々]{2,6})$")
# an ellipsis, then a short noun phrase or a hashtag to the end (… 闇討ち失敗, ... #anmichi不正);
# not a clause resumed on a particle (…やらないよな・・・っていうのが本)
_CODA = lazy_re(r"(?:\.{3,}|…+|・{3,}|‥+)[ \u3000]*(?:#[^\s#]{1,20}|[\u3400-\u9fff\u30a0-\u30ffA-Za-z][^\s.…・‥、。]{1,11})$")


def _set_apart_note(b) -> bool:
    """The paragraph opens with a note mark (``※…``, ``＊…``, perhaps inside emphasis), or its
    last line is one span in italics (``*某漫画の台詞よりオマージュ*``, a caption under a picture:
    ``![…](…)`` ⏎ ``*1ノード = …。ノード同士はErlangクラスタで同期する*``): a note, a credit or a
    caption set apart keeps its own style.  (A cut inside italics takes the closing ``*`` with it.)"""
    return italic_span(b.text.rstrip().rpartition("\n")[2].strip()) or b.prose().lstrip(" \u3000").startswith(("※", "＊"))


def _signed_or_welcomed(toks, tail: str) -> bool:
    """A one-line paragraph of one short clause (no 、, 30 characters at most) that signs a
    letter off with the sender's name and より (``小雀町内会長 福井和巳より``, ``管理人より``) or
    welcomes the reader (``…の漁師体験日誌コーナーにようこそ``): said in full.  A cut on より
    comes after a clause (…分岐させれば、家より)."""
    line = tail.strip(" \u3000")
    if len(line) > 30 or any(c in line for c in "、，,"):
        return False
    if line.endswith("ようこそ"):
        return True
    # (a name and its titles, no particle before より: この地区の祭りは例年より is a clause cut short)
    return (
        len(toks) >= 2 and toks[-1].surface == "より" and toks[-2].pos1 in ("名詞", "接尾辞")
        and not any(t.pos1 == "助詞" for t in toks[:-1])
    )


_SPACED_W = lazy_re(r"[^\x00-\x7f][ \u3000][wｗ]{1,20}$")


def _aside_after_predicate(toks, tail: str) -> bool:
    """The last character is a one-kanji aside (泣, 汗) right after a polite or past predicate
    finished: …薄くなりました泣.  After anything else it may be a verb's first kanji (…思わず泣)."""
    if len(toks) < 2 or not is_aside(tail[-1]) or toks[-1].start != toks[-2].end or len(toks[-1].surface) != 1:
        return False
    prev = toks[-2]
    # (た before the kanji reads as 連体形, as if it modified a noun: the form proves nothing)
    return prev.pos1 == "助動詞" and prev.surface in _FINISHED_AUX


_FINISHED_AUX = ("ます", "です", "た", "だ")


def _spaced_laugh(toks, tail: str) -> bool:
    """A run of w set apart by a space after a sentence that needs nothing more (``…ですね w``,
    ``…いいかも w``, ``…食べたかったのに w``): laughter.  After a case particle or は the w may be
    a Latin word cut at its first letter (``…関連する系を w``), and the grammar decides."""
    if len(toks) < 3 or not _SPACED_W.search(tail[-24:]):
        return False
    before, prev = toks[-2], toks[-3]
    if before.pos2 == "格助詞":
        return before.surface == "に" and prev.surface == "の"  # (…のに: a regret, said in full)
    if before.pos2 == "係助詞":
        return before.surface == "も" and prev.surface == "か"  # (…かも: a guess, said in full)
    return before.pos1 != "接頭辞"


def _coda_after_pause(tail: str) -> bool:
    """A sentence trails off in an ellipsis and a punchline follows, a noun phrase or a
    hashtag said short (…みたいだ... 闇討ち失敗): the joke is whole."""
    # (bounded: a hostile run of …; a hard-wrapped line may break inside: …... 闇 ⏎ 討ち失敗)
    return _CODA.search(tail.rstrip()[-_WINDOW:].replace("\n", "")) is not None


def _small_print(doc, b, sents, last_end: int, end: int) -> bool:
    """The last sentence is set whole in ``<small>…</small>``: an afterthought the writer made
    small on purpose and closed, as (笑) closes one; a cut would not have closed the tag."""
    start = sents[-2].end if len(sents) > 1 else b.start
    return "<small>" in doc.text[start : sents[-1].start].lower() and doc.text[last_end:end].strip().lower().startswith("</small>")


# A Latin word cut at its hyphen after Japanese (…でも用いたk-(d tree)); a minus or a dash alone is no word
_HYPHEN_CUT = lazy_re(r"[\u3040-\u30ff\u3400-\u9fff][A-Za-z0-9]{1,12}-$")
# Farewells, whole in themselves (さようなら cannot be the start of a longer word)
_FAREWELL = lazy_re(r"(?:(?:それ)?では|じゃあ?)?[、，\s]*(?:さようなら|さよなら|さよおなら|ごきげんよう|おやすみなさい|バイバイ|ばいばい)[\s　]*[。！!…〜～ｗw]*")
_AFTERTHOUGHT_PARTICLES = ("など", "なんか", "とか")
_AFTERTHOUGHT_MAX = 25


def _listing_afterthought(toks, tail: str) -> bool:
    """A short noun phrase and など / なんか / とか (read as と + か) after the paragraph's
    finished sentences or alone: one more example tacked on (…ほんと好き。toeのグッドバイとか),
    said short on purpose.  A clause before it (…を可視化するためのツールなど) or a 、 makes it
    a sentence that lost its predicate."""
    body = tail.strip(" \u3000\n")
    if len(body) > _AFTERTHOUGHT_MAX or any(c in body for c in "、，,\n"):
        return False
    n = 2 if len(toks) >= 2 and toks[-2].surface == "と" and toks[-1].surface == "か" and toks[-2].end == toks[-1].start else 1
    if "".join(t.surface for t in toks[-n:]) not in _AFTERTHOUGHT_PARTICLES or len(toks) <= n:
        return False
    phrase = toks[:-n]
    return phrase[-1].pos1 in NOUN_ENDS and all(t.pos1 in _PHRASE_PARTS or t.surface in _PHRASE_GLUE for t in phrase)


_PHRASE_PARTS = (*NOUN_ENDS, "接頭辞", "補助記号", "記号", "形状詞")


# An emoticon in a code span: a face in parentheses, no word inside, one of its marks
_EMOTICON_CODE = lazy_re(r"`[(（](?=[^()（）`\n]*[_^;ω´・≧≦＿＾；])[^()（）`\n\u3040-\u30ff\u3400-\u9fff]{1,8}[)）]`")
_PERIOD_END = lazy_re(r"[。．.][」』）)]*$")
# A line that is one noun phrase and とは: a section's title (「技術書典とは」), typed bare
_WHAT_IS_TITLE = lazy_re(r"[^、。，,．！？!?\s][^、。，,．！？!?]{0,28}とは")


def _what_is_title(toks, tail: str) -> bool:
    """技術書典とは, Code Golf とは: a short line of a noun and the particles と+は (not
    …大事なことは, whose と is part of こと)."""
    return (
        len(toks) >= 3 and toks[-1].surface == "は" and toks[-2].surface == "と" and toks[-2].pos1 == "助詞"
        and toks[-3].pos1 in NOUN_ENDS and _WHAT_IS_TITLE.fullmatch(tail.strip(" \u3000")) is not None
    )


# A telephone or fax number with its label, all that follows the last 。
_PHONE_ONLY = lazy_re(r"(?:TEL|Tel|tel|FAX|Fax|fax|電話(?:番号)?|☎|℡)[:：.]?[ \u3000]?[(（]?0[0-9０-９]{1,4}[)）]?[-－‐ー ]?[0-9０-９]{1,4}[-－‐ー ]?[0-9０-９]{3,4}")
_DATE_ONLY = lazy_re(r"(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?(?:[ \u3000]*\d{1,2}:\d{2})?|\d{4}年\d{1,2}月")
_FORMULA = lazy_re(r"[=＝^<>≦≧≤≥]")
_LINK_OR_URL = lazy_re(r"\[[^\]\n]*\]\([^()\s]*\)|(?:https?|ftp)://\S+")
# A rule drawn with long-vowel marks or box lines (ーーーー…, ――――): a separator, not a word
_RULE_LINE = lazy_re(r"[ー―─━－\-=＝~〜～_＿・･]{4,}")
_FIELD = lazy_re(r"^[ \u3000]*[^\s:：。、]{1,8}[ \u3000]*[:：]")


def _nominal_predicate(toks) -> bool:
    """…のが後悔 / …のがメイン: a nominalised clause as the subject and a noun as its predicate,
    the copula left out."""
    return (
        len(toks) >= 3 and toks[-1].pos1 == "名詞" and toks[-2].surface == "が" and toks[-2].pos2 == "格助詞"
        and toks[-3].surface in ("の", "ん") and toks[-3].pos1 == "助詞"
    )


def _cleft(toks) -> bool:
    """使うのは…プラグイン / 大事なのは継続: a clause made a topic (…のは) and a noun as what it
    is, the copula left out."""
    if len(toks) < 4 or toks[-1].pos1 not in NOUN_ENDS or toks[-2].surface in _GOVERNING_CASES:
        return False  # (…のは、設定を変更: an object and its verbal noun, the verb cut off)
    for i in range(1, len(toks) - 2):
        if toks[i].surface == "は" and toks[i].pos2 == "係助詞" and toks[i - 1].surface in ("の", "ん") and toks[i - 1].pos2 == "準体助詞":
            return i >= 2 and toks[i - 2].pos1 in ("動詞", "助動詞", "形容詞")
    return False


# na-adjectives said mostly of a verb (たくさん食べる, 色々試した): a sentence stopped on one
# (…まだまだたくさん) has lost its verb more often than its だ
_ADVERBIAL_NA = frozenset("たくさん 沢山 いっぱい 一杯 色々 いろいろ 様々 さまざま 十分 充分 結構 大分 だいぶ".split())


def _tendency(toks) -> bool:
    """…草案の作成をしがち / …寝不足気味: a verb made a tendency with がち or 気味, だ left out as
    a casual note leaves it out."""
    if len(toks) < 2:
        return False
    t, prev = toks[-1], toks[-2]
    return t.surface in ("がち", "気味") and t.pos.startswith("接尾辞,形状詞的") and prev.pos1 in ("動詞", "助動詞", "名詞") and prev.end == t.start


def _na_predicate(toks) -> bool:
    """…ときに便利 / とても簡単 / 超便利: a na-adjective after a particle, an adverb or a prefix
    that makes it the predicate, だ left out (as a casual note leaves it out)."""
    if len(toks) < 2:
        return False
    t, prev = toks[-1], toks[-2]
    if not ((t.pos1 == "形状詞" and t.pos2 == "一般") or "形状詞可能" in t.pos) or len(t.surface) < 2 or t.surface in _ADVERBIAL_NA:
        return False
    return prev.pos1 in ("副詞", "接頭辞") or (prev.pos1 == "助詞" and prev.surface in ("に", "が", "は", "も") and prev.pos2 in ("格助詞", "係助詞"))


def _label_line(doc, last, tail: str, toks) -> bool:
    """A noun line set apart: a field (``執筆: nono、…``), or a short label on a line of its own
    under a finished sentence (``…コレクションです。`` ⏎ ``フリーアセット``): nouns joined by
    の/と/や at most, no clause (``トータルで減塩`` is one)."""
    if _FIELD.match(tail) or _FIELD.match(tail.rsplit("\n", 1)[-1]):
        return True  # (also the last line of a sentence run on by hard breaks: …\ ⏎ 文責: 帆足)
    # (a comparison in code is no menu: …`population > 3M(300万)`の国は…にあるため)
    if _MENU_PATH.search(CODE_SPAN.sub("", tail.rsplit("\n", 1)[-1])) and toks[-1].pos1 in NOUN_ENDS:
        return True  # 設定場所は Settings → SSH and GPG keys: a menu path names its last item
    if _SOURCE_CREDIT.search(tail):
        return True  # *『キャリア・アンカー』* より一部抜粋: a quotation's source, under it
    if _ANSWER.match(tail.rsplit("\n", 1)[-1]):
        return True  # Q. …予定はありますか？ ⏎ A. …引きにするよ: an answer written down as said
    if _CODE_GLOSS.match(doc.text, doc.text.rfind("\n", 0, last.start) + 1):
        return True  # `No instance for …`: 「…」というエラー: a term in code and its gloss
    line_start = last.start == 0 or doc.text[last.start - 1] == "\n"
    if not line_start or len(tail.strip(" \u3000")) > 12 or "\n" in tail.strip():
        return False
    return all(t.pos1 not in _LABEL_BREAKERS or (t.pos1 == "助詞" and t.surface in ("の", "と", "や")) for t in toks)


_SOURCE_CREDIT = lazy_re(r"(?:より|から)[ \u3000]*(?:一部)?(?:抜粋|引用|転載)(?:しました|しています|です)?$")
_CODE_GLOSS = lazy_re(r"[ \u3000]*`[^`\n]+`[ \u3000]*[:：]")
# (or a flow drawn with arrows: …命令群（プログラム） <-> 言語処理系 <-> … <-> プロセッサ)
_MENU_PATH = lazy_re(r"\S[ \u3000]*(?:→|＞|⇒|⇔|↔| > |<?->|<?=>)[ \u3000]*[^→＞⇒⇔↔>\s][^→＞⇒⇔↔>]*$")
_LABEL_BREAKERS = ("助詞", "動詞", "助動詞", "形容詞")
# A Q&A transcript's answer line (Q. 割引は予定されていますか？ ⏎ A. …15% 引きにするよ): speech
# written down as said, its 。 as often left out as a field's
_ANSWER = lazy_re(r"[ \u3000]*(?:A|Ａ|答え?)[ \u3000]*[.．:：][ \u3000]")


def _conjunction_end(doc, b, toks) -> bool:
    """…ツラいものがありますが / …と思うし: a clause joined on to nothing, before a heading or
    a paragraph of prose.  A tagline or a label never ends so; mid-article, only a writer who
    leaves every line bare stops there.  Before a picture, a card or an embed the clause leads
    into it (…アプリ「ことだまっぷ」に集約してしまうのですが ⏎ {{< appbanner … >}})."""
    t = toks[-1]
    if not (t.pos2 == "接続助詞" and t.surface in ("が", "けど", "けれど", "けども", "けれども", "し", "のに")):
        return False
    nb = following_block(doc, b)
    if nb is None or nb.kind == "heading":
        return True
    return (
        nb.kind == "paragraph" and not nb.containers and JAPANESE.search(nb.prose()) is not None
        and not (image_only(nb) or is_link_only(nb) or url_embed(nb) or shortcode_embed(nb))
    )


def _clause_then_noun(doc, b, toks) -> bool:
    """A one-sentence paragraph of 25+ characters that subordinates a whole clause
    (``…なかったため、`` / ``…ていますが、`` / ``…される関係上、``) and then stops on a bare
    noun: a sentence, not a tagline, so the missing predicate is a cut.  The article's opening
    paragraph is left alone: a summary line (``…をつくってみたという話``) is 体言止め on purpose."""
    if toks[-1].pos1 not in NOUN_ENDS or len(b.prose().strip()) < 25 or b.index == _first_paragraph(doc):
        return False
    if toks[-1].surface in _CROSS_REFERENCES:
        return False  # …できるはずです: `helm help` を参考: a cross-reference said short
    return any(
        (t.pos2 == "読点" and closes_clause(toks, i)) or _polite_clause_at_break(doc, toks, i)
        for i, t in enumerate(toks)
        if i
    )


def _clause_then_first_noun(toks) -> bool:
    """…に当たっては、所属 / …公開するなど、自主活動: a 、 after something that is no noun, then
    one noun (simple or compound, 自主+活動) and the end.  Nouns listed with 、 (焚き火可、芝生)
    are an enumeration."""
    i = len(toks) - 1
    # (nouns joined by の count as one: …しないので、多くの学び)
    while i > 0 and len(toks) - i <= 3 and (
        (toks[i].pos1 == "名詞" and JAPANESE.search(toks[i].surface))
        or (toks[i].surface == "の" and i < len(toks) - 1 and toks[i - 1].pos1 == "名詞")
    ):
        i -= 1
    return i < len(toks) - 1 and i >= 1 and toks[i].surface in ("、", "，", ",") and toks[i - 1].pos1 not in NOUN_ENDS


_PREDICATE_THEN_NOUN_MIN = 40


def _predicate_then_noun(doc, b, toks, prose: str) -> bool:
    """A one-line paragraph of 40+ characters with a predicate in it that stops on a bare noun
    (MESH では、meshable な span ペアを作りやすくする工夫と、それを見つけやすくする工夫): a
    sentence, its own predicate missing.  A tagline is shorter, and the opening paragraph and
    telegraphic nouns (…を試した話, …のメモ, …を参照) are left alone."""
    if len(prose.strip()) < _PREDICATE_THEN_NOUN_MIN or b.index == _first_paragraph(doc) or "\n" in b.text.strip():
        return False  # (a line under a label, 購入図書 ⏎ <a book's title>, is a title)
    if toks[-1].pos1 not in NOUN_ENDS or toks[-1].surface in _TELEGRAPHIC_NOUNS or toks[-1].surface in _CROSS_REFERENCES:
        return False
    # (the verb of a compound particle, …による / …に関する, makes no predicate)
    return any(t.pos1 in PREDICATES and t.lemma not in _PARTICLE_VERBS for t in toks[:-2])


_PARTICLE_VERBS = frozenset("因る 依る 拠る 由る 対する 関する 於く 基づく 伴う 亘る 渡る 沿う 向ける 付く".split())


def _polite_clause_at_break(doc, toks, i: int) -> bool:
    """A writer who wraps lines may close a clause with a line break instead of 、: a polite
    ``…ありますが⏎`` / ``…ですので⏎`` (plain forms at a break are verse and lyrics)."""
    t = toks[i]
    return t.pos2 == "接続助詞" and doc.text[t.end : t.end + 1] == "\n" and toks[i - 1].surface in ("ます", "です", "まし", "でし")


_GOVERNING_CASES = ("が", "を", "で", "に")
# Telegraphic endings a writer chooses (…を参照, …を試した話, …のメモ)
_TELEGRAPHIC_NOUNS = (
    "参照", "参考", "話", "メモ", "備忘録", "まとめ", "感想", "予定", "紹介",
    # modal nouns that end a casual sentence on their own (…だった模様, …という感じ)
    "模様", "様子", "感じ", "次第", "見込み", "所存", "つもり", "はず", "もよう",
)


# adverbs that close a casual sentence on their own (…行ってみたらやっぱり, …けど結局)
_SAYING_ADVERBS = frozenset("やっぱり やっぱ やはり もちろん たぶん 多分 結局 とりあえず 一応 まあ まぁ なるほど 案の定 さすが 流石 ついに 遂に".split())


# Nouns a sentence ends on as its predicate after a reason (…なので注意, …ので割愛)
_SAID_AS_PREDICATE = frozenset("注意 確認 必見 推奨 省略 割愛 必須 厳禁 感謝 満足 納得 解決 完了 終了 安心 一安心 注目 期待".split()) | set(_CROSS_REFERENCES)


def _governed_noun_end(doc, b, toks) -> bool:
    """The article's last sentence stops on a noun that a case particle or an attributive form
    is still waiting on (``…Namespaceが作成``, ``…で操作``, ``…を形成してるライブラリ``): a
    clause without its predicate, not a word list or a title.  The article's only paragraph, a
    short line and telegraphic cross-references (``詳しくは…を参照``) are left alone."""
    if len(toks) >= 3 and toks[-1].pos1 == "副詞" and toks[-1].surface not in _SAYING_ADVERBS and b.index != _first_paragraph(doc):
        # …同期とサイクリングしたらかなり: a degree adverb right after a clause's conditional or
        # て waits for the predicate it grades
        p = toks[-2]
        return p.pos2 == "接続助詞" or (p.pos1 in PREDICATES and p.cform.startswith("仮定形"))
    if len(toks) < 3 or toks[-1].pos1 not in NOUN_ENDS or b.index == _first_paragraph(doc):
        return False
    if len(b.prose().strip()) < 12 or toks[-1].surface in _TELEGRAPHIC_NOUNS:
        return False
    i = len(toks) - 1
    while i > 0 and toks[i].pos1 in (*NOUN_ENDS, "接頭辞"):
        i -= 1
    p = toks[i]
    if p.pos2 == "格助詞" and p.surface in _GOVERNING_CASES:
        return True
    # …自由になったので子育て: a reason clause, then a plain noun (…なので要注意, a verbal or
    # adjectival noun, is 体言止め said on purpose)
    reason = p.pos2 == "接続助詞" or (p.surface == "で" and p.pos1 == "助動詞" and i >= 1 and toks[i - 1].surface == "の")
    if reason and i == len(toks) - 2 and "形状詞可能" not in toks[-1].pos and toks[-1].surface not in _SAID_AS_PREDICATE:
        return True
    return p.pos1 in PREDICATES and p.cform.startswith("連体形")


_HEADLINE_MAX = 60


def _headline(doc, b) -> bool:
    """The document opens on a one-line paragraph of catchy phrases parted by ! or ? and
    ending on a noun, with no 。 (``火星大接近!親子天体観測会のご報告``,
    ``…傷の痛みは?入院日数は?入院生活まとめ``): a title typed without ``#``."""
    line = b.text.strip()
    return (
        b.index == _first_paragraph(doc) and "\n" not in line and "。" not in line
        and len(line) <= _HEADLINE_MAX and any(c in line for c in "!！?？")
    )


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
    nb = next_paragraph(doc, b)
    return nb is not None and resumes(nb, [b])


def _marker_follows(doc, b, end: int) -> bool:
    for m in find_markers(doc):
        if m.start >= end and not doc.text[end : m.line_start].strip(" \t\n\u3000"):
            return True
    return False



