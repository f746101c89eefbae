"""Document layouts that change what the rules may read as a defect (shared by the families)."""

from __future__ import annotations

import re
from collections import Counter

from kijilint.markdown import HATENA_PHOTO, MASK
from kijilint._lazy_re import lazy_re

JAPANESE = lazy_re(r"[\u3040-\u30ff\u3400-\u9fff]")  # a kana or kanji character
_MATH_SHORTCODE = (
    r"\{\{[<%]\s*(?:katex|math|mathjax|latex)\b[^{}\n]{0,40}[>%]\}\}.+\{\{[<%]\s*/(?:katex|math|mathjax|latex)\s*[>%]\}\}"
    r"|\{%\s*(?:katex|math|latex)\b[^{}\n]{0,40}%\}.+\{%\s*end(?:katex|math|latex)\s*%\}"
)
# A paragraph that is one display equation ($$…$$ or \[…\]): prose runs around it like code
# (also one $…$ span alone on its paragraph: …偏差平方和 ⏎ $ \displaystyle S_y = …$ ⏎ を考えます。)
# (and a math shortcode of Hugo or Jekyll: {{< katex display >}} … {{< /katex >}}, {% katex %} …)
# (and a LaTeX environment written bare, which MathJax renders: \begin{align} … \end{align})
DISPLAY_MATH = lazy_re(r"\$\$.+\$\$|\\\[.+\\\]|\$[^$]+\$|\\begin\{([A-Za-z]{1,20}\*?)\}.+\\end\{\1\}|" + _MATH_SHORTCODE, re.S)

# The full-width ＞ (or ≫) that opens a line quoted from someone else, as mail and forums quote
NET_QUOTE = ("＞", "≫")

_MARP = lazy_re(r"^marp:[ \t]*true[ \t]*$", re.M)
_SLIDE_KEYS = lazy_re(r"^(?:theme|highlighter|colorSchema|paginate|class|transition):", re.M)


def slide_deck(doc) -> bool:
    """A Marp or Slidev deck (by its front matter, or by its shape): slides repeat a slide on purpose (the agenda again, a recap),
    so copies there are no regenerated text, and their lines are bullets set out one per
    paragraph, which stop where the speaker goes on talking."""
    key = "layout:slide-deck"
    if key not in doc.cache:
        doc.cache[key] = _deck_by_front_matter(doc) or _deck_by_shape(doc)
    return doc.cache[key]


def _deck_by_front_matter(doc) -> bool:
    fm = doc.front_matter
    if fm is None:
        return False
    if _MARP.search(fm.yaml_text):
        return True
    rules = sum(1 for b in doc.blocks if b.kind == "hr")
    return bool(_SLIDE_KEYS.search(fm.yaml_text)) and rules >= 5


def _deck_by_shape(doc) -> bool:
    """Slides whatever the front matter says (a deck republished with a blog's front matter):
    ten or more ``---`` slides, nearly every one with its own heading, a few blocks each, and
    short lines on them.  Newsletters and docs with separators have longer parts or parts
    without headings; a diary with a rule and a dated heading per day writes paragraphs of
    prose (more than one in five of 80 or more characters)."""
    slides, current = [], []
    for b in doc.blocks:
        if b.kind == "hr":
            slides.append(current)
            current = []
        else:
            current.append(b)
    slides = [s for s in slides + [current] if s]
    if len(slides) < 10:
        return False
    headed = sum(1 for s in slides if any(b.kind == "heading" for b in s))
    blocks = sum(len(s) for s in slides)
    if headed < 0.8 * len(slides) or blocks > 8 * len(slides):
        return False
    paragraphs = [b for s in slides for b in s if b.kind == "paragraph"]
    # (the length first: counting a short line's characters is wasted)
    long = sum(1 for b in paragraphs if len(b.text) >= _SLIDE_LINE_MAX and len(JAPANESE.findall(b.text)) >= _SLIDE_LINE_MAX)
    return 5 * long <= len(paragraphs)


_SLIDE_LINE_MAX = 80


# A line break inside Japanese text (kana or kanji on both sides): where a writer who hard-wraps
# breaks a sentence, or even a word (…毎日コンビニ ⏎ おにぎり, …ことは ⏎ ありませんでした)
WRAP = lazy_re(r"(?<=[\u3040-\u30ff\u3400-\u9fff])\n(?=[\u3040-\u30ff\u3400-\u9fff])")


def wrapped_at(text: str, nl: int) -> bool:
    """The line break at ``nl`` is one inside Japanese text (``WRAP``)."""
    return WRAP.match(text, nl) is not None

# A paragraph of pictures only: Markdown images (linked or not, with a size suffix) or <img> tags
# (a Hatena photo, [f:id:user:20190313123412p:plain], is one too), or a site generator's image
# shortcode (Hugo's {{< figure src=… >}}, Liquid's {% image "…" %})
# (IMAGE_SHORTCODE_NAME: what follows the opener; _lead_ins tells embeds from pictures by it)
IMAGE_SHORTCODE_NAME = r"(?:(?:figure|img|image|asset_img|thumbnail|picture|photo|lightbox)\b|[^}\n]{0,300}\b(?:src|img|image|imageurl|image_url)=)"
IMAGE_SHORTCODE = r"(?:\{\{[<%]|\{%)[ \t]*" + IMAGE_SHORTCODE_NAME
_IMAGES_ONLY = lazy_re(
    r"\s*(?:\[?!\[[^\]\n]*\]\([^)\n]*\)\]?(?:\([^)\n]*\))?\s*|<img\s[^>]*>\s*|" + HATENA_PHOTO + r"\s*"
    r"|" + IMAGE_SHORTCODE + r"[^}\n]{0,1000}\}\}?\s*)+"
)
# the HTML a picture is framed in: <figure>, a link to the full size, <picture>'s sources, a caption
_PICTURE_FRAME = lazy_re(r"</?(?:figure|picture|a|center)\b[^<>]*>|<source\s[^<>]*>|<figcaption\b[^<>]*>[^<]*</figcaption>")


def image_only(b) -> bool:
    """The block is a paragraph of nothing but pictures (``![](ss4.png)``, ``<img src=…>``), or
    an HTML block of ``<img>`` tags alone (one on its own line between blank lines is one, and
    so is one framed by ``<figure>`` and a link), or an image shortcode (``{{< figure … >}}``)."""
    if b.kind not in ("paragraph", "html"):
        return False
    # (<figure> ⏎ <a href=…><img src=…></a> ⏎ </figure>: the frame around one picture)
    text = _PICTURE_FRAME.sub("", b.text) if b.kind == "html" and "<" in b.text else b.text
    return _IMAGES_ONLY.fullmatch(text) is not None


# A line set apart as a title without Markdown: 【まとめ】, **まとめ**, ■まとめ, ＜まとめ＞
_PSEUDO_HEADING = lazy_re(
    r"[ \t\u3000]*(?:【[^】\n]+】|\*\*[^*\n]+\*\*|__[^_\n]+__|＜[^＞\n]+＞|〈[^〉\n]+〉|《[^》\n]+》"
    r"|[■□◆◇▼▽▶►][^\n]+)[：:]?[ \t\u3000]*"
)


def pseudo_heading(b) -> bool:
    """A plain one-line paragraph that is a title typed without ``#`` (``【…を関連付け】``,
    ``**まとめ**``, ``■受験を終えて``): no sentence (no 。 in it)."""
    return (
        b.kind == "paragraph" and not b.containers and "\n" not in b.text.strip() and "。" not in b.text
        and _PSEUDO_HEADING.fullmatch(b.text) is not None
    )


def titled(b) -> bool:
    """A heading, or a title typed without ``#`` (``**まとめ**``, ``【場所】``, ``■受験を終えて``)."""
    return b.kind == "heading" or pseudo_heading(b)


def plain_headings(doc) -> frozenset:
    """Indexes of the lines a writer sets as section titles with no markup at all: short
    one-line paragraphs without 、。！？ ending on a noun or a title's particle (``ツールチップとは``,
    ``レースを終えて``, ``来年に向けて``, ``実際に使ってみて``), each after a finished paragraph (or a heading, the
    start, or the title above it) and before a finished one (or a subsection's title line and then a
    finished one: ``セットアップ`` ⏎ ``起動〜ホーム画面にたどり着くまで`` ⏎ ``…。``).
    Two such lines at least make the layout; one alone may be a cut sentence."""
    key = "layout:plain-headings"
    if key not in doc.cache:
        found = []
        blocks = doc.blocks

        def title_like(x) -> bool:  # a short one-line paragraph without 、。！？
            if x is None or x.kind != "paragraph" or x.containers:
                return False
            text = x.text.strip()
            return "\n" not in text and 2 <= len(x.prose().strip()) <= _PLAIN_HEADING_MAX and not _SENTENCE_MARKS.search(text)

        def finished(x) -> bool:
            return x is not None and x.kind == "paragraph" and not x.containers and _FINISHED.search(x.text.rstrip()) is not None

        def after(x):
            return blocks[x.index + 1] if x.index + 1 < len(blocks) else None

        for b in doc.paragraphs:
            if not title_like(b):
                continue
            prev = blocks[b.index - 1] if b.index else None
            nxt = after(b)
            # (a section's title may stand right above its first subsection's: セットアップ ⏎
            # 起動〜ホーム画面にたどり着くまで ⏎ 妙なフォントの…。)
            if not (finished(nxt) or (title_like(nxt) and finished(after(nxt)))):
                continue
            if prev is not None and prev.kind == "paragraph" and not prev.containers and _OPEN_END.search(prev.prose().rstrip()) and not (
                title_like(prev) and found and found[-1] is prev
            ):
                continue  # the line may finish the paragraph before it; a link or a ::: line leads nowhere
            found.append(b)
        # the layout is told by such lines of any ending; a title among them ends on a noun or a
        # title's particle (…とは, …に向けて), never on a verb's stem (…さんにし is cut)
        titles = [b.index for b in found if _HEADING_END.search(b.text.strip()) or _noun_end(doc, b)]
        doc.cache[key] = frozenset(titles) if len(found) >= 2 else frozenset()
    return doc.cache[key]


def _noun_end(doc, b) -> bool:
    toks = doc.tokens(b)
    if not toks:
        return False
    last = toks[-1]
    return last.pos1 in ("名詞", "接尾辞") or (len(toks) > 1 and verb_as_noun(last, toks[-2]))


def verb_as_noun(last, prev) -> bool:
    """A verb's 連用形 straight after a noun (a suffix such as 年 included) or after の is that
    verb as a noun: 2019年振り返り, コンセプト決め, 個人ブログの作り直し (a verb takes を or が, not
    の; after a particle it is cut: …さんにし).  A verb of its own, UniDic's 動詞,一般: する or
    できる after a verbal noun (削除し(て)) is no noun."""
    return (
        last.pos1 == "動詞" and last.pos2 == "一般" and last.cform.startswith("連用形-一般")
        and (prev.pos1 in ("名詞", "接尾辞") or (prev.surface == "の" and prev.pos2 == "格助詞"))
    )


_PLAIN_HEADING_MAX = 25
_HEADING_END = lazy_re(
    r"(?:とは|とは(?:何|なに|なん)か|について|において|にあたって|に向けて|を終えて|を振り返って|を乗り越えて|[てで]みて"
    r"|にて|へ|から|として|まで|より|はじめに|おわりに|ために|には|を第一に|は(?:まだ|いつ|どこ)か)$"
)
_SENTENCE_MARKS = lazy_re(r"[、，,。．！？!?]")
_FINISHED = lazy_re(r"[。．！？!?」』）)]$")
_OPEN_END = lazy_re(r"[\u3040-\u30ff\u3400-\u9fff々、，,]$")


# A paragraph or a sentence that stops on a kana or kanji, no closing mark
BARE_END = lazy_re(r"[\u3040-\u30ff\u3400-\u9fff々\uff66-\uff9f]$")  # (half-width katakana too: …ﾀｲﾐﾝｸﾞ)


# One HTML tag alone on its lines, opening or closing a box around prose (<div class="note">,
# </Callout>): markup between two paragraphs, not a block of its own.  Not a void element
# (<br/>, <hr>, <img …>): a spacer or a picture stands between paragraphs on its own.
_LONE_TAG = lazy_re(r"[ \t]*</?(?!(?:br|hr|img|wbr|input|source|embed)\b)[A-Za-z][\w-]*(?:\s[^<>/]{0,300})?>[ \t]*", re.I)


def block_after(doc, b, step_over=_LONE_TAG):
    """The block after ``b``, stepping over up to two HTML blocks that ``step_over`` matches
    whole: by default lone wrapper tags (``</div>`` ⏎ ``<Callout>``) a site wraps a paragraph
    in; ``SPACER`` for ``<br>`` / ``&nbsp;`` lines a writer spaces paragraphs with."""
    blocks = doc.blocks
    k = b.index + 1
    while k < len(blocks) and k - b.index <= 2 and blocks[k].kind == "html" and step_over.fullmatch(blocks[k].text.strip()):
        k += 1
    return blocks[k] if k < len(blocks) else None


SPACER = lazy_re(r"(?:<br\s*/?>|&nbsp;|[ \t\n\u3000])*", re.I)


def plain_paragraph_after(doc, b):
    """The paragraph after ``b`` when it is a plain one (not in a list or quote)."""
    nb = block_after(doc, b)
    return nb if nb is not None and nb.kind == "paragraph" and not nb.containers else None


def prose_paragraph_after(doc, b):
    """The paragraph after ``b``, plain or quoted (not in a list or a footnote): where a
    writer's layout carries on."""
    nb = block_after(doc, b)
    return nb if nb is not None and nb.kind == "paragraph" and not (nb.in_list or nb.in_footnote) else None


def ends_bare(doc, b, quoted: bool = False) -> bool:
    """``b`` is a plain paragraph (or, ``quoted``, a quoted one) whose last sentence stops on a
    word, without 。 or a bracket."""
    if b.kind != "paragraph" or not BARE_END.search(b.text.rstrip()):
        return False
    outside_prose = (b.in_list or b.in_footnote) if quoted else bool(b.containers)
    if outside_prose:
        return False
    sents = doc.sentences(b)
    return bool(sents) and not sents[-1].terminated


def wrapped_across_paragraphs(doc) -> bool:
    """Twice or more, a bare paragraph runs on into the next one (``…絵日記の`` ⏎⏎ ``ような写真の…``,
    ``…再現しようと`` ⏎⏎ ``思います。``), or three bare one-line paragraphs have one width: the
    writer breaks lines with blank lines, mid-sentence and even mid-word, so no bare paragraph
    followed by another is cut."""
    key = "layout:wrapped-across-paragraphs"
    if key not in doc.cache:
        n, widths = 0, Counter()
        for b in doc.paragraphs:
            # (a quoted paragraph is the writer's layout too: …絵日記の ⏎⏎ > ような写真の…)
            nb = prose_paragraph_after(doc, b)
            if nb is None or not ends_bare(doc, b, quoted=True):
                continue
            if "\n" not in b.text.strip():
                widths[len(b.text.strip())] += 1
            toks, first = doc.tokens(b), doc.tokens(nb)[:1]
            if not (toks and first) or doc.text[nb.start : first[0].start].strip().lstrip(">").strip():
                continue  # (`map f`は…: a particle after code opens on the code, a word)
            # (a verb opens many sentences; it carries one on only after a particle: …しようと ⏎ 思います)
            if first[0].pos1 in ("助詞", "助動詞") or first[0].pos2 in ("助動詞語幹", "非自立可能") or (
                first[0].pos1 == "動詞" and toks[-1].pos1 == "助詞"
            ):
                n += 1
        # (or three bare lines of one width, 20 characters or more: a text filled at a fixed width)
        doc.cache[key] = n >= 2 or any(w >= 20 and k >= 3 for w, k in widths.items())
    return doc.cache[key]


# A line set out with a bullet character but no Markdown list marker (・項目, ●項目, ■ 項目)
# (an indented "- sub" folds into it; a bullet alone, ■, is a separator and lists nothing)
_BULLET_LINE = lazy_re(r"[ \t\u3000]*(?:[・•●■◆○◇□▪](?![○●◯■□])|[-*+][ \t])[ \t\u3000]*[^\s]")  # (not ○○さんが…)
# ①項目 ⏎ ②項目: circled numbers, how many Japanese writers number items (a line alone,
# ①については…, is prose about an item)
# Circled and bracketed numbers, each series in order (① …, ❶ …, ⑴ …): one source for the
# line test and for an item's place
_CIRCLED_SERIES = ("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳", "❶❷❸❹❺❻❼❽❾❿", "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇")
_CIRCLED_LINE = lazy_re(r"[ \t\u3000]*[" + "".join(_CIRCLED_SERIES) + "]")
# Two kanji set one space apart, then a colon: a field's label letter-spaced, as notices align
# them (料 金:380円, 日　時：…); no sentence opens so and no marker leaves such a space
SPACED_LABEL = lazy_re(r"[\u3400-\u9fff][ \u3000][\u3400-\u9fff][:：]")


# 一　項目 ⏎ 二　項目, ア　… ⏎ イ　…, (ア) … ⏎ (イ) …, １　… ⏎ ２　…: the numbering of rules and
# official documents (会則, 規約, 通知), a label and a space (一方で… or 一人で… opens prose)
_KANJI_DIGITS = "〇一二三四五六七八九"
_SERIES = ("アイウエオカキクケコサシスセソタチツテト", "イロハニホヘトチリヌルヲ", "ａｂｃｄｅｆｇｈｉｊ", "abcdefghij")
_SERIAL_LINE = lazy_re(
    r"[ \t\u3000]*(?:第?([一二三四五六七八九十]{1,3}|[０-９]{1,2}|[0-9]{1,2})号?[\u3000]|第([一二三四五六七八九十]{1,3}|[０-９]{1,2}|[0-9]{1,2})号[ \t]"
    r"|([ア-ト])[\u3000]|[(（]([一二三四五六七八九十]{1,3}|[ア-ト]|[ａ-ｊ]|[a-j])[)）][ \t\u3000]?"
    # (1、賞味期限を確認する ⏎ 2、…: a digit and 、, as many writers number steps)
    r"|([0-9]{1,2}|[０-９]{1,2})[、，])\S"
)


def _serial_number(label: str) -> int | None:
    """The place of an item label in its series (三 → 3, ウ → 3, ｃ → 3, ３ → 3), or None."""
    if label.isdigit():
        return int(label)  # (full-width digits too)
    if all(c in _KANJI_DIGITS + "十" for c in label):
        tens, _, ones = label.rpartition("十")
        if "十" not in label:
            return _KANJI_DIGITS.index(label) if len(label) == 1 else None
        return (_KANJI_DIGITS.index(tens) if tens else 1) * 10 + (_KANJI_DIGITS.index(ones) if ones else 0)
    for series in _SERIES:
        if label in series:
            return series.index(label) + 1
    return None


def serial_items(lines: list[str]) -> bool:
    """Two or more lines that each open on the next label of one numbering (一　… ⏎ 二　…,
    ア　… ⏎ イ　…, （ア）… ⏎ （イ）…): items, each a phrase of its own (…を有する者)."""
    if len(lines) < 2:
        return False
    places = []
    for line in lines:
        m = _SERIAL_LINE.match(line)
        if not m:
            return False
        places.append(_serial_number(next(g for g in m.groups() if g)))
    return None not in places and all(b == a + 1 for a, b in zip(places, places[1:]))


def _item_place(line: str) -> tuple[int, int] | None:
    """(series, place) of the item label a line opens on (① → (0, 1), 2、 → (-1, 2)), or None."""
    line = line.lstrip(" \t\u3000")
    for k, series in enumerate(_CIRCLED_SERIES):
        if line[:1] and line[0] in series:
            return k, series.index(line[0]) + 1
    m = _SERIAL_LINE.match(line)
    if not m:
        return None
    return (-1, _serial_number(next(g for g in m.groups() if g)))


def numbered_paragraphs(doc, b) -> bool:
    """``b`` opens on the first label of a numbering, its first line a heading with no 、 or 。,
    and the paragraph after it on the second (``①そこでしか観られない作品が観れる`` ⏎ … ⏎⏎
    ``②鑑賞料金が安い``): items set out as paragraphs, a list that Markdown reads as prose."""
    if b.kind != "paragraph" or b.containers:
        return False
    first = _item_place(b.text)
    # (the item's first line is a heading, no clause: ①については、…できます。 is prose about it)
    if first is None or first[1] != 1 or any(c in b.text.strip().split("\n", 1)[0] for c in "、。，．"):
        return False
    nb = plain_paragraph_after(doc, b)
    return nb is not None and _item_place(nb.text) == (first[0], 2)


def bullet_paragraph(b) -> bool:
    """A plain paragraph whose every line opens on a bullet character (``・A`` ⏎ ``・B``) or
    the next label of a numbering (``①…`` ⏎ ``②…``, ``一　…`` ⏎ ``二　…``): a list as many
    Japanese writers type one, which Markdown reads as a paragraph."""
    if b.kind != "paragraph" or b.containers:
        return False
    lines = b.text.strip().split("\n")
    if all(_BULLET_LINE.match(line) for line in lines) or (len(lines) >= 2 and all(_CIRCLED_LINE.match(line) for line in lines)):
        return True
    if serial_items(lines):
        return True
    # a hard-wrapped one: items that run on onto a line of their own (・…得票数を獲得 ⏎ しやすい)
    bullets = sum(1 for line in lines if _BULLET_LINE.match(line))
    return bool(_BULLET_LINE.match(lines[0])) and bullets >= 2 and 2 * bullets >= len(lines)


# A speaker's label opening a paragraph: a short name, bold or not, then ：, : or >
# (田中：…, **佐藤**：…, Q: …, GM> …)
_SPEAKER = lazy_re(r"[ \t\u3000]*(?:\*\*|__)?([^\s：:>＞「」*_()（）]{1,12})(?:\*\*|__)?[ \t\u3000]*(?:[：:]|>|＞)[ \t\u3000]*(?:\*\*|__)?\S")


_COLON_WORD = lazy_re(r"[A-Za-z0-9]+:[A-Za-z0-9\\]")


def speaker(b) -> str | None:
    """The speaker's label a paragraph's first worded line opens on (``田中：…``), or None
    (a shortcode line above it, ``{{< note >}}``, is markup)."""
    if b.kind != "paragraph" or b.containers:
        return None
    lines = worded_lines(b)
    m = _SPEAKER.match(lines[0]) if lines else None
    if m is None or _COLON_WORD.match(lines[0], m.start(1)):
        return None  # Re:VIEW は…, C:\ …: an ASCII colon inside a word is no label's
    return m.group(1)


def worded_lines(b) -> list[str]:
    """The block's lines that hold words once markup is masked (not ``{{< note >}}`` or
    ``{: .notice}``), as written."""
    return [line for line, masked in zip(b.text.strip("\n").split("\n"), b.masked.strip("\n").split("\n")) if masked.replace(MASK, "").strip()]


def dialogue_turn(doc, b) -> bool:
    """A paragraph that is one turn of a dialogue: it opens on a speaker's label and the
    paragraph next to it opens on another's (an interview, a Q&A, a script: ``田中：…`` ⏎⏎
    ``佐藤：…``), markup blocks between them stepped over (``<Callout>`` ⏎ … ⏎ ``</Callout>``).
    Speech trails off (``…評判が良くて``) and the next speaker takes it up; no sentence is cut.
    A speaker speaks more than once: labels that each open one paragraph are a form's fields
    (``解決したい課題：…`` ⏎⏎ ``背景：…``), whose prose is judged as any prose is."""
    who = speaker(b)
    if who is None:
        return False
    turns = _speaker_turns(doc)
    for step in (-1, 1):
        k = b.index + step
        while 0 <= k < len(doc.blocks) and doc.blocks[k].kind == "html" and abs(k - b.index) <= 3:
            k += step
        if 0 <= k < len(doc.blocks):
            other = speaker(doc.blocks[k])
            if other is not None and other != who and max(turns[who], turns[other]) >= 2:
                return True
    return False


def _speaker_turns(doc) -> dict:
    """How many paragraphs each speaker's label opens."""
    key = "layout:speaker-turns"
    if key not in doc.cache:
        counts: dict = {}
        for p in doc.paragraphs:
            who = speaker(p)
            if who is not None:
                counts[who] = counts.get(who, 0) + 1
        doc.cache[key] = counts
    return doc.cache[key]
