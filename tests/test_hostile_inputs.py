"""Hostile files: encodings, line endings, binary data, YAML bombs, huge inputs.

Each must give findings or a clear message — never a traceback, never code executed, never a
file changed unless fixing.  (Timings are measured by bench/hostile.py, not asserted here.)
"""

from __future__ import annotations

import codecs

import pytest

from kijilint import tokens
from kijilint.document import Document
from kijilint.engine import default_rules, lint_bytes, lint_document
from kijilint.source import BinaryFileError, decode

ARTICLE = """---
title: 記事
title: 記事2
---

# はじめに

これは本文です。詳しくは公式資料を参照してください [cite: 1]。

二つ目の段落です。ここにも文章が続きます。
"""


def _keys(result):
    return [(f.code, f.line, f.column, f.end_line, f.end_column) for f in result.findings]


def _lint(data: bytes, path: str = "article.md"):
    result = lint_bytes(data, path, default_rules())
    assert result.errors == []  # no rule crashed
    return result


def test_reference_article_has_findings_in_front_matter_and_body():
    keys = _keys(_lint(ARTICLE.encode()))
    assert ("FM004", 3, 1, 3, 6) in keys
    assert any(code == "CM001" and line == 8 for code, line, *_ in keys)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_only_give_the_same_lines_and_columns_as_lf(newline):
    lf = _keys(_lint(ARTICLE.encode()))
    other = _keys(_lint(ARTICLE.replace("\n", newline).encode()))
    assert other == lf


@pytest.mark.parametrize("codec,label", [("cp932", "Shift_JIS (CP932)"), ("euc_jp", "EUC-JP"),
                                         ("utf-16", "UTF-16"), ("iso2022_jp", "ISO-2022-JP")])
def test_legacy_encodings_are_detected_linted_and_reported(codec, label):
    lf = _keys(_lint(ARTICLE.encode()))
    result = _lint(ARTICLE.encode(codec))
    ec = [f for f in result.findings if f.code == "EC001"]
    assert len(ec) == 1 and label in ec[0].message and (ec[0].line, ec[0].column) == (1, 1)
    assert [k for k in _keys(result) if k[0] != "EC001"] == lf


def test_utf8_bom_is_utf8():
    assert _keys(_lint(codecs.BOM_UTF8 + ARTICLE.encode())) == _keys(_lint(ARTICLE.encode()))


def test_undecodable_bytes_are_reported_where_they_are_and_the_rest_is_still_linted():
    data = ARTICLE.encode().replace("二つ目".encode(), "二つ目".encode() + b"\xff\xfe")
    result = _lint(data)
    ec = [f for f in result.findings if f.code == "EC002"]
    assert [(f.line, f.column, f.end_column) for f in ec] == [(10, 4, 6)]
    assert "0xFF 0xFE" in ec[0].message
    assert any(f.code == "FM004" for f in result.findings) and any(f.code == "CM001" for f in result.findings)


def test_many_undecodable_bytes_are_capped_with_a_count():
    data = ("本文です。" * 10).encode() + b"".join(b" \xff" for _ in range(50)) + b"\n"
    ec = [f for f in _lint(data).findings if f.code == "EC002"]
    assert len(ec) == 10 and "ほかに 40 か所" in ec[-1].message


@pytest.mark.parametrize("data", [b"# x\n\x00\x01binary", bytes(range(256)) * 40, b"\x89PNG\r\n\x1a\n" + bytes(500)])
def test_binary_files_are_refused(data):
    with pytest.raises(BinaryFileError):
        decode(data)


def test_binary_file_is_skipped_with_a_message(tmp_path, run_cli):
    (tmp_path / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "ok.md").write_text("# 見出し\n\n本文です。\n", encoding="utf-8")
    code, out, err = run_cli("check", "--jobs", "1", str(tmp_path))
    assert "image.md" in err and "テキストファイルではない" in err and "Traceback" not in err
    assert "image.md" not in out and code == 0


@pytest.mark.parametrize("codec,bom,newline", [("cp932", False, "\r\n"), ("euc_jp", False, "\n"),
                                                ("utf-8", True, "\r\n"), ("utf-16-le", True, "\r")])
def test_fix_keeps_encoding_bom_and_newlines(tmp_path, run_cli, codec, bom, newline):
    text = ARTICLE.replace("\n", newline)
    data = text.encode(codec)
    if bom:
        data = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE}[codec] + data
    path = tmp_path / "a.md"
    path.write_bytes(data)
    run_cli("check", "--fix", "--jobs", "1", str(path))
    expected = text.replace(" [cite: 1]", "").encode(codec)
    if bom:
        expected = data[: len(data) - len(text.encode(codec))] + expected
    assert path.read_bytes() == expected


def test_fix_writes_undecodable_bytes_back_unchanged(tmp_path, run_cli):
    path = tmp_path / "a.md"
    path.write_bytes(ARTICLE.encode().replace("二つ目".encode(), "二つ目".encode() + b"\xff"))
    run_cli("check", "--fix", "--jobs", "1", str(path))
    assert path.read_bytes() == ARTICLE.replace(" [cite: 1]", "").encode().replace("二つ目".encode(), "二つ目".encode() + b"\xff")


# --- YAML -----------------------------------------------------------------------------------------

def _fm_errors(front: str):
    doc = Document.from_text(f"---\n{front}\n---\n\n本文です。\n", "a.md")
    codes = [(f.code, f.message) for f in lint_document(doc, default_rules()).findings if f.code.startswith("FM")]
    return doc, codes


def test_python_object_tag_is_reported_never_constructed(tmp_path):
    marker = tmp_path / "pwned"
    doc, codes = _fm_errors(f"title: !!python/object/apply:os.system ['touch {marker}']\nx: !!python/name:os.system")
    assert any(c == "FM006" for c, _ in codes)
    assert not marker.exists() and doc.front_matter.data is None


def test_alias_bomb_is_rejected():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    doc, codes = _fm_errors("\n".join(lines))
    assert any(c == "FM003" and "エイリアス" in m for c, m in codes)
    assert doc.front_matter.data is None


@pytest.mark.parametrize("front", [
    "a: " + "[" * 5000 + "]" * 5000,
    "a: " + "{b: " * 5000 + "1" + "}" * 5000,
    "".join(" " * i + f"k{i}:\n" for i in range(400)) + " " * 400 + "v: 1",
    "- " * 5000 + "x",
])
def test_deep_nesting_is_a_finding_not_a_recursion_error(front):
    _, codes = _fm_errors(front)
    assert any(c == "FM003" and "深すぎます" in m for c, m in codes), codes


def test_huge_front_matter_is_a_finding():
    _, codes = _fm_errors("\n".join(f"k{i}: {'値' * 20}" for i in range(20000)))
    assert any(c == "FM003" and "大きすぎます" in m for c, m in codes)


def test_unclosed_front_matter_is_a_finding():
    result = _lint("---\ntitle: x\n\n本文です。\n".encode())
    assert any(f.code == "FM002" for f in result.findings)


# --- size -----------------------------------------------------------------------------------------

def _analyse(text: str) -> Document:
    doc = Document.from_text(text, "big.md")
    for b in doc.prose_blocks:
        doc.sentences(b)
        toks = doc.tokens(b)
        assert all(b.start <= t.start < t.end <= b.end for t in toks)
    return doc


def test_seven_megabyte_single_line_is_analysed_with_bounded_tokens():
    doc = _analyse("あいうえおかきくけこ、" * 640_000)
    (block,) = doc.prose_blocks
    toks = doc.tokens(block)
    assert toks and toks[-1].end <= tokens.MAX_TEXT  # only the first MAX_TEXT characters
    assert len(doc.sentences(block)) == 1


def test_two_megabyte_paragraph_is_linted():
    result = lint_bytes(("これは長い段落の文章です。" * 160_000).encode(), "big.md", default_rules())
    assert result.errors == []


def test_twenty_thousand_paragraphs_are_linted():
    text = "".join(f"これは段落{i}の文章です。\n\n" for i in range(20_000))
    result = lint_bytes(text.encode(), "many.md", default_rules())
    assert result.errors == []
    assert all(1 <= f.line <= 40_001 for f in result.findings)


def test_long_run_without_punctuation():
    result = lint_bytes(("あいうえおかきくけこ" * 30_000).encode(), "run.md", default_rules())
    assert result.errors == []


def test_chunks_cover_the_text_exactly():
    seg = "あ" * 5_000 + "。" + "い" * 7_000
    chunks = list(tokens._chunks(seg))
    assert "".join(c for _, c in chunks) == seg
    assert all(len(c) <= tokens.MAX_CHUNK for _, c in chunks)
    assert [s for s, _ in chunks] == [sum(len(c) for _, c in chunks[:i]) for i in range(len(chunks))]


def test_many_spaced_slashes_on_one_line_are_linted():
    # (A  /  B  /  … with no end: a regex that let each space belong to two places took minutes)
    text = "前文です。\n" + "項目  /  " * 20_000 + "い" * 70 + "\n"
    result = lint_bytes(text.encode(), "slashes.md", default_rules())
    assert result.errors == []

