from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from bisect import bisect_left, bisect_right

from kijilint import packs
from kijilint.findings import Edit, Fix
from kijilint.markdown import in_link_text
from kijilint.rules.base import Rule, quote
from kijilint._lazy_re import lazy_re

# Parts of speech whose doubling is normal Japanese (UniDic pos1 / pos2).
_NOUN = "名詞"
_NOT_NOUN2 = ("代名詞",)
_ADJ_NOUN = "形状詞"  # UniDic's na-adjective stems
_HIRAGANA = lazy_re(r"[ぁ-ゖ]")
_HIRAGANA_WORD = lazy_re(r"[ぁ-ゖー]+")
# Nouns prose spells in kana (formal nouns): doubled, they are slips like any other word
_CONDITIONALS = ("なら", "たら", "ば")
_KANA_NOUNS = frozenset("こと もの とき ため ところ よう はず わけ うち ほう まま たび ほか あと まえ なか うえ".split())
_KANJI = lazy_re(r"[一-龥]+")
_KATAKANA = lazy_re(r"[ァ-ヺー]+")
_SMALL_KANA = lazy_re(r"[ァィゥェォッャュョヮー]")
_LATIN_OR_DIGIT = lazy_re(r"^[A-Za-z0-9][A-Za-z0-9.+#_-]*$")
_DIGITS = lazy_re(r"^[0-9０-９]+$")
_COMMAND_LINE = lazy_re(r"[ \t]*(?:[$%>][ \t]|sudo[ \t])")  # a shell prompt opens the line
# 一行一行, 一文一文: "one … at a time", a numeral and its counter doubled on purpose
_CJK_RUN = lazy_re(r"[一-龥々\u30a1-\u30fa\u30fc]+")
_DISTRIBUTIVE = lazy_re(r"^[一1１](?:[\u3400-\u9fff\u30a1-\u30fa]{1,2}|[\u30a1-\u30fa\u30fc]{3,8})$")  # 一行, 一ステージ
_ONE = ("一", "1", "１")
_SENTENCE_END = "。！？!?…"
_SAME_HALVES_MIN = 3  # コラボレータコラボレータ is one token: halves this long are a doubling


def _nfkc(s: str) -> str:
    """Full-width Latin and digits (ｇａｏ, １２) read as the ASCII they stand for."""
    return unicodedata.normalize("NFKC", s) if not s.isascii() else s


_KATAKANA_CHARS = "\u30a1-\u30fa\u30fc\uff66-\uff9f"
# two full-size katakana, or one drawn out (アーアー, ブーブー: a cry or a noise); unlike
# _mimetic, ー counts here, so データ (three) is no pair
# (a mora may be a kana and a small ャュョァィゥェォ: キューキュー, a squeak)
_TWO_KANA = lazy_re(r"(?![ァィゥェォッャュョヮヵヶ])[\u30a1-\u30f4][ャュョァィゥェォ]?(?:(?![ァィゥェォッャュョヮヵヶ])[\u30a1-\u30f4][ャュョァィゥェォ]?|ー)")


# A verb of saying right after the doubling: the word is quoted, said over and over (not
# という / と言う / って before a noun, which name a thing: 行事行事というだけあって is a slip)
_SAYING_AFTER = lazy_re(r"と?(?:言[っわいえ]|叫|連呼|唱え|繰り返)")
_CAPITALS = lazy_re(r"[A-Z][A-Z0-9]+")


def _capitals_run(text: str, start: int, end: int) -> bool:
    """A doubled word in capitals inside a longer run of capitalised words (``BOOM BOOM
    SATELLITES``): a band's or a title's name.  A slip doubles one word among ordinary ones."""
    if not _CAPITALS.fullmatch(text[start : text.find(" ", start)]):
        return False
    before = text[max(0, start - 24) : start].rstrip(" ").rsplit(" ", 1)[-1]
    after = text[end : end + 24].lstrip(" ").split(" ", 1)[0]
    capitals_after = text[end : end + 1] == " " and _CAPITALS.match(after) is not None
    capitals_before = text[start - 1 : start] == " " and _CAPITALS.fullmatch(before) is not None
    return capitals_after or capitals_before


@lru_cache(maxsize=256)
def _verb_stem(word: str) -> bool:
    """The tagger reads ``word`` before ます as a verb's continuative form (つっかえます,
    迷います): the stem of a verb, not a noun.  Asked only of a hiragana doubling, which is rare."""
    from kijilint.tokens import tokenize

    toks = tokenize(word + "ます")
    return len(toks) == 2 and toks[0].surface == word and toks[0].pos1 == "動詞" and toks[0].cform.startswith("連用形")


def _mimetic(surface: str) -> bool:
    """Two katakana moras (グチャ, ボロ, half-width ﾎﾟﾁ): the half of a mimetic word
    (グチャグチャ), doubled on purpose."""
    surface = unicodedata.normalize("NFKC", surface)
    return bool(_KATAKANA.fullmatch(surface)) and len(_SMALL_KANA.sub("", surface)) <= 2


def _closed_mimetic(surface: str) -> bool:
    """Two katakana moras closed by ン (プルン, ボヨン, ゴロン): a sound word that is doubled
    to be said (プルンプルン).  Asked only where the dictionary reads it as an adverb or does
    not know it: ボタン is a noun, and ボタンボタン a slip."""
    return len(surface) >= 2 and surface.endswith("ン") and _mimetic(surface[:-1])


class DoubledWord(Rule):
    """Finds the same word twice in a row: 「市場市場」「システムシステム」「Mistral Mistral」.

    Why: a classic slip of editing and of generation, easy to miss when proofreading Japanese
    because there are no spaces.  Only nouns are checked (UniDic parts of speech via the shared
    tokens), of two characters or more, written back to back (Latin words and numbers: one
    space apart), with adjectival nouns in kanji or katakana (クリエイティブクリエイティブ) and
    two-token words (新+機能, 可能+性) written twice.  Mimetic words (グチャグチャ,
    プルンプルン, and two full-size katakana doubled, ボワボワ or キューキュー, or one drawn out, アーアー, whether the dictionary
    knows it or not, unless the writer also uses the two alone: ログを… ログログに; inside a
    longer word, アーカイブ or バイバーイ, is not alone) are not slips, nor is a noun doubled
    into a quality verb that describes a state (魔法魔法した, …している) or a verb's stem doubled
    so (分け分けして); a verbal noun (確認確認した), an adverbial noun (普段普段しない) or any other
    noun before another form (目的目的して, パースパースして) is.  Three or more in a row
    (「重複重複重複」, 大大大大大好き however the tokenizer pairs it) is rhetoric, not a slip.  Legitimate
    reduplication is left alone: 々, adverbs the dictionary knows (ますます, どんどん, ワクワク) or
    reads twice (是非是非, 全然全然),
    interjections (はいはい, ねえねえ), symbols (・・・), hiragana pronouns (これこれ), single
    characters (人人), words the dictionary knows whole (しゃぶしゃぶ); the rest is the word list in the
    ``doubled-word-exceptions`` pack (option ``pack``).  An unknown katakana word tokenised as
    one piece (コラボレータコラボレータ) is caught when its two halves match.  A one-digit number
    doubled right before a counter (「1 1日目」「3 3つ」) counts one thing twice; digits in a
    row without a counter (「3 3 5 6」, a score 「2 2」) are data.  Also: a kanji pronoun
    (彼女彼女), a two-kanji word split by the tokenizer (元部元部), a word started and then
    written whole (見出見出し), a katakana mimetic written twice (スッキリスッキリ), a digit
    doubled before つ (11つ) or into a month that cannot be (99月頃), a verbal noun that starts with 一 (一覧一覧).  Not: 一行一行 or
    一ステージ一ステージ (one at a time), 毎話毎話 (every single one, as 毎日毎日), the same
    doubling written again in the document (▲ 苫小牧のものもの。 … ▲ 浦河のものもの。, a name
    like ジャルジャル: the writer's idiom; a slip is made once), hiragana emphasis
    (もっともっと), 202202 (one number), a number that ends a longer word before the same
    number (#over50 50代), a doubled short prefix
    (プレプレリリース), a two-kana hiragana noun (れいれい, a nickname), a hiragana verb's
    stem doubled into an adverb (つっかえつっかえ), a word chanted as its clause after an
    adverb or a condition (とりあえず練習練習。, …なら大丈夫大丈夫。), a kana sound word the
    tagger splits in two (ぽつら|ぽつら, ゆらり|ゆらり; a formal noun such as こと still counts), a katakana sound
    word the dictionary does not know, doubled right before
    its verb (フンガーフンガー鳴ってる), a word doubled before a verb of saying (イノベーション
    イノベーション言ってて: what someone keeps saying), a word in capitals inside a longer name in
    capitals (BOOM BOOM SATELLITES), a Latin word doubled inside a title in 『』 that holds more
    (『still still stellar』) or in a heading (``### Signal Signal · (((さらうんど)))``, a song
    list's entry), a word that is itself a doubling doubled again (ガチャガチャ
    ガチャガチャ, 大大大大ファン: a sound or an emphasis drawn out).
    Bad:  「成功成功を計測できない」
    Good: 「成功を計測できない」
    Fix: unsafe: removes the second copy; right for a slip, wrong for a doubling the list does
    not know yet (a name, an intended echo), and only the author can tell.
    """

    code, name, category, severity = "RP005", "doubled-word", "repetition", "warning"
    options = {"pack": "doubled-word-exceptions"}
    fix = "unsafe"

    def check(self, doc, report):
        allowed = {str(w).lower() for w in packs.load(self.opts["pack"]).get("words") or []}
        text = self._text = doc.text
        self._reported: set[int] = set()
        self._alone: dict[str, bool] = {}
        self._pending: list = []  # (the doubling with the character before it, start, end, message, fix)
        for b in doc.prose_blocks:
            toks = self._toks = doc.tokens(b)
            self._starts = [t.start for t in toks]  # (bisected: a hostile paragraph may hold thousands of doublings)
            self._compounds(toks, text, allowed, report)
            for k, t in enumerate(toks):
                u = toks[k + 1] if k + 1 < len(toks) else None
                # one token, two equal halves: a doubling only if the dictionary does not know the
                # whole (コラボレータコラボレータ), unlike しゃぶしゃぶ or ちゃんちゃん
                half = self._halves(t) if len(t.surface) >= 2 * _SAME_HALVES_MIN and t.unknown else None
                if half and _nfkc(t.surface).isascii() and not (half.isdigit() and _before_counter(toks, k)):
                    half = None  # 202202.0 is one number, abab one word; 19931993年 counts one year twice
                if (u is None or u.surface != t.surface) and not half:
                    if u is not None and u.surface == "つ" and _doubled_digit(t.surface) and u.start == t.end:
                        # 11つ: つ counts only up to nine, so the digit was written twice
                        self._report(report, t.start, t.end, t.start + 1, t.end, t.surface[0])
                    elif u is not None and u.surface == "月" and u.start == t.end and _doubled_digit(t.surface) and int(t.surface) > 12:
                        # 99月頃, 88月頭: no month has that number, so the digit was written twice
                        self._report(report, t.start, t.end, t.start + 1, t.end, t.surface[0])
                    elif u is not None and u.surface[:1] == t.surface[:1] and _prefix_doubled(t, u, allowed):
                        self._report(report, t.start, u.end, t.start, t.end, t.surface)  # 見出見出し
                    continue  # the cheap test first: most tokens differ from their neighbour
                if u is not None and _katakana_adverb_doubled(t, u):
                    self._report(report, t.start, u.end, t.end, u.end, t.surface)  # スッキリスッキリ
                    continue
                if u is not None and self._counted_digit(toks, k, text):
                    self._report(report, t.start, u.end, t.end, u.end, t.surface)
                    continue
                # a kanji word read one way, then another (大変|副詞 大変|形状詞): the same word twice;
                # an adverb read as one both times (是非是非おすすめ) is said twice for emphasis
                kanji_pair = (
                    u is not None and _KANJI.fullmatch(t.surface) is not None and len(t.surface) >= 2
                    and not (t.pos1 == u.pos1 == "副詞")
                )
                if not (self._candidate(t) or kanji_pair) or _nfkc(t.surface).lower() in allowed or _distributive_token(t):
                    continue
                if half:
                    if _nfkc(half).lower() not in allowed and not _mimetic(half) and not _closed_mimetic(half):
                        self._report(report, t.start, t.end, t.start + len(half), t.end, half)
                    continue
                if not (self._candidate(u) or kanji_pair):
                    continue
                gap = text[t.end : u.start]
                latin = bool(_LATIN_OR_DIGIT.match(_nfkc(t.surface)))  # (full-width ｇａｏ too)
                if not (gap == "" or (gap == " " and latin)):
                    continue
                if _DIGITS.match(t.surface) and self._in_number_list(toks, k):
                    continue
                if latin and gap == "":  # "abab" split by the tokenizer is not two words
                    continue
                if latin and t.start and text[t.start - 1].isascii() and text[t.start - 1].isalnum():
                    continue  # #over50 50代: the first is the tail of a longer word
                if latin and _COMMAND_LINE.match(text, text.rfind("\n", 0, t.start) + 1):
                    continue  # $ sudo yum install mecab mecab-devel: a command, not prose
                if latin and _capitals_run(text, t.start, u.end):
                    continue  # ## BACK IN BLACK - BOOM BOOM SATELLITES: a name set in capitals
                if latin and in_link_text(b.text, t.start - b.start):
                    continue  # [パン工房 Full Fullの明太フランス…](…): a name in a page's title, as its site spells it
                if latin and (_in_title_quote(text, t.start, u.end) or b.kind == "heading"):
                    # 『still still stellar』, ### Signal Signal · (((さらうんど))): a title quoted or
                    # set as a heading, spelt as its maker spells it
                    continue

                if self._third(toks, k, text) or _reduplicated(t.surface):
                    continue  # 「重複重複重複」, 大大|大大: three or more is rhetoric, not a slip
                if _doubled_prefix(toks, k):  # プレプレリリース: a short prefix doubled on purpose
                    continue
                if _named_then_derived(toks, k):  # 埼玉大学|大学院: two words that share a noun
                    continue
                if _negated_then_plain(toks, k):  # 非自明|自明ギャグ: a word and its negation side by side
                    continue
                if _pair_relation(toks, k):  # 行列行列積, サーバサーバ間: the word paired with itself
                    continue
                if len(t.surface) <= 4 and _KATAKANA.fullmatch(t.surface) and _one_word(t.surface * 2):
                    continue  # バタバタが: a mimetic the dictionary knows, split as a noun (バタ, butter) here
                if k + 2 < len(toks) and toks[k + 2].start == u.end and _quality_verb(u, toks[k + 2], toks[k + 3 : k + 5]):
                    continue  # 魔法魔法した
                if _TWO_KANA.fullmatch(_nfkc(t.surface)) and not self._used_alone(t.surface):
                    # ボワボワの音響: two katakana doubled is how mimetics are made (not データデータ);
                    # a word the writer also uses alone (ログを… ログログに) is a slip
                    continue
                self._report(report, t.start, u.end, t.end, u.end, t.surface)
            self._doubled_runs(doc, b, toks, allowed, report)
        self._flush(report)

    def _compounds(self, toks, text, allowed, report):
        """A two-token compound written twice (互換 性 互換 性, 受信 側 受信 側): the tokenizer
        splits the word, so the single-token test above never sees it."""
        for k in range(len(toks) - 3):
            a, b, c, d = toks[k : k + 4]
            if a.surface != c.surface or b.surface != d.surface or a.surface == b.surface:
                continue
            if not self._compound_head(a, b) or a.surface in _ONE or _every(a.surface + b.surface):
                continue  # (一ステージ一ステージ: one at a time, as 一つ一つ; 毎話毎話, every single one)
            word = a.surface + b.surface
            if _HIRAGANA_WORD.fullmatch(word) and word not in _KANA_NOUNS:
                continue  # ぽつら|ぽつら, ゆらり|ゆらり: a sound word in kana, doubled to be said
            short = len(word) < 3 and not (len(word) == 2 and _KANJI.fullmatch(word))  # (two kanji count: 元部元部)
            if short or word.lower() in allowed or text[a.start : d.end] != word * 2:
                continue
            if k + 5 < len(toks) and toks[k + 4].surface == a.surface and toks[k + 5].surface == b.surface:
                continue  # three in a row is rhetoric
            self._report(report, a.start, d.end, c.start, d.end, word)

    def _used_alone(self, word: str) -> bool:
        """``word`` occurs in the text outside its doublings (counted once per word: a hostile
        file may double one word thousands of times)."""
        seen = self._alone
        if word not in seen:
            # (standing alone: not inside a longer katakana word, アー in アーカイブ, バイ in バイバーイ)
            seen[word] = re.search(rf"(?<![{_KATAKANA_CHARS}]){re.escape(word)}(?![{_KATAKANA_CHARS}])", self._text) is not None
        return seen[word]

    @staticmethod
    def _candidate(t) -> bool:
        if t.pos1 == _ADJ_NOUN:  # クリエイティブ, 無防備: written in kanji or katakana only
            return len(t.surface) >= 2 and not _HIRAGANA.search(t.surface) and not _mimetic(t.surface)
        if t.pos1 == "代名詞":  # 彼女彼女 is a slip; これこれ, それそれ are said on purpose
            return len(t.surface) >= 2 and not _HIRAGANA.search(t.surface)
        if t.pos1 != _NOUN or t.pos2 in _NOT_NOUN2:
            return False
        if len(t.surface) == 2 and _HIRAGANA_WORD.fullmatch(t.surface) and t.surface not in _KANA_NOUNS:
            # れいれい (零), すなすな (砂): a word kanji would spell, in kana and twice, is a
            # nickname or a reduplication; こと, もの… are spelled in kana anyway (このことこと is a slip)
            return False
        return len(t.surface) >= 2

    @staticmethod
    def _compound_head(a, b) -> bool:
        """The first half of a two-token word: a noun or adjectival noun before a noun or a
        suffix (互換+性, 可能+性), or a kanji prefix before a noun (新+機能, 無+条件)."""
        if a.pos1 == "接頭辞":
            return b.pos1 == _NOUN and bool(_KANJI.fullmatch(a.surface))
        if a.pos1 == _ADJ_NOUN and _HIRAGANA.search(a.surface):
            return False
        if a.pos1 not in (_NOUN, _ADJ_NOUN) or a.pos2 in _NOT_NOUN2 + ("数詞",):
            return False
        return b.pos1 in (_NOUN, "接尾辞")

    @staticmethod
    def _counted_digit(toks, k, text) -> bool:
        """``1 1日目``, ``3 3つ``: a one-digit number doubled before a counter (日, つ, 回, %)
        counts one thing twice.  A digit after a digit (``3 3 5 8``) is data."""
        t, u = toks[k], toks[k + 1]
        if len(t.surface) != 1 or not t.surface.isascii() or not t.surface.isdigit() or text[t.end : u.start] != " ":
            return False
        if k > 0 and _DIGITS.match(toks[k - 1].surface):
            return False
        return _before_counter(toks, k + 1)

    @staticmethod
    def _halves(t) -> str | None:
        s = t.surface
        n = len(s)
        if n % 2 or n < 2 * _SAME_HALVES_MIN or s[: n // 2] != s[n // 2 :]:
            return None
        return s[: n // 2]

    @staticmethod
    def _third(toks, k, text) -> bool:
        t = toks[k]
        for j in (k - 1, k + 2):
            if 0 <= j < len(toks) and toks[j].surface == t.surface:
                a, b = (toks[j], t) if j < k else (toks[k + 1], toks[j])
                if text[a.end : b.start] in ("", " "):
                    return True
        # 大大|大大|大好き: a word made of one repeated unit, the run going on past the pair
        # however the tokenizer cut it (大大大大大好き, five times over, is rhetoric)
        w = t.surface
        unit = next(w[:p] for p in range(1, len(w) + 1) if len(w) % p == 0 and w[:p] * (len(w) // p) == w)
        if len(unit) < len(w):
            end = toks[k + 1].end
            return text.startswith(unit, end) or text[max(0, t.start - len(unit)) : t.start] == unit
        return False

    @staticmethod
    def _in_number_list(toks, k) -> bool:
        """``1 1 2 3 5`` is data, not a doubled number; so are coordinates (``POLYGON((0 0,10 0,
        10 10,0 10))``: a number across a comma or a parenthesis)."""
        def number_at(i: int, step: int) -> bool:
            if not 0 <= i < len(toks):
                return False
            if toks[i].surface in (",", "(", ")") and 0 <= i + step < len(toks):
                i += step
            return _DIGITS.match(toks[i].surface) is not None

        # 2021-11-19 19:00: a date's day, then the hour of a time
        date_time = (k > 0 and toks[k - 1].surface in ("-", "/", ".")) or (k + 2 < len(toks) and toks[k + 2].surface in (":", "："))
        return date_time or number_at(k - 1, -1) or number_at(k + 2, 1)

    def _report(self, report, start, end, del_start, del_end, word):
        if self._deliberate(start, end, word):
            return
        self._reported.update((start, end))
        fix = Fix((Edit(del_start, del_end, ""),), False, f"重複した「{word}」を1つ削除")
        # (a number doubled twice is data as often as a slip: 1 1 counts only with the same word before it)
        key = self._text[max(0, start - 1) : end] if word[:1].isdigit() else self._text[start:end]
        self._pending.append((key, start, end, f"「{quote(word)}」が2回続いています", fix))

    def _flush(self, report):
        """Report the doublings held back, but not one written again elsewhere in the
        document (▲ 苫小牧のものもの。 … ▲ 浦河のものもの。, the comedy duo ジャルジャル in two
        paragraphs): that is the writer's own idiom or a name; a slip is made once (of 661
        doublings injected in copies of human documents, none is written twice)."""
        counts = Counter(p[0] for p in self._pending)
        for key, start, end, message, fix in self._pending:
            if counts[key] == 1:
                report(start, end, message, fix=fix)

    def _deliberate(self, start: int, end: int, word: str) -> bool:
        """A katakana sound word the dictionary does not know, doubled right before its verb
        (フンガーフンガー鳴ってる), or a word chanted as a clause of its own: said on purpose.
        A known noun doubled before a verb with its particle dropped (レポートレポート書いて)
        stays a slip, and so does …テストテストする."""
        if self._chanted(start, end) or _SAYING_AFTER.match(self._text, end):
            return True  # (…ずーとイノベーションイノベーション言ってて: the words someone keeps saying)
        if _HIRAGANA_WORD.fullmatch(word) and _verb_stem(word):
            return True  # つっかえつっかえ弾いた: a verb's stem doubled is an adverb (kana only: 支払い is a noun too)
        if not _KATAKANA.fullmatch(word):
            return False
        i = bisect_right(self._starts, start) - 1
        covering = self._toks[i] if i >= 0 else None
        if covering is None or not (covering.unknown and covering.start <= start and covering.end >= end):
            return False
        j = bisect_left(self._starts, end)
        nxt = self._toks[j] if j < len(self._toks) else None
        return nxt is not None and nxt.start == end and nxt.pos1 == "動詞" and nxt.lemma not in ("為る", "出来る")

    def _chanted(self, start: int, end: int) -> bool:
        """The doubled word is the whole clause, right before the sentence's end and after a
        conjunctive particle, a punctuation mark, an adverb or a condition (…面倒なので自動化
        自動化。, …。仕事仕事！, とりあえず練習練習。, …なら大丈夫大丈夫。): a chant.  A word
        doubled inside a clause (…の市場市場。, 市場市場の) is a slip."""
        if self._text[end : end + 1] not in _SENTENCE_END:
            return False
        i = bisect_right(self._starts, start) - 1
        while i >= 0 and self._toks[i].end > start:
            i -= 1
        prev = self._toks[i] if i >= 0 else None
        if prev is None or prev.pos2 == "接続助詞" or prev.surface in _SENTENCE_END + "、，":
            return True
        if prev.pos1 == "副詞" or prev.surface in _CONDITIONALS:
            return True  # とりあえず練習練習。, …なら大丈夫大丈夫。: the clause is the chant
        return self._text.endswith(("ので", "のに"), 0, start)  # の+で: UniDic splits ので here

    def _doubled_runs(self, doc, block, toks, allowed, report):
        """A run of kanji and katakana that is one string written twice (機能毎機能毎,
        朝食後朝食後, バンドラバンドラ), however the tokenizer cut it: the token tests above
        miss compounds split differently in each half.  Runs the dictionary knows as one word
        and mimetic halves (ワクワク) are left alone."""
        masked = block.masked
        for m in _CJK_RUN.finditer(masked):
            run = m.group()
            n = len(run)
            if n < 4 or n % 2 or run[: n // 2] != run[n // 2 :]:
                continue
            half = run[: n // 2]
            start = block.start + m.start()
            end = start + n
            if start in self._reported or end in self._reported or half.lower() in allowed:
                continue
            if _mimetic(half) or _DISTRIBUTIVE.match(half) or _every(half):
                continue  # ワクワク, 一行一行, 毎話毎話: doubled on purpose
            if any(half == half[:p] * (len(half) // p) for p in range(1, len(half) // 2 + 1) if len(half) % p == 0):
                continue  # ーーーー, 重複重複重複重複: a rule, or rhetoric (three or more)
            i = bisect_right(self._starts, start) - 1
            if i >= 0 and toks[i].start <= start and toks[i].end >= end and not toks[i].unknown:
                continue  # the dictionary reads the run as one word (馬鹿馬鹿しい)
            if i >= 0 and _closed_mimetic(half) and (toks[i].pos1 == "副詞" or toks[i].unknown):
                continue  # プルン|プルン, ボヨンボヨン (unknown): a sound word, not ボタン|ボタン
            if _adverb_twice(toks, i, start, half):
                continue  # 是非|是非おすすめ: an adverb said twice for emphasis
            j = bisect_left(self._starts, end)
            if 0 < j < len(toks) and toks[j].start == end and _quality_verb(toks[j - 1], toks[j], toks[j + 1 : j + 3]):
                continue  # 魔法魔法した
            self._report(report, start, end, start + n // 2, end, half)


def _adverb_twice(toks, i: int, start: int, half: str) -> bool:
    """The run is one adverb token written twice (是非|是非, 全然|全然): emphasis, as ますます or
    どんどん are, which the dictionary lists whole."""
    return (
        0 <= i and i + 1 < len(toks) and toks[i].start == start
        and toks[i].surface == toks[i + 1].surface == half and toks[i].pos1 == toks[i + 1].pos1 == "副詞"
    )


@lru_cache(maxsize=4096)
def _one_word(text: str) -> bool:
    """The dictionary reads ``text`` alone as one word (バタバタ, an adverb), though in context it
    split it in two.  Asked only of a doubling about to be reported, so the extra call is rare."""
    from kijilint.tokens import tagger

    words = list(tagger()(text))
    return len(words) == 1 and words[0].feature_raw.count(",") >= 10


def _named_then_derived(toks, k: int) -> bool:
    """``東京科学|大学|大学|院``: the first copy closes a compound (東京科学大学), the second
    opens a word derived with a kanji suffix (大学院), so the noun is written twice on purpose.
    Without a noun before it (…の互換互換性), the doubling is a slip."""
    if k == 0 or k + 2 >= len(toks):
        return False
    before, after = toks[k - 1], toks[k + 2]
    return (
        bool(_KANJI.fullmatch(toks[k].surface))  # (not 本日21 21日: a number counted twice)
        and before.pos1 == _NOUN and before.end == toks[k].start
        and after.pos1 == "接尾辞" and after.start == toks[k + 1].end and bool(_KANJI.fullmatch(after.surface))
    )


_NEGATING_PREFIXES = ("非", "不", "無", "未", "反", "脱")


def _negated_then_plain(toks, k: int) -> bool:
    """``非|自明|自明|ギャグ``: a negating prefix binds the first copy (非自明), so the pair is
    a word and its opposite (a non-trivial trivial gag), written side by side on purpose."""
    if k == 0:
        return False
    before = toks[k - 1]
    return before.pos1 == "接頭辞" and before.surface in _NEGATING_PREFIXES and before.end == toks[k].start


def _pair_relation(toks, k: int) -> bool:
    """``行列|行列|積``, ``サーバ|サーバ|間``: a word doubled before 積/間/対 names a relation of
    the word with itself (a matrix-matrix product, server-to-server), one compound."""
    if k + 2 >= len(toks):
        return False
    after = toks[k + 2]
    return after.surface in _RELATION_KANJI and after.start == toks[k + 1].end


_RELATION_KANJI = ("積", "間", "対")


def _quality_verb(noun, after, rest) -> bool:
    """A noun that is no verbal noun, doubled and made a verb with する that describes a state
    (魔法魔法した, ファンタジーファンタジーしてる, …している: very much like it), or a verb's
    stem doubled so (分け分けして: baby talk).  A verbal noun doubled before する (確認確認した,
    苦労苦労した) is a slip, and so are an adverbial noun (普段普段しない) and any other noun
    before another form of する (目的目的して, パースパースして: a loanword verbal noun the
    dictionary does not mark)."""
    if not (after.lemma == "為る" and noun.pos1 == "名詞" and "サ変" not in noun.pos and "副詞可能" not in noun.pos):
        return False  # (サ変可能, サ変形状詞可能: 苦労)
    if "\u3041" <= noun.surface[-1] <= "\u3096":
        return True  # 分け|分け: a verb's stem, doubled as children say it
    nxt = [t.surface for t in rest]
    return nxt[:1] in (["た"], ["てる"], ["てた"]) or nxt[:2] in (["て", "いる"], ["て", "い"], ["て", "た"])


def _distributive_token(t) -> bool:
    """一行, 一言, 一瞬 read as one word and doubled: one at a time (一行一行).  一覧, 一緒 (verbal
    nouns) and 一般 are words of their own, so 一覧一覧 is a slip."""
    return (bool(_DISTRIBUTIVE.match(t.surface)) and "サ変可能" not in t.pos and t.surface != "一般") or _every(t.surface)


def _every(word: str) -> bool:
    """毎食, 毎話, 毎試合: "every …", doubled for "every single …" (毎話毎話, like 毎日毎日)."""
    return word.startswith("毎") and 2 <= len(word) <= 4


def _before_counter(toks, k: int) -> bool:
    """The token after ``toks[k]`` is a counter (年, 個, 回…) or ``%``, glued to it."""
    after = toks[k + 1] if k + 1 < len(toks) else None
    if after is None or after.start != toks[k].end:
        return False
    # 人, 名, 倍 are suffixes to the tagger (3 3人), counters all the same
    return after.surface == "%" or after.pos1 == "接尾辞" or after.pos.split(",")[2:3] in (["助数詞"], ["助数詞可能"])


def _doubled_digit(s: str) -> bool:
    return len(s) == 2 and s[0] == s[1] and s.isascii() and s.isdigit()


def _doubled_prefix(toks, k: int) -> bool:
    """A two-kana katakana word doubled and glued to the katakana word it qualifies
    (プレプレリリース, ポストポスト…): word play on a prefix, not a slip."""
    t, nxt = toks[k], toks[k + 2] if k + 2 < len(toks) else None
    return (
        len(t.surface) <= 2 and _KATAKANA.fullmatch(t.surface) is not None
        and nxt is not None and nxt.start == toks[k + 1].end and _KATAKANA.fullmatch(nxt.surface) is not None
    )


_KATAKANA = lazy_re(r"[\u30a1-\u30fa\u30fc]+")


def _prefix_doubled(t, u, allowed) -> bool:
    """A kanji word written, then written again whole (見出|見出し): the first is a false start."""
    return (
        u.start == t.end and len(t.surface) >= 2 and len(u.surface) > len(t.surface)
        and u.surface.startswith(t.surface) and _KANJI.fullmatch(t.surface) is not None
        and t.pos1 == _NOUN and u.pos1 == _NOUN and t.surface.lower() not in allowed
    )


def _katakana_adverb_doubled(t, u) -> bool:
    """A katakana mimetic the dictionary knows as one word, written twice (スッキリスッキリ); the
    dictionary's own reduplications (ワクワク) are one token, and hiragana emphasis
    (もっともっと, ずっとずっと) is said on purpose."""
    return (
        t.pos1 == u.pos1 == "副詞" and t.surface == u.surface and u.start == t.end
        and len(t.surface) >= 3 and _KATAKANA.fullmatch(t.surface) is not None
        and not _mimetic(t.surface)  # ガッポガッポ: a two-mora mimetic base (ガッ|ポ), doubled on purpose
        and not _closed_mimetic(t.surface)  # プルンプルン, ゴロンゴロン
        and not _reduplicated(t.surface)  # ガチャガチャガチャガチャ: a sound drawn out, said again
    )


def _in_title_quote(text: str, start: int, end: int) -> bool:
    """``start``..``end`` lies inside a title in 『…』 on one line that holds more words than
    the doubling (『still still stellar』; 「Edit Edit」 alone is still a slip)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before, after = text[line_start:start], text[end : line_end if line_end >= 0 else len(text)]
    o, c = before.rfind("『"), after.find("』")
    return o > before.rfind("』") and c >= 0 and "『" not in after[:c] and bool((before[o + 1 :] + after[:c]).strip())


def _reduplicated(surface: str) -> bool:
    """The word is itself a doubling (ガチャガチャ, 大大): doubled again, it is a run said on
    purpose (ガチャガチャガチャガチャ, 大大大大ファン), as three in a row is."""
    n = len(surface)
    half = surface[: n // 2]
    # (one kana doubled is a word of its own, ママ, not a sound drawn out)
    # (nor is a Latin word or a number: PayPay PayPay, 2020 2020 are slips)
    return n >= 2 and n % 2 == 0 and half == surface[n // 2 :] and not _nfkc(half).isascii() and (n >= 4 or _KANJI.fullmatch(half) is not None)

