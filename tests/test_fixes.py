"""The fix engine: non-overlapping edits, rounds, encodings, newlines, atomic writes.

A tiny test rule (deletes the token ``<<X>>``, safely) isolates the engine from the real
rules; the real rules' fixes are covered by their case files and tests/test_fix_property.py.
"""

from __future__ import annotations

import os
import stat

from hypothesis import given, settings
from hypothesis import strategies as st

from kijilint.document import Document
from kijilint.fixes import apply_edits, choose, fix_document, write_atomic
from kijilint.findings import Edit, Finding, Fix
from kijilint.rules.base import Rule, delete_fix, replace_fix
from kijilint.source import Source, decode


class DeleteX(Rule):
    """Test rule: ``<<X>>`` is removed (safe)."""

    code, name, category, severity = "ZZ001", "delete-x", "test", "warning"
    fix = "safe"

    def check(self, doc, report):
        i = doc.text.find("<<X>>")
        while i != -1:
            report(i, i + 5, "x", fix=delete_fix(i, i + 5, "remove"))
            i = doc.text.find("<<X>>", i + 5)


class ShrinkA(Rule):
    """Test rule: ``AAA`` → ``A`` (unsafe); overlapping matches are all reported."""

    code, name, category, severity = "ZZ002", "shrink-a", "test", "warning"
    fix = "unsafe"

    def check(self, doc, report):
        for i in range(len(doc.text) - 2):
            if doc.text[i:i + 3] == "AAA":
                report(i, i + 3, "a", fix=replace_fix(i, i + 3, "A", "shrink", safe=False))


def fixed(text: str, rules, unsafe=False) -> str:
    return fix_document(Document.from_text(text), rules, unsafe=unsafe).source.original


def test_safe_fix_applied_and_relinted_clean():
    out = fix_document(Document.from_text("あ<<X>>い<<X>>う\n"), [DeleteX()])
    assert out.source.original == "あいう\n"
    assert out.fixed == 2 and out.result.findings == []


def test_unsafe_fix_needs_unsafe_flag():
    assert fixed("AAAA\n", [ShrinkA()]) == "AAAA\n"
    # overlapping matches: one per round, re-linted between rounds, never a corrupt mix
    assert fixed("AAAAA\n", [ShrinkA()], unsafe=True) == "A\n"


def test_overlapping_edits_are_not_applied_together():
    f1 = Finding("A", "a", "t", "warning", "", 0, 3, Fix((Edit(0, 3, ""),), True, ""))
    f2 = Finding("B", "b", "t", "warning", "", 2, 5, Fix((Edit(2, 5, ""),), True, ""))
    f3 = Finding("C", "c", "t", "warning", "", 5, 6, Fix((Edit(5, 6, ""),), True, ""))
    assert choose([f2, f1, f3], unsafe=False) == [f1, f3]


def test_crlf_and_bom_are_kept():
    src = decode(b"\xef\xbb\xbf# t\r\n\r\n\xe3\x81\x82<<X>>\r\n\xe3\x81\x84\r\n")
    out = fix_document(Document(src, "a.md"), [DeleteX()])
    assert out.source.encode(out.source.original) == b"\xef\xbb\xbf# t\r\n\r\n\xe3\x81\x82\r\n\xe3\x81\x84\r\n"


def test_mixed_newlines_untouched_outside_edits():
    src = Source.from_text("a\r\nb<<X>>\nc\rd\n")
    out = fix_document(Document(src, "a.md"), [DeleteX()])
    assert out.source.original == "a\r\nb\nc\rd\n"


def test_legacy_encoding_is_kept():
    data = "# 見出し\n\n日本語の本文<<X>>です。\n".encode("cp932")
    src = decode(data)
    assert src.encoding == "cp932"
    out = fix_document(Document(src, "a.md"), [DeleteX()])
    assert out.source.encode(out.source.original) == "# 見出し\n\n日本語の本文です。\n".encode("cp932")


def test_apply_edits_maps_offsets_through_crlf():
    src = Source.from_text("ab\r\ncd\r\n")
    # delete "b\nc" in normalised offsets (1..4) → "b\r\nc" in the original
    assert apply_edits(src, [Edit(1, 4, "")]) == "ad\r\n"


def test_write_atomic_keeps_permissions(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("old", encoding="utf-8")
    os.chmod(p, 0o640)
    write_atomic(str(p), "new".encode())
    assert p.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o640
    assert [x.name for x in tmp_path.iterdir()] == ["a.md"]  # no temporary file left


_SAFE_CHARS = st.characters(blacklist_characters="<>X\r", blacklist_categories=("Cs",))


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.text(_SAFE_CHARS, max_size=20), min_size=1, max_size=8))
def test_property_fix_removes_exactly_the_markers(parts):
    # compared as the bytes written back: a leading BOM lives in Source.bom, not in the text
    text = "<<X>>".join(parts)
    out = fix_document(Document.from_text(text), [DeleteX()]).source
    assert out.encode(out.original) == "".join(parts).encode("utf-8")


def test_fix_keeps_a_zero_width_no_break_space_that_a_removed_marker_exposed():
    # (found by the property above: once the marker before it went, U+FEFF opened the text and
    # was taken for a BOM and dropped)
    out = fix_document(Document.from_text("<<X>>\ufeffabc"), [DeleteX()]).source
    assert out.encode(out.original) == "\ufeffabc".encode("utf-8")
