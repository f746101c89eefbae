from __future__ import annotations

import re
import unicodedata

from kijilint.markdown import MASK
from kijilint.rules.base import Rule, quote
from kijilint.rules._layout import wrapped_at
from kijilint._lazy_re import lazy_re

PAIRS = {"「": "」", "『": "』", "（": "）", "【": "】", "〔": "〕", "［": "］"}
_CLOSERS = {v: k for k, v in PAIRS.items()}
# An IME switched mid-way closes （ with ) or ［ with ]: the reader sees the bracket closed.
_CLOSERS.update({")": "（", "]": "［"})
# ASCII openers share their full-width twin's stack, so ``(x)`` inside ``（…`` closes itself
# and not the （; an ASCII opener left open is not this rule's to report.
_ASCII_OPENERS = {"(": "（", "[": "［"}
_ANY_BRACKET = lazy_re("[" + re.escape("".join(PAIRS) + "".join(_CLOSERS) + "".join(_ASCII_OPENERS)) + "]")
_WORDISH = lazy_re(r"[\w\u3040-\u30ff\u3400-\u9fff]")
_EMOTICON_FACE = set("^＾;；´｀`・ω∀Д_＿°ﾟ≧≦><＞＜￣ーｰ*＊oO")
# Casual asides left open at a line's end: 寝坊した（汗 / (笑 / （遠い目.  A closed set: a cut
# inside a parenthesis (…組み合わせ（直, …（翔泳) leaves a word stub, which is no aside.
ASIDES = frozenset(
    "笑 汗 泣 涙 怒 爆 謎 震 驚 嘘 照 恥 喜 悲 焦 困 悩 眠 疲 死 殴 棒 違 謝 願 祈 白目 苦笑 爆笑 失笑 微笑 "
    "遠い目 小声 真顔 震え声 願望 確信 断言 自戒 自虐 冗談 本音 白状 偏見 独断 ry 略 w ｗ www ｗｗｗ lol "
    "意味不 意味不明 棒読み 大嘘 適当 錯乱 迫真 小並感 キリッ ドヤァ ドヤ "
    "気のせい 知らんけど 諸説あり 当社比 個人の感想 個人の感想です 多分 たぶん 誰得 AA略 以下略".split()
)


# A wry label that closes a line, its bracket left open on purpose: a situation named as a
# "problem" or a "theory" (…なかなか会えなかった（アイコンがないと誰なのかわからない問題).
# One clause at most, no sentence mark, so a cut inside a bracket (…（詳細は後) stays a cut.
_NAMED_PROBLEM = lazy_re(r"[^。、．，「」『』（）()\[\]\n]{2,30}(?:問題|説|疑惑|案件)")


# (ヾ(@~▽~@)ノ: cheeks and a mouth; (*´艸`), (`皿´), (#`益´): hands or a mouth drawn in kanji)
_FACE_PARTS = _EMOTICON_FACE | set("¦|:[]/\\⊂⊃@＠~～▽艸皿益")
# Arms and hands drawn with katakana (ノ, ヽ, ヾ) are no word inside a face: (ﾉ Д`), ヽ(°▽°)ノ
# (nor are eyes drawn with kana marks: （ゝω・）, (ﾟДﾟ), whose ﾟ NFKC makes a sound mark, nor
# the kanji a face draws with: 艸 皿 益)
_ARMS = str.maketrans("", "", "ノヽヾﾉゝゞ\u3099\u309a\u309b\u309c艸皿益")
# Combining marks heaped on a face's eyes for tears: (´°̥̥̥̥ω°̥̥̥̥`)
_COMBINING = lazy_re(r"[\u0300-\u036f]+")
_KATAKANA_SOUND = lazy_re(r"[\u30a1-\u30fa\u30fcッ]+")
_WORD_IN_FACE = lazy_re(r"[\u3040-\u309f\u30a1-\u30fa\u3400-\u9fff]|[A-Za-z]{2}")
_ONE_KANJI_ASIDES = frozenset(a for a in ASIDES if len(a) == 1 and "\u3400" <= a <= "\u9fff")
_KANJI_RUN = lazy_re(r"[\u3400-\u9fff]+")
_KANA_RUN = lazy_re(r"[\u3041-\u30fa\u30fc]+")


def _without_note_marks(rest: str) -> str:
    """``rest`` without the footnote marks that end it (``AA略[^17]``: the aside, then its note)."""
    rest = rest.rstrip(" \t\u3000")
    while rest.endswith("]"):
        at = rest.rfind("[^")
        if at < 0 or "[" in rest[at + 2 :] or "]" in rest[at + 2 : -1]:
            break
        rest = rest[:at].rstrip(" \t\u3000")
    return rest


def is_aside(rest: str) -> bool:
    """The text after an open （ at a line's end is a casual aside mark."""
    r = unicodedata.normalize("NFKC", _without_note_marks(rest)).strip(" \t\u3000").rstrip("!?！？。…")  # (ｒｙ is ry)
    # (滝汗, 冷汗, 号泣: a kanji or two before a one-kanji aside make the same mark)
    if len(r) in (4, 6) and r[: len(r) // 2] == r[len(r) // 2 :] and _KANA_RUN.fullmatch(r):
        return True  # （ぉぃぉぃ, （やれやれ: a doubled interjection, a retort to oneself
    if r in ASIDES or (2 <= len(r) <= 3 and r[-1] in _ONE_KANJI_ASIDES and _KANJI_RUN.fullmatch(r) is not None):
        return True
    if _NAMED_PROBLEM.fullmatch(r):
        return True  # （アイコンがないと誰なのかわからない問題, （実は逆の方が速い説: the net's wry label
    # おしまい(¦3[___]: a face drawn in symbols (a body lying in bed), no word in it; a sob or a
    # sigh in katakana may follow it (…言われました。(´Д⊂ ｸﾞｽﾝ)
    face, _, sound = r.partition(" ")
    if sound and not (_KATAKANA_SOUND.fullmatch(sound) and len(sound) <= 6):
        face = r
    face = face.translate(_ARMS)
    return len(face) <= 12 and not _WORD_IN_FACE.search(face) and sum(c in _FACE_PARTS for c in face) >= 2


# A face in brackets at the end of a text, arms and all: m(__)m, ／(^o^)＼, (๑´ڡ`๑)
# (a sob or a gasp in katakana may follow it: (´；ω；｀)ﾌﾞﾜｯ, (´；ω；`)ｳｯ…)
_FACE_AT_END = lazy_re(
    r"[(（]([^()（）\n]{1,12})[)）][mｍ／/＼\\ノﾉ۶วｏo⊃♪☆★♡♥!！?？vVｖゞ⁾₎ 　]{0,4}"
    r"(?:[\u30a1-\u30fa\u30fc\uff66-\uff9f]{1,6}[…‥.・!！♡♥]*)?$"
)
# A Western emoticon or orz/OTL closing the text, after a space or right after Japanese
# (…ません XD, …送りました :D, …どうしよう orz, …勘弁してください><); not Adobe XD, whose XD
# follows a Latin word
_WESTERN_FACE = lazy_re(
    r"(?:(?<=[ \t\u3000])|(?<=[\u3040-\u30ff\u3400-\u9fff。、！？!?…]))"
    r"(?:[:;=][-^'o]?[)(DPpO3|/\\\]\[]|XD|xD|X-D|orz|OTL|\^\^;?|\^_\^;?|>[_.]?<|＞[＿_]?＜)[ \t\u3000]*$"
    # …参照してください mm: two hands bowing (m(_ _)m said short), set apart after kana, never
    # after a number (5 mm is a length)
    r"|(?<=[\u3041-\u309f。！？!?…])[ \t\u3000]+mm[ \t\u3000]*$"
)


def ends_with_face(text: str) -> bool:
    """``text`` ends with a face drawn in symbols (``…でしたm(__)m``, ``誰か助けて／(^o^)＼``,
    ``…ですね(๑´ڡ`๑)``, ``…はずでした(^^)v``) or a Western one (``…ません XD``, ``… :D``,
    ``… orz``, ``…ください mm``): a deliberate close like an emoji, whatever its marks look like
    (underscores, a backtick) to a Markdown reader."""
    if _WESTERN_FACE.search(text.rstrip()) and not _LATIN_BEFORE_FACE.search(text.rstrip()):
        return True
    m = _FACE_AT_END.search(_COMBINING.sub("", text.rstrip()[-96:]))  # (a face and its sob fit in 96)
    if m is None:
        return False
    raw = m.group(1)
    # (sweat drawn as lines beside the face is no word: (´д`lll), (；´Д｀)|||)
    r = _SWEAT_LINES.sub("", unicodedata.normalize("NFKC", raw).translate(_ARMS))
    if _WORD_IN_FACE.search(r):
        return False
    # (two eyes and a mouth, (T_T), (-.-), count as a face without two face marks)
    return max(sum(c in _FACE_PARTS for c in r), sum(c in _FACE_PARTS for c in raw)) >= 2 or _EYES.fullmatch(r) is not None


_SWEAT_LINES = lazy_re(r"[lI|]{2,}")
_LATIN_BEFORE_FACE = lazy_re(r"[A-Za-z][ \t]+(?:XD|xD)[ \t\u3000]*$")  # Adobe XD: a product
_EYES = lazy_re(r"[ 　]*(\S)[_＿.・ω∀▽][ 　]*\1[ 　;；]*")


def interjection_aside(doc, b, at: int) -> bool:
    """The open （ at offset ``at`` is followed, to the end of its line, by one interjection
    (``（おい``, ``（えっ``): a self-retort, said on purpose."""
    nl = doc.text.find("\n", at, b.end)
    end = b.end if nl < 0 else nl
    toks = [t for t in doc.tokens(b) if at < t.start < end]
    return len(toks) == 1 and toks[0].pos1 == "感動詞"


class UnclosedBracket(Rule):
    """Finds an opening bracket 「『（【〔［ that is never closed within its paragraph.

    Why: a quotation or aside that never closes leaves the reader unsure where it ends; it is
    also what a cut or spliced generation leaves behind.  Each kind of bracket is balanced on its
    own within one paragraph, heading or list item (code, URLs and HTML are not looked at).
    Closing brackets without an opener (enumerations like ``1）``) are not reported; neither are
    emoticons (``（＾＾；``), asides left open on purpose (``（笑``, ``（AA略``, a wry label
    closing a line: ``（アイコンがないと誰なのかわからない問題``), quotations
    the writer shortened (``中略``, ``[…]``), nor a quotation that the author carries on over
    several paragraphs (the next paragraph closes it, or opens again with 「 as long speeches
    do, or a speech opening its paragraph runs on through plain paragraphs and closes within
    five: 「今日では、…とね。 ⏎⏎ … ⏎⏎ …ありますよ」。), nor brackets of a kind the document
    leaves open three times or more (a writer's
    asides: ``（しくった。。。``),
    nor an afterthought opened after a finished clause that runs to its line's end and ends as a
    sentence does (``…ときがある（稀にダメなときもある。``) or on a face (``…帰りました（さようなら
    〜(;_;)``); a cut aside, ``…導入した（2023年の春に``, stops mid-way and is reported.
    Bad:  ``「マイクロソフトの大きな疑問は互換性だ。``
    Good: ``「マイクロソフトの大きな疑問は互換性だ」``
    Fix: none (where the bracket should close is the author's call).
    """

    code, name, category, severity = "EN006", "unclosed-bracket", "broken-ending", "warning"

    def check(self, doc, report):
        per_kind: dict[str, int] = {}
        found = []
        for b, i, opener in self._unclosed_in(doc, per_kind):
            per_kind[opener] = per_kind.get(opener, 0) + 1
            found.append((b, i, opener))
        for b, i, opener in found:
            if per_kind[opener] >= _HABIT:
                continue  # （ちょっとずるいｗ / （しくった。。。: a writer who never closes asides
            start = b.start + i
            line_end = b.text.find("\n", i)
            snippet = b.text[i : line_end if line_end >= 0 else len(b.text)]
            report(start, start + 1, f"括弧 {opener} が閉じられていません: {quote(snippet)}")

    def _unclosed_in(self, doc, per_kind: dict[str, int]):
        """Openers left open, each with its excuses weighed.  A kind already found open
        ``_HABIT`` times is not reported at all, so its later openers are not weighed (a line
        of 30,000 「 stays linear)."""
        blocks = doc.prose_blocks
        for n, b in enumerate(blocks):
            if not _ANY_BRACKET.search(b.masked):
                continue
            # (the last elision mark, found once: each opener asks whether one follows it)
            elided = max((m.start() for m in _ELIDED.finditer(b.masked)), default=-1)
            clipped = max((m.start() for m in _CLIPPED.finditer(b.text)), default=-1)
            closes_next: dict[str, bool] = {}
            for i, opener in _unclosed(b.masked):
                if per_kind.get(opener, 0) >= _HABIT:
                    continue
                if _emoticon(b.masked, i) or (opener in "（(" and (interjection_aside(doc, b, b.start + i) or _closing_remark(b.masked, i))):
                    continue
                if elided > i or clipped > i:
                    continue  # 「さすがは…じっくり… (中略) …: a quotation cut short on purpose
                if opener not in closes_next:
                    closes_next[opener] = n + 1 < len(blocks) and blocks[n + 1].kind != "heading" and _closes_later(blocks[n + 1].masked, opener)
                if closes_next[opener]:
                    continue
                if n + 1 < len(blocks) and _quotation_goes_on(b.masked, i, blocks[n + 1], opener):
                    continue
                if _speech_closes_further_on(b.masked, i, blocks, n, opener):
                    continue
                if b.in_list and _closed_in_later_item(blocks, n, opener):
                    continue
                yield b, i, opener


_REMARK_REACH = 300


def _closing_remark(text: str, i: int) -> bool:
    """The open （ at ``i`` follows a finished clause and runs to the end of its line, where
    the remark in it ends as a sentence does (``…行けるときがある（稀に本当にダメなときもある。``,
    ``…になりました。（実際は…ありませんでしたが…``, ``…帰って行きました（さようなら〜(;\\_;)``):
    an afterthought whose ） the 。, a face or laughter stood in for.  A cut inside an aside stops
    mid-word, with no 。 (``…を導入した（2023年に``)."""
    if i == 0 or not ("\u3041" <= text[i - 1] <= "\u309f" or text[i - 1] in "。．！？!?"):
        return False  # (a paragraph that opens on （ opens an aside, it follows nothing)
    # (a hard-wrapped paragraph breaks lines mid-sentence: the remark runs on past a break
    # with kana or kanji on both sides, …受けることは ⏎ ありませんでしたが…; a remark is
    # short, so one that runs on past _REMARK_REACH is none, and the scan stays linear)
    nl = text.find("\n", i, i + _REMARK_REACH)
    while nl >= 0 and wrapped_at(text, nl):
        nl = text.find("\n", nl + 1, i + _REMARK_REACH)
    if nl < 0 and len(text) > i + _REMARK_REACH:
        return False
    rest = text[i + 1 : nl if nl >= 0 else len(text)].replace("\n", "").rstrip(" \t\u3000")
    # (a face may stand in for the ） as it does for the 。: …帰って行きました（さようなら〜(;\_;))
    # (so may laughter: …討ち取れなかった（ついでに魏延もｗ)
    return len(rest) >= 6 and _JAPANESE_WORD.search(rest) is not None and (
        rest.endswith(_REMARK_ENDS) or ends_with_face(rest) or _laughs(rest)
    )


def _laughs(rest: str) -> bool:
    """The remark ends in laughter after a Japanese word: a run of w/ｗ, or 笑.  (The narrow
    half of _last_words.laughs_or_draws_out, which imports this module and cannot be imported
    here; an aside is no place for its drawn-out vowels.)"""
    stripped = rest.rstrip("wｗ笑")
    return len(stripped) < len(rest) and bool(stripped) and not stripped[-1].isascii()


_REMARK_ENDS = ("。", "．", "！", "？", "!", "?", "…", "‥")
_JAPANESE_WORD = lazy_re(r"[\u3041-\u30ff\u3400-\u9fff]{2}")


# An elision mark: the quoted text was shortened by the writer, its closing bracket with it
# (中略, （略）, or the scholar's […], 『多くの人びとは[…]).
# So is an ellipsis before an address (「いつのまにか変更のコストが… https://t.co/…: a post
# quoted as the service clipped it).
_ELIDED = lazy_re(r"中略|後略|[（(]\s*略\s*[）)]|[\[［(（〔][ \u3000]?(?:…|‥|\.\.\.)+[ \u3000]?[\]］)）〕]")  # (also […], a scholar's mark)
_CLIPPED = lazy_re(r"(?:…|\.\.\.)[ \t\u3000]*https?://")

# Three or more brackets of one kind left open in a document are the writer's habit (asides
# opened and never closed), not a generation slip, which leaves one.
_HABIT = 3


def _unclosed(text: str) -> list[tuple[int, str]]:
    """Openers left open, each kind balanced on its own (a stray closer of one kind cannot
    unbalance another)."""
    stacks: dict[str, list[tuple[int, str]]] = {o: [] for o in PAIRS}
    for m in _ANY_BRACKET.finditer(text):
        i, ch = m.start(), m.group()
        if ch in PAIRS:
            stacks[ch].append((i, ch))
        elif ch in _ASCII_OPENERS:
            stacks[_ASCII_OPENERS[ch]].append((i, ch))
        elif ch in _CLOSERS and stacks[_CLOSERS[ch]]:
            stacks[_CLOSERS[ch]].pop()
    return sorted((i, o) for st in stacks.values() for i, o in st if o in PAIRS)


def _emoticon(text: str, i: int) -> bool:
    """``（＾＾；`` / ``（´・ω・`` : the next characters are face parts, not words; ``（笑`` /
    ``（汗`` at the end of a line is the same kind of mark (``ASIDES``).  Code or a link right after the
    bracket (masked) is a word, never a face part."""
    after = text[i + 1 : i + 4].strip()
    if MASK in after[:2]:
        return False  # （`code` / （[link](…): a word follows
    if after and all(c in _EMOTICON_FACE or not _WORDISH.match(c) for c in after):
        return True
    if text[i] in "（(":
        nl = text.find("\n", i, i + _REMARK_REACH)
        if nl < 0 and len(text) > i + _REMARK_REACH:
            return False  # (an aside is short: a line that runs on for pages holds none, and
            # each of 5,000 openers on it must not slice the rest of it)
        rest = text[i + 1 : nl if nl >= 0 else len(text)]
        # …合格点じゃないでしょうか（甘々: a word or two after a finished clause, closing the line,
        # is an aside; after a title or a noun (…』（翔泳) it is a reference cut short
        before = text[i - 1] if i else ""
        after_clause = "\u3041" <= before <= "\u309f" or before in "。！？!?…"
        return is_aside(rest) or (after_clause and _SHORT_ASIDE.fullmatch(rest.rstrip(" \t\u3000")) is not None)
    return False


_SHORT_ASIDE = lazy_re(r"[\u3041-\u30ff\u3400-\u9fff々ー〜～]{1,3}[!?！？。…ｗw]*")


def _closes_later(text: str, opener: str) -> bool:
    """The next block has a closer of this kind with no opener before it (an ASCII ( opens
    as its full-width twin does: ``(S3)`` closes nothing of the paragraph before)."""
    depth = 0
    for ch in text:
        if ch == opener or _ASCII_OPENERS.get(ch) == opener:
            depth += 1
        elif _CLOSERS.get(ch) == opener:
            if depth == 0:
                return True
            depth -= 1
    return False


def _closed_in_later_item(blocks, n: int, opener: str) -> bool:
    """A quotation set out over list items (``- 「C++は複雑すぎる。…`` ⏎ ``- そして、…`` ⏎
    ``- …壊さないで！」``): a later item of the same list closes it."""
    for nxt in blocks[n + 2 : n + 12]:
        if not nxt.in_list:
            return False
        if _closes_later(nxt.masked, opener):
            return True
    return False


def _speech_closes_further_on(text: str, i: int, blocks, n: int, opener: str) -> bool:
    """A speech that opens its paragraph with 「 runs on through paragraphs without brackets
    and closes a few paragraphs later (「今日では、…とね。 ⏎⏎ 本当のことを… ⏎⏎ …ありますよ」。):
    a translator's or novelist's long speech.  Read up to ``_SPEECH_REACH`` plain paragraphs;
    one that opens a bracket of the kind first, or a heading, ends the search."""
    if opener not in "「『" or i > len(text) - len(text.lstrip(" \t\u3000")):
        return False
    closers = [c for c, o in _CLOSERS.items() if o == opener]
    for nxt in blocks[n + 1 : n + 1 + _SPEECH_REACH]:
        if nxt.kind != "paragraph" or nxt.containers:
            return False
        # (the character walk only where a closer is there to find: plain paragraphs are skipped fast)
        if any(c in nxt.masked for c in closers) and _closes_later(nxt.masked, opener):
            return True
        if opener in nxt.masked:
            return False
    return False


_SPEECH_REACH = 5


def _quotation_goes_on(text: str, i: int, nxt, opener: str) -> bool:
    """A speech over several paragraphs: each opens with 「 and only the last one closes (the
    Japanese and English convention).  The last paragraph is judged on its own."""
    if opener not in "「『" or i > len(text) - len(text.lstrip(" \t\u3000")):
        return False
    return nxt.kind == "paragraph" and nxt.masked.lstrip(" \t\u3000").startswith(opener)
