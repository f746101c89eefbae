"""The duplicate structure of a document, computed once and shared by RP001–RP004.

Units are the comparable blocks in order (paragraphs, headings, code, tables; rules and
HTML are skipped).  Each unit has a *key*: its prose normalised (NFKC, no whitespace, no
punctuation), so ``投資 に`` equals ``投資に`` and a paragraph that merges two earlier ones
equals their concatenation.

* Runs (RP002): a chain of exact copies of consecutive units, found by walking two pointers
  (copy, original) forward from an exact match.  The chain tolerates one missing or extra
  unit, may end with a truncated block (one key a prefix of the other), and never lets the
  original overlap the copy (so ``A A A`` is two copies of the first ``A``, not one long one).
* Copies (RP001): a single paragraph whose key equals an earlier one (or two consecutive
  earlier ones merged, or is one of them split in two).
* Near copies (RP003): character 5-gram containment between long paragraphs; candidates come
  from an index of sampled 5-gram fingerprints, so pairs are scored only when they share text.
* Sentences (RP004): repeated long sentences outside blocks already reported.

Hash lookups and sampled fingerprints keep the work linear in the text for ordinary documents.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from itertools import islice
from dataclasses import dataclass, field

from kijilint.markdown import CODE_SPAN, HATENA_PHOTO
from kijilint.rules._layout import DISPLAY_MATH, JAPANESE, pseudo_heading
from kijilint.sentences import MASK
from kijilint._lazy_re import lazy_re

# A quotation set out in markup rather than with >: a quote shortcode ({{< fig-quote … >}}) or
# an HTML <q>/<blockquote> opening the paragraph (two articles of a statute quoted in a row are
# near-identical by the law's own wording); and a note box (MkDocs' !!! note / ??? tip), which
# a writer repeats where each section needs the same warning
# (or a container box: VuePress' ::: tip, Zenn's :::message, Docusaurus' :::note)
_QUOTE_BOX = lazy_re(r"[ \t]*(?:(?:\{\{[<%]|\{%)[ \t]*[\w-]{0,40}quote|<(?:q|blockquote)\b|(?:!!!|\?\?\?\+?)[ \t]+[A-Za-z]|:{3,}[ \t]*(?:tip|note|info|warning|danger|caution|important|message|alert|details)\b)", re.I)


def set_apart(b) -> bool:
    """A quotation (> or markup) or a note box: text that recurs on purpose."""
    return b.in_quote or _QUOTE_BOX.match(b.text) is not None


# Options shared by the family; every rule may override the ones it uses.
DEFAULTS = {
    "min_chars": 30,  # a paragraph shorter than this (normalised) is boilerplate, never a copy alone
    "near_min_chars": 40,  # both paragraphs of a near-duplicate pair must be at least this long
    "near_threshold": 0.85,  # 5-gram containment for a near-duplicate
    "sentence_min_chars": 20,  # shortest sentence RP004 reports when it repeats its neighbour
    "sentence_far_min_chars": 40,  # … and when the two are further apart (refrains are short)
    "sentence_stutter_min_chars": 10,  # … and when it follows itself in one paragraph (X。X。)
}

_LEAN_CHAIN_MAX = 32
_HEADING_CHAIN_MAX = 512  # units a chain from a heading walks before a substantial paragraph
_LEAN_STEP_BUDGET = 200_000  # such steps per document before heading chains get the short bound
_MAX_CANDIDATES = 8  # earlier occurrences tried per unit when starting a chain
_FP_SAMPLE = 4  # keep one 5-gram fingerprint in four (chosen by hash, so both copies agree)
_FP_CAP = 64  # fingerprints shared by more units than this are boilerplate, not evidence
_LINK_ONLY = lazy_re(
    r"^(?:[ \t]*(?:[-*+]|\d{1,9}[.)])?[ \t]*(?:!?\[[^\]\n]*\]\([^)\n]*\)|<[^>\n]+>|https?://\S+)[ \t]*[.,、。]?[ \t]*)+$"
)


# Punctuation of the blocks where text uses it (after NFKC, full-width forms are ASCII).
_PUNCT_CLASS = (
    "["
    + "".join(
        re.escape(chr(c))
        for lo, hi in ((0x20, 0x2FF), (0x2000, 0x2E7F), (0x3000, 0x303F), (0xFE30, 0xFE4F), (0xFF00, 0xFF65))
        for c in range(lo, hi + 1)
        if unicodedata.category(chr(c)).startswith("P")
    )
    + "]"
)


# What a comparison key drops, in one pass: punctuation, whitespace, masks and Markdown marks
# (``sentences.normalize`` and a punctuation pass took four; one saves RP004 ~3 s on a
# paragraph of 370,000 sentences)
_KEY_DROP = lazy_re(_PUNCT_CLASS[:-1] + r"*_`~#>\s\u3000" + re.escape(MASK) + "]+")


def key_of(text: str) -> str:
    """Comparison key: ``sentences.normalize`` plus no punctuation at all."""
    return _KEY_DROP.sub("", unicodedata.normalize("NFKC", text.replace(MASK, " "))).lower()


_INLINE_CODE = lazy_re(CODE_SPAN, re.S)


# (balanced parentheses: …/GUI(CueMol2)/a.png; an alt text holds no bracket, so a run of `![`
# is not read to its end from each)
_IMAGE_SOURCE = lazy_re(r"!\[[^\[\]]{0,1000}\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)")
_HATENA_PHOTO = lazy_re(HATENA_PHOTO)  # Hatena's [f:id:user:20220119215543p:plain]


def block_key(masked: str, raw: str) -> str:
    """Key of prose that still tells inline code and images apart: ``pip install `requests```
    and ``pip install `numpy``` mask to the same prose but are different paragraphs, and so are
    three photos under one caption (``![会場の様子](a.jpg)`` ⏎ ``会場の様子 (c) PyCon JP``)."""
    key = key_of(masked)
    if "`" in raw:
        codes = [m.group("code_text").strip() for m in _INLINE_CODE.finditer(raw)]
        if codes and key:
            key += "\x01" + "\x02".join(codes)
    if ("![" in raw or "[f:id:" in raw) and key:
        images = _IMAGE_SOURCE.findall(raw) + _HATENA_PHOTO.findall(raw)
        if images:
            key += "\x03" + "\x02".join(images)
    return key


@dataclass(eq=False)
class Unit:
    idx: int
    block: object  # markdown.Block
    kind: str  # paragraph, heading, code, table
    key: str
    substantial: bool  # a paragraph long enough to be reported as a copy on its own

    @property
    def group(self) -> str:
        return self.kind if self.kind != "table" else "code"


@dataclass
class Run:
    first: int  # copy units first..last (inclusive)
    last: int
    orig_first: int
    orig_last: int
    body: int = -1  # first copy unit after the leading heading(s): where the finding starts
    orig_body: int = -1  # … and the original unit it repeats


@dataclass
class Copy:
    unit: int  # the later block
    origs: tuple[int, ...]  # the unit(s) it repeats (two when it merges them)
    how: str  # exact, merged, split, near
    score: float = 1.0
    split_with: int | None = None  # for "split": the next unit, which completes the copy
    lead: int | None = None  # for "edited": the first unit its fix removes (a heading before it)


@dataclass
class Repeat:
    sentence: object  # sentences.Sentence (the later occurrence)
    original: object  # the first occurrence


@dataclass
class Analysis:
    units: list[Unit]
    runs: list[Run] = field(default_factory=list)
    copies: list[Copy] = field(default_factory=list)  # RP001
    near: list[Copy] = field(default_factory=list)  # RP003
    repeats: list[Repeat] = field(default_factory=list)  # RP004
    covered: set[int] = field(default_factory=set)  # block indexes reported as copies


def analyse(doc, options: dict | None = None) -> Analysis:
    opts = {**DEFAULTS, **{k: v for k, v in (options or {}).items() if k in DEFAULTS}}
    ck = ("repetition", tuple(sorted(opts.items())))
    got = doc.cache.get(ck)
    if got is None:
        got = doc.cache[ck] = _Analyser(doc, opts).run()
    return got


class _Analyser:
    def __init__(self, doc, opts):
        self.doc = doc
        self.opts = opts
        self.units = self._units()
        self.n = len(self.units)
        self._lean_steps = 0  # steps taken by chains that hold no substantial paragraph yet
        self.by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
        for u in self.units:
            if u.key:
                self.by_key[(u.group, u.key)].append(u.idx)
        self.pairs: dict[str, list[int]] = defaultdict(list)  # key(j)+key(j+1) -> j, paragraphs only
        for a, b in zip(self.units, self.units[1:]):
            if a.kind == b.kind == "paragraph" and a.key and b.key:
                self.pairs[a.key + b.key].append(a.idx)

    # --- units -------------------------------------------------------------------------------
    def _units(self) -> list[Unit]:
        out: list[Unit] = []
        min_chars = self.opts["min_chars"]
        for b in self.doc.blocks:
            if b.kind in ("paragraph", "heading"):
                prose_key = key_of(b.masked)
                key = block_key(b.masked, b.text)
                if not key:  # nothing but markup (an image, a Liquid tag): compare the markup
                    key = "\0" + "".join(b.text.split())
                link_only = bool(_LINK_ONLY.match(b.text.strip()))
                # Bullets (summaries repeat them) and quotations (of the article itself) recur
                # legitimately: they can be part of a repeated run but never a copy alone.
                # Only Japanese prose counts on its own: a paragraph that is one code span (a
                # command) or an English log line shown twice is not a copied paragraph.
                substantial = (
                    b.kind == "paragraph" and len(prose_key) >= min_chars and _japanese(prose_key)
                    and not link_only and not b.in_list and not set_apart(b)
                )
            elif b.kind in ("code", "table"):
                key = "\n".join(line.rstrip() for line in b.text.strip("\n").split("\n"))
                substantial = False
            else:
                continue
            # a title typed without # (【まとめ】) is no paragraph: it matches only its like, as a
            # heading does (the table of contents lists the titles the sections carry)
            kind = "label" if b.kind == "paragraph" and pseudo_heading(b) else b.kind
            out.append(Unit(len(out), b, kind, key, substantial and kind != "label"))
        return out

    # --- matching ----------------------------------------------------------------------------
    def _same(self, a: int, b: int) -> bool:
        ua, ub = self.units[a], self.units[b]
        return bool(ua.key) and ua.group == ub.group and ua.key == ub.key and ua.block.in_quote == ub.block.in_quote

    def _step(self, a: int, b: int, limit: int) -> tuple[int, int] | None:
        """Copy unit ``a`` against original unit ``b``: the last units consumed on each side, or None.
        Besides equality, a copy may merge two original paragraphs or split one in two."""
        if b >= limit or a >= self.n:
            return None
        if self._same(a, b):
            return a, b
        ua = self.units[a]
        if ua.kind != "paragraph" or not ua.key:
            return None
        if b + 1 < limit and self.units[b].kind == self.units[b + 1].kind == "paragraph":
            if self.units[b].key + self.units[b + 1].key == ua.key:
                return a, b + 1
        if a + 1 < self.n and self.units[a + 1].kind == "paragraph" and self.units[b].kind == "paragraph":
            if ua.key + self.units[a + 1].key == self.units[b].key:
                return a + 1, b
        return None

    def _marker(self, k: int) -> bool:
        u = self.units[k]
        return u.kind == "paragraph" and len(u.key) * 2 < len(u.block.prose().strip())

    def _prefix(self, a: int, b: int) -> bool:
        """One key a truncation of the other (a copy or an original cut short)."""
        ka, kb = self.units[a].key, self.units[b].key
        if not ka or not kb or ka == kb or self.units[a].group != self.units[b].group:
            return False
        short, long_ = (ka, kb) if len(ka) < len(kb) else (kb, ka)
        return len(short) >= 5 and long_.startswith(short)

    def _chain(self, a0: int, a1: int, b0: int, b1: int) -> list[tuple[int, int, int, int, str]]:
        """Extend a match (copy a0..a1, original b0..b1) forward; the original stays before a0."""
        limit = a0
        out = [(a0, a1, b0, b1, "exact")]
        a, b = a1, b1
        # A run needs a heading at its start or a substantial unit in it (see _qualifies): past
        # _LEAN_CHAIN_MAX units of neither, the chain only ranks candidates, and 3,000 copies
        # of a picture paragraph must not make each unit walk back over all the others.
        lean = not any(self.units[k].substantial for k in range(a0, a1 + 1))
        # A heading may open a short section copied whole, so its chain goes further; but a
        # file of 3,000 identical short sections must not walk each chain to the end: past a
        # budget of steps per document, its chains are held to the short bound too.
        cap = _LEAN_CHAIN_MAX
        if self.units[a0].kind == "heading" and self._lean_steps < _LEAN_STEP_BUDGET:
            cap = _HEADING_CHAIN_MAX
        while True:
            if lean and len(out) >= cap:
                break
            if lean:
                self._lean_steps += 1
            nxt = None
            # The next unit of each, or one original unit missing from the copy.  An extra unit in
            # the copy ends the chain: new text means the copy has diverged.
            for da, db in ((1, 1), (1, 2)):
                got = self._step(a + da, b + db, limit)
                if got:
                    nxt = (a + da, got[0], b + db, got[1], "exact")
                    break
            if nxt is None:
                if a + 1 < self.n and b + 1 < limit and self._prefix(a + 1, b + 1):
                    out.append((a + 1, a + 1, b + 1, b + 1, "cut"))
                break
            out.append(nxt)
            a, b = nxt[1], nxt[3]
            lean = lean and not any(self.units[k].substantial for k in range(nxt[0], nxt[1] + 1))
        return out

    def _candidates(self, i: int) -> list[tuple[int, int, int, int]]:
        u = self.units[i]
        # Chains start at a heading or a long paragraph: short lines (「Happy Hacking!」,
        # ``---END---``) recur too often to anchor anything.
        if self._stutter(i) and len(u.key) < self.opts["min_chars"]:
            return [(i, i, i - 1, i - 1)]
        if not u.key or not (u.kind == "heading" or (u.kind == "paragraph" and len(u.key) >= self.opts["min_chars"])):
            return []
        # The earliest few (the list is in document order): a heading repeated thousands of
        # times must not make every unit scan all of them.
        same = (j for j in self.by_key.get((u.group, u.key), []) if j < i and self._same(i, j))
        out = [(i, i, j, j) for j in islice(same, _MAX_CANDIDATES)]
        if u.kind == "paragraph":
            out += [(i, i, j, j + 1) for j in self.pairs.get(u.key, []) if j + 1 < i][:_MAX_CANDIDATES]
            if i + 1 < self.n and self.units[i + 1].kind == "paragraph":
                joined = u.key + self.units[i + 1].key
                out += [(i, i + 1, j, j) for j in self.by_key.get(("paragraph", joined), []) if j < i][:_MAX_CANDIDATES]
        return out

    def _stutter(self, i: int) -> bool:
        """A shorter prose paragraph right after an identical one (the same line emitted twice)."""
        u = self.units[i]
        return (
            i > 0 and u.kind == "paragraph" and not u.block.in_list and not u.block.in_quote
            and len(u.key) >= self.opts["min_chars"] // 2 and _japanese(u.key) and self._same(i, i - 1)
        )

    def _qualifies(self, chain) -> list | None:
        """Trim what a run must not end with (headings, short blocks) and check it holds a real copy."""
        chain = list(chain)
        # A run ends on what was copied: not a heading without its body, nor a separator line
        # (``---END---``, mostly punctuation) that the broken-ending rules report themselves.
        while chain and (self.units[chain[-1][1]].kind == "heading" or self._marker(chain[-1][1])):
            chain.pop()
        if not chain or self._parallel_step(chain) or self._restated(_side(chain, 0), _side(chain, 2)):
            return None
        if self._template_lead_in(chain[0][0], chain[0][2]):
            return None
        n_units = chain[-1][1] - chain[0][0] + 1
        solid = any(
            how == "exact" and any(self.units[k].substantial for k in range(a0, a1 + 1)) for a0, a1, _, _, how in chain
        )
        solid = solid or self._whole_section(chain)
        return chain if n_units >= 2 and len(chain) >= 2 and solid else None

    def _template_lead_in(self, copy: int, orig: int) -> bool:
        """Units ``copy`` and ``orig`` each open a sibling section (the first thing under
        headings of one level and one parent) and lead into the list right below them with a
        short pointer (``### カギカッコ`` ⏎ ``…基本的には以下でお願いします。`` ⏎ ``* …``, again
        under ``### クエスチョンマーク``): a guide's template line, written again in each entry.
        A pasted copy lands after a paragraph, not at the head of a section of its own."""
        hc, ho = copy - 1, orig - 1
        if ho < 0 or hc == ho:
            return False
        head_c, head_o = self.units[hc], self.units[ho]
        if head_c.kind not in ("heading", "label") or head_o.kind != head_c.kind or head_c.key == head_o.key:
            return False
        if head_c.kind == "heading":  # (two titles typed in bold, **カギカッコ**, are siblings too)
            level = self._level(hc)
            if self._level(ho) != level or self._parent(hc, level) != self._parent(ho, level):
                return False
        blocks = self.doc.blocks
        for k in (copy, orig):
            b = self.units[k].block
            after = blocks[b.index + 1] if b.index + 1 < len(blocks) else None
            if b.kind != "paragraph" or after is None or not after.in_list or not _POINTER.search(b.text):
                return False
            if len(b.prose().strip()) > _LEAD_IN_MAX:
                return False
        return True

    def _between_equations(self, k: int) -> bool:
        """Unit ``k`` is a paragraph set between two display equations (``$$…$$`` ⏎ ``となること
        から、…差分をとることで`` ⏎ ``$$…$$``): the words that carry a derivation from one line
        to the next, which a parallel derivation says again.  A pasted copy lands after a
        paragraph, not after an equation."""
        b = self.units[k].block
        blocks = self.doc.blocks
        if b.kind != "paragraph" or not 0 < b.index < len(blocks) - 1:
            return False
        return all(
            x.kind == "paragraph" and x.containers == b.containers and DISPLAY_MATH.fullmatch(x.text.strip()) is not None
            for x in (blocks[b.index - 1], blocks[b.index + 1])
        )

    def _restated(self, copy, orig) -> bool:
        """The items of a list written again as paragraphs, or paragraphs again as a list (a
        conclusion restating the aims): a pasted copy keeps the form of what it copies.
        ``copy``, ``orig``: unit indexes."""
        copied = [self.units[k].block.in_list for k in copy]
        original = [self.units[k].block.in_list for k in orig]
        return (all(copied) and not any(original)) or (all(original) and not any(copied))

    def _closing_bookend(self) -> range | None:
        """The units of a short closing section that repeats the short opening one, title and
        all, when the title names navigation (``# 目次`` with a link to the series index at the
        top and the bottom of each article): a header and its footer, written twice on purpose."""
        heads = [u for u in self.units if u.kind == "heading"]
        if len(heads) < 3 or heads[0].key != heads[-1].key or self._level(heads[0].idx) != self._level(heads[-1].idx):
            return None  # (an article between them: a section pasted twice in a row is a copy)
        if sum(u.key == heads[0].key for u in heads) != 2 or not _NAVIGATION.search(heads[0].key):
            return None  # (a content section copied to the end is a regenerated one)
        opening = heads[1].idx - heads[0].idx
        closing = range(heads[-1].idx, self.n)
        after = self.doc.blocks[self.units[-1].block.index + 1 :]
        if opening > _BOOKEND_UNITS or len(closing) > _BOOKEND_UNITS or any(b.kind != "hr" for b in after):
            return None
        return closing

    def _whole_section(self, chain) -> bool:
        """A short section (heading, a line or two, a list or code) copied whole, under the same
        parent heading: the heading text and its body both recur, so it is one regenerated section.
        Sibling sections written to a template (``### 引数`` / ``なし`` under each function)
        have different parents and stay silent."""
        a0, b0 = chain[0][0], chain[0][2]
        head = self.units[a0]
        if head.kind != "heading" or not _japanese_or_word(head.key) or chain[0][4] != "exact":
            return False
        level = self._level(a0)
        if self._level(b0) != level or not self._section_end(chain[-1][3] + 1, chain[-1][1] + 1, a0, level):
            return False
        body = range(a0 + 1, chain[-1][1] + 1)
        prose = sum(len(JAPANESE.findall(self.units[k].key)) for k in body if self.units[k].kind == "paragraph")
        code = any(self.units[k].group == "code" and len(self.units[k].key) >= 20 for k in body)
        if self._parent(a0, level) != self._parent(b0, level) and not self._appended_at_end(chain, head):
            return False
        # A link roundup entry (a long title, its link, one short line) is substantial as a whole.
        text = len(head.key) + sum(len(self.units[k].key) for k in body if self.units[k].kind == "paragraph")
        # A heading and its one line (``## 活動場所と時間`` ⏎ ``10月21日に731にて``): the words of
        # both make the section's substance.
        titled = prose >= 5 and prose + len(JAPANESE.findall(head.key)) >= _SECTION_MIN_PROSE
        # A section written twice in a row (### 参照 ⏎ [ジェネリクス](…), [メソッド](…), then the same
        # heading and links again): a stutter at the level of sections, however short.
        stutter = chain[-1][3] + 1 == a0 and (prose > 0 or code)
        return prose >= _SECTION_MIN_PROSE or titled or stutter or (prose > 0 and (code or text >= 3 * _SECTION_MIN_PROSE))

    def _subheadings(self, parent, level: int) -> list:
        """Keys of the headings of ``level`` directly under ``parent``, in order (one pass over
        the document, then a lookup: a manual of 1,500 sections stays linear)."""
        table = self.__dict__.get("_children")
        if table is None:
            table = self._children = {}
            for u in self.units:
                if u.kind == "heading":
                    table.setdefault((self._parent(u.idx, self._level(u.idx)), self._level(u.idx)), []).append(u.key)
        return table.get((parent, level), [])

    def _parallel_step(self, chain) -> bool:
        return self.parallel_step(chain[0][0], chain[0][2])

    def parallel_step(self, copy: int, orig: int) -> bool:
        """Units ``copy`` and ``orig`` sit in the same step of parallel sections (## Ubuntu
        18.04 / ## Ubuntu 20.04, each with ### 1. … ### 2. …): under headings with the same
        text at the same place among their siblings, whose parents share another subheading.
        Manuals repeat such steps on purpose."""
        hc, ho = self._own_heading(copy), self._own_heading(orig)
        if hc is None or ho is None or hc == ho:
            return False
        head = self.units[hc]
        if self.units[ho].key != head.key:
            return False
        level = self._level(hc)
        a, b = self._parent(hc, level), self._parent(ho, level)
        if a == b or a is None or b is None or self.units[a].key == self.units[b].key:
            return False  # two parents of one title are a section written twice, not a parallel
        sa, sb = self._subheadings(a, level), self._subheadings(b, level)
        if head.key not in sa or head.key not in sb:
            return False
        # the titles both parents share come in one order (a section may add a step of its own:
        # ### 回路 / ### プログラム / ### 計算について / ### 実行)
        in_a, in_b = set(sa), set(sb)
        if [k for k in sa if k in in_b] != [k for k in sb if k in in_a]:
            return False
        return any(k != head.key and k in in_b for k in sa[:_SIBLINGS_COMPARED])

    def _parallel_sections(self, a: int, b: int) -> bool:
        """Units ``a`` and ``b`` open sibling sections of one pattern (``## 基本情報技術者試験
        って？`` and ``## 情報セキュリティマネジメント試験って？``, each with ``### 学習期間`` and
        ``### 学習方法``): a writer who fills in a template rewords its boilerplate, so a close
        paragraph there is no edited copy."""
        ha, hb = self._own_heading(a), self._own_heading(b)
        if ha is None or hb is None or ha == hb or self.units[ha].key == self.units[hb].key:
            return False
        level = self._level(ha)
        if self._level(hb) != level:
            return False
        sa, sb = self._subheadings(ha, level + 1), self._subheadings(hb, level + 1)
        return len(set(sa) & set(sb)) >= 2

    def _variant_sections(self, a: int, b: int) -> bool:
        """Units ``a`` and ``b`` sit in sibling sections that give one procedure for two
        variants (``### 導入手順（pip を利用する場合）`` / ``### 導入手順（uv を利用する場合）``):
        their steps are reworded on purpose.  Numbered steps (``### Step 1`` / ``### Step 2``)
        are a sequence, not variants."""
        ha, hb = self._own_heading(a), self._own_heading(b)
        if ha is None or hb is None or ha == hb:
            return False
        ka, kb = self.units[ha].key, self.units[hb].key
        level = self._level(ha)
        if ka == kb or self._level(hb) != level or self._parent(ha, level) != self._parent(hb, level):
            return False
        pre, suf = _affixes(ka, kb)
        cores = (ka[pre : len(ka) - suf], kb[pre : len(kb) - suf])
        # the variant's name is a short part of a title that is otherwise the same (not two
        # questions of a FAQ that share …について / …ですか？)
        return pre + suf >= 6 and all(c and not c.isdigit() and 3 * len(c) <= len(k) for c, k in zip(cores, (ka, kb)))

    def _variant_closing_note(self, copy: int, orig: int) -> bool:
        """Units ``copy`` and ``orig`` are one short paragraph that closes each of two sibling
        sections giving one procedure for two variants (``## ① 限定インストールの方法`` /
        ``## ② フルインストールの方法``, each ending ``📍6～8の手順は…操作する必要があります``): a
        manual's note, said again under each variant.  A pasted copy lands inside a section, not
        as the last word of its variant's twin."""
        for k in (copy, orig):
            u = self.units[k]
            if u.kind != "paragraph" or u.block.in_list or u.block.in_quote or len(u.key) > _NOTE_MAX:
                return False
        if not self._variant_sections(copy, orig):
            return False
        level = self._level(self._own_heading(copy))
        return all(k + 1 >= self.n or (self.units[k + 1].kind == "heading" and self._level(k + 1) <= level) for k in (copy, orig))

    def _own_heading(self, k: int):
        """The unit itself when it is a heading, else the nearest heading above it."""
        if self.units[k].kind == "heading":
            return k
        enclosing = self._parent(k, 10)  # any level: the innermost open heading
        return enclosing

    def _appended_at_end(self, chain, head) -> bool:
        """The copy is the document's last section, closed by a rule or the end of the file
        (where a restarted generation appends), and its heading occurs only twice: no template
        repeated under every parent, just one section written again under another."""
        last = self.units[chain[-1][1]].block
        blocks = self.doc.blocks
        after = blocks[last.index + 1] if last.index + 1 < len(blocks) else None
        if after is not None and after.kind != "hr":
            return False
        if len(self.by_key.get((head.group, head.key), [])) != 2:
            return False
        # Templates and parallel parents (## open() / ## close(), each with ### 戻り値; ## Ubuntu
        # 18.04 / 20.04, each with ### 1. …) put the section at the same place under each parent
        # and share their other subheadings; a section written again lands elsewhere.
        level = self._level(head.idx)
        sa = self._subheadings(self._parent(head.idx, level), level)
        sb = self._subheadings(self._parent(chain[0][2], level), level)
        if sa.index(head.key) == sb.index(head.key):
            return False
        return not any(k != head.key and k in sb for k in sa[:_SIBLINGS_COMPARED])

    def _section_end(self, nxt: int, after_copy: int, copy: int, level: int) -> bool:
        """The original section is copied to its end: after it comes a heading of the same or a
        higher level, the copy itself, or nothing.  One unit added to the original since is
        allowed when the copy itself ends at such a heading."""

        def boundary(k: int) -> bool:
            return k >= self.n or k == copy or (self.units[k].kind == "heading" and self._level(k) <= level)

        return boundary(nxt) or (boundary(nxt + 1) and boundary(after_copy))

    def _level(self, k: int) -> int:
        """The level heading unit ``k`` stands at: as typed, but for a heading typed one level
        too deep (``## 第二走者`` … ``### 第三走者`` ⏎ ``### 配信開始`` …, between ``## 第一走者`` and
        ``## 第四走者``), which stands at its parent's level."""
        levels = self.__dict__.get("_levels")
        if levels is None:
            levels = self._levels = self._slipped_headings()
        return levels.get(k, self.units[k].block.level)

    def _slipped_headings(self) -> dict[int, int]:
        """Headings typed a level too deep: a section whose title is a variant of its parent's
        (第三走者(…) under 第二走者(…)), followed by the very subheadings its parent had before it.
        A section written twice repeats its parent's own title, not a variant."""
        heads = [(u.idx, u.block.level, u.key) for u in self.units if u.kind == "heading"]
        levels = [level for _, level, _ in heads]  # as they stand, a slipped one raised
        out: dict[int, int] = {}
        stack: list[int] = []  # positions in heads of the open headings
        children: dict[int, list[str]] = defaultdict(list)  # parent position -> its subheadings' keys
        for n, (idx, level, key) in enumerate(heads):
            while stack and levels[stack[-1]] >= level:
                stack.pop()
            if stack:
                p = stack[-1]
                plevel, pkey = levels[p], heads[p][2]
                before = children[p]
                if (
                    plevel == level - 1 and 2 <= len(before) <= _SLIP_SIBLINGS
                    and n + 1 < len(heads) and heads[n + 1][1] == level and key != pkey and sum(_affixes(key, pkey)) >= 2
                    and self._next_titles(heads, n + 1, level, len(before)) == before
                ):
                    out[idx] = levels[n] = plevel
                    stack.pop()
                    if stack:
                        children[stack[-1]].append(key)
                    stack.append(n)
                    continue
                children[p].append(key)
            stack.append(n)
        return out

    @staticmethod
    def _next_titles(heads, start: int, level: int, count: int) -> list[str]:
        """Keys of the next ``count`` headings of ``level`` from ``start`` on, before any heading
        above that level (deeper ones stepped over, a bounded number)."""
        out: list[str] = []
        for idx, lv, key in heads[start : start + 4 * _SLIP_SIBLINGS]:
            if lv < level or len(out) == count:
                break
            if lv == level:
                out.append(key)
        return out

    def _parent(self, k: int, level: int):
        """Index of the nearest heading above unit k with a level below ``level`` (None at top)."""
        table = self.__dict__.get("_enclosing")
        if table is None:  # the open headings before each unit, outermost first
            table, stack = [], []
            for u in self.units:
                table.append(tuple(stack))
                if u.kind == "heading":
                    while stack and self._level(stack[-1]) >= self._level(u.idx):
                        stack.pop()
                    stack.append(u.idx)
            self._enclosing = table
        for j in reversed(table[k]):
            if self._level(j) < level:
                return j
        return None

    # --- the passes --------------------------------------------------------------------------
    def run(self) -> Analysis:
        res = Analysis(self.units)
        in_run: set[int] = set()
        bookend = self._closing_bookend()
        i = 0
        while i < self.n:
            if bookend is not None and i == bookend.start:
                res.covered.update(self.units[k].block.index for k in bookend)  # silent for RP003/RP004 too
                break
            best = None
            for a0, a1, b0, b1 in self._candidates(i):
                chain = self._chain(a0, a1, b0, b1)
                # A chain that makes a run beats one that does not (the same heading text at
                # another level is a worse original than the section really copied).
                qualified = self._qualifies(chain)
                score = (qualified is not None, chain[-1][1] - chain[0][0], -b0)
                if best is None or score > best[0]:
                    best = (score, chain, qualified)
            if best is None:
                i += 1
                continue
            chain, run = best[1], best[2]
            if run:
                pieces, edited = self._split_at_edits(run)
                res.runs.extend(self._run_of(piece) for piece in pieces)
                res.copies.extend(edited)
                in_run.update(range(run[0][0], run[-1][1] + 1))
                i = run[-1][1] + 1
                continue
            a0, a1, b0, b1, _ = chain[0]
            u = self.units[i]
            if u.substantial or self._stutter(i) or (
                a1 > a0 and u.kind == "paragraph" and len(u.key) >= self.opts["min_chars"] // 2
            ):
                # The earliest occurrence is the original the message names.
                first = self._earliest(a0, a1, b0, b1)
                if not self._stutter(i) and (
                    (self.parallel_step(i, b0) and self.parallel_step(i, first[0]))
                    or self._restated(range(a0, a1 + 1), range(first[0], first[-1] + 1))
                    or (a0 == a1 and self._template_lead_in(i, first[0]))
                    or (a0 == a1 and self._between_equations(i) and self._between_equations(first[0]))
                    or (a0 == a1 and first[0] == first[-1] and self._variant_closing_note(i, first[0]))
                    or (a0 == a1 and self._summary_then_body(self.units[first[0]].block, u.block))
                ):
                    # a manual's parallel step, a bullet restated as a paragraph, a guide's
                    # template line, a derivation's connecting words, a note closing each variant
                    # of a procedure, a summary's paragraph said again: silent for RP003 and RP004 too
                    in_run.update(range(a0, a1 + 1))
                    res.covered.update(self.units[k].block.index for k in range(a0, a1 + 1))
                    i = a1 + 1
                    continue
                how = "exact" if (a0 == a1 and first[0] == first[-1]) else ("split" if a1 > a0 else "merged")
                res.copies.append(Copy(i, first, how, split_with=a1 if a1 > a0 else None))
                in_run.update(range(a0, a1 + 1))
                i = a1 + 1
                continue
            i += 1
        for r in res.runs:
            res.covered.update(self.units[k].block.index for k in range(r.first, r.last + 1))
        for c in res.copies:
            res.covered.update(self.units[k].block.index for k in range(c.lead if c.lead is not None else c.unit, c.unit + 1))
            if c.split_with is not None:
                res.covered.add(self.units[c.split_with].block.index)
        res.near = self._near(in_run)
        for c in res.near:
            res.covered.add(self.units[c.unit].block.index)
        res.repeats = self._sentences(res.covered)
        return res

    def _split_at_edits(self, run) -> tuple[list[list], list[Copy]]:
        """Split a run at each edited copy (a paragraph equal to its original only after
        normalisation: a space added or removed, a different punctuation mark) when the pieces
        on both sides are runs of their own, each with a byte-identical paragraph to show for it.
        A regenerated section is judged by its identical stretches, so an edited paragraph in
        the middle parts two copies; the edited paragraph becomes a copy of its own (RP001).
        A copy re-wrapped or re-spaced throughout stays one run, as does one whose edits would
        leave a piece too small to stand alone."""
        identical = [self._identical(step) for step in run]
        later = [False] * (len(run) + 1)  # later[p]: an identical paragraph in run[p:]
        for p in range(len(run) - 1, -1, -1):
            later[p] = later[p + 1] or identical[p]
        pieces, edited = [], []
        start, seen = 0, False  # seen: an identical paragraph in run[start:p]
        for p, (a0, a1, b0, b1, how) in enumerate(run):
            if not later[p + 1]:
                break
            if how == "exact" and a0 == a1 and b0 == b1 and self.units[a0].substantial and self._edited(a0, b0):
                left = self._qualifies(run[start:p]) if seen and p - start >= 2 else None
                if left and any(map(self._identical, left)) and len(run) - p - 1 >= 2:  # the rest is the tail of a run: trimmed already
                    pieces.append(left)
                    # What the left piece leaves out (a heading before the edited paragraph)
                    # goes with the edited copy, so the copy stays covered and removable.
                    lead = left[-1][1] + 1
                    edited.append(Copy(a0, (b0,), "edited", lead=lead if lead < a0 else None))
                    start, seen = p + 1, False
                    continue
            seen = seen or identical[p]
        pieces.append(run[start:])
        return pieces, edited

    def _identical(self, step) -> bool:
        """A 1:1 step whose copy is a substantial paragraph byte-identical to its original."""
        a0, a1, b0, b1, how = step
        return how == "exact" and a0 == a1 and b0 == b1 and self.units[a0].substantial and not self._edited(a0, b0)

    def _edited(self, a: int, b: int) -> bool:
        """Units with equal keys whose raw text differs (trailing spaces of a line aside)."""
        ta, tb = self.units[a].block.text, self.units[b].block.text
        return ta != tb and [x.rstrip() for x in ta.split("\n")] != [x.rstrip() for x in tb.split("\n")]

    def _run_of(self, steps) -> Run:
        body = next((s for s in steps if self.units[s[0]].kind != "heading"), steps[0])
        return Run(steps[0][0], steps[-1][1], steps[0][2], steps[-1][3], body[0], body[2])

    def _earliest(self, a0, a1, b0, b1) -> tuple[int, ...]:
        u = self.units[a0]
        if a0 == a1 and b0 == b1:
            return (self.by_key[(u.group, u.key)][0],)
        return tuple(range(b0, b1 + 1))

    def _near(self, taken: set[int]) -> list[Copy]:
        lo = self.opts["near_min_chars"]
        thr = float(self.opts["near_threshold"])
        grams: dict[int, set[str]] = {}
        index: dict[str, list[int]] = defaultdict(list)
        out: list[Copy] = []
        for u in self.units:
            if not u.substantial or len(u.key) < lo:
                continue
            # Judged on the first _NEAR_SPAN characters: bounded cost on a 7 MB one-line paragraph.
            # Compared on prose: the inline code appended to a key (``\x01`` …) is checked apart.
            k, codes, images = _prose_and_code(u.key)
            k = k[:_NEAR_SPAN]
            # Sampled by a cheap function of the gram's own characters, so both copies keep the same ones.
            fps = _fingerprints(k)
            if u.idx not in taken:
                votes: dict[int, int] = defaultdict(int)
                for h in fps:
                    posting = index.get(h)
                    if posting and len(posting) <= _FP_CAP:
                        for j in posting:
                            votes[j] += 1
                best = None
                for j in votes:
                    uj = self.units[j]
                    kj, codes_j, images_j = _prose_and_code(uj.key)
                    kj = kj[:_NEAR_SPAN]
                    if uj.key == u.key or uj.block.in_quote != u.block.in_quote or self._summary_then_body(uj.block, u.block):
                        continue
                    # The same sentence about another command (`pip install a` / `… b`) is not a copy.
                    if not (codes <= codes_j or codes_j <= codes):
                        continue
                    # …の![開く](open.png)アイコンをクリック / …の![PDB](pdb.png)…: another icon, another step
                    if not (images <= images_j or images_j <= images):
                        continue
                    ratio = min(len(k), len(kj)) / max(len(k), len(kj))
                    if ratio < 0.5:
                        continue
                    if self._refrain(u.block, uj.block):
                        continue
                    ga = grams.get(u.idx) or grams.setdefault(u.idx, _grams(k))
                    gb = grams.get(j) or grams.setdefault(j, _grams(kj))
                    score = len(ga & gb) / min(len(ga), len(gb))
                    if score < thr and (codes or codes_j):  # shared code spans count as shared text too
                        wa, wb = _grams(u.key[:_NEAR_SPAN]), _grams(uj.key[:_NEAR_SPAN])
                        score = max(score, len(wa & wb) / min(len(wa), len(wb)))
                    if score >= thr and (best is None or score > best.score) and not (
                        len(k) <= 2000 and self._parallel(uj.block, u.block, kj, k)
                    ) and not self._parallel_sections(u.idx, j) and not self._variant_sections(u.idx, j) and not _numbered_variant(u.key, uj.key):
                        best = Copy(u.idx, (j,), "near", score)
                if best:
                    out.append(best)
            for h in fps:
                index[h].append(u.idx)
        return out

    def _parallel_neighbours(self, first, block, s) -> bool:
        """The sentence follows (or precedes) a sentence of one pattern in both places, under
        two headings (``### Windows 版`` ⏎ インストーラー版でインストールした場合、…。ZIP
        ファイルを解凍した場合、… / ``### Mac 版`` ⏎ インストーラー版でインストールした場合、
        ….。ZIP ファイルを解凍した場合、…): a manual gives each variant the same step.  In one
        section, a walkthrough may take a step twice, its neighbour ending alike (``Cloudflareの
        画面に遷移し、…認証していきます。`` ⏎ ``TXTレコードの追加を求められるため、【承認】をクリック``,
        later ``MXレコードとTXTレコードの追加を求められるため、【承認】をクリック``).  A sentence copied
        into a paragraph elsewhere has neighbours of its own."""
        same_section = self._heading_of(first.block.index) == self._heading_of(block.index)
        a, b = self.doc.sentences(first.block), self.doc.sentences(block)
        i = next((n for n, x in enumerate(a) if x.start == first.start), None)
        j = next((n for n, x in enumerate(b) if x.start == s.start), None)
        if i is None or j is None:
            return False
        for d in (-1, 1):
            if 0 <= i + d < len(a) and 0 <= j + d < len(b):
                ka, kb = (block_key(x.masked, x.text) for x in (a[i + d], b[j + d]))
                if ka == kb:
                    continue
                # (the ending compared is of the words: a key ends on its code spans and
                # addresses, which two unrelated sentences may share)
                if (_affixes(ka, kb)[0] >= _PARALLEL_PREFIX and not same_section) or _affixes(_words(ka), _words(kb))[1] >= _PARALLEL_SUFFIX:
                    return True
        return False

    def _refrain(self, a, b) -> bool:
        """Two short one-sentence paragraphs under different headings (``これも…削除されているので、
        Rhinoで試すのがお手軽でしょう。`` in one section, ``…手軽でしょう。`` in the next): a
        writer's refrain, reworded in passing.  A long sentence (a paragraph of one sentence
        strung on 「…！！」 quotes) copied with an edit is a regenerated paragraph still."""
        return (
            len(a.prose().strip()) <= _REFRAIN_MAX and len(b.prose().strip()) <= _REFRAIN_MAX
            and len(self.doc.sentences(a)) == 1 and len(self.doc.sentences(b)) == 1
            and self._heading_of(a.index) != self._heading_of(b.index)
        )

    def _summary_then_body(self, orig_block, copy_block) -> bool:
        """``orig_block`` sits under a summary put first (``## TL;DR``, ``## 要約``, ``## 3行まとめ``)
        and ``copy_block`` comes later, under another heading: the article states its point up
        front and again where it explains it, on purpose."""
        if orig_block.index >= copy_block.index or not self._has_summary():
            return False
        head = self._heading_of(orig_block.index)
        return bool(head) and _SUMMARY_TITLE.fullmatch(head) is not None and self._heading_of(copy_block.index) != head

    def _has_summary(self) -> bool:
        """The document has a heading that names a summary (asked once: the pair loops call
        ``_summary_then_body`` tens of thousands of times on a long article)."""
        got = self.__dict__.get("_summary_heading")
        if got is None:
            got = self._summary_heading = any(u.kind == "heading" and _SUMMARY_TITLE.fullmatch(u.key) for u in self.units)
        return got

    def _heading_of(self, block_index: int):
        """The key of the nearest heading above a block, the block itself if it is one ('' before
        the first)."""
        blocks = self.doc.blocks
        if block_index >= len(blocks):
            return ""
        b = blocks[block_index]
        h = b if b.kind == "heading" else self.doc.section_heading(b)
        return key_of(h.masked) if h is not None else ""

    def _parallel(self, a_block, b_block, a_key: str, b_key: str) -> bool:
        """Two passages in sibling sections written to one pattern (``Alpha テンプレート`` /
        ``Beta テンプレート``): where they differ, each says its own heading's word."""
        ha, hb = self._heading_of(a_block.index), self._heading_of(b_block.index)
        if not ha or not hb or ha == hb:
            return False
        if a_key == b_key:  # the same sentence under two headings of one pattern
            return _common_affix(ha, hb) >= 2
        from difflib import SequenceMatcher

        for tag, i1, i2, j1, j2 in SequenceMatcher(None, a_key, b_key, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            if (a_key[i1:i2] and a_key[i1:i2] not in ha) or (b_key[j1:j2] and b_key[j1:j2] not in hb):
                return False
        return True

    def _sentences(self, covered: set[int]) -> list[Repeat]:
        lo, far = self.opts["sentence_min_chars"], self.opts["sentence_far_min_chars"]
        seen: dict[str, tuple[object, int]] = {}  # key -> (first sentence, its position)
        last: dict[str, int] = {}  # key -> position of the latest occurrence
        last_block: dict[str, int] = {}  # key -> block of the latest occurrence
        stutter = min(lo, self.opts["sentence_stutter_min_chars"])
        out: list[Repeat] = []
        reported: set[int] = set()
        pos = 0
        for u in self.units:
            if u.kind != "paragraph":
                continue
            sents = self.doc.sentences(u.block)
            keys = [block_key(s.masked, s.text) for s in sents]
            chant = _chanted(keys, lo)
            for i, s in enumerate(sents):
                k = keys[i]
                if not k or k.isdigit():
                    continue  # ３． read as a sentence of its own: a number, not one to step over
                pos += 1
                if len(k) < stutter or not JAPANESE.search(k):
                    continue  # (Your browser does not support the audio element.: a page's boilerplate)
                got = seen.get(k)
                if got is None:
                    seen[k] = (s, pos)
                    last[k] = pos
                    last_block[k] = u.block.index
                    continue
                first, prev = got[0], last[k]
                # only the words count towards a sentence's length: 「ブラウザで `http://…` に
                # アクセスします。」 is a formulaic step, however long its address
                words = _word_count(k)
                # A short sentence counts only as a stutter inside one paragraph (X。X。):
                # across blocks, formulaic lines (「次に実行します。」) recur around code.
                stuttered = prev == pos - 1 and last_block[k] == u.block.index
                # (a heading between makes the two far apart: ### A ⏎ …ジングル。 ⏎ ### B ⏎ …ジングル。…)
                adjacent = prev == pos - 1 and self._heading_of(last_block[k]) == self._heading_of(u.block.index)
                last[k], last_block[k] = pos, u.block.index
                # (a stutter counts even inside a paragraph reported as a copy: a defect of its own)
                if not stuttered and (u.block.index in covered or words < lo):
                    continue
                # A bullet or a quotation repeating a sentence (a summary list, the same list
                # shown twice) recurs on purpose, as for RP001; only a stutter inside it counts.
                if (u.block.in_list or set_apart(u.block)) and not stuttered:
                    continue
                if set_apart(first.block) and not stuttered:
                    continue  # ::: tip 歓迎の言葉 ⏎ …。 then ## 学校探検 ⏎ …。: a box says the section again
                if i in chant:
                    continue  # 〽忘れまいぞやあのことを。×3: a short line said three times is a chant
                if prev == pos - 1 and prev in reported:  # X。X。X。: one finding for the loop
                    reported.add(pos)
                    continue
                # Right after itself it is a stutter; far away, only a long sentence is
                # a leftover rather than a deliberate refrain.
                if not adjacent and words < far:
                    continue
                # A one-sentence paragraph repeating a one-sentence paragraph is a paragraph
                # copy: RP001 (and its length threshold) decides.
                if len(sents) == 1 and len(self.doc.sentences(first.block)) == 1:
                    continue
                if self._parallel(first.block, u.block, k, k) or (not stuttered and self._parallel_neighbours(first, u.block, s)):
                    continue
                if self._summary_then_body(first.block, u.block):
                    continue  # ## TL;DR ⏎ …の 3 つ。 then, in the body, …の 3 つです。: the point said up front
                reported.add(pos)
                out.append(Repeat(s, first))
        return out


def _words(key: str) -> str:
    """A sentence key's words, its code spans and addresses left out."""
    return key.partition("\x01")[0].partition("\x03")[0]


def _word_count(key: str) -> int:
    """Characters of words in a sentence key, its code spans and addresses left out."""
    return len(_words(key))


def _chanted(keys: list, shorter_than: int) -> set[int]:
    """Indexes of sentences in a run of three or more identical short ones (``がんばれ。がんばれ。
    がんばれ。``): rhetoric, as a word said three times is; a long sentence looping is a
    generation stuck, and a short one said twice is still a stutter."""
    out: set[int] = set()
    i = 0
    while i < len(keys):
        j = i
        while j + 1 < len(keys) and keys[j + 1] == keys[i]:
            j += 1
        if keys[i] and j - i >= 2 and _word_count(keys[i]) < shorter_than:
            out.update(range(i, j + 1))
        i = j + 1
    return out


_NEAR_SPAN = 20_000
_LEAD_IN_MAX = 80  # characters of a template's lead-in line (the one seen: 38)
_NOTE_MAX = 80  # characters of a note closing each variant of a procedure (the one seen: 31)
_POINTER = lazy_re(r"以下|次の|下記|下の")
_REFRAIN_MAX = 60  # characters of a refrain sentence (the one seen: 37)
_SIBLINGS_COMPARED = 50  # subheadings compared between two parents (a bound for hostile files)
_SLIP_SIBLINGS = 64  # subheadings a parent may have before a heading typed a level too deep
_SECTION_MIN_PROSE = 15  # kana/kanji in the body of a short section copied whole


_BOOKEND_UNITS = 4  # a heading and a few lines: navigation, not an article's section
_NAVIGATION = lazy_re(r"目次|もくじ|索引|シリーズ|連載|関連記事|バックナンバー|index|contents|toc|series", re.IGNORECASE)


def _japanese(key: str) -> bool:
    """At least a fifth of the characters are kana or kanji."""
    return len(JAPANESE.findall(key[:2000])) * 5 >= min(len(key), 2000)


def _japanese_or_word(key: str) -> bool:
    """A heading worth matching: some kana/kanji, or a word of several letters."""
    return bool(JAPANESE.search(key)) or len(key) >= 4


def _side(chain, j: int) -> list[int]:
    """The unit indexes of one side of a chain: ``j`` 0 the copy, 2 the original."""
    return [k for step in chain for k in range(step[j], step[j + 1] + 1)]


def _prose_and_code(key: str) -> tuple[str, frozenset, frozenset]:
    """A block key split into its prose, the set of its inline code spans and the set of its
    image sources (see block_key).  The prose keeps the image sources (a short caption beside
    a long path is mostly path, and not a copy of a sentence that merely contains it)."""
    prose, _, code = key.partition("\x01")
    code = code.partition("\x03")[0]
    images = key.partition("\x03")[2]
    return prose, frozenset(code.split("\x02")) if code else frozenset(), frozenset(images.split("\x02")) if images else frozenset()


# a summary put before the body (keys: lower case, punctuation dropped)
_SUMMARY_TITLE = lazy_re(r"tl;?dr|要約|サマリー?|summary|[3三]行(?:まとめ|要約|で)?")
_PARALLEL_PREFIX = 10  # normalised characters two neighbouring sentences open with alike
_PARALLEL_SUFFIX = 20  # … or end with alike (…の追加を求められるため【承認】をクリック: 25)


def _common_affix(a: str, b: str) -> int:
    return max(_affixes(a, b))


def _affixes(a: str, b: str) -> tuple[int, int]:
    """Lengths of the common prefix and of the common suffix after it."""
    pre = 0
    while pre < min(len(a), len(b)) and a[pre] == b[pre]:
        pre += 1
    suf = 0
    while suf < min(len(a), len(b)) - pre and a[-1 - suf] == b[-1 - suf]:
        suf += 1
    return pre, suf


_NUMERALS = frozenset("0123456789０１２３４５６７８９〇一二三四五六七八九十百")


def _numbered_variant(a: str, b: str) -> bool:
    """Two texts that differ in one number only (…にて、第一走者から完走報告を… / …第二走者
    から…): the line of a series written once for each item, not an edited copy, which drops
    or rewords sentences."""
    pre, suf = _affixes(a, b)
    ca, cb = a[pre : len(a) - suf], b[pre : len(b) - suf]
    return bool(ca or cb) and len(ca) <= 4 and len(cb) <= 4 and all(c in _NUMERALS for c in ca + cb)


def _fingerprints(k: str) -> set[str]:
    """The sampled 5-grams of a key: kept by a cheap function of the gram's own characters."""
    o = list(map(ord, k))
    return {k[p : p + 5] for p, (a, c, e) in enumerate(zip(o, o[2:], o[4:])) if (a + 3 * c + 7 * e) % _FP_SAMPLE == 0}


def _grams(key: str) -> set[str]:
    return {key[p : p + 5] for p in range(max(1, len(key) - 4))}
