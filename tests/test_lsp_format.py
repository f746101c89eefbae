"""``check --format lsp`` and the pure pieces of the language server: positions in every LSP
encoding, where a suppression comment goes, the hardened wire reader."""

from __future__ import annotations

import io
import json

import pytest

from kijilint.document import Document
from kijilint.engine import lint_document, lint_text
from kijilint.lsp import Positions, WireReader, disable_edit
from kijilint.source import LineMap

MARKER = "[cite: OpenAI]"
# An emoji and a surrogate-pair kanji (𠮷) before the marker: 2 UTF-16 units each.
ASTRAL = f"😀𠮷です{MARKER}。\n"


def slice16(text: str, rng: dict) -> str:
    """The text an LSP range (UTF-16 characters) selects."""
    lines = text.split("\n")

    def offset(pos: dict) -> int:
        before = sum(len(line) + 1 for line in lines[: pos["line"]])
        units = lines[pos["line"]].encode("utf-16-le")[: 2 * pos["character"]]
        return before + len(units.decode("utf-16-le"))

    return text[offset(rng["start"]):offset(rng["end"])]


def apply_edits(text: str, edits: list[dict]) -> str:
    """Apply LSP TextEdits (UTF-16 ranges), last first, as an editor does."""
    spans = []
    for e in edits:
        whole = slice16(text, {"start": {"line": 0, "character": 0}, "end": e["range"]["start"]})
        spans.append((len(whole), len(whole) + len(slice16(text, e["range"])), e["newText"]))
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def lsp_output(run_cli, *paths) -> list[dict]:
    code, out, _ = run_cli("check", "--format", "lsp", *map(str, paths))
    assert code in (0, 1)
    return json.loads(out)


def test_format_lsp_one_entry_per_file_with_exact_utf16_ranges(run_cli, tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text(ASTRAL, encoding="utf-8")
    clean = tmp_path / "clean.md"
    clean.write_text("本文です。\n", encoding="utf-8")
    entries = lsp_output(run_cli, bad, clean)
    assert [e["uri"] for e in entries] == [bad.as_uri(), clean.as_uri()]
    [cite] = [d for d in entries[0]["diagnostics"] if d["code"] == "CM001"]
    assert cite["range"] == {"start": {"line": 0, "character": 6}, "end": {"line": 0, "character": 20}}
    assert slice16(ASTRAL, cite["range"]) == MARKER
    assert cite["severity"] == 1 and cite["source"] == "kijilint"
    assert MARKER in cite["message"]
    assert "codeDescription" not in cite  # no rule has a doc page yet: no dead link
    fix = cite["data"]["fix"]
    assert fix["safe"] is True and fix["title"]
    assert apply_edits(ASTRAL, fix["edits"]) == "😀𠮷です。\n"
    assert not [d for d in entries[1]["diagnostics"] if d["code"].startswith("CM")]


def test_format_lsp_severities_and_findings_without_fix(run_cli, tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text("---\ntitle: a\ntitle: b\n---\n本文です。\n", encoding="utf-8")
    [entry] = lsp_output(run_cli, doc)
    dup = [d for d in entry["diagnostics"] if d["code"] == "FM004"]
    assert dup and dup[0]["severity"] == 1 and dup[0]["data"]["fix"] is None
    assert slice16(doc.read_text(encoding="utf-8"), dup[0]["range"]).startswith("title")
    assert {d["severity"] for d in entry["diagnostics"]} <= {1, 2, 3}


def test_format_lsp_crlf_file_keeps_line_and_character(run_cli, tmp_path):
    doc = tmp_path / "crlf.md"
    doc.write_bytes(("一行目です。\n" + ASTRAL).replace("\n", "\r\n").encode("utf-8"))
    [entry] = lsp_output(run_cli, doc)
    [cite] = [d for d in entry["diagnostics"] if d["code"] == "CM001"]
    assert cite["range"]["start"] == {"line": 1, "character": 6}


def test_format_lsp_empty_run_is_an_empty_list(run_cli, tmp_path):
    assert lsp_output(run_cli, tmp_path) == []


@pytest.mark.parametrize("encoding, start, end", [
    ("utf-16", 6, 20),
    ("utf-32", 4, 18),
    ("utf-8", 4 + 4 + 6, 4 + 4 + 6 + 14),
])
def test_positions_in_every_encoding(encoding, start, end):
    lm = LineMap("前の行\n" + ASTRAL)
    pos = Positions(lm, encoding)
    a = lm.text.index(MARKER)
    assert pos.position(a) == (1, start)
    assert pos.position(a + len(MARKER)) == (1, end)
    assert pos.offset(1, start) == a
    assert pos.offset(1, end) == a + len(MARKER)
    assert pos.offset(1, 10_000) == len(lm.text) - 1  # past the end of a line: its end
    assert pos.offset(99, 0) == len(lm.text)


def _disable(text: str, code: str, path: str = "a.md") -> str | None:
    doc = Document.from_text(text, path)
    [f] = [f for f in lint_document(doc, _rules()).findings if f.code == code]
    edit = disable_edit(doc, f)
    if edit is None:
        return None
    return text[:edit[0]] + edit[1] + text[edit[0]:]


def _rules():
    from kijilint.engine import default_rules

    return default_rules()


def test_disable_goes_above_the_first_line_of_a_block():
    text = f"# 見出し\n\n> {MARKER}です。\n"
    assert _disable(text, "CM001") == f"# 見出し\n\n> <!-- kijilint-disable-next-line CM001 -->\n> {MARKER}です。\n"


def test_disable_keeps_a_wrapped_paragraph_whole():
    text = f"一行目です。\n二行目{MARKER}です。\n三行目です。\n"
    assert _disable(text, "CM001") == f"一行目です。\n二行目{MARKER}です。 <!-- kijilint-disable-line CM001 -->\n三行目です。\n"


def test_disable_uses_mdx_comments_in_mdx():
    assert _disable(f"{MARKER}です。\n", "CM001", "a.mdx") == f"{{/* kijilint-disable-next-line CM001 */}}\n{MARKER}です。\n"


def test_no_disable_comment_inside_front_matter():
    assert _disable("---\ntitle: a\ntitle: b\n---\n本文です。\n", "FM004") is None


def test_disable_comment_silences_the_finding():
    text = _disable(f"一行目です。\n二行目{MARKER}です。\n", "CM001")
    assert not [f for f in lint_text(text).findings if f.code == "CM001"]
    text = _disable(f"# 見出し\n\n{MARKER}です。\n", "CM001")
    assert not [f for f in lint_text(text).findings if f.code == "CM001"]


def test_wire_reader_finds_a_header_glued_to_garbage():
    raw = io.BytesIO(b'{"broken"Content-Length: 2\r\n\r\n{}')
    r = WireReader(raw)
    assert r.readline() == b'{"broken"'
    assert r.readline() == b"Content-Length: 2\r\n"
    assert r.readline() == b"\r\n"
    assert r.read(2) == b"{}"


def test_wire_reader_never_returns_a_blank_fragment():
    r = WireReader(io.BytesIO(b"  Content-Length: 2\r\n"))
    assert r.readline().strip()
    assert r.readline() == b"Content-Length: 2\r\n"


def test_wire_reader_refuses_an_absurd_length():
    r = WireReader(io.BytesIO(b"{}"))
    assert r.read(1 << 40) == b"\x00"
    assert r.read(2) == b"{}"


def _all_tokens(doc: Document) -> list[tuple]:
    return [(t.surface, t.start, t.end, t.pos, t.raw) for b in doc.prose_blocks for t in doc.tokens(b)]


@pytest.mark.parametrize("edit, retokenized", [
    (lambda t: t.replace("二段落目", "二段落目を少し書き換えた", 1), 1),  # shifts every later block
    (lambda t: t.replace("同じ段落です。\n\n", "", 1), 0),  # one of two identical blocks removed
    (lambda t: "# 新しい見出し\n\n" + t, 1),
    (lambda t: t, 0),
])
def test_relint_reuses_tokens_exactly(edit, retokenized):
    from kijilint.engine import default_rules
    from kijilint.lsp import relint

    before = f"# 見出し\n\n一段落目です。\n\n二段落目の{MARKER}です。\n\n同じ段落です。\n\n同じ段落です。\n\n- 箇条書き😀𠮷です\n"
    after = edit(before)
    rules = default_rules()
    old, _ = relint(before, "a.md", rules)
    _all_tokens(old)
    probe = Document.from_text(after, "a.md")
    assert probe.reuse_tokens(old) == len(probe.prose_blocks) - retokenized
    reused, result = relint(after, "a.md", rules, old)
    fresh, expected = relint(after, "a.md", rules)
    assert _all_tokens(reused) == _all_tokens(fresh)
    assert [f.to_dict() for f in result.findings] == [f.to_dict() for f in expected.findings]
