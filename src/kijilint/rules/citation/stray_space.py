from __future__ import annotations


from kijilint.markdown import MASK, in_link_text
from kijilint.rules._layout import SPACED_LABEL
from kijilint.rules.base import Rule, delete_fix, quote
from kijilint.rules.citation._common import is_japanese
from kijilint._lazy_re import lazy_re

# What may follow the stray space: a particle or an auxiliary that attaches to the word
# before it (コメント を, 成果 は, 設備投資 に, 必要 です).
_ATTACHED = ("助詞,格助詞", "助詞,係助詞", "助詞,副助詞", "助詞,準体助詞", "助動詞")
# What may precede it: a noun-like word (nouns, pronouns, noun suffixes, na-adjective stems).
_NOUNISH = ("名詞", "代名詞", "接尾辞", "形状詞")  # 形状詞: 可能 です, 簡単 な
_PUNCT_AFTER = "。、"
_NAMED_MARK_AFTER = tuple(",，、。）)」』/")
_JA = "\u3041-\u30ff\u3400-\u9fff\uf900-\ufaff々〆ヶ"
_JA_SPACE_JA = lazy_re(f"(?<=[{_JA}]) (?=[{_JA}])")
# 、 and a space before a Japanese word: a writer who spaces out the sentence (、 before a
# Latin word is the common Japanese–Latin spacing: 早速、 MOD を, and proves nothing)
_SPACED_PUNCTUATION = lazy_re(f"[、，] (?=[{_JA}])")


class StraySpace(Rule):
    """Finds a single space between two Japanese words where Japanese writing has none.

    Why: when a pipeline strips a citation marker (``設備投資 [cite: X]に``) it often leaves the
    space before it: ``設備投資 に``.  Reported only where the space separates a noun from the
    particle or auxiliary that attaches to it, a verbal noun from its する/できる (``公開 できる``),
    or sits before 。/、 after a noun or a predicate (a marker follows a claim, never a
    particle: ``…にとって 、`` is a writer's slip); spaces next to Latin words
    (``state に保持``), inside code, links and emphasis, in headings, list items and quotes
    (numbering, alignment, verse), between a surname and a given name (also one the tagger
    does not know, in kanji after a field's label: ``研究代表者：小口 高``), letter-spacing
    (``リ フ ァ ク タ``), a section's number and title (``（7.3.3 目標 より）``), a legal entity's type before its name (``NPO法人 たからづか子ども食堂``),
    a full name before a title (``飯降 力先生``), a label letter-spaced before its colon
    (``料 金:380円``), a credit after a name (``(早見和真 作)``), a
    kanji the tagger reads as a suffix that begins the name after the space (``専門塾 夢盟塾``),
    a short line set in its phrases with no sentence mark (a tanka), a document whose writer
    spaces phrases throughout (``竹下通り と 明治通り が つながる``, ``大樹が 黄葉 します``: one
    space after a hiragana ending per 100 Japanese characters), a letter's signature (``あなたの娘 より``), an
    equation set apart (``カフェ=コーヒー という``), a word the writer set apart with a space on
    each side (``みなさんが猫の写真 を``, ``90円 (9.9TB/月 まで``), a particle spaced on both sides
    (``開発 でも 営業 でも``), the last step of a menu path (``設定 → 再生デバイス より``,
    ``設定＞一般＞情報＞名前 から``),
    a short name in brackets (``「割烹 みや古」``), an editor's label (``追記 なんか…``) and
    paragraphs written with spaces between words stay silent, and so does a spacing the
    document repeats (``マティア の`` in a heading and in a link to it).
    Bad:  ``AI設備投資 に、より柔軟に対応する``
    Good: ``AI設備投資に、より柔軟に対応する``
    Fix: safe — deletes the space.
    """

    code, name, category, severity = "CM006", "stray-space", "citation", "warning"
    fix = "safe"

    def check(self, doc, report):
        for block in doc.paragraphs:
            if block.in_list or block.in_quote or " " not in block.masked or _spaced_on_purpose(block.masked):
                continue
            if _SPACED_PUNCTUATION.search(block.masked):
                continue  # 使い方、 はてなブログ を: a writer who spaces after 、 too
            found = list(_candidates(doc, block))
            if found and _spaces_phrases(doc):
                return  # (asked once a candidate is found: most documents never need the count)
            for i, left, right in found:
                at = block.start + i
                if _recurs(doc, at):
                    continue
                report(
                    at,
                    at + 1,
                    f'"{quote(left + " " + right)}" の空白は不要です',
                    fix=delete_fix(at, at + 1, "空白を削除"),
                )


# A space after a hiragana ending (a particle, an inflection) before more Japanese: 大樹が 黄葉
# します, 竹下通り と 明治通り が つながる — where a phrase ends, as some writers space their
# sentences.  A removed marker leaves its space before the particle, never after it.
_PHRASE_SPACE = lazy_re(f"[\u3041-\u3096] (?=[{_JA}「『（])")
_PHRASE_SPACES_MIN, _PHRASE_SPACED_PARAGRAPHS_MIN = 4, 3
_PHRASE_SPACES_PER_1000 = 10  # (~700 human documents that space now and then: 2 or fewer)


def _spaces_phrases(doc) -> bool:
    """The writer sets phrases apart with spaces throughout: one space after a hiragana ending
    for every 100 Japanese characters or more, four or more in three paragraphs or more.  A
    space before a particle there (セッション の「…」, 木 が 数本) is the same habit of the hand,
    not a marker's leftover.  Writers who space a phrase now and then (two per 1,000
    characters at most in ~700 human documents) stay judged: injected copies of their documents
    lose real stray spaces otherwise."""
    key = "CM006:phrases"
    if key not in doc.cache:
        doc.cache[key] = _count_phrase_spaces(doc)
    return doc.cache[key]


def _count_phrase_spaces(doc) -> bool:
    total = paragraphs = japanese = 0
    for block in doc.paragraphs:
        if block.in_list or block.in_quote:
            continue
        n = len(_PHRASE_SPACE.findall(block.masked))
        total += n
        paragraphs += n > 0
        japanese += _JAPANESE_CHAR.subn("", block.masked)[1]  # (a count, no list of matches)
    return (
        total >= _PHRASE_SPACES_MIN and paragraphs >= _PHRASE_SPACED_PARAGRAPHS_MIN
        and total * 1000 >= _PHRASE_SPACES_PER_1000 * japanese
    )


_JAPANESE_CHAR = lazy_re(f"[{_JA}]")


def _recurs(doc, at: int) -> bool:
    """The same word, space and particle appear again in the document (``マティア の装備`` in a
    heading and in the link to it): the writer's spelling, not a leftover of a removed marker."""
    text = doc.text
    j = at
    while j > 0 and at - j < 12 and is_japanese(text[j - 1]):
        j -= 1
    phrase = text[j : at + 2]
    if at - j < 2:
        return False
    counts = doc.cache.setdefault("CM006:recurs", {})
    if phrase not in counts:
        # Each lookup scans the text once; past a few hundred candidates (a hostile file) the
        # rest are judged on their own, so the rule stays linear.
        counts[phrase] = text.count(phrase) if len(counts) < _MAX_RECURRENCE_SCANS else 1
    return counts[phrase] >= 2


_MAX_RECURRENCE_SCANS = 300


def _token_index(doc, block) -> tuple[dict, dict]:
    """The block's tokens by start and by end offset (built once a block needs them)."""
    toks = doc.tokens(block)
    return {t.start: t for t in toks}, {t.end: t for t in toks}


def _candidates(doc, block):
    """(offset in the block, word before, word after) of each single ASCII space between a
    Japanese word and the particle, auxiliary or punctuation that attaches to it."""
    m = block.masked
    n = len(m)
    by_start = by_end = None
    i = m.find(" ")
    while i != -1:
        if (
            0 < i < n - 1 and _single(m, i) and is_japanese(m[i - 1]) and not in_link_text(block.text, i)
            and not _slashed_before(m, i) and not _ends_hashtag(m, i)
        ):
            # a phrase the writer spaced on both sides keeps its particle apart; a verbal noun
            # and its できる are one word even there (… (カスタマイズ できないけど))
            apart = _set_apart(m, i, raw=block.text)
            after = m[i + 1]
            if after in _PUNCT_AFTER:
                # (句読点 。, 、: a mark named in a list of marks, not a sentence's end)
                if not apart and m[i + 2 : i + 3] not in _NAMED_MARK_AFTER:
                    if by_end is None:
                        by_start, by_end = _token_index(doc, block)
                    prev = by_end.get(block.start + i)
                    # (…思考エンジンにとって 、: a marker follows a claim, a noun or a predicate,
                    # never a particle; a space there is a slip of the writer's)
                    if prev is None or prev.pos1 != "助詞":
                        yield i, m[max(0, i - 4) : i].lstrip(), after
            elif is_japanese(after):
                if by_start is None:
                    by_start, by_end = _token_index(doc, block)
                nxt = by_start.get(block.start + i + 1)
                prev = by_end.get(block.start + i)
                if (
                    nxt
                    and prev
                    and (
                        (not apart and nxt.pos.startswith(_ATTACHED) and prev.pos.startswith(_NOUNISH))
                        or _suru_verb(prev, nxt)
                        or (not apart and _suffix(prev, nxt, by_start.get(nxt.end)) and not _in_bracketed_name(m, i) and not _name_after_label(m, i, nxt))
                    )
                    and not (prev.pos.startswith("名詞,固有名詞,人名") and _name_may_go_on(m, nxt.end - block.start))
                    and prev.surface not in _NOTE_LABELS  # (…だけど追記 なんか…: a label set apart)
                    and not _spaced_name(m, i)
                    and not _signature(m, i, nxt.end - block.start)
                    and not _equation_before(m, i)
                    and not _CREDIT_AFTER.match(m, i + 1)
                    and not _spaced_label(m, i)
                    and m[nxt.end - block.start : nxt.end - block.start + 1] != " "  # 猫 と 犬: spaced on purpose
                    and not _spaced_particle(m, nxt.end - block.start)
                ):
                    yield i, prev.surface, nxt.surface
        i = m.find(" ", i + 1)


# An editor's label a writer sets apart with a space before the note it opens (追記 なんか…)
_NOTE_LABELS = frozenset("追記 追伸 補足 余談 訂正 注 注記 備考 更新 修正 お知らせ".split())
_NAME_BRACKETS = {"「": "」", "『": "』", "【": "】"}
_NAME_REACH = 12


_LABELLED_NAME = lazy_re(r"[：:][ \t\u3000]?[\u3400-\u9fff々]{1,4}$")


def _name_after_label(m: str, i: int, nxt) -> bool:
    """The space parts a surname from a given name in kanji right after a field's label
    (研究代表者：小口 高, 文：山田 太郎): names are spaced so, and a marker leaves no label."""
    return _LABELLED_NAME.search(m[max(0, i - 6) : i]) is not None and _KANJI_ONLY.fullmatch(nxt.surface) is not None and len(nxt.surface) <= 3


# A legal entity's type, spaced from its name as registries write it (NPO法人 たからづか…,
# 株式会社 はてな); a full name before a title (飯降 力先生, 山田 花子さん)
_ENTITY_TYPE = lazy_re(r"(?:[A-Za-z\u3400-\u9fff]法人|株式会社|有限会社|合同会社|合資会社|合名会社)$")
_NAME_THEN_TITLE = lazy_re(r"[\u3400-\u9fff々]{1,3}(?:先生|さん|様|さま|氏|君|くん|ちゃん|殿|師|社長|会長|教授|選手|監督|議員|宮司|住職|和尚)")
_SURNAME_BEFORE = lazy_re(r"(?<![\u3400-\u9fff々])[\u3400-\u9fff々]{1,4}$")


def _spaced_name(m: str, i: int) -> bool:
    """The space sits inside a name as names are written: after a legal entity's type
    (``NPO法人 たからづか子ども食堂``, whose た the tagger reads as an auxiliary), or between a
    surname and a given name in kanji followed by a title (``飯降 力先生``)."""
    before = m[max(0, i - 8) : i]
    if _ENTITY_TYPE.search(before):
        return True
    return _SURNAME_BEFORE.search(before) is not None and _NAME_THEN_TITLE.match(m, i + 1) is not None


# Two words around =, neither holding kana, brackets or sentence marks (the caller finds where
# the chunk starts: after a space or at the line's start)
_EQUATION_CHUNK = lazy_re(r"[^\s=＝\u3041-\u309f「」『』（）()、。]{1,12}[=＝][^\s=＝\u3041-\u309f「」『』（）()、。]{1,12}")


def _equation_before(m: str, i: int) -> bool:
    """The words before the space are an equation of two words written without spaces
    (``カフェ=コーヒー という意味``): the writer sets the whole of it apart from the sentence.
    An = inside a clause (``…作りたかった＝「…の世界 を``, ``…に対してP(x)=θを満たす… である``)
    sets nothing apart."""
    start = max(m.rfind(c, max(0, i - 26), i) for c in " \t\n\u3000") + 1
    if start == 0 and i > 26:
        return False  # (no space within reach: a longer run of words, no equation)
    return _EQUATION_CHUNK.fullmatch(m, start, i) is not None


# A credit after a name, set apart inside brackets or at a list's comma: (早見和真 作),
# (村上春樹 訳), 山田花子 絵・文
_CREDIT_AFTER = lazy_re(r"(?:作|著|訳|編|絵|画|文|監修|撮影|作詞|作曲|編著|共著)(?:[)）、,・]|$)")


def _spaced_label(m: str, i: int) -> bool:
    """The space letter-spaces a two-kanji label before its colon at a line's start
    (``料 金:380円``): the shared layout shape, one word spaced on purpose."""
    return i >= 1 and (i == 1 or m[i - 2] in "\n \t\u3000") and SPACED_LABEL.match(m, i - 1) is not None


def _signature(m: str, i: int, j: int) -> bool:
    """A letter's signature on a line of its own, its より set apart (``あなたの娘 より``,
    ``スタッフ一同 より``): the line ends there, short, with no sentence mark."""
    if m[i + 1 : j] != "より":
        return False
    # (the line is short: look no further than its length, whatever the paragraph's)
    start = m.rfind("\n", max(0, i - _SIGNATURE_MAX), i) + 1
    if start == 0 and i > _SIGNATURE_MAX:
        return False
    end = m.find("\n", j, j + _SIGNATURE_MAX)
    if end < 0:
        if len(m) - j > _SIGNATURE_MAX:
            return False
        end = len(m)
    line = m[start:end]
    return not m[j:end].strip() and len(line.strip()) <= _SIGNATURE_MAX and not any(c in line for c in "。、，,")


_SIGNATURE_MAX = 20


def _in_bracketed_name(m: str, i: int) -> bool:
    """The space is inside a short name in brackets, no sentence in it (``「割烹 みや古」``, whose
    み the tagger reads as a suffix): the name's own spelling.  Asked only of a suffix after the
    space; a particle there (``「授業中 に居眠りする」``) is a quoted phrase's, and still stray."""
    for opener, closer in _NAME_BRACKETS.items():
        k = m.rfind(opener, max(0, i - _NAME_REACH), i)
        if k < 0:
            continue
        end = m.find(closer, i, i + _NAME_REACH + 1)
        if end > 0 and not any(c in m[k + 1 : end] for c in "。、，．！？!?\n" + opener + closer):
            return True
    return False


def _spaced_particle(m: str, j: int) -> bool:
    """The hiragana run the particle ending at ``j`` belongs to (で|も, split by the tagger) has
    a space after it too, and Japanese after that: 開発 でも 営業活動 でも — spaced on purpose.
    (A space before a Latin word, …現場 では Java, is only the usual spacing.)"""
    while j < len(m) and "\u3041" <= m[j] <= "\u309f":
        j += 1
    return m[j : j + 1] == " " and is_japanese(m[j + 1 : j + 2] or "a")


def _slashed_before(m: str, i: int) -> bool:
    """The word before the space is an enumeration joined by ASCII slashes (``冒頭/本文/末尾
    の区切り``) or the last item of one joined by ASCII ", ": spaced like the Latin it borrows
    its marks from."""
    j = i - 1
    while j >= 0 and (is_japanese(m[j]) or m[j] == "/"):
        j -= 1
    # (the word only: not …2016/05/09だとして、今年 の); an item after ", " is spaced the same
    # way by a writer who punctuates in Latin style (成果発表, 懇親会 といった流れ)
    return "/" in m[j + 1 : i] or (j >= 1 and m[j - 1 : j + 1] == ", " and j + 1 < i)


def _ends_hashtag(m: str, i: int) -> bool:
    """The space ends a hashtag (``#Twitter転職 よりも``): a tag runs to the next space, so the
    space is what keeps the particle out of it."""
    return _HASHTAG_END.search(m, max(0, i - 60), i) is not None


# A hashtag right before the space (after a space, a line start or a mark: 。#タグ, （#タグ)
_HASHTAG_END = lazy_re(r"(?:^|(?<=[\s、。，．！？!?「（(]))[#＃][^\s#＃、。，．,.!?！？「」（）()]+$")


def _name_may_go_on(m: str, j: int) -> bool:
    """After a surname, what looks like a particle may start a given name in kana (吉田 よりこ);
    a particle followed by kanji or katakana (三波春夫 の言葉) is a particle."""
    after = m[j : j + 1]
    if after in ("、", "。"):
        return False
    kanji_or_katakana = bool(after) and is_japanese(after) and not "\u3041" <= after <= "\u309f"
    return not kanji_or_katakana


# Honorifics may follow a name after a space (山田 さん); other suffixes attach (今後 とも, 三日間 とも).
_HONORIFICS = {"さん", "様", "さま", "氏", "君", "くん", "ちゃん", "殿", "先生", "たち", "達", "ら"}


def _suffix(prev, nxt, nxt_next=None) -> bool:
    """A suffix cut from its noun by a space (今後 とも): one word split in two."""
    if nxt.pos1 != "接尾辞" or not prev.pos.startswith(_NOUNISH) or nxt.surface in _HONORIFICS:
        return False
    if nxt_next is not None and nxt_next.start == nxt.end and nxt_next.pos1 == "名詞" and _KANJI_ONLY.fullmatch(nxt.surface):
        return False  # 専門塾 夢|盟塾: a kanji the tagger calls a suffix begins the name that follows
    # 寺田 学で: after a kanji surname (read as a person's or a place's name), a kanji "suffix" may
    # be the given name, spaced as names are; 日本 人, トヨタ 製 are still cut in two
    surname = prev.pos.startswith(("名詞,固有名詞,人名", "名詞,固有名詞,地名,一般")) and _KANJI_ONLY.fullmatch(prev.surface)
    return not (surname and _KANJI_ONLY.fullmatch(nxt.surface) and nxt.surface not in _COMMON_SUFFIXES)


def _suru_verb(prev, nxt) -> bool:
    """A verbal noun cut from its する/できる (公開 できる, 作成 する, ビルド できる: a loanword
    the dictionary lists as a plain noun is a verbal noun all the same): one word split in two."""
    verbal = "サ変可能" in prev.pos or (prev.pos1 == "名詞" and _LOANWORD.fullmatch(prev.surface) is not None)
    return verbal and nxt.pos.startswith("動詞,非自立可能") and nxt.lemma in ("為る", "出来る")


_KANJI_ONLY = lazy_re(r"[\u3400-\u9fff々]+")
_COMMON_SUFFIXES = set("人製的語性化者用版式型風流側内外中間家員店社寺都道府県市区町村郡駅線港島山川丁")
_LOANWORD = lazy_re(r"[\u30a1-\u30fa\u30fc]{2,}")  # katakana only (ー included)


# One short line with no sentence mark
_VERSE_LINE = lazy_re(r"[^\n。．.!?！？]{1,40}")


def _spaced_on_purpose(m: str) -> bool:
    """Words separated by spaces throughout (分かち書き, children's text, poetry): more than a
    few spaces between Japanese characters, at least one for every 15 Japanese characters, or
    two in one short line with no sentence mark (a tanka set in its phrases)."""
    spaced = len(_JA_SPACE_JA.findall(m))
    if spaced >= 2 and _VERSE_LINE.fullmatch(m.strip()):
        return True  # 予定表 なんでも書ける これから書ける: a short line in phrases, no 。 (verse)
    if spaced <= 3:
        return False
    return spaced * 15 > sum(1 for ch in m if is_japanese(ch))


_WORD_STOP = " \t\u3000\n、。，．！？!?,"
_LIST_COMMAS = "、，,"  # (乗り物,徒歩,自転車 を: some writers join items with ASCII commas)
_LIST_COMMA = lazy_re("[、，,]")


def _set_apart(m: str, i: int, reach: int = 20, raw: str | None = None) -> bool:
    """Whether the word before the space at ``i`` also has a space before it, after Japanese
    text: ``みなさんが 猫の写真 を``, ``90円 (9.9TB/月 まで`` — the writer spaced the phrase on
    both sides on purpose.  A space after a Latin word (``Claude の設備投資 に``) is only the
    usual Japanese–Latin spacing and proves nothing."""
    j = i - 1
    while j > max(0, i - reach) and m[j] not in _WORD_STOP:
        j -= 1
    if j > 0 and m[j] in " \t\u3000" and j < i - 1 and m[j - 1] in _PATH_SEPARATORS and (
        m[j - 1] not in "=＝" or (j >= 2 and m[j - 2] in " \t\u3000")  # 古宿 = 安い宿 の, not (= 港湾 の
    ):
        return True  # 設定 → 再生デバイス より: the last step of a spaced menu path
    if any(c in "→⇒＞»›" for c in m[j:i]):
        # ホスト→pfSense→インターネット の, 設定＞一般＞情報＞名前 から: a path written with
        # arrows (or the ＞ of a settings menu), set apart whole
        return True
    if j > 0 and m[j] in _LIST_COMMAS and (_enumeration_end(m, i) or _named_list_end(m, i)):
        return True  # 乗り物、徒歩、留まってる、自転車 を: a list spelled out, spaced from its particle
    if j > 0 and m[j] in " \t\u3000" and _SECTION_NUMBER.search(m, max(0, j - 16), j):
        return True  # （7.3.3 目標 より）: a section's number and title, spaced as a book sets them
    start = j + 1 if m[j] in _WORD_STOP else j
    if _ITEM_MARK.match(m, start) and _ITEM_MARK.search(m, max(0, start - 80), start):
        return True  # (1)入力データ, (2)…, (3)マスキング の: the last of numbered items
    k = m.rfind("』", j if j > 0 else 0, i)
    if 0 <= k < i - 1 and _NAME_RUN.fullmatch(m, k + 1, i):
        return True  # 『天の川』飯島晴子 に: a title's author or publisher, credited set apart
    if j > 0 and m[j] in " \t\u3000" and j < i - 1 and m[j - 1] == MASK:
        # `+1` すべきときと `-1` すべきとき が: a phrase led by inline code, the code spaced off
        # on both sides as the writer spaces all code; the space closes the phrase the code opens
        k = j - 1
        while k >= 0 and m[k] == MASK and j - k <= 200:
            k -= 1
        # (or, for code, after a mark that ends a clause or opens a quote: …ので、`tidyverse`
        # パッケージ群 の; a link there is no such habit)
        code = raw is not None and raw[k + 1 : k + 2] == "`"
        return k < 0 or m[k] in " \t\u3000\n" or (code and m[k] in "、。，．「『（(")
    return j > 0 and m[j] in " \t\u3000" and j < i - 1 and is_japanese(m[j - 1])


_ITEM_MARK = lazy_re(r"[(（][0-9０-９]{1,2}[)）]|[①-⑳]")
# a dotted section number (2.1, 7.3.3) right before the space that opens a section title
_SECTION_NUMBER = lazy_re(r"(?<![0-9.])[0-9]{1,3}(?:\.[0-9]{1,3}){1,4}$")


def _named_list_end(m: str, i: int) -> bool:
    """…霜降り明星のオールナイトニッポン など: など after three or more items joined by 、, of any
    length (programme titles, names), spaced as a list's "and so on" often is."""
    if not m.startswith(("など", "等"), i + 1):
        return False
    start = max(m.rfind("。", 0, i), m.rfind("\n", 0, i)) + 1
    return sum(m.count(c, start, i) for c in _LIST_COMMAS) >= 2


def _enumeration_end(m: str, i: int) -> bool:
    """The word before ``i`` closes a list of three or more short items joined by 、."""
    items = _LIST_COMMA.split(m[max(0, i - 40) : i])[-3:]
    return len(items) == 3 and all(0 < len(x) <= 8 and not any(c in _WORD_STOP for c in x) for x in items)


# not / or |: "Gemini / OpenAI" lists names, it is no path (古宿 = 安い宿 の: an equation;
# 農法 × 塩 × 妙薬 という: a combination spelled out, its terms spaced like an equation's)
_NAME_RUN = lazy_re(r"[\u30a1-\u30ff\u3400-\u9fff々]+")  # kanji or katakana only: a name, no particle
_PATH_SEPARATORS = "→⇒>＞»›=＝×✕＋+"


def _single(m: str, i: int) -> bool:
    """One space alone, not one of a run and not letter-spacing (リ フ ァ ク タ)."""
    near = m[max(0, i - 2) : i] + m[i + 1 : i + 3]
    return " " not in near
