from __future__ import annotations

from kijilint._lazy_re import lazy_re
from kijilint.rules._layout import titled
from kijilint.rules.base import Rule, quote
from kijilint.rules.repetition._common import captions, faq_answers, labelled_fields, lines
from kijilint.rules.repetition.analysis import DEFAULTS, analyse, key_of


class NearDuplicateParagraph(Rule):
    """Finds a paragraph that is an edited copy of an earlier one.

    Why: a regenerated paragraph often comes back with a sentence added or dropped, the ending
    reworded or a few words changed; an exact comparison misses it.  The measure is character
    5-gram containment, ``|A∩B| / min(|A|,|B|)`` on the normalised text: it stays high when one
    paragraph contains the other plus a sentence or a changed ending, while every scattered
    word change costs five grams, so the parallel sentences humans write on purpose
    (「作業」の支援 / 「思考」の支援) stay below the threshold (0.85; measured: human look-alikes
    ≤ 0.79, edited copies ≥ 0.89).  Both paragraphs must be at least ``near_min_chars`` long
    and within a factor two of each other in length; the score must reach ``near_threshold``.
    Bullets, quotations (``>``, a quote shortcode, ``<q>``) and note boxes (``!!! note``) are
    not compared, nor two answers to different questions of a FAQ (``### Q. …？``), nor the openings of sibling
    sections written to one template (``## 基本情報技術者試験って？`` and ``## 情報セキュリティ
    マネジメント試験って？``, each with ``### 学習期間`` and ``### 学習方法``), nor one step in sibling sections
    for two variants (``### 導入手順（pip を利用する場合）`` / ``（uv を利用する場合）``; numbered steps
    and FAQ questions are no variants), nor a later paragraph that says it repeats (``プログラミング
    Iと同様に、…``, ``前述の通り``) in words the earlier one lacks, nor two paragraphs under the
    same label in sections under different headings (a write-up's template: ``**Question**``),
    nor the opening's aim said again in the past tense under a closing heading (``本記事では…を
    紹介します。`` ⏎ … ⏎ ``## まとめ`` ⏎ ``本記事では…を紹介しました。``), nor two that differ in one number
    only (a series' line written for each item: ``…第一走者から…`` / ``…第二走者から…``), nor what a
    summary put first (``## TL;DR``, ``## 要約``, ``## 3行まとめ``) says again in the body.  Candidate pairs come from sampled
    5-gram fingerprints, so unrelated paragraphs are never scored.  Inline code is scored with
    the prose and without it (the better of the two), and two paragraphs whose code spans
    disagree (`pip install requests` / `pip install httpx`) are different paragraphs.
    Bad:  「…である。」 at line 10 and 「…であるといえます。」 at line 30.
    Good: one version.
    Fix: none (which version to keep is the author's call).
    """

    code, name, category, severity = "RP003", "near-duplicate-paragraph", "repetition", "warning"
    options = {"near_min_chars": DEFAULTS["near_min_chars"], "near_threshold": DEFAULTS["near_threshold"]}

    def check(self, doc, report):
        an = analyse(doc, self.opts)
        for c in an.near:
            b = an.units[c.unit].block
            o = an.units[c.origs[0]].block
            if faq_answers(doc, b, o) or labelled_fields(doc, b, o):
                continue  # one answer to two questions of a FAQ, one template's field in two entries
            if captions(doc, b, o):
                continue  # two screenshots' captions, written to one template
            if _points_back(b.text, o.text):
                continue  # プログラミング Iと同様に、…: the writer says the advice is repeated
            if _recap(doc, b, o):
                continue  # 本記事では…を紹介します。 … ## まとめ ⏎ 本記事では…を紹介しました。
            report(b.start, b.end, f"段落「{quote(b.text)}」は {lines(doc, o)}の段落とほぼ同じです（類似度 {c.score:.2f}）")


# Words with which a writer says they repeat themselves: as written above, likewise, again
_BACK_REFERENCE = lazy_re(r"上で書いた|上に書いた|上記の通り|上述|前述|先述|同様に|と同じ(?:く|で|ように)|[繰く]り返しにな(?:りますが|るが|るけど)|[繰く]り返(?:しますが|すが|せば)|再掲")


def _points_back(copy: str, original: str) -> bool:
    """The later paragraph says it repeats something (``…と同様に、``, ``前述の通り``) in words the
    earlier one does not have: a restatement the writer signals, not a regenerated copy."""
    found = {m.group() for m in _BACK_REFERENCE.finditer(copy)}
    return bool(found - {m.group() for m in _BACK_REFERENCE.finditer(original)})


# the heading of a closing section: まとめ, おわりに, 最後に, 結び, 総括
_CLOSING = lazy_re(r"まとめ|お?わりに|終わりに|さいごに|最後に|結び|むすび|総括|結論")
_PAST = lazy_re(r"(?:まし|でし)た")


def _recap(doc, copy, original) -> bool:
    """The opening paragraph, before any heading, said again under a closing heading with its
    predicates in the past tense (…紹介を行います → …紹介を行いました): a summary recalls the
    aim on purpose.  A regenerated copy keeps the tense it copies."""
    blocks = doc.blocks
    if any(titled(x) for x in blocks[: original.index]):
        return False
    # (the closing title may be typed without #: **まとめ**, 【まとめ】)
    head = next((x for x in reversed(blocks[: copy.index]) if titled(x)), None)
    if head is None or not _CLOSING.search(head.text):
        return False
    was, now = key_of(original.prose()), key_of(copy.prose())
    if not _PAST.search(now):
        return False
    now = _PAST.sub(lambda m: "ます" if m.group() == "ました" else "です", now)
    return now in was or was in now

