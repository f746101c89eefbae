"""Inject the linter's defect kinds into clean Markdown documents (recall stress test).

    python bench/inject.py SRC_DIR OUT_DIR [--seed N] [--per-doc 3]

SRC_DIR is walked for *.md files (any Japanese Markdown).  OUT_DIR receives:

- clean/NAME.md   the source with a blog front matter (layout/title/date/categories/tags/author/
                  excerpt/reading_time/image, consistent with the body) and a closing footer;
- defect/NAME.md  the same with several injected defects (at most one front-matter defect);
- truth.json      [{file, start, end, category, kind}] with 1-based inclusive line spans of the
                  defect file, in the format of the development corpus.

Every kind is placed where a generation pipeline would put it (prose paragraphs only, never
in code, tables or lists) with randomised variety: which paragraph, where a cut falls, which
marker or artifact variant, which word is doubled.  The random seed is fixed, so a run is
reproducible.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

JA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
SENT_END = re.compile(r"(?<=[。！？])")
FENCE = re.compile(r"^\s*(```|~~~)")
NOT_PROSE = re.compile(r"^\s*(#|[-*+]\s|\d+[.)]\s|>|\||<|!\[|\[[^\]]*\]:|\{|\$\$|    |\t|---|\*\*\*|___|=+$)")

KINDS = {
    "repetition": ["dup-paragraph", "near-dup-paragraph", "dup-section", "doubled-word", "dup-sentence"],
    "broken-ending": ["marker", "truncated-paragraph", "truncated-end", "after-footer",
                      "unclosed-bracket", "fragment-start"],
    "citation": ["cite-bracket", "oai-source", "citeturn", "contentreference", "vague-source",
                 "footnote-undefined", "stray-space"],
    "front-matter": ["invalid-date", "image-date", "empty-excerpt", "yaml-syntax", "tags-not-list",
                     "duplicate-key", "missing-title", "reading-time"],
}
CATEGORY = {kind: cat for cat, kinds in KINDS.items() for kind in kinds}

# Variants written for this tool (not taken from any corpus).
MARKERS = ["<|im_end|>", "<|eot_id|>", "[END]", "---END---", "<|endoftext|>", "<|end|>",
           "【END】", "=== END ===", "<end_of_turn>", "[END OF ARTICLE]"]
VAGUE = ["公的データ", "業界の調査", "専門家の見解", "各種資料", "民間調査", "関係者への取材",
         "調査データ", "複数の報道", "公開情報", "海外メディア", "社内資料", "研究報告"]
CITE = ["調査結果", "公式発表", "専門誌", "報告書", "関連資料", "ニュース記事"]
FOOTERS = [
    "*※ 本ページのリンクにはアフィリエイトリンクが含まれます。リンク経由のご購入がサイトの運営に役立ちます。*",
    "※ 本記事のリンクには広告が含まれています。",
    "*※ 本ページ内のリンクにはアフィリエイトプログラムを利用したものがあります。*",
]
CATEGORIES = ["技術解説", "入門", "開発メモ", "ガイド", "コラム"]
TAGS = ["開発", "設計", "運用", "入門", "ツール", "翻訳", "チーム", "品質"]
AUTHORS = ["編集部", "技術ブログ編集部", "開発チーム"]
PARTICLES = "をはがのでにと"


@dataclass
class Line:
    text: str
    tags: set = field(default_factory=set)


def is_prose_line(text: str) -> bool:
    return bool(text.strip()) and not NOT_PROSE.match(text) and len(JA.findall(text)) >= 8


def paragraphs(lines: list[Line], body: int) -> list[tuple[int, int]]:
    """(first, last) line indexes of plain prose paragraphs (outside fences)."""
    out, fence, i = [], False, body
    while i < len(lines):
        t = lines[i].text
        if FENCE.match(t):
            fence = not fence
            i += 1
            continue
        if fence or not t.strip():
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and lines[j + 1].text.strip() and not FENCE.match(lines[j + 1].text):
            j += 1
        if all(is_prose_line(x.text) or (k > i and x.text.strip() and not NOT_PROSE.match(x.text))
               for k, x in enumerate(lines[i:j + 1], i)) and is_prose_line(lines[i].text):
            out.append((i, j))
        i = j + 1
    return out


def sentences(text: str) -> list[str]:
    return [s for s in SENT_END.split(text) if s]


def prose_len(text: str) -> int:
    return len(re.sub(r"\]\([^)]*\)|https?://\S+|[\[\]`*_\s]", "", text))


def balanced(pieces: list[str]) -> bool:
    text = "".join(pieces)
    return all(text.count(o) == text.count(c) for o, c in ("「」", "『』", "（）", "()"))


def strip_front_matter(text: str) -> tuple[dict, str]:
    """Existing front matter (YAML or TOML) removed; its title kept when it has one."""
    meta = {}
    for fence in ("---", "+++"):
        if text.startswith(fence + "\n"):
            end = text.find("\n" + fence, len(fence))
            if end > 0:
                head = text[len(fence) + 1:end]
                m = re.search(r"^title\s*[:=]\s*[\"']?(.+?)[\"']?\s*$", head, re.M)
                if m:
                    meta["title"] = m.group(1)
                text = text[end + len(fence) + 1:].lstrip("\n")
            break
    return meta, text


def blog_front_matter(rnd: random.Random, title: str, body: str) -> list[str]:
    y, mo, d = rnd.randint(2019, 2026), rnd.randint(1, 12), rnd.randint(1, 28)
    date = f"{y}-{mo:02d}-{d:02d}"
    tags = rnd.sample(TAGS, 3)
    minutes = max(1, round(len(body) / 550))  # whole body, as a pipeline counts it
    topic = re.sub(r"[\"\\]", "", title)[:40]
    return [
        "---",
        "layout: post",
        f'title: "{topic}"',
        f"date: {date} {rnd.randint(7, 22):02d}:{rnd.choice(['00', '15', '30'])}:00 +0900",
        f"categories: [{rnd.choice(CATEGORIES)}]",
        "tags: [" + ", ".join(f'"{t}"' for t in tags) + "]",
        f'author: "{rnd.choice(AUTHORS)}"',
        f'excerpt: "{topic}について、要点を順に整理して紹介します。"',
        f"reading_time: {minutes}",
        f'image: "/assets/images/posts/{date}-{rnd.randint(1, 3)}-ogp.png"',
        "---",
        "",
    ]


def title_of(meta: dict, body: str, name: str) -> str:
    if meta.get("title"):
        return meta["title"]
    m = re.search(r"^#{1,3}\s+(.+)$", body, re.M)
    return m.group(1).strip() if m else name


class Injector:
    def __init__(self, rnd: random.Random, lines: list[Line], body: int):
        self.rnd, self.lines, self.body = rnd, lines, body
        self.used: set[int] = set()  # ids of Line objects already carrying a defect

    # -- helpers -------------------------------------------------------------------------
    def free_paragraphs(self, min_sentences=1, min_chars=30):
        out = []
        for a, b in paragraphs(self.lines, self.body):
            block = self.lines[a:b + 1]
            text = "".join(x.text for x in block)
            if any(id(x) in self.used for x in block) or len(text) < min_chars:
                continue
            if len(sentences(text)) < min_sentences or not text.rstrip().endswith(("。", "！", "？")):
                continue
            out.append((a, b))
        return out

    def footer_index(self) -> int:
        for i in range(len(self.lines) - 1, self.body, -1):
            if self.lines[i].text.strip() == "---":
                return i
        return len(self.lines)

    def mark(self, line: Line, tag: str):
        line.tags.add(tag)
        self.used.add(id(line))

    def insert_paragraph(self, at: int, texts: list[str], tag: str):
        """Insert paragraphs before line index `at`, blank lines around, tagged."""
        new = []
        for t in texts:
            new.append(Line(t, {tag}))
            new.append(Line(""))
        if at > 0 and self.lines[at - 1].text.strip():
            new.insert(0, Line(""))
        self.lines[at:at] = new
        for x in new:
            self.used.add(id(x))

    def sentence_slot(self, a, b):
        """A line of the paragraph and the offset just before one of its sentence ends."""
        i = self.rnd.randint(a, b)
        t = self.lines[i].text
        ends = [m.start() for m in re.finditer(r"[。！？]", t) if m.start() > 10]
        return (i, self.rnd.choice(ends)) if ends else (None, None)

    def insert_in_sentence(self, make, tag):
        for a, b in self.rnd.sample(self.free_paragraphs(), k=len(self.free_paragraphs())):
            i, at = self.sentence_slot(a, b)
            if i is None:
                continue
            t = self.lines[i].text
            add, after = make()
            pos = at + 1 if after else at
            self.lines[i].text = t[:pos] + add + t[pos:]
            self.mark(self.lines[i], tag)
            return True
        return False

    # -- repetition ----------------------------------------------------------------------
    def dup_paragraph(self, tag):
        # 50+ characters of prose, not of link targets (dev set: 96+; a one-line pointer such as
        # 「詳しくは[…](長い URL)をご覧ください。」 recurs in human writing and is no copy alone)
        ps = [(a, b) for a, b in self.free_paragraphs(min_chars=50)
              if prose_len("".join(x.text for x in self.lines[a:b + 1])) >= 50]
        if not ps:
            return False
        a, b = self.rnd.choice(ps)
        later = [p for p in paragraphs(self.lines, self.body) if p[0] > b and p[1] < self.footer_index()]
        at = self.rnd.choice([b + 1] + [p[1] + 1 for p in later[:6]])
        # the copy keeps the original's lines (hard-wrapped paragraphs stay wrapped)
        copy = [Line(""), *(Line(x.text, {tag}) for x in self.lines[a:b + 1])]
        self.lines[at:at] = copy
        self.used.update(id(x) for x in copy)
        return True

    def near_dup_paragraph(self, tag):
        ps = self.free_paragraphs(min_sentences=3, min_chars=100)
        for _ in range(len(ps)):
            a, b = self.rnd.choice(ps)
            whole = "".join(x.text for x in self.lines[a:b + 1])
            ss = sentences(whole)
            how = self.rnd.random()
            if how < 0.6:  # drop the last sentence, hedge the new last one
                ss = ss[:-1]
                ss[-1] = ss[-1][:-1] + self.rnd.choice(["といえます", "と言えるでしょう", "といえるでしょう"]) + ss[-1][-1]
            elif how < 0.8:  # drop a middle sentence
                del ss[self.rnd.randrange(1, len(ss) - 1)]
            else:  # drop the first sentence, hedge the last
                ss = ss[1:]
                ss[-1] = ss[-1][:-1] + "といえます" + ss[-1][-1]
            # a regenerated paragraph keeps most of the text (dev set: 75-92 % of the length);
            # two short sentences left from a long paragraph are no near-duplicate of it
            if len("".join(ss)) >= 0.6 * len(whole):
                break
        else:
            return False
        later = [p for p in paragraphs(self.lines, self.body) if p[0] > b and p[1] < self.footer_index()]
        at = self.rnd.choice([p[1] + 1 for p in later[:8]] or [b + 1])
        # after the blank line that ends the paragraph; a paragraph may end right at a fence
        self.insert_paragraph(at + 1 if at < len(self.lines) and not self.lines[at].text.strip() else at,
                              ["".join(ss).strip()], tag)
        return True

    def dup_section(self, tag):
        heads = [i for i in range(self.body, self.footer_index())
                 if re.match(r"^#{2,4}\s", self.lines[i].text)]
        self.rnd.shuffle(heads)
        for h in heads:
            level = len(self.lines[h].text) - len(self.lines[h].text.lstrip("#"))
            end, fence = h + 1, False
            while end < self.footer_index():
                t = self.lines[end].text
                if FENCE.match(t):
                    fence = not fence
                elif not fence and re.match(r"^#{1,%d}\s" % level, t):
                    break
                end += 1
            section = self.lines[h:end]
            prose = [x for x in section if is_prose_line(x.text)]
            if not (2 <= len(section) <= 40) or not prose or any(id(x) in self.used for x in section):
                continue
            while section and not section[-1].text.strip():
                section = section[:-1]
            at = self.rnd.choice([end, self.footer_index()])
            while at > 0 and not self.lines[at - 1].text.strip():
                at -= 1
            copy = [Line("")] + [Line(x.text, {tag}) for x in section] + [Line("")]
            # the span ends at the copy's last line
            self.lines[at:at] = copy
            for x in copy:
                self.used.add(id(x))
            return True
        return False

    def doubled_word(self, tag):
        pat = self.rnd.choice([
            # whole words only: a fragment of a longer compound (平成初期 → 平成初期成初期) is no slip
            r"(?<![ァ-ヺー])[ァ-ヺー]{3,}", r"(?<![一-龥])[一-龥]{2,3}(?=[をはがにでのと])",
            r"(?<![A-Za-z])[A-Za-z]{3,}(?![A-Za-z])",
            r"(?<![0-9])[0-9]{1,4}(?=[年月日つ個回人件%])", r"(?<![一-龥])[一-龥]{2}(?=[しさす])"])
        for a, b in self.rnd.sample(self.free_paragraphs(), k=len(self.free_paragraphs())):
            i = self.rnd.randint(a, b)
            t = self.lines[i].text
            urls = [u.span() for u in re.finditer(r"https?://\S+", t)]  # no doubling inside a URL
            ms = [m for m in re.finditer(pat, t) if m.start() > 3 and "`" not in t[max(0, m.start() - 30):m.end() + 30]
                  and "](" not in t[max(0, m.start() - 60):m.end() + 60]
                  and not any(a <= m.start() < b for a, b in urls)]
            if not ms:
                continue
            m = self.rnd.choice(ms)
            w = m.group()
            sep = " " if re.match(r"[A-Za-z0-9]", w) and (self.rnd.random() < 0.7 or w.isalpha()) else ""
            self.lines[i].text = t[:m.end()] + sep + w + t[m.end():]
            self.mark(self.lines[i], tag)
            return True
        return False

    def dup_sentence(self, tag):
        for a, b in self.rnd.sample(self.free_paragraphs(min_sentences=2), k=len(self.free_paragraphs(min_sentences=2))):
            i = self.rnd.randint(a, b)
            ss = sentences(self.lines[i].text)
            # whole sentences only: the first piece of a hard-wrapped line may be a tail
            whole_first = i == a or self.lines[i - 1].text.rstrip().endswith(("。", "？", "！"))
            # … and whole sentences only: a 。 inside 「…」 does not end one
            cand = [k for k, s in enumerate(ss) if len(s) >= 15 and s.endswith(("。", "？", "！"))
                    and (k > 0 or whole_first) and balanced(ss[:k]) and balanced(ss[k:k + 1])]
            if not cand:
                continue
            k = self.rnd.choice(cand)
            ss.insert(k + 1, ss[k])
            self.lines[i].text = "".join(ss)
            self.mark(self.lines[i], tag)
            return True
        return False

    # -- broken endings ------------------------------------------------------------------
    def marker(self, tag):
        ps = paragraphs(self.lines, self.body)
        if not ps:
            return False
        a, b = self.rnd.choice(ps[len(ps) // 2:])
        self.insert_paragraph(b + 2 if b + 1 < len(self.lines) else b + 1, [self.rnd.choice(MARKERS)], tag)
        return True

    def _cut(self, text: str) -> str | None:
        ss = sentences(text)
        last = ss[-1]
        if len(last) < 12:
            return None
        cut = self.rnd.randint(max(4, len(last) // 3), len(last) - 3)
        # never leave a sentence end or a lone opening bracket as the last character
        out = "".join(ss[:-1]) + last[:cut]
        return out.rstrip(" 、，,「（(") if not out.rstrip().endswith(("。", "！", "？")) else None

    def truncated_paragraph(self, tag):
        ps = self.free_paragraphs(min_chars=40)[:-1]
        self.rnd.shuffle(ps)
        for a, b in ps:
            cut = self._cut(self.lines[b].text)
            if cut and JA.search(cut[-3:]):
                self.lines[b].text = cut
                self.mark(self.lines[b], tag)
                return True
        return False

    def truncated_end(self, tag):
        ps = [p for p in self.free_paragraphs(min_chars=40)]
        ps = ps[len(ps) // 2:]
        self.rnd.shuffle(ps)
        for a, b in ps:
            cut = self._cut(self.lines[b].text)
            rest = self.lines[b + 1:self.footer_index()]
            if cut and JA.search(cut[-3:]) and not any(id(x) in self.used for x in rest):
                self.lines[b].text = cut
                self.mark(self.lines[b], tag)
                self.lines[b + 1:self.footer_index()] = [Line("")]
                return True
        return False

    def after_footer(self, tag):
        ps = self.free_paragraphs(min_chars=30)
        if len(ps) < 2:
            return False
        chosen = sorted(self.rnd.sample(ps, k=self.rnd.choice([1, 2, 2])))
        texts = ["".join(x.text for x in self.lines[a:b + 1]) for a, b in chosen]
        while self.lines and not self.lines[-1].text.strip():
            self.lines.pop()
        self.lines.append(Line(""))
        for t in texts:
            self.lines.append(Line(t, {tag}))
            self.lines.append(Line(""))
        self.used.update(id(x) for x in self.lines[-2 * len(texts):])
        return True

    def unclosed_bracket(self, tag):
        ps = self.free_paragraphs(min_chars=30)
        self.rnd.shuffle(ps)
        for a, b in ps:
            t = self.lines[a].text
            if "「" in t or "」" in t:
                continue
            if self.rnd.random() < 0.75:
                self.lines[a].text = self.rnd.choice("「「「『（") + t
            else:  # before a word inside the first sentence
                ms = [m for m in re.finditer(r"(?<=[、。])[一-龥ァ-ヺ]", t)]
                if not ms:
                    continue
                m = self.rnd.choice(ms)
                self.lines[a].text = t[:m.start()] + "「" + t[m.start():]
            self.mark(self.lines[a], tag)
            return True
        return False

    def fragment_start(self, tag):
        ps = self.free_paragraphs(min_chars=40)
        self.rnd.shuffle(ps)
        for a, b in ps:
            ss = [s for s in sentences("".join(x.text for x in self.lines[a:b + 1])) if len(s) >= 20]
            if not ss:
                continue
            s = self.rnd.choice(ss)
            cut = self.rnd.randint(len(s) // 4, len(s) * 2 // 3)
            tail = s[cut:].lstrip("、 ")
            if not JA.match(tail):
                continue
            self.insert_paragraph(b + 2, [self.rnd.choice(["...", "...", "…", "……"]) + tail], tag)
            return True
        return False

    # -- citation ------------------------------------------------------------------------
    def cite_bracket(self, tag):
        return self.insert_in_sentence(lambda: (f" [cite: {self.rnd.choice(CITE + VAGUE)}]", False), tag)

    def oai_source(self, tag):
        return self.insert_in_sentence(
            lambda: (f"【{self.rnd.randint(1, 12)}:{self.rnd.randint(0, 9)}†{self.rnd.choice(['source', 'source', 'file'])}】", True), tag)

    def citeturn(self, tag):
        return self.insert_in_sentence(
            lambda: (f"citeturn{self.rnd.randint(0, 2)}{self.rnd.choice(['search', 'search', 'news', 'view'])}{self.rnd.randint(0, 12)}", False), tag)

    def contentreference(self, tag):
        return self.insert_in_sentence(
            lambda: (f":contentReference[oaicite:{self.rnd.randint(0, 12)}]{{index={self.rnd.randint(0, 12)}}}", False), tag)

    def vague_source(self, tag):
        def make():
            src = self.rnd.choice(VAGUE)
            return self.rnd.choice([f"（出典: {src}）", f"（出典：{src}）", f"(出典: {src})", f"（参考: {src}）"]), False
        return self.insert_in_sentence(make, tag)

    def footnote_undefined(self, tag):
        text = "\n".join(x.text for x in self.lines)
        n = next(k for k in range(self.rnd.randint(1, 6), 100) if f"[^{k}]" not in text)
        return self.insert_in_sentence(lambda: (f"[^{n}]", False), tag)

    def stray_space(self, tag):
        ps = self.free_paragraphs()
        self.rnd.shuffle(ps)
        for a, b in ps:
            i = self.rnd.randint(a, b)
            t = self.lines[i].text
            ms = [m for m in re.finditer(r"[一-龥ァ-ヺ]{2}(?=[%s][一-龥ぁ-んァ-ヺ])" % PARTICLES, t)
                  if "`" not in t[max(0, m.start() - 40):m.end() + 40]]
            if not ms:
                continue
            m = self.rnd.choice(ms)
            self.lines[i].text = t[:m.end()] + " " + t[m.end():]
            self.mark(self.lines[i], tag)
            return True
        return False

    # -- front matter --------------------------------------------------------------------
    def fm_line(self, key):
        for i in range(1, self.body):
            if self.lines[i].text.startswith(key + ":"):
                return i
        return None

    def front_matter(self, kind, tag):
        L, r = self.lines, self.rnd
        if kind == "invalid-date":
            i = self.fm_line("date")
            y = L[i].text[6:10]
            bad = r.choice([f"{y}-02-30", f"{y}-02-31", f"{y}-04-31", f"{y}-13-05", f"{y}-06-31", f"{y}-11-31"])
            L[i].text = "date: " + bad + L[i].text[16:]
        elif kind == "image-date":
            i = self.fm_line("image")
            m = re.search(r"(\d{4})-\d\d-\d\d", L[i].text)
            y = int(m.group(1)) + r.choice([-1, -1, 1, -2])
            L[i].text = L[i].text[:m.start(1)] + str(y) + L[i].text[m.end(1):]
        elif kind == "empty-excerpt":
            i = self.fm_line("excerpt")
            L[i].text = r.choice(['excerpt: ""', 'excerpt: ""', "excerpt: ''", "excerpt:"])
        elif kind == "yaml-syntax":
            i = self.fm_line(r.choice(["title", "title", "excerpt"]))
            key, _, val = L[i].text.partition(": ")
            inner = val.strip('"')
            L[i].text = r.choice([f'{key}: "「{inner}', f'{key}: "{inner}', f'{key}: "{inner}"」"'])
        elif kind == "tags-not-list":
            i = self.fm_line("tags")
            tags = re.findall(r'"([^"]+)"', L[i].text)
            L[i].text = "tags: " + ", ".join(r.sample(tags, k=r.choice([2, 3])))
        elif kind == "duplicate-key":
            key = r.choice(["tags", "tags", "title", "categories"])
            i = self.fm_line(key)
            value = {"tags": "[" + ", ".join(f'"{t}"' for t in r.sample(TAGS, 3)) + "]",
                     "categories": f"[{r.choice(CATEGORIES)}]",
                     "title": L[i].text.partition(": ")[2]}[key]
            L.insert(self.body - 1, Line(f"{key}: {value}"))
            self.body += 1
        elif kind == "missing-title":
            del L[self.fm_line("title")]
            self.body -= 1
        elif kind == "reading-time":
            i = self.fm_line("reading_time")
            L[i].text = "reading_time: " + str(r.choice([90, 120, 0, 75, 200, -3]))
        for x in L[:self.body - 1]:
            x.tags.add(tag)
        return True


def inject_file(rnd, name, text, per_doc, fm_kind, body_kinds):
    meta, body = strip_front_matter(text)
    footer = ["", "---", "", rnd.choice(FOOTERS), ""]
    fm = blog_front_matter(rnd, title_of(meta, body, name), body)
    lines = [Line(t) for t in fm + body.rstrip("\n").split("\n") + footer]
    clean = "\n".join(x.text for x in lines)
    inj = Injector(rnd, lines, len(fm) - 1)
    done = []
    for kind in body_kinds:
        tag = f"{kind}#{len(done)}"
        if getattr(inj, kind.replace("-", "_"))(tag):
            done.append(tag)
    if fm_kind:
        tag = f"{fm_kind}#{len(done)}"
        inj.front_matter(fm_kind, tag)
        done.append(tag)
    defect = "\n".join(x.text for x in lines)
    truth = []
    for tag in done:
        idx = [n for n, x in enumerate(lines, 1) if tag in x.tags]
        if not idx:
            continue
        truth.append({"file": name, "start": min(idx), "end": max(idx),
                      "category": CATEGORY[tag.split("#")[0]], "kind": tag})
    return clean, defect, truth


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--per-doc", type=int, default=3)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    files = sorted(Path(args.src).rglob("*.md"))
    out = Path(args.out)
    (out / "clean").mkdir(parents=True, exist_ok=True)
    (out / "defect").mkdir(parents=True, exist_ok=True)
    body_pool = [k for cat in ("repetition", "broken-ending", "citation") for k in KINDS[cat]]
    fm_pool = KINDS["front-matter"]
    truth = []
    pending: list[str] = []  # kinds still owed (a kind that found no place moves on)
    for n, path in enumerate(files):
        name = f"doc{n:03d}.md"
        text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        fm_kind = fm_pool[(n - n // 4) % len(fm_pool)] if n % 4 != 3 else None  # ~3 docs in 4, as dev
        k = args.per_doc - (1 if fm_kind else 0)
        while len(pending) < k + 2:
            pending.extend(rnd.sample(body_pool, len(body_pool)))
        kinds = []
        for kind in list(pending):
            if len(kinds) < k and kind not in kinds:
                kinds.append(kind)
                pending.remove(kind)
        # truncated-end and after-footer rewrite the tail: do them last
        kinds.sort(key=lambda x: x in ("truncated-end", "after-footer"))
        clean, defect, t = inject_file(rnd, name, text, args.per_doc, fm_kind, kinds)
        placed = {x["kind"].split("#")[0] for x in t}
        pending[:0] = [kind for kind in kinds if kind not in placed]
        (out / "clean" / name).write_text(clean, encoding="utf-8")
        (out / "defect" / name).write_text(defect, encoding="utf-8")
        truth.extend(t)
        (out / "sources.txt").open("a" if n else "w").write(f"{name}\t{path}\n")
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    counts = {}
    for t in truth:
        counts[t["kind"].split("#")[0]] = counts.get(t["kind"].split("#")[0], 0) + 1
    print(len(files), "documents,", len(truth), "defects:", json.dumps(counts, ensure_ascii=False))


if __name__ == "__main__":
    main()
