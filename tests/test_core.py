"""The shared analysis: source positions, front-matter split, blocks, masking, sentences, tokens."""

from __future__ import annotations

from kijilint.document import Document
from kijilint.markdown import MASK
from kijilint.sentences import normalize
from kijilint.source import LineMap, Source, decode


def test_line_map_positions_and_utf16():
    text = "あ𠮷い\n😀x\n"
    lm = LineMap(text)
    assert lm.position(0) == (1, 1)
    assert lm.position(2) == (1, 3)
    assert lm.position(4) == (2, 1)
    assert lm.utf16(2) == (0, 3)  # 𠮷 is a surrogate pair
    assert lm.utf16(5) == (1, 2)  # after 😀
    assert lm.from_utf16(1, 2) == 5
    assert lm.offset(2, 2) == 5


def test_crlf_and_cr_normalised_with_same_lines():
    for nl in ("\r\n", "\r"):
        src = Source.from_text(f"a{nl}bc{nl}d")
        assert src.text == "a\nbc\nd"
        assert src.newline == nl
        assert src.to_original(src.text.index("c")) == src.original.index("c")


def test_bom_is_stripped_and_remembered():
    src = decode(b"\xef\xbb\xbfabc")
    assert src.text == "abc" and src.bom


def test_front_matter_split_keeps_line_offsets():
    doc = Document.from_text("---\ntitle: x\n---\n\n# 見出し\n\n本文です。\n")
    assert doc.front_matter.terminated and doc.front_matter.data == {"title": "x"}
    kinds = [(b.kind, b.line) for b in doc.blocks]
    assert kinds == [("heading", 5), ("paragraph", 7)]


def test_metadata_blocks_are_no_body():
    # Nikola's ``.. field: value`` lines at the top are metadata, like YAML or TOML front matter
    doc = Document.from_text(".. title: 小樽\n.. slug: otaru\n\n本文です。\n")
    assert [(b.kind, b.line) for b in doc.blocks] == [("paragraph", 4)]
    # metadata that ends the file without a newline leaves no body line (its closing --- is no rule)
    for text in ("---\ntitle: x\n---", "+++\ntitle = 1\n+++", ".. title: x"):
        assert Document.from_text(text).blocks == [], text


def test_dates_stay_strings():
    doc = Document.from_text("---\ndate: 2026-02-30 10:00:00 +0900\n---\n")
    assert doc.front_matter.data == {"date": "2026-02-30 10:00:00 +0900"}


def test_block_kinds_and_containers():
    text = "段落。\n\n- 項目\n\n> 引用\n\n| a | b |\n|---|---|\n| c | d |\n\n```\ncode\n```\n\n<div>x</div>\n\n---\n"
    doc = Document.from_text(text)
    got = [(b.kind, b.line, b.containers) for b in doc.blocks]
    assert got == [
        ("paragraph", 1, ()),
        ("paragraph", 3, ("list_item",)),
        ("paragraph", 5, ("blockquote",)),
        ("table", 7, ()),
        ("code", 11, ()),
        ("html", 15, ()),
        ("hr", 17, ()),
    ]


def test_sentence_then_rule_is_paragraph_and_hr_not_heading():
    doc = Document.from_text("あなたはどう考えますか？\n---\n\n### 見出し\n")
    assert [(b.kind, b.line) for b in doc.blocks] == [("paragraph", 1), ("hr", 2), ("heading", 4)]
    doc = Document.from_text("短い見出し\n---\n")
    assert [b.kind for b in doc.blocks] == ["heading"]


def test_masking_keeps_length_and_hides_non_prose():
    text = "詳しくは[公式サイト](https://example.com/a_b)と`code()`を見る<br>{% raw %}。https://x.y/z も。"
    doc = Document.from_text(text)
    b = doc.blocks[0]
    assert len(b.masked) == len(b.text)
    assert b.prose() == "詳しくは公式サイトとを見る。 も。"
    assert MASK not in b.text


def test_masking_list_markers_and_heading_marks():
    doc = Document.from_text("## 見出し ##\n\n1. **太字**の項目\n")
    h, li = doc.blocks
    assert h.prose() == "見出し"
    assert li.prose().strip() == "太字の項目"


def test_sentences_respect_brackets_and_terminators():
    doc = Document.from_text("彼は「そうだ。違う。」と言った。本当に？！ そうか\n")
    s = doc.sentences(doc.blocks[0])
    assert [x.text for x in s] == ["彼は「そうだ。違う。」と言った。", "本当に？！", "そうか"]
    assert [x.terminated for x in s] == [True, True, False]
    assert doc.line_map.position(s[2].start) == (1, 23)


def test_tokens_have_exact_offsets_and_skip_masks():
    text = "市場の`x`成長 Mistral Mistral です。\n"
    doc = Document.from_text(text)
    toks = doc.tokens(doc.blocks[0])
    for t in toks:
        assert doc.text[t.start:t.end] == t.surface
    assert "x" not in [t.surface for t in toks]
    assert [t.surface for t in toks if t.surface == "Mistral"] == ["Mistral", "Mistral"]
    assert toks[0].pos1 == "名詞" and toks[0].lemma == "市場"


def test_tokens_cached_once_per_block():
    doc = Document.from_text("本文です。\n")
    b = doc.blocks[0]
    assert doc.tokens(b) is doc.tokens(b)


def test_normalize_folds_width_space_and_trailing_punctuation():
    assert normalize("ＡＢＣ　です。") == normalize("ABC です")
    assert normalize("**強調**です！") == "強調です"
