"""--fix, --unsafe-fixes and --diff from the command line (issue 7)."""

from __future__ import annotations

import os
import stat

import kijilint.fixes as fixes_mod

ARTICLE = """# 見出し

本文の段落です。内容を書きます。

---END---

もう一つの段落です[cite: 各種報道]。ここで終わります。
"""

FIXED = """# 見出し

本文の段落です。内容を書きます。

もう一つの段落です。ここで終わります。
"""


def test_fix_writes_safe_fixes_and_reports_what_remains(run_cli, tmp_path):
    p = tmp_path / "a.md"
    p.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run_cli("check", "--fix", "--no-color", "-j", "1", str(p))
    assert p.read_text(encoding="utf-8") == FIXED
    assert code == 0, out
    assert "2 件を修正" in out
    # a second run changes nothing
    code, out, _ = run_cli("check", "--fix", "-j", "1", str(p))
    assert p.read_text(encoding="utf-8") == FIXED and code == 0


def test_diff_prints_and_writes_nothing(run_cli, tmp_path):
    p = tmp_path / "a.md"
    p.write_bytes(ARTICLE.encode())
    before = os.stat(p).st_mtime_ns
    code, out, _ = run_cli("check", "--diff", "-j", "1", str(p))
    assert code == 1
    assert "----END---" in out and "-もう一つの段落です[cite: 各種報道]。ここで終わります。" in out
    assert p.read_bytes() == ARTICLE.encode() and os.stat(p).st_mtime_ns == before
    p.write_text(FIXED, encoding="utf-8")
    assert run_cli("check", "--diff", "-j", "1", str(p))[0] == 0


def test_fix_keeps_crlf_bom_and_permissions(run_cli, tmp_path):
    p = tmp_path / "a.md"
    p.write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode())
    os.chmod(p, 0o600)
    run_cli("check", "--fix", "-j", "1", str(p))
    assert p.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode()
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o600


def test_unwritable_file_reported_others_fixed(run_cli, tmp_path, monkeypatch):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text(ARTICLE, encoding="utf-8")
    real = fixes_mod.write_atomic

    def failing(path, data):
        if path.endswith("a.md"):
            raise PermissionError(13, "Permission denied")
        real(path, data)

    monkeypatch.setattr(fixes_mod, "write_atomic", failing)
    code, out, err = run_cli("check", "--fix", "-j", "1", str(a), str(b))
    assert code == 2
    assert "a.md" in err and "書き込めません" in err
    assert a.read_text(encoding="utf-8") == ARTICLE
    assert b.read_text(encoding="utf-8") == FIXED


def test_unsafe_fixes_need_the_flag(run_cli, tmp_path):
    text = "# 見出し\n\n" + "同じ内容の段落がここにあります。十分な長さの文章です。これは重複です。\n\n" \
        + "間の段落です。別のことを書いています。\n\n" \
        + "同じ内容の段落がここにあります。十分な長さの文章です。これは重複です。\n"
    p = tmp_path / "a.md"
    p.write_text(text, encoding="utf-8")
    run_cli("check", "--fix", "-j", "1", str(p))
    assert p.read_text(encoding="utf-8") == text  # a far-away duplicate is an unsafe fix
    run_cli("check", "--fix", "--unsafe-fixes", "-j", "1", str(p))
    assert p.read_text(encoding="utf-8").count("同じ内容の段落") == 1
