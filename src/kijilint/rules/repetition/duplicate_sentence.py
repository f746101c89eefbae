from __future__ import annotations

from kijilint.rules.base import Rule, quote
from kijilint.rules.repetition.analysis import DEFAULTS, analyse


class DuplicateSentence(Rule):
    """Finds a sentence that appears twice in the document.

    Why: a stuttering generation repeats a sentence, often right after itself; far apart, a
    long repeated sentence is a leftover of an edit.  A sentence repeating the one right before
    it must have ``sentence_min_chars`` normalised characters (default 20: formulaic sentences
    such as 「以下のコマンドを実行します。」 are shorter); further apart it needs
    ``sentence_far_min_chars`` (default 40), because writers repeat short key sentences on
    purpose (「しかし、その議論に答えを出すのは不可能です。」 as a refrain).  Only words count towards
    these lengths, not code spans (a tutorial's 「ブラウザで `http://localhost:8080` にアクセスしてみ
    ましょう。」 is a short step, repeated on purpose).  Headings, code and tables are not
    read, a paragraph already reported by RP001–RP003 is skipped, and a one-sentence paragraph
    repeating another one-sentence paragraph is left to RP001.  A sentence without a word of
    Japanese (a page's ``Your browser does not support the audio element.``) is not compared,
    and a heading between two sentences makes them far apart, not neighbours.
    Inside one paragraph, a sentence that follows itself word for word is a stutter from
    ``sentence_stutter_min_chars`` (default 10) on: 「キャンセルについても同様です。」 twice in a row;
    a sentence shorter than ``sentence_min_chars`` said three times or more in a row is a chant,
    said on purpose (「〽忘れまいぞやあのことを。」×3), as a word said thrice is.  A manual's step
    given to two variants is no copy either: the same sentence under two headings, next to
    sentences that open alike (``### Windows 版`` / ``### Mac 版``, each with
    「インストーラー版でインストールした場合、…。ZIP ファイルを解凍した場合、…。」), nor a step a
    walkthrough takes twice, next to sentences that end alike over 20 characters or more
    (「…DNSレコードを追加して認証していきます。」 then 「TXTレコードの追加を求められるため、【承認】を
    クリック」, later 「MXレコードとTXTレコードの追加を求められるため、【承認】をクリック」), nor a
    sentence of a summary put first (``## TL;DR``, ``## 要約``) said again in the body.
    Bad:  「テストが動かない場合がある。テストが動かない場合がある。」
    Good: 「テストが動かない場合がある。」
    Fix: none.
    """

    code, name, category, severity = "RP004", "duplicate-sentence", "repetition", "warning"
    options = {k: DEFAULTS[k] for k in ("sentence_min_chars", "sentence_far_min_chars", "sentence_stutter_min_chars")}

    def check(self, doc, report):
        an = analyse(doc, self.opts)
        for r in an.repeats:
            s, o = r.sentence, r.original
            line = doc.line_of(o.start)
            report(s.start, s.end, f"文「{quote(s.text)}」は {line} 行目の文の繰り返しです")
