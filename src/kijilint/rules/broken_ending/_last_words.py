"""The grammar of a sentence's last words: can they end a sentence?  (shared by EN002/EN003)

``ending`` reads the UniDic tokens of a sentence's end and answers with a strength:

- ``cut``: a word cut short (``ファイ`` beside ``ファイル``, ``インストー``, ``確認しまし``,
  ``…のパ``), whatever follows the paragraph;
- ``strong``: words that cannot end a sentence (a case particle, a dangling 、, a continuative or
  attributive form, a prefix, こんな);
- ``weak``: a bare noun or a colloquial particle, which only counts in prose;
- ``None``: a possible sentence end (a finished predicate, a sentence-final particle).

The clause helpers (``closes_clause``) tell whether a 、 closes a subordinate clause.
"""

from __future__ import annotations

from collections import Counter

from kijilint.markdown import MASK
from kijilint.rules._layout import JAPANESE, verb_as_noun
from kijilint.rules.broken_ending.unclosed_bracket import is_aside
from kijilint._lazy_re import lazy_re

_STRONG_PARTICLES = {"格助詞", "係助詞", "副助詞", "準体助詞"}
_COLLOQUIAL = {"けど", "けれど", "けども", "けれども", "し", "のに", "から", "ので", "って", "が"}

# Adverbs that open a clause and cannot end a sentence (たとえ…ても, もし…なら, まるで…ようだ).
_CLAUSE_OPENERS = {"たとい", "たとえ", "もし", "もしも", "仮に", "まるで", "あたかも", "必ずしも"}
# Adverbs that end a polite formula on their own (コーヒーをどうぞ, 今後ともよろしく).
_COURTESY = {"どうぞ", "よろしく", "宜しく", "ぜひ", "是非", "どうか"}
# adverbs that serve as a casual predicate (味がいまいち, 準備はばっちり)
_PREDICATIVE_ADVERBS = {
    "いまいち", "イマイチ", "今一", "今一つ", "今ひとつ", "いまひとつ", "まあまあ", "まずまず", "そこそこ",
    "ぼちぼち", "ばっちり", "バッチリ", "さっぱり",
}
NOUN_ENDS = ("名詞", "代名詞", "接尾辞")
PREDICATES = ("動詞", "助動詞", "形容詞")
# particles that govern a predicate still to come (…本体はダウ, …今回も普段自分)
GOVERNING_PARTICLES = ("が", "を", "に", "で", "へ", "は", "も", "から", "より")


def closes_clause(toks, i: int) -> bool:
    """Whether the 、 at ``toks[i]`` ends a subordinate clause: after a conjunctive particle, a
    連用形 or 仮定形 predicate (…し、 / …したら、), a polite one (…なります、), or a noun right
    after a 連体形 predicate, with its に/は/で (…ため、 / …関係上、 / …した際に、)."""
    p = toks[i - 1]
    if p.pos2 == "接続助詞" or (p.surface == "か" and p.pos2 in ("副助詞", "終助詞")):
        return True  # …ので、 / …のか、 (an embedded question)
    if p.surface == "ほど" and i >= 2 and toks[i - 2].pos1 in PREDICATES:
        return True  # …すればするほど、
    if p.surface == "たり" and p.pos2 == "副助詞" and i >= 2 and toks[i - 2].pos1 in PREDICATES:
        return True  # …お酒も提供していたり、
    if p.pos1 in PREDICATES and p.cform.startswith(("連用形", "仮定形")):
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
    return toks[k].pos1 == "名詞" and k >= 1 and toks[k - 1].pos1 in PREDICATES and toks[k - 1].cform.startswith("連体形")


# Adverbs that do announce what follows (…見ましたが、特に ⏎ list, 例えば ⏎ - …); any other
# adverb waits for its verb.
# (ざっくり / ざっと / おおまかに: "roughly", the summary the list gives: …受け取った主張は、ざっくり ⏎ list)
LEAD_ADVERBS = {"例えば", "たとえば", "特に", "主に", "まず", "次に", "さらに", "また", "ちなみに", "なお", "具体的", "以下", "とりあえず", "たとえ", "ざっくり", "ざっと", "おおまかに", "大まかに"}


def _polite_clause(toks, i: int) -> bool:
    """The 、 at ``toks[i]`` follows a polite predicate (…なります、) or a conjunctive particle
    right after one (…ありますが、 / …ですので、): a formal clause, finished, the next to come."""
    if i < 2:
        return False
    p = toks[i - 1]
    if p.pos1 == "助動詞" and p.surface in ("ます", "です"):
        return True
    return p.pos2 == "接続助詞" and toks[i - 2].pos1 == "助動詞" and toks[i - 2].surface in ("ます", "です")


_MARKUP_OPENERS = "`*_[(（「『 \u3000"
_KANA = lazy_re(r"[\u3041-\u30fa\u30fc]+")
_KATAKANA_ONE = lazy_re(r"[\u30a1-\u30fa]")
_SMALL_TSU_END = lazy_re(r"[\u3041-\u3093\u30fc]っ$")  # ちょっ, not っっ
_KATAKANA_CHARS = "".join(map(chr, range(0x30A1, 0x30FB))) + "ー"
_DEMONSTRATIVE_NA = {"こんな", "そんな", "あんな", "どんな"}


def trailing_katakana(tail: str) -> str:
    """The katakana run that ends ``tail`` (not opening on ー), or "".  Stripped from the end,
    not searched for: a search for a run anchored at ``$`` restarts at every kana of a long one."""
    run = tail[len(tail.rstrip(_KATAKANA_CHARS)) :]
    return run.lstrip("ー")


def comma_then_markup(tail: str) -> bool:
    """``…するので、``` `` : a 、 followed only by the opening of code, emphasis or a link."""
    bare = tail.rstrip(_MARKUP_OPENERS)
    return bare != tail and bare[-1:] in ("、", "，", ",")


def opener_end(tail: str) -> bool:
    """``…素晴らしいウェブサイトの[`` : the sentence stops right after an opening bracket, or a
    footnote reference's ``[^`` (``…同じ検索をB+ツリー[^``)."""
    if len(tail) > 2 and tail.endswith("[^"):
        return True
    return len(tail) > 1 and tail[-1] in "[(（「『" and tail[-2] not in "[(（「『 \u3000\n:;=：；"  # :( is a face


def open_paren(masked_tail: str) -> bool:
    """An ASCII ( or [ opened in the last sentence and never closed (``Azure ML(マシーン``).
    Full-width brackets are EN006's; ``(汗`` / ``(笑`` at the end is a casual aside, not a cut."""
    for opener, closer in ("()", "[]"):
        if masked_tail.count(opener) > masked_tail.count(closer):
            rest = masked_tail[masked_tail.rfind(opener) + 1 :]
            return opener == "[" or (len(rest) > 2 and not is_aside(rest))  # …と[推(奨), never an aside
    return False


# (a run of underscores drawn in a face, (¦3[___], opens nothing: no word follows it)
_DANGLING_EMPHASIS = lazy_re(r"(?<![0-9A-Za-z])(?:\*\*|__)(?=[^\s*_])(?=[^*_]*[0-9A-Za-z\u3040-\u30ff\u3400-\u9fff])[^*_]*[*_]?$")
# `npm ins, or a backtick opened last after a space (…の `/` と `), not ’static` ライフタイム (a stray closer)
_INTRAWORD_UNDERSCORES = lazy_re(r"(?<=[0-9A-Za-z])_+(?=[0-9A-Za-z])")  # never emphasis (CommonMark)
# (also a backtick right after a Japanese word at the end: …得られたのでそこから`)
_OPEN_CODE = lazy_re(r"`[^\s`][^`]*$|(?:^|[ \t\u3000\u3040-\u30ff\u3400-\u9fff])`$")
_CLOSED_BEFORE_MARK = "\"”』」）)。．！？!?"
# A face that draws an eye with a backtick, (*´ω`) / (´・ω・`*): no code opens there (the eye
# may be followed only by a cheek or a sweat mark, never by a word)
_BACKTICK_FACE = lazy_re(r"[(（][^()（）`\n]{0,12}[^\x00-\x7f][^()（）`\n]{0,12}`[^()（）`\n\sA-Za-z0-9]{0,4}[)）]")
_OPEN_TAG = lazy_re(r"</?(?:[A-Za-z][A-Za-z0-9-]*)?$")  # a tag's < with no > before the end
_DANGLING_LINK_TEXT = lazy_re(r"\[(?!\^)[^\[\]]*[\u3040-\u30ff\u3400-\u9fff][^\[\]]*\]$")


# Marks a writer closes a line with on purpose, no 。 (a bracket, an ellipsis, ！, 〜, 笑, ♪…)
DELIBERATE_ENDS = "…‥」』）)]】〕］>＞〉》\"'”’〜～笑ｗ!?！？♪☆★"


def laughs_or_draws_out(tail: str) -> bool:
    """The text ends in laughter, a run of w after Japanese, a closing bracket, bold text or
    two dots (…ですww, …話ですが)w, **…付きます**w, …ますが....ww; not abcw, a word's last
    letter), in a hiragana word drawn out by ー (はいどーもー, そうだよｰ), in a vowel drawn
    out (…生き返るううう, …楽しみがぁ), a cry drawn out to its small tsu (…同い年〜〜ッッ, …やったっっ; not
    …集めたっ, a word cut) or a polite ending drawn out (…応援しまーす, …元気でーす): speech,
    ended on purpose."""
    # (the run is stripped, not searched for: a search for [wｗ]+$ is quadratic on a long run)
    stripped = tail.rstrip("wｗ")
    # (a hard-wrapped line may break right before the run: …印象です ⏎ ww)
    before = stripped.rstrip("\n") if len(stripped) < len(tail) else ""
    # (after bold text too, glued or set apart: **…付きます**w, **…例えます** w; a w set apart
    # after a word is left to the grammar: …系を w may be a Latin word cut at its first letter)
    bold = before.rstrip(" \u3000").endswith("*")
    if before and (bold or not before[-1].isascii() or before[-1] in ")]>" or before.endswith("..")):
        return True
    if _DRAWN_VOWEL.search(tail[-64:]):  # (the end only: a search over a long run is quadratic)
        return True  # …生き返るううう, …楽しかったあああ, …すごいぃぃ: a vowel drawn out, a cry
    if _DRAWN_CRY.search(tail[-48:]):
        return True
    if _SMALL_VOWEL_END.search(tail[-2:]):
        return True  # …楽しみがぁ, …なんだよねぇ: one small vowel after hiragana drags the word out
    # (a run of long marks too: …私達もですがーーー trails off as an ellipsis does)
    drawn = tail[-64:].rstrip("ー〜～ｰ")
    return len(drawn) < len(tail[-64:]) and "\u3041" <= drawn[-1:] <= "\u309f"


# One small hiragana vowel after hiragana (katakana ファ, ティ are words cut short)
_SMALL_VOWEL_END = lazy_re(r"[\u3041-\u3096][ぁぃぅぇぉ]$")


# After kana, one vowel written three times or more, or a small one twice (a cut word ends in
# no such run: ああ alone may be the start of ああいう, so two full-size ones do not count)
_DRAWN_VOWEL = lazy_re(r"[\u3041-\u30ff](?:([あいうえおアイウエオ])\1{2,}|([ぁぃぅぇぉァィゥェォ])\2+)$")
# A long mark or wave dash then small tsu, small tsu doubled, or ます/です drawn out
_DRAWN_CRY = lazy_re(r"(?:[〜～~ー]{1,20}[ッっ]{1,10}|[ッっ]{2,10}|(?:ま|で)[ー〜～]{1,8}す)[!！]{0,10}$")


OPEN_CODE_WHY = "コード（`）が閉じないまま途切れています"


def open_markup(masked_tail: str, raw_paragraph: str) -> str | None:
    """Inline markup opened in the last sentence and never closed: a ``**`` (``**Findy 開発生``:
    an odd count in the paragraph, the last one opening text), a backtick (closed code is masked, so any left
    in the masked text is open), or a link's text whose ``(URL)`` never came (``詳細については、
    [クイックスタート]``: a real link is masked)."""
    tail = masked_tail.rstrip()
    raw = _INTRAWORD_UNDERSCORES.sub("", raw_paragraph.rstrip())  # (@No___Op: a name, no emphasis)
    # (a single * after a closing quote or a sentence mark ends a bold run typed with one
    # asterisk too few, …ままである"*: the words inside are whole; …人だから* is cut in its **)
    misclosed = len(raw) > 2 and raw[-1] in "*_" and raw[-2] in _CLOSED_BEFORE_MARK
    if (raw.count("**") % 2 or raw.count("__") % 2) and not misclosed and _DANGLING_EMPHASIS.search(raw):
        return "強調（**）が閉じないまま途切れています"
    faceless = _BACKTICK_FACE.sub("", tail) if "`" in tail else tail
    if faceless.count("`") % 2 and _OPEN_CODE.search(faceless):
        return OPEN_CODE_WHY
    link = _DANGLING_LINK_TEXT.search(tail)
    # ([English](README.md) | [日本語]: a language switcher leaves the current page unlinked)
    # (nor a display equation written \[…\]: \[A = …\text{このとき}…\])
    if link and not tail.startswith("[") and not tail[: link.start()].rstrip().endswith(("|", "｜")) and not raw.endswith("\\]"):
        return "リンクの URL の前で途切れています"
    if tail.endswith("[") and len(tail) > 1:
        return "リンクが開いたまま途切れています"  # …と圧倒的他責精神で [
    if _OPEN_TAG.search(raw[-40:]):
        return "HTML タグが閉じないまま途切れています"  # …定義されている<Term>メソッド</
    if _open_math(raw):
        return "数式（$）が閉じないまま途切れています"  # …が等しい、すなわち、$
    return None


_MATH_DOLLAR = lazy_re(r"(?<![\\$])\$(?!\$)")  # one $, not \$ nor $$
_MATH_OPEN_REACH = 40


def _open_math(raw: str) -> bool:
    """The paragraph writes TeX math in $…$ (a span closed before) and its last $
    opens one that the paragraph ends inside, with no Japanese after it (…すなわち、$,
    …と定めることで実数$\\): a cut.  (A price, $5, comes alone and is followed by words.)"""
    if "$" not in raw[-_MATH_OPEN_REACH:]:
        return False
    marks = [m.start() for m in _MATH_DOLLAR.finditer(raw)]
    if len(marks) < 3 or len(marks) % 2 == 0:
        return False
    after = raw[marks[-1] + 1 :]
    return len(after) <= _MATH_OPEN_REACH and not JAPANESE.search(after)


# A weather report (晴れ一時雨, 曇り時々雪, 雨のち晴れ): its 時雨 is no stem of 時雨る cut short
_WEATHER = lazy_re(r"(?:晴れ?|曇り?|雨|雪)(?:一時|時々|のち|後)(?:晴れ?|曇り?|雨|雪)$")


def ending(doc, toks, tail: str):
    strength, why = _grammar(doc, toks, tail)
    if strength in (None, "weak") and toks[-1].pos1 not in PREDICATES and _STEM_TAIL.search(tail) and not _WEATHER.search(tail[-12:]):
        # asked last, and only where the grammar found no cut: it tags the tail once per kana
        stem = verb_stem(tail)
        if stem:
            return "cut", f"語 {stem!r} が途中で切れています"  # 助か(る), 変わ(る), 近付(く), と言(う)
    k = _attributive_then_verb(toks) if strength in (None, "weak") else None
    if k is not None:
        return "cut", f"語 {''.join(t.surface for t in toks[k:])!r} が途中で切れています"
    kata = _KATAKANA_TAIL.search(tail) if strength in (None, "weak") else None
    if kata and _within_budget(doc, "EN:katakana-stems", _KATAKANA_STEMS_PER_DOCUMENT):
        word = katakana_stem(kata.group())
        if word:
            return "cut", f"語 {word!r} が途中で切れています"  # ダウンロー(ド), プロトタイピン(グ)
    return strength, why


def _noun_after_tari(toks) -> bool:
    """A noun right after たり (…蕎麦だったり山菜): the list of たり waits for its next item or
    its する; no sentence of 540 human documents ends so."""
    if len(toks) < 2:
        return False
    t, p = toks[-1], toks[-2]
    return p.surface == "たり" and p.pos1 == "助詞" and t.pos1 == "名詞" and t.start == p.end


def _genitive_subject_clause(toks) -> bool:
    """A noun and の, then a predicate (…厚みのある, …私の書いた, …色の違う): の marks a
    subject only inside a clause that modifies a noun (が/の交替), so the sentence stopped
    before that noun.  A sentence ends on が: …厚みがある."""
    i = len(toks) - 1
    if not toks[i].cform.startswith(("終止形", "連体形")):
        return False
    if i >= 3 and toks[i].pos1 == "助動詞" and toks[i].surface in ("た", "ない") and toks[i - 1].pos1 == "動詞":
        i -= 1  # …私の書いた, …やる気の出ない
    t = toks[i]
    if i < 2 or t.pos1 not in ("動詞", "形容詞"):
        return False
    p, n = toks[i - 1], toks[i - 2]
    return p.surface == "の" and p.pos2 == "格助詞" and (n.pos1 in NOUN_ENDS or n.pos1 == "代名詞") and p.start == n.end and t.start == p.end


def _attributive_then_verb(toks) -> int | None:
    """クラシカルな見た(目), そんな出(口): an attributive (…な, 連体詞) wants a noun, so a verb
    (and た) right after it at the sentence's end is a noun cut and misread by the tagger.
    Returns where the misread word starts."""
    i = len(toks) - 1
    if i >= 1 and toks[i].surface == "た" and toks[i].pos1 == "助動詞":
        i -= 1
    if i < 1 or toks[i].pos1 != "動詞" or not toks[i].cform.startswith("連用形"):
        return None
    return i if _attributive(toks[i - 1]) else None


def _attributive(a) -> bool:
    """な of a na-adjective before its noun, or an attributive word (この, 大きな)."""
    return (a.pos1 == "助動詞" and a.surface == "な" and a.cform.startswith("連体形")) or a.pos1 == "連体詞"


# (3 to 20 kana: a longer run is no loanword, and a hostile one must not be tagged 25 times)
_KATAKANA_TAIL = lazy_re(r"(?<![\u30a1-\u30fa\u30fc])[\u30a1-\u30fa][\u30a1-\u30fa\u30fc]{2,19}$")
# What a katakana loanword most often ends in after its cut: one or two kana.
_KATAKANA_ENDINGS = ("ド", "ト", "ル", "ン", "ス", "ク", "グ", "プ", "ム", "ジ", "ブ", "ー", "イ", "ア",
                     "ード", "ート", "ール", "ーム", "ーク", "ーン", "ース", "ング", "ション", "ティ", "リー")


_KATAKANA_STEMS_PER_DOCUMENT = 300  # each asks the tagger up to 26 times: a hostile file of
# bare katakana endings stays linear and cheap; an article has a handful


def _within_budget(doc, key: str, limit: int) -> bool:
    n = doc.cache.get(key, 0)
    doc.cache[key] = n + 1
    return n < limit


def katakana_stem(run: str) -> str | None:
    """A katakana word cut short (``…のダウンロー``, ``…プロトタイピン``): the dictionary
    splits the run (ダウン|ロー) but reads it whole, as one known word, with a kana or two more
    (ダウンロード).  A run the dictionary knows whole (ロー, プロトタイピング) is a word."""
    return _memo(_KATA_STEMS, run, _katakana_stem)


def _katakana_stem(run: str) -> str | None:
    if len(_tag(run)) >= 2 or _unknown(run):
        for end in _KATAKANA_ENDINGS:
            if len(_tag(run + end)) == 1 and not _unknown(run + end):
                return run
    return None


_KATA_STEMS: dict[str, str | None] = {}


def _memo(cache: dict, key: str, compute):
    """``compute(key)``, remembered; the cache is emptied past 4,096 entries (a hostile file
    of distinct tails must not grow it without bound)."""
    if key not in cache:
        if len(cache) > 4096:
            cache.clear()
        cache[key] = compute(key)
    return cache[key]


def _unknown(text: str) -> bool:
    from kijilint.tokens import tagger

    return any(w.is_unk for w in tagger()(text))


# A stem ends in a kanji or a hiragana (助か, 変わ, 言), never in katakana, Latin or digits.
_STEM_TAIL = lazy_re(r"[\u3041-\u3093\u3400-\u9fff]$")


_POLITE_ENDS = {"ます", "です", "ました", "でした", "ません", "ください", "下さい", "なさい"}


_ADMONITION_ENDS = ("ないように", "ないよう", "ぬように", "んように", "ますように")
_PURPOSE_ENDS = ("できないように", "できないよう")


def admonition(tail: str) -> bool:
    """…あまり鵜呑みにしないように / …できますように: an admonition or a wish said short, on
    purpose.  …受信できないように is a purpose: its main clause was cut."""
    return tail.endswith(_ADMONITION_ENDS) and not tail.endswith(_PURPOSE_ENDS)


def polite_end(toks) -> bool:
    """A polite predicate finished in form (…ご注意ください, …しています): a 。 forgotten by
    a writer who otherwise uses it is a slip, common in hand-written manuals and harmless."""
    tail = "".join(t.surface for t in toks[-2:])
    return any(tail.endswith(p) for p in _POLITE_ENDS)


def _grammar(doc, toks, tail: str):
    t = toks[-1]
    p1, p2 = t.pos1, t.pos2
    if tail.strip(" \u3000\n「") in REASON_OPENERS:
        return "strong", f"「{tail.strip()}」で途切れています"  # …です。なぜなら: the reason never came
    if tail[-1] in "、，," and len(toks) >= 2 and toks[-1].pos2 == "読点" and polite_end(toks[:-1]):
        return None, ""  # …と思いました、そうします、: a comma splice after a finished polite predicate
    if tail[-1] in "、，," or comma_then_markup(tail):
        return "strong", "読点で途切れています"
    if opener_end(tail):
        # (no lead-in ends on an opening bracket: …2001年に『 ⏎ card is cut, whatever follows)
        return "cut", "開き括弧の直後で途切れています"
    if (
        t.surface == "いま" and len(toks) >= 2 and toks[-2].end == t.start
        and ((toks[-2].surface in ("て", "で") and toks[-2].pos2 == "接続助詞") or (toks[-2].surface == "して" and toks[-2].pos1 == "接続詞"))
    ):
        # …注意を払っていま(す), …へと`map`していま(す) (after code, して reads as a conjunction):
        # いま read as "now"
        return "cut", "語 'います' が途中で切れています"
    if t.surface == "どう" and len(toks) >= 2 and toks[-2].surface == "か" and toks[-2].end == t.start:
        return "cut", "語 'かどうか' が途中で切れています"  # …重複があるかどう(か): no sentence ends on かどう
    if tail.endswith(("」っ", "』っ")):
        return "cut", "「っ」で途切れています"  # …「削りたくないな」っ(て): a quotation's って cut short
    if t.surface == "な" and p1 == "助詞" and tail.endswith(("ではな", "じゃな", "わけでもな", "ことでもな")):
        return "strong", f"「{tail[-3:]}」で途切れています"  # …勉強するのではな(く): read as the particle な
    kata = trailing_katakana(tail)
    if len(kata) >= 5 and kata[-1] == "ッ":
        return "cut", f"語 {kata!r} が途中で切れています"  # リーダーシッ(プ): no word ends so
    if kata and len(t.surface) == 1 and p1 == "接尾辞" and len(toks) >= 2 and toks[-2].end == t.start and _KATAKANA_WORD.fullmatch(toks[-2].surface):
        return "cut", f"語 {kata!r} が途中で切れています"  # ルールシ(ステム): one kana the tagger could only read as a suffix
    if t.surface == "ッ" and p1 == "補助記号" and len(toks) >= 2 and toks[-2].pos1 == "名詞" and kata:
        return "cut", f"語 {kata!r} が途中で切れています"  # リセッ(ト): the tagger could not make a word of it
    if (
        t.surface == "っ" and p1 == "補助記号" and len(toks) >= 2 and toks[-2].end == t.start
        and _KANJI_ONE.fullmatch(toks[-2].surface[-1])
    ):
        return "cut", f"語 {toks[-2].surface + t.surface!r} が途中で切れています"  # …ロックに突っ(込んだ): 突 and っ apart
    if t.surface in ("ネ", "ヨ") and p2 == "終助詞" and len(toks) >= 2 and (
        (toks[-2].surface in ("て", "で") and toks[-2].pos2 == "接続助詞")
        or (toks[-2].pos1 in PREDICATES and toks[-2].cform.startswith("終止形"))
    ):
        return None, ""  # …幸せになってネ, …楽しかったヨ: ね and よ spelt in katakana, playfully
    if (
        kata and p2 == "終助詞" and len(toks) >= 2 and toks[-2].pos1 == "名詞" and toks[-2].end == t.start
        and _KATAKANA_WORD.fullmatch(toks[-2].surface) and _KATAKANA_WORD.fullmatch(t.surface)
    ):
        # …連続しないフィボナ(ッチ), read as the name フィボ and the particle ナ: a katakana
        # "particle" glued to a katakana noun is the rest of the word, cut short
        return "cut", f"語 {kata!r} が途中で切れています"
    if len(t.surface) == 1 and _KATAKANA_ONE.fullmatch(t.surface) and len(toks) >= 2 and toks[-2].pos1 in ("助詞", "接続詞"):
        # こういうのもフ(ェス), gems がベ(スト): one katakana after a particle (or が read as a
        # conjunction) is a word's first letter; none ends a sentence of ~620 human documents
        return "cut", f"語 {t.surface!r} が途中で切れています"
    # a katakana "particle" right after a noun or a case particle (ところサ, ブロックのサ) is a word's start
    # (…発表するサ: the particle さ is not written in katakana after a verb either)
    after_case = len(toks) >= 2 and (toks[-2].pos2 == "格助詞" or toks[-2].pos1 in ("名詞", "代名詞", *PREDICATES))
    if kata and (p2 != "終助詞" or after_case) and _cut_word(doc, kata, min_len=1):
        # インストー(ル), リーダーシッ(プ), Swiftコ(ード), …ずつダ(ウンロード) read as だ, ブロックのサ(イズ)
        # read as the particle さ; a whole
        # dictionary word (テスト beside テストケース) may still end a lead-in
        word = kata
        # テスト beside テストケース is a word of its own (the tagger splits the longer one
        # after it); トピ beside トピック is cut (トピック is one word)
        whole = t.surface == word and p1 == "名詞" and not t.unknown and len(word) >= 2 and not _longer_token(doc, word)
        return ("strong" if whole else "cut"), f"語 {word!r} が途中で切れています"
    if p1 == "記号" and (_KANA.fullmatch(t.surface) or _KANJI_ONE.fullmatch(t.surface)) and t.surface != "せい":
        # kana the tagger cannot read (…のどち), or one kanji it cannot read as a word (…も確,
        # 何も問, １点懸): none ends a sentence in 260 clean documents; …のせい (所為) is a
        # noun UniDic reads as a symbol after の (…年のせい, …気のせい)
        return "cut", f"語 {t.surface!r} が途中で切れています"
    if t.surface in _DEMONSTRATIVE_NA:
        return "strong", f"「{t.surface}」で途切れています"  # こんな(感じ): it needs its noun
    if _noun_after_tari(toks):
        return "strong", "「たり」の後で途切れています"  # …蕎麦だったり山菜(だったり): the list never closed
    if _genitive_subject_clause(toks):
        return "strong", "名詞を修飾する節の途中で途切れています"  # 背中の部分は厚みのある(…): its noun never came
    if p1 == "感動詞" and _stub_after_particle(toks, tail):
        return "cut", f"語 {t.surface!r} が途中で切れています"  # 書いてあ(る), read as a filler
    if p1 == "助動詞" and t.surface == "た" and len(toks) >= 2 and (toks[-2].pos2 in ("格助詞", "係助詞", "副助詞", "括弧閉")):
        return "cut", f"語 {t.surface!r} が途中で切れています"  # 構築のた(め): た never follows a case particle
    if (
        (p1 == "接尾辞" or p2 == "助動詞語幹") and len(t.surface) == 1 and _KANA.fullmatch(t.surface)
        and len(toks) >= 2 and toks[-2].pos1 in PREDICATES and toks[-2].cform.startswith(("終止形", "連体形"))
    ):
        # …振り返って思うこ(と), …と思うそ(う): one kana read as a suffix after a finished
        # predicate (…出来る方 is a word; none ends a sentence so in 311 documents)
        return "cut", f"語 {t.surface!r} が途中で切れています"
    if p1 == "接尾辞" and len(toks) >= 2 and _attributive(toks[-2]):
        # …常に妥当な状(態): a suffix joins a noun, never an attributive's な (none ends a
        # sentence so in 311 documents)
        return "cut", f"語 {t.surface!r} が途中で切れています"
    if (
        t.surface == "あれ" and t.cform.startswith("命令形") and len(toks) >= 3 and toks[-2].surface == "で"
        and toks[-3].pos2 == "助動詞語幹"
    ):
        return "cut", "活用語の途中の形で途切れています"  # …参考になりそうであれ(ば): no command follows そう
    if t.surface == "につ" and p1 == "副詞":
        return "cut", "語 'につ' が途中で切れています"  # …とGoにつ(いて): read as an adverb, ending nothing
    if p1 == "助動詞" and t.surface == "つ":
        return "cut", f"語 {t.surface!r} が途中で切れています"  # 見つ(かる): the classical つ ends no modern sentence
    if _lone_letter_after_particle(toks) or (t.surface == "とい" and len(toks) >= 2 and toks[-2].pos1 != "助詞"):
        return "cut", f"語 {t.surface!r} が途中で切れています"  # …におけるS, Marpとい(う)
    if _cut_inflection(toks, tail):
        return "cut", "活用語の途中の形で途切れています"
    if t.surface == "い" and t.lemma == "居る" and t.cform.startswith("連用形") and len(toks) >= 2 and toks[-2].surface in ("て", "で"):
        # …くくられてい(る): いる's bare stem after a て-form leads into nothing (…ていて, …ている do)
        return "cut", f"語 {toks[-2].surface + t.surface!r} が途中で切れています"
    if t.lemma == "御座る" and t.cform.startswith("命令形"):
        return "cut", f"語 {t.surface!r} が途中で切れています"  # …ありがとうござい(ます), read as a command
    if p1 == "記号" and t.surface == "-" and len(toks) >= 2 and toks[-2].end == t.start and toks[-2].surface[-1:].isascii() and toks[-2].surface[-1:].isalnum():
        return "cut", f"語 {toks[-2].surface + t.surface!r} が途中で切れています"  # …でも用いたk-(d tree)
    if _compound_verb_stub(toks) and not _kanji_word_elsewhere(doc, t):
        return "cut", f"語 {toks[-2].surface + t.surface!r} が途中で切れています"  # 書き留(める)
    if t.surface == "さ" and len(toks) >= 2 and "サ変可能" in toks[-2].pos:
        return "cut", "活用語の途中の形で途切れています"  # 開催さ(れ), ビルドさ(れ): read as the particle さ
    if (
        p1 == "名詞" and p2 == "普通名詞" and _KANJI_ONE.fullmatch(t.surface) and "サ変可能" not in t.pos
        and len(toks) >= 2 and toks[-2].surface == "を" and toks[-2].pos2 == "格助詞"
    ):
        # …Company Domain を変(更), …を前(提に): one kanji after を is a word's first, not its
        # object's own noun, which a verb would follow (a verbal noun ends a step: …を購入)
        return "cut", f"語 {t.surface!r} が途中で切れています"
    if p1 == "形状詞" and p2 == "タリ" and len(t.surface) == 1:
        return "cut", f"語 {t.surface!r} が途中で切れています"  # …から確(認): the classical 確たる ends nothing
    if p1 == "助詞":
        prev = toks[-2] if len(toks) >= 2 else None
        if p2 == "終助詞" and prev is not None and prev.pos1 == "連体詞":
            # どのよ(うに): a sentence-final particle never follows どの/この (…そんなの is said so)
            return "cut", f"語 {t.surface!r} が途中で切れています"
        if (
            len(t.surface) == 1 and prev is not None and prev.pos2 == "読点" and t.surface not in _COMMA_TAGS
            and len(toks) >= 3 and (_clause_end(toks[-3]) or closes_clause(toks, len(toks) - 2))
        ):
            # …ついているので、ど(の), …ありますが、よ(く): one kana read as a particle after a
            # closed clause's 、 (…みたいな、ね / …だな、と / …、か(な) are said so: no other
            # ends a sentence in 311 documents)
            return "cut", f"語 {t.surface!r} が途中で切れています"
        if t.surface == "と" and p2 == "格助詞" and prev is not None and (prev.pos2 == "終助詞" or prev.surface in ("ば", "たら")):
            # an inverted quotation (…できるよと, …ではないかと) or a wish (…読んでいただければと): said on purpose
            return None, ""
        if (
            t.surface == "は" and prev is not None and prev.surface == "で" and prev.pos1 == "助動詞"
            and len(toks) >= 3 and toks[-3].pos2 == "準体助詞" and toks[-3].pos1 == "助詞"
        ):
            return None, ""  # …の方が良いのでは: のではないか said short, a question put on purpose
        if t.surface == "か" and prev is not None and prev.pos2 == "接続助詞" and prev.surface in ("て", "で"):
            # …冷蔵庫で冷やしてか(ら): no question ends on a て-form's か (どうしてか is an adverb's)
            return "cut", f"語 {prev.surface + t.surface!r} が途中で切れています"
        if _topic_ending(toks):
            return "weak", "「について」で終わっています"  # a heading-like topic line (…の考え方について)
        if p2 == "終助詞" and prev is not None and prev.pos1 == "助動詞" and prev.surface in ("でし", "まし"):
            # …一部でしかあ(りません): でし / まし go on to た or て, never to a sentence-final particle
            return "cut", f"語 {prev.surface + t.surface!r} が途中で切れています"
        if p2 == "終助詞" and t.surface == "ら" and prev is not None and prev.pos1 == "動詞" and prev.cform.startswith("終止形"):
            return "cut", "語 'ら' が途中で切れています"  # …にも出てくるら(しい)
        if p2 == "終助詞" and t.surface == "べ" and prev is not None and prev.pos1 in ("動詞", "助動詞") and prev.surface != "だ":
            # …色々と改善すべ(き), …誰に支払うべ(き): べき / べし cut short, read as a dialect's べ
            # (…だべ is said so; no sentence of 624 human documents ends on a verb's べ)
            return "cut", f"語 {prev.surface + t.surface!r} が途中で切れています"
        if p2 == "終助詞" and t.surface == "の" and polite_end(toks[:-1]):
            # …情報は収集しておりませんの(で): a polite predicate takes no explaining の (…ですの is
            # a character's voice, in dialogue)
            return "strong", "「ので」の途中で途切れています"
        if p2 == "終助詞":
            if (
                t.surface == "よ" and prev is not None and prev.surface == "の" and prev.pos2 == "準体助詞"
                and len(toks) >= 3 and (toks[-3].pos1 in NOUN_ENDS or toks[-3].end < prev.start)  # (or a URL, masked)
            ):
                return "cut", "語 'のよ' が途中で切れています"  # …amok のよ(うな); …重いのよ is said so
            if prev is not None and t.surface in _STUB_PARTICLES and not (t.surface == "よ" and _kamo(toks)) and (
                prev.pos2 in ("格助詞", "係助詞")
                or (prev.surface == "に" and prev.pos1 == "助動詞" and t.surface in ("わ", "ら", "ぞ", "ぜ"))
            ):
                # …してもら(う), 出口もわ(からない), …のよ(うに), …によ(って), …ようにわ(かる): a
                # sentence-final particle follows a predicate, never a case or topic particle
                # (nor the に of ように / 普通に)
                return "cut", f"語 {t.surface!r} が途中で切れています"
            if t.surface == "い" and prev is not None and prev.surface == "だ" and len(toks) >= 3 and toks[-3].pos2 in ("格助詞", "係助詞"):
                return "cut", "語 'だい' が途中で切れています"  # …対応はだい(たい): no だ right after は
            if t.surface == "け" and prev is not None and prev.surface not in ("た", "だ") and not prev.surface.endswith("っ"):
                return "cut", "語 'け' が途中で切れています"  # …必要もないけ(ど); …だったけ / …だっけ ask
            if t.surface == "ど" and prev is not None and prev.surface == "か":
                return "cut", "語 'かど' が途中で切れています"  # …できているかど(うか): ど ends nothing after か
            if prev is not None and prev.pos2 == "読点" and _stub_after_particle(toks, tail):
                return "cut", f"語 {t.surface!r} が途中で切れています"  # …ときに、ぜ(ひ), read as the particle ぜ
            if (
                t.surface == "の" and prev is not None and prev.pos1 in ("動詞", "形容詞", "助動詞")
                and prev.cform.startswith("連体形") and not any(x.surface in _QUESTION_WORDS for x in toks)
            ):
                # …果たしているの(で), …強くなっているの(だ): an explanation said with の closes a line
                # of dialogue, with 。 in prose; a question says its question word (どんな曲があるの ⏎ list)
                return "strong", "「の」で途切れています"
            return ("weak", "助詞で途切れています") if t.surface == "の" else (None, "")
        if t.surface == "か" and prev is not None and prev.surface in _INTERROGATIVES and len(toks) >= 3 and toks[-3].pos2 == "係助詞":
            return None, ""  # …対応してはどうか: a suggestion asked without its ？ (…わかるかどうか(を) may be cut)
        if t.surface == "も" and prev is not None and prev.surface == "か" and prev.pos2 in ("副助詞", "終助詞"):
            return None, ""  # …追記するかも: かもしれない said short, on purpose
        if t.surface == "から" and p2 == "格助詞" and prev is not None and prev.surface in _POINTER_WORDS:
            return None, ""  # 詳細はこちらから, 見たい方は <a …>こちらから</a>: a pointer to a link, said whole
        if t.surface == "にて" and p2 == "格助詞":
            # 詳細は公式サイトにて, スキルの選択は対話型インタフェースにて: a notice's formal close,
            # its verb (行う, お知らせします) left out on purpose; none of ~2,300 detected injected
            # cuts ends so (the article's last words are judged again: _truncation)
            return None, ""
        if t.surface == "など" and p2 == "副助詞":
            return "weak", "「など」で終わっています"  # …や slide.md など: a telegraphic list, unless the prose says otherwise
        if p2 == "接続助詞" and t.surface in ("から", "ので") and tail.lstrip(" \u3000\n「").startswith(REASON_OPENERS):
            return None, ""  # なぜなら、…しているから: the reason clause is the whole sentence
        if t.surface in ("だけ", "のみ") and p2 == "副助詞" and prev is not None and prev.pos1 in PREDICATES and prev.cform.startswith(("終止形", "連体形")):
            return "weak", f"「{t.surface}」で終わっています"  # あとは PR を出すだけ: "all that is left", said so in casual prose
        if t.surface == "し" and prev is not None and prev.pos2 == "接続助詞" and prev.surface in ("て", "で"):
            return "cut", f"語 {t.surface!r} が途中で切れています"  # 失ってし(まう): …いるし ends a clause, てし does not
        if p2 == "接続助詞" and t.surface in _COLLOQUIAL:
            return "weak", "助詞で途切れています"
        if p2 in _STRONG_PARTICLES or p2 == "接続助詞":
            return "strong", f"助詞「{t.surface}」で途切れています"
        return None, ""
    if p1 == "接頭辞":
        return "cut", "接頭辞で途切れています"  # …ということが昨(日): a prefix leads into no block either
    prev = toks[-2] if len(toks) >= 2 else None
    if p1 == "名詞" and prev is not None and prev.pos2 == "読点" and _kanji_stub(t):
        # …使うためにも、複(数の): one kanji after a 、 is a compound's first (none ends a
        # sentence so in 311 documents; …良い分、楽 is a na-adjective's predicate)
        return "cut", f"語 {t.surface!r} が途中で切れています"
    if (
        p1 == "形状詞" and _KANJI_ONE.fullmatch(t.surface) and t.surface not in _ONE_KANJI_NA
        and prev is not None and prev.surface == "で" and prev.pos1 == "助動詞"
    ):
        # …指向性マイクなので多(い): a stem after a reason's ので (…ので楽 is said whole)
        return "cut", f"語 {t.surface!r} が途中で切れています"
    if p1 == "形状詞" and _KANJI_ONE.fullmatch(t.surface) and prev is not None and prev.pos2 == "格助詞" and prev.surface in ("で", "を", "に", "へ", "と"):
        # 以下のページで詳(しく): a one-kanji stem after a case particle, no だ or な to finish it
        # (…動きが変 says something whole; none after で/を/に ends a sentence in 341 documents)
        return "cut", f"語 {t.surface!r} が途中で切れています"
    if p1 == "感動詞" and len(t.surface) <= 2 and _KANA.fullmatch(t.surface) and prev is not None and prev.pos1 in ("名詞", "接尾辞") and prev.end == t.start:
        # 思考の整理がてらアウ(トプット), PDF作成ま(で): a kana "interjection" glued to a noun is
        # a word's start (none ends a sentence so in 360 clean documents)
        return "cut", f"語 {t.surface!r} が途中で切れています"
    if t.surface == "しま" and prev is not None and "サ変可能" in prev.pos and prev.end == t.start:
        # …メタデータを付与しま(す): する's polite form cut after its verbal noun (read as 島)
        return "cut", f"語 {t.surface!r} が途中で切れています"
    if (
        p1 == "感動詞" and len(t.surface) == 1 and prev is not None and prev.pos1 == "感動詞" and len(prev.surface) == 1
        and prev.end == t.start and len(toks) >= 3 and toks[-3].end == prev.start
        and (toks[-3].pos1 in PREDICATES or toks[-3].pos1 == "助詞")
    ):
        # …収穫できないのであま(り): two one-kana "fillers" glued to a clause are a word's start
        return "cut", f"語 {prev.surface + t.surface!r} が途中で切れています"
    if p1 == "感動詞" and len(t.surface) == 1 and prev is not None and prev.pos2 in ("格助詞", "係助詞", "副助詞"):
        return "cut", f"語 {t.surface!r} が途中で切れています"  # …ことはあ(る), 壁もま(た): read as a filler
    if p1 == "感動詞" and len(t.surface) <= 3 and prev is not None and prev.pos1 in PREDICATES and prev.cform.startswith(("連体形", "連用形")):
        # …シンプルなチェッ(ク), なんとなくおい(しい): no interjection follows an attributive or a
        # continuative form; it is a word's start
        return "cut", f"語 {t.surface!r} が途中で切れています"
    if p1 == "形容詞" and t.ctype.startswith("文語") and prev is not None and (
        prev.pos2 == "接続助詞" or (prev.pos2 == "読点" and len(toks) >= 3 and toks[-3].pos2 == "接続助詞")
    ):
        # 見てて楽し(い), 食べ歩きをすると、楽し(い): a classical ending after a modern clause is a
        # word cut short (ああ、美し is said so)
        return "cut", f"語 {t.surface!r} が途中で切れています"
    if p1 == "代名詞" and prev is not None and (
        prev.pos1 in ("副詞", "接続詞") or prev.pos2 == "読点" or (prev.pos2 == "格助詞" and prev.surface in _GOVERNING_CASES)
    ):
        # 少しそれ(を), あるいはそれ(以上), …をこれ(から): a pronoun after an adverb or an object's
        # case waits for its predicate; 詳細はこちら / 例がこちら / …闊歩する俺 are said so
        return "strong", f"「{t.surface}」で途切れています"
    if p1 == "助動詞" and ((t.surface == "な" and t.cform.startswith("語幹")) or (t.surface == "す" and t.cform.startswith("終止形"))):
        return "cut", "活用語の途中の形で途切れています"  # 取らな(い), 後押しす(る): no lead-in stops on half a word
    if p1 == "動詞" and t.cform.startswith("已然形"):
        return "cut", "活用語の途中の形で途切れています"  # 一概には言え(ない): no modern sentence ends on an 已然形
    if (
        t.surface == "た" and p1 == "助動詞" and prev is not None and prev.pos1 == "動詞" and prev.end == t.start
        and prev.ctype.startswith("五段") and prev.ctype != "五段-サ行" and prev.cform == "連用形-一般"
    ):
        # …しておきた(い), 行きた(い): a 五段 verb takes た after its 音便 (おいた, 行った), so the
        # plain 連用形 before it is たい cut short (話した, サ行, is whole)
        return "cut", f"語 {prev.surface + t.surface!r} が途中で切れています"
    cform = t.cform
    if QUOTED_LIKE.search(tail):
        return None, ""  # …本を収納したい、みたいな / 「…」的な: a colloquial close on a quoted thought
    if t.surface == "に" and len(toks) >= 3 and toks[-2].surface == "よう" and toks[-3].surface in ("ない", "ぬ", "ん") and admonition(tail):
        return None, ""  # …を忘れないように: an admonition said short, on purpose
    if cform.startswith("連用形") and _honorific_noun(toks):
        return "weak", "句点のないまま名詞で終わっています"  # お知らせ, ご案内: a noun, not a cut verb
    if p1 == "接尾辞" and p2 == "形容詞的" and cform.startswith("連用形"):
        return "strong", "活用語の途中の形で途切れています"  # わかりやすかっ(た), read as a suffix
    if p1 == "動詞" and cform.startswith("連用形") and _KANJI_ONLY.fullmatch(t.surface) and (
        t.ctype.startswith("五段") or (t.lemma[:-1] == t.surface and t.lemma[-1] in "うくぐすつぬぶむ")
    ):
        # …を使(う): a 五段 verb's 連用形 ends in kana (使い); …といいなぁと思(う), read as 思える's
        return "cut", f"語 {t.surface!r} が途中で切れています"
    if (p1 in ("動詞", "形容詞") and cform.startswith(("連用形-促音便", "連用形-撥音便"))) or (p1 == "動詞" and cform.startswith("連用形-イ音便")):
        # …機会があれば行っ(て), …ブログを書い(た): no sentence ends on 行っ / 読ん / 書い
        return "cut", f"語 {t.surface!r} が途中で切れています"
    if (
        p1 == "名詞" and _KATAKANA_ONE.fullmatch(t.surface) and prev is not None
        and ((prev.pos1 in PREDICATES and prev.cform.startswith("連体形")) or prev.pos2 == "格助詞")
    ):
        return "cut", f"語 {t.surface!r} が途中で切れています"  # 講演に用いたス(ライド): one kana is no noun
    if p1 == "名詞" and _HIRAGANA_ONE.fullmatch(t.surface) and prev is not None and prev.pos1 in PREDICATES and prev.cform.startswith("連体形"):
        return "cut", f"語 {t.surface!r} が途中で切れています"  # …敵わないほ(ど): one hiragana read as a noun (帆)
    if t.surface in ("ませ", "まし") and p1 == "助動詞" and prev is not None and prev.lemma in _HONORIFIC_REQUESTS:
        return None, ""  # 教えて下さりませ, お許しなさりませ: the honorific's own imperative, said whole
    if p1 in ("動詞", "形容詞", "助動詞") and (cform.startswith(("連用形", "連体形", "未然形"))):
        if cform.startswith("連体形") and p1 == "動詞":
            # a verb's plain 連体形 is spelled as its 終止形: …ですか？意識が、飛ぶ is said whole, the
            # tagger's guess that a noun follows is no evidence of a cut
            return (None, "") if cform.startswith("連体形-一般") else ("weak", "連体形で終わっています")
        if prev is not None and verb_as_noun(t, prev):
            return "weak", "句点のないまま名詞で終わっています"  # 個人ブログの作り直し: a noun ending
        return "strong", "活用語の途中の形で途切れています"  # 組み合わ(せる), 考え(る)
    if p1 == "形容詞" and cform.startswith("語幹") and _KANJI_ONE.fullmatch(t.surface) and len(toks) >= 2 and toks[-2].pos1 == "助詞":
        # 知見も少(ない): a kanji stem after a particle is no exclamation (期待薄 is a compound)
        return "cut", f"語 {t.surface!r} が途中で切れています"
    if (
        p1 == "形容詞" and cform.startswith("語幹") and len(t.surface) >= 2 and len(toks) >= 3
        and toks[-2].pos1 in ("助詞", "副詞") and len(tail.strip()) >= 10
    ):
        return "strong", "活用語の途中の形で途切れています"  # …ことが難し(い), …とても嬉し(い): a clause leads up to it
    if p1 == "形容詞" and cform.startswith("語幹") and len(t.surface) >= 3 and len(toks) >= 3:
        return "weak", "活用語の途中の形で途切れています"  # ややこし(い); an exclamation (すご, うま) is said on purpose
    if p1 in ("動詞", "形容詞") and cform.startswith("仮定形"):
        return "strong", "活用語の途中の形で途切れています"  # 出入りすれ(ば)
    if p1 == "助動詞" and cform.startswith("仮定形") and t.surface in ("たら", "だら"):
        # …jest 周りを整えて、書いてみたら: a condition with no main clause (a suggestion would
        # be asked: …使ってみたら？); before code or a picture it leads in (see _conditional)
        return "strong", f"「{t.surface}」で途切れています"
    if p1 == "動詞" and t.surface == "す" and t.lemma == "為る":
        if len(toks) >= 2 and ("サ変可能" in toks[-2].pos or (toks[-2].pos1 == "名詞" and toks[-2].end == t.start)):
            return "strong", "活用語の途中の形で途切れています"  # 解決す(る), シミュレートす(る), ビルドす(る)
        if len(toks) >= 2 and toks[-2].pos2 == "格助詞" and toks[-2].surface in ("が", "を", "に"):
            return "cut", "語 'す' が途中で切れています"  # …した気がす(る), …ことにす(る): no modern す follows a case
        return "weak", "活用語の途中の形で途切れています"  # …とす(る): the literary とす is rare today
    if p1 == "動詞" and cform.startswith("命令形") and t.lemma not in _REQUEST_VERBS:
        # 〜などあれ(ば); 見ろ is a real ending, but not in a polite sentence (…ますが、とりあえ(ず))
        polite = any(x.surface in ("ます", "です", "まし", "でし") for x in toks[:-1])
        # …少しでもあれ(ば): ある's imperative after a particle is a conditional cut short
        # (光あれ, a blessing, follows a bare noun)
        cut_if = t.lemma == "有る" and len(toks) >= 2 and toks[-2].pos1 == "助詞"
        return ("strong" if polite or cut_if else "weak"), "活用語の途中の形で途切れています"
    if p1 in ("連体詞", "接続詞"):
        return "strong", f"「{t.surface}」で途切れています"  # その / しかし cannot end a sentence
    if _SMALL_TSU_END.search(t.surface) and p1 != "感動詞" and prev is not None and prev.pos1 != "補助記号":
        # …見れないのでちょっ(と): no word ends on a small っ; …、あっ / えぇっっっ are cries
        return "cut", f"語 {t.surface!r} が途中で切れています"
    if p1 == "副詞":
        if t.surface in _COURTESY or t.surface in _PREDICATIVE_ADVERBS:
            return None, ""  # (…排熱がいまいち: an adverb said as the predicate, casual and whole)
        if t.surface in _CLAUSE_OPENERS:
            return "strong", f"「{t.surface}」で途切れています"  # …人がいたとい(う), read as たとい: it opens a clause
        if _stub_after_particle(toks, tail):
            return "cut", f"語 {t.surface!r} が途中で切れています"  # …と思うが、そ(の), read as an adverb
        prev = toks[-2] if len(toks) >= 2 else None
        if prev is not None and prev.surface in ("を", "が") and prev.pos2 == "格助詞" and not _KATAKANA_WORD.fullmatch(t.surface):
            # …の利用をよく(見かける): the verb is missing; 心臓がドキッ is an onomatopoeia said on purpose
            return "strong", f"「{t.surface}」で途切れています"
        if prev is not None and prev.pos2 == "読点" and _polite_clause(toks, len(toks) - 2):
            return "strong", f"「{t.surface}」で途切れています"  # …なりますが、やはり: a formal clause, then its adverb
        if prev is not None and prev.pos2 == "読点" and len(toks) >= 3 and closes_clause(toks, len(toks) - 2) and t.surface not in LEAD_ADVERBS:
            # …少し傾斜があり、クラッ / …があったので、ひとまず: a closed clause, then an adverb
            # that waits for its verb (…見ましたが、特に ⏎ list leads in)
            return "strong", f"「{t.surface}」で途切れています"
        return "weak", f"「{t.surface}」で途切れています"  # …の詳細につい(て)
    if p1 == "形状詞" and p2 == "助動詞語幹" and t.surface == "よう" and len(toks) >= 2 and toks[-2].surface == "の" and toks[-2].pos2 == "格助詞":
        return "strong", "「よう」で途切れています"  # …ユーザエージェントのよう(な): ように / ような / ようです cut short
    if p1 == "形状詞" and p2 == "助動詞語幹" and t.surface == "よう" and len(toks) >= 2 and toks[-2].pos1 in ("動詞", "助動詞"):
        # …できるよう(に): the sentence goes on; …いただけますよう is a formal request, said on purpose
        if toks[-2].surface != "ます":
            return "strong", "「よう」で途切れています"
    if p1 in ("名詞", "代名詞", "接尾辞", "形状詞", "記号") or t.unknown:
        # (the katakana run is judged whole above: イン of プラグ|イン is no word of its own)
        piece = len(kata) > len(t.surface)
        if (not piece and _cut_word(doc, t.surface)) or (_stub_after_particle(toks, tail) and not _kanji_word_elsewhere(doc, t)):
            return "cut", f"語 {t.surface!r} が途中で切れています"
        return "weak", "句点のないまま名詞で終わっています"
    return None, ""


# ご注意ください, 寝なさい, 見てくれ: requests, the commonest sentence end of a manual.
_REQUEST_VERBS = ("下さる", "為さる", "呉れる")
REASON_OPENERS = ("なぜなら", "何故なら", "なぜかというと", "なんでかというと", "というのも", "だって")
_POLITE_STEMS = ("まし", "でし")
# Honorific verbs whose ませ/まし is an imperative (下さりませ, なさいまし, いらっしゃいませ):
# the tagger reads the older -り forms' ませ as a 未然形, a form no sentence ends on
_HONORIFIC_REQUESTS = {"下さる", "為さる", "いらっしゃる", "仰る", "遊ばす"}
_AUX_STEMS = ("い", "お", "しま")
_REQUEST_CUTS = ("てくだ", "でくだ", "てくださ", "でくださ")  # not てく: 行ってく is colloquial 行っていく


def _kamo(toks) -> bool:
    """The particle before the last is かも, glued (…いいかもよ): かもしれない said short and
    よ, a finished guess, not a も waiting for its predicate (…かもわ(からない) is still cut)."""
    return len(toks) >= 3 and toks[-2].surface == "も" and toks[-3].surface == "か" and toks[-3].pos1 == "助詞" and toks[-3].end == toks[-2].start


def _cut_inflection(toks, tail: str) -> bool:
    """Endings no finished sentence has, whatever follows: the stem of ます/です (確認しまし),
    ま after a 連用形 (思いま, read as a filler), ください cut short (読んでくだ), ず, だ or た
    after a word they cannot follow (ファイルず, いないだ, 検知するた), ていな (出ていな), や
    after a 連用形 (わかりや), an adjective's classical し after a case particle (…で楽し), a
    sentence-final particle right after a case particle or an adjective's 連用形 (…にど,
    ことにな, 難しくな)."""
    if len(toks) < 2:
        return False
    t, prev = toks[-1], toks[-2]
    if t.surface in _POLITE_STEMS and t.pos1 == "助動詞":
        return True  # 確認しまし(た), 行けるでし(ょう): whatever form the tagger gives the stem
    if t.surface == "しか" and t.pos1 == "助動詞" and t.cform.startswith("已然形") and "こそ" not in tail:
        return True  # 微笑ましか(った): read as the classical き's 已然形, which ends only a こそ clause
    if t.surface == "ま" and prev.pos1 in PREDICATES and prev.cform.startswith("連用形"):
        return True
    if tail.endswith(_REQUEST_CUTS) and prev.pos1 in PREDICATES and prev.cform.startswith("連用形"):
        return True  # 参照してくだ(さい): the tagger reads てく as one auxiliary
    if tail.endswith(_REQUEST_CUTS) and len(toks) >= 3 and toks[-3].pos1 in PREDICATES and toks[-3].cform.startswith("連用形"):
        return True  # 読み進めてく|だ
    if t.surface in _AUX_STEMS and "非自立可能" in t.pos and prev.surface in ("て", "で") and prev.pos2 == "接続助詞":
        return True  # 前提となってい(る), 準備してお(く), 消えてしま(う): an auxiliary cut to its stem
    if t.surface == "や" and t.pos1 in ("接尾辞", "助詞") and prev.pos1 == "動詞" and prev.cform.startswith("連用形"):
        return True  # わかりや(すい), read as the suffix や
    if t.pos1 == "形容詞" and t.cform.startswith("終止形") and t.surface.endswith("し") and t.lemma.endswith("しい"):
        return prev.pos2 == "格助詞"  # Ruby で楽し(む): the classical 終止形 follows no case particle today
    if t.surface == "ず" and t.pos1 == "助動詞" and prev.pos1 == "名詞":
        return True  # ファイルず(つ): ず follows a verb, never a noun
    if t.surface in ("だ", "た") and t.pos1 == "助動詞" and prev.pos1 in PREDICATES and prev.cform.startswith("終止形"):
        return True  # いないだ(けだ), 検知するた(めに): だ and た cannot follow a finished predicate
    if (
        t.surface == "な" and t.pos2 == "終助詞" and prev.surface == "い" and "非自立可能" in prev.pos
        and len(toks) >= 3 and toks[-3].surface in ("て", "で") and toks[-3].pos2 == "接続助詞"
    ):
        return True  # 市場に出ていな(い): the negative cut to its first mora
    if t.pos2 == "終助詞" and t.surface == "か" and prev.cform.startswith("語幹") and (prev.pos1 == "形容詞" or prev.pos2 == "形容詞的"):
        return True  # わかりやすか(った): the question か follows a whole adjective, not its stem
    if t.pos2 == "終助詞" and t.surface == "か" and prev.cform.startswith("命令形"):
        return True  # 買っておいてよか(った): the question か never follows an imperative
    if t.pos2 == "終助詞" and t.surface == "い" and prev.pos1 in PREDICATES and prev.cform.startswith("連用形"):
        return True  # よろしくお願いい(たします): the particle い never follows a 連用形
    if t.pos2 == "終助詞" and t.surface == "い" and prev.pos2 in ("格助詞", "係助詞") and prev.surface in ("も", "は", "が", "を", "に"):
        return True  # という人もい(る): い after a case or binding particle is a verb cut short
    if t.pos2 == "終助詞" and t.surface == "な" and prev.surface == "し" and prev.lemma == "為る":
        return True  # 維持しな(い), ろくにしな(い): する's し and the negative cut to its first mora
    if t.pos2 == "終助詞" and t.surface == "か" and prev.pos1 == "動詞" and prev.cform.startswith("連用形"):
        return True  # 変なことになりか(ねない): the question か follows no 連用形
    if t.pos2 == "終助詞" and t.surface in ("な", "ど", "ざ"):
        if prev.pos2 == "格助詞" or (prev.pos1 == "形容詞" and prev.cform.startswith("連用形")):
            return True  # ことにな(る), Postgres にど(う), 難しくな(い)
    if t.pos2 == "終助詞" and t.surface == "な" and (
        (prev.pos2 == "係助詞" and prev.surface in ("は", "も")) or (prev.pos1 == "動詞" and prev.cform.startswith("連用形"))
    ):
        return True  # 時間の余裕はな(い), これならば間違えな(い): な ends no sentence after は or a 連用形
    if t.pos2 == "終助詞" and t.surface == "か" and prev.surface == "な" and prev.pos1 == "助動詞" and prev.cform.startswith("未然形"):
        return True  # …出しているとは思わなか(った): the negative's past cut short
    if t.pos1 == "接尾辞" and t.cform.startswith("語幹") and prev.pos1 == "動詞" and prev.cform.startswith("連用形"):
        return True  # …正確に測りやす(い): a やすい/にくい cut to its stem
    if t.pos1 == "形容詞" and t.cform.startswith("語幹") and len(toks) >= 3 and (
        (prev.pos1 == "助詞" and prev.pos2 in ("格助詞", "係助詞"))
        or (prev.pos2 == "読点" and toks[-3].pos1 == "助詞" and toks[-3].pos2 in ("格助詞", "係助詞"))
    ):
        return True  # …この言葉の、少な(い): an adjective's stem after its subject (やば, うま stand alone)
    if (
        t.surface == "よ" and t.pos2 == "終助詞" and prev.surface in ("の", "も") and prev.pos2 in ("格助詞", "係助詞")
        and not _kamo(toks)
    ):
        # 以下のよ(うに), デザインもよ(い): よ after の or も ends no written sentence (…いいかもよ,
        # かも(しれない) and よ, is said whole)
        return True
    return False


_LETTER_AFTER = ("と", "を", "に", "が", "で")
_KATAKANA_ONE = lazy_re(r"[\u30a1-\u30fa]")


def _kanji_stub(t) -> bool:
    """One kanji that is no word of its own (not 方, 例, 楽, nor a native word of two morae or
    more like 鍵 or 話): the first kanji of a compound cut short (…の設(定), …、複(数))."""
    return (
        _KANJI_ONE.fullmatch(t.surface) is not None and t.surface not in _KANJI_WORDS
        and "形状詞可能" not in t.pos and not (t.field(12) == "和" and len(t.field(6)) >= 2)
    )


def _lone_letter_after_particle(toks) -> bool:
    """One ASCII letter glued to a case particle or an attributive form after Japanese words
    (…におけるS, …効率とH), or after a noun's 、 (…の場合、H): the start of a word, not a name
    (プランはB, AとB, A、B stay silent)."""
    if len(toks) < 3:
        return False
    t, prev, before = toks[-1], toks[-2], toks[-3]
    if not (len(t.surface) == 1 and t.surface.isascii() and t.surface.isalnum()):
        return False
    spaced = t.start - prev.end == 1  # …を e: a writer who spaces Latin words from Japanese
    if prev.end != t.start and prev.pos2 != "読点" and not spaced:
        return False
    if prev.pos2 == "格助詞" and prev.surface == "の" and t.surface.isalpha() and not spaced:
        # …UE5のM(annequin): a genitive wants a whole name (AのB, one letter each, is a pair)
        glued = len(toks) >= 4 and toks[-4].end == before.start and toks[-4].surface.isascii()
        return not (len(before.surface) == 1 and before.surface.isalpha() and before.surface.isascii() and not glued)
    if prev.pos2 == "格助詞" and prev.surface in _LETTER_AFTER:
        # (…の違いは A と B: a pair of names; an object's を takes no one-letter name at the end)
        return prev.surface == "を" or not before.surface.isascii()
    if spaced:
        return False
    if prev.pos2 == "読点":  # Chrome の場合、H / …を振り返り、2: a clause closed, then one letter (A、B, 1、2 stay silent)
        return (before.pos1 == "名詞" or _clause_end(before)) and not before.surface.isascii()
    if not t.surface.isalpha():
        return False  # a digit glued to a particle is a number (第2章の2)
    return prev.pos1 in PREDICATES and prev.cform.startswith("連体形")


_INTERJECTION_PARTICLES = ("ね", "よ", "さ", "な", "わ", "ねえ", "ねぇ")
_COMMA_TAGS = ("と", "か", "ね", "な", "ねえ", "ねぇ")  # …だな、と / …、か(な) / …けど、ね
# The web's pointer to a link, its verb left out (詳細はこちらから): ここから is no such word
# (…終わったので、ここから(は) is a cut)
_POINTER_WORDS = ("こちら", "コチラ", "こっち")
# question words: a line asking with one may end on の (どんな曲があるの), said whole
_QUESTION_WORDS = frozenset("何 なに なん どんな どう どうして なぜ なんで いつ どこ 誰 だれ どれ どの どちら どっち いくら".split())
_INTERROGATIVES = ("どう",)  # (何か, 誰か, いつか are words: …に何か(問題が) may be cut)
# One-kanji words that stand alone after a particle (…の方, …の例, …さんの本, …の略, 創業の地).
_KANJI_WORDS = "方中上下前後外内側例本略地話事時物訳為様"
# One-kana "particles" the tagger makes of a word's first kana after a case or topic particle.
_STUB_PARTICLES = ("ら", "わ", "よ", "さ", "ぞ", "ぜ")
QUOTED_LIKE = lazy_re(r"[、，」』](?:みたいな|的な|って感じ|な感じ)$")
_GOVERNING_CASES = ("を", "に", "で", "へ", "から")
_KANA_STUB = lazy_re(r"[\u3041-\u30fa\u30fc]{1,2}|[\u3400-\u9fff]")


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
    if prev.pos2 == "読点" and len(toks) >= 3 and len(t.surface) == 1 and stub and (_clause_end(toks[-3]) or closes_clause(toks, len(toks) - 2)):
        # …と思うが、そ(の) / …ますが、具(体的) / …ときに、ぜ(ひ); …けど、ね is said on purpose,
        # and so is …良い分、楽 (a na-adjective's noun, its だ left out)
        return t.surface not in _INTERJECTION_PARTICLES and t.pos2 != "フィラー" and t.pos1 != "感動詞" and "形状詞可能" not in t.pos
    if prev.pos1 == "助詞" and prev.surface in ("の", "が", "を", "に") and len(t.surface) == 1 and stub and not t.surface.isascii():
        # one-character nouns that do end phrases: 方, 中…, and native words of two morae or more
        # (親和性が鍵, …の話); a cut leaves the first kanji of a compound (…の設(定), …の場(合))
        # (…の例, …さんの本, …の略, 創業の地: one-kanji words that stand alone; …が楽 is a
        # na-adjective's predicate, its だ left out)
        return _kanji_stub(t) if _KANJI_ONE.fullmatch(t.surface) else "形状詞可能" not in t.pos
    if t.surface == "さ" and t.pos1 == "接尾辞" and prev.pos1 == "名詞":
        # …をキャンセルさ(れ), …エンハンスメントさ(れた): a noun's さ is a passive cut short
        # (シンプルさ, 大きさ: さ after a na-adjective or an adjective stem, makes a noun)
        return "サ変" in prev.field(2) or _KATAKANA_WORD.fullmatch(prev.surface) is not None
    return False


# Kanji that make a noun of a verb's 連用形 (作り手, 売り場, 読み物, 飲み会, 書き方): whole words.
_DEVERBAL_NOUN_KANJI = set("手場物会方所屋家者人中時口様先元")
_KANJI_ONE = lazy_re(r"[\u3400-\u9fff]")
_HIRAGANA_ONE = lazy_re(r"[\u3041-\u3096]")



_ONE_KANJI_NA = "楽変嫌好急暇雑妙粋密稀損得難無"  # one-kanji na-adjectives a sentence may end on (…ので楽)
_KANJI_ONLY = lazy_re(r"[\u3400-\u9fff々]+")


def _kanji_word_elsewhere(doc, t) -> bool:
    """The last token is one kanji the document also uses as a word of its own elsewhere (曲 in
    a post about songs, 傘 beside 折りたたみ傘): a word, not the first kanji of a cut compound
    (設 of 設定 stands alone nowhere)."""
    if _KANJI_ONE.fullmatch(t.surface) is None:
        return False
    words = doc.cache.get("EN:kanji-words")
    if words is None:
        words = doc.cache["EN:kanji-words"] = Counter(
            x.surface for b in doc.prose_blocks for x in doc.tokens(b) if len(x.surface) == 1 and _KANJI_ONE.fullmatch(x.surface)
        )
    return words[t.surface] > 1


def _compound_verb_stub(toks) -> bool:
    """A verb's 連用形 glued to one kanji the tagger could only read as a noun: a compound
    verb cut after its second kanji (``忘れないよう書き留``, ``設定を読み込``)."""
    if len(toks) < 2:
        return False
    t, prev = toks[-1], toks[-2]
    return (
        t.pos1 in ("名詞", "接尾辞") and _KANJI_ONE.fullmatch(t.surface) is not None and t.surface not in _DEVERBAL_NOUN_KANJI
        and prev.pos1 == "動詞" and prev.cform.startswith("連用形") and prev.end == t.start
    )


# Kana that follow a verb or adjective stem (助か|る, 近付|く, 厳しか|った).
_STEM_ENDINGS = ("る", "く", "う", "す", "つ", "む", "ぶ", "ぐ", "い", "れ", "っ", "し", "ない", "える")


def verb_stem(tail: str) -> str | None:
    """The stem of a verb or adjective left without its ending (``…と助か``, ``日付が変わ``,
    ``母分散に近付``), which the tagger reads as a noun and a particle: one kana more makes the
    dictionary read one word that starts with a kanji before the last token, or at a lone
    kanji after a particle (``…」と言``).  A sentence that ends whole never does (``…ですね`` +
    る is すねる: no kanji; none of 18,967 sentence ends of human writing in 17 sets, 。
    removed), so this is word evidence."""
    return _memo(_STEMS, tail[-8:], _verb_stem)


def _verb_stem(s: str) -> str | None:
    words = _tag(s)
    found = None
    if len(words) >= 2:
        surface, last, pos, native, lemma = words[-1]
        prev_pos = words[-2][2]
        # one kanji after a particle, a 、 or a closing bracket, read as a noun (…」と言, …ことは要,
        # …で作, …「このまま開く」選): the stem of a verb that starts there; not a standalone word
        # (…の例) or a na-adjective's noun (楽)
        lone_kanji = (
            _KANJI_ONE.fullmatch(surface) is not None and pos.startswith(("名詞", "接尾辞", "記号"))
            and prev_pos.startswith(("助詞", "補助記号,読点", "補助記号,括弧閉")) and "形状詞可能" not in pos and surface not in _KANJI_WORDS
            # the dictionary reads it as a longer word written short (返 → 返し): a stem; else
            # only a Sino-Japanese kanji, and not after の (…の話, …の中, …の曲 are phrases)
            and (len(lemma) > len(surface) and lemma.startswith(surface) or (not native and words[-2][0] != "の"))
        )
        for kana in _STEM_ENDINGS:
            for w, ws, wpos, _, _ in _tag(s + kana):
                if ws + len(w) <= len(s) or not wpos.startswith(("動詞", "形容詞", "副詞")) or not _KANJI_ONE.match(w):
                    continue
                if ws < last < ws + len(w) or (lone_kanji and ws == last):
                    found = s[ws:]
                    break
            if found:
                break
    return found


_STEMS: dict[str, str | None] = {}


def _tag(text: str) -> list[tuple[str, int, str, bool, str]]:
    """(surface, start, pos, native word of two morae or more, lemma) straight from the shared
    tagger: the short strings tagged here need none of ``tokenize``'s chunking."""
    from kijilint.tokens import tagger

    out, pos = [], 0
    for w in tagger()(text):
        pos += len(w.white_space)
        raw = w.feature_raw.split(",")
        native = len(raw) > 12 and raw[12] == "和" and len(raw[6]) >= 2
        out.append((w.surface, pos, w.pos, native, raw[7] if len(raw) > 7 else ""))
        pos += len(w.surface)
    return out


def _clause_end(t) -> bool:
    """A conjunctive particle or a 連用形 predicate: a clause closed, the next one to come."""
    return t.pos2 == "接続助詞" or (t.pos1 in PREDICATES and t.cform.startswith("連用形"))


def _honorific_noun(toks) -> bool:
    """``お知らせ``, ``お願い``, ``ご案内``: お/ご + a verb's 連用形 is a noun (a title, a label)."""
    for i in (-2, -3):
        if len(toks) >= -i and toks[i].pos1 == "接頭辞" and toks[i].surface in ("お", "ご", "御"):
            # (its okurigana written: お知らせ, お願い; a lone kanji, お仕(事), is a word cut short)
            return all(t.pos1 in ("動詞", "助動詞") for t in toks[i + 1 :]) and not _KANJI_ONE.fullmatch(toks[-1].surface)
    return False


def _topic_ending(toks) -> bool:
    """``…について`` / ``…に関して``: names a topic, the telegraphic way notes and summaries end."""
    if len(toks) < 3 or toks[-1].surface != "て" or toks[-3].surface != "に":
        return False
    return toks[-2].surface in ("つい", "関し")


_ASCII_WORD = lazy_re(r"[A-Za-z][A-Za-z0-9\-]*")
_KATAKANA_WORD = lazy_re(r"[\u30a1-\u30fa\u30fc]+")


def _longer_token(doc, w: str) -> bool:
    """A token of the document that starts with ``w`` and is longer: the dictionary reads the
    longer word whole, so ``w`` is a piece of it, not a word before it."""
    seen = doc.cache.setdefault("EN:longer-token", {})
    if w not in seen:
        seen[w] = any(
            len(t.surface) > len(w) and t.surface.startswith(w)
            for b in doc.prose_blocks if w in b.text
            for t in doc.tokens(b)
        )
    return seen[w]


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
