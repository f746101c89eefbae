"""Hostile paths: symlink loops, dangling links, a directory named like a file, unreadable files.

Each is reported on stderr and makes the exit code 2, while every other file is still linted,
in the same order whatever --jobs says.
"""

from __future__ import annotations

import builtins
import os

import pytest

from kijilint import runner

BAD = "---\ntitle: a\ntitle: b\n---\n\n本文です。\n"  # one FM004 finding


def _tree(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "b" / "c.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "b" / "loop").symlink_to(tmp_path)  # a symlink loop back to the root
    (tmp_path / "b" / "self").symlink_to(tmp_path / "b")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "z.md").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_symlink_loops_are_not_followed_and_each_file_is_linted_once(tmp_path):
    files, errors = runner.discover([str(_tree(tmp_path))])
    names = [os.path.relpath(f, tmp_path) for f in files]
    assert names == ["a.md", "z.md", os.path.join("b", "c.md")]
    assert len(errors) == 1 and "dangling.md" in errors[0] and "dangling" in errors[0]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_paths_are_reported_and_the_others_linted(tmp_path, run_cli, jobs):
    root = _tree(tmp_path)
    (root / "dir.md").mkdir()
    code, out, err = run_cli("check", "--jobs", jobs, str(root), str(root / "dir.md"), str(root / "missing.md"))
    assert code == 2
    assert "dangling.md" in err and "dir.md" in err and "ディレクトリ" in err and "missing.md" in err
    assert "Traceback" not in err
    assert out.count("FM004") == 3  # a.md, b/c.md, z.md: all still linted


def test_permission_denied_file_is_reported_and_the_others_linted(tmp_path, run_cli, monkeypatch):
    root = _tree(tmp_path)
    locked = str(root / "z.md")
    real_open = builtins.open

    def guarded(file, *a, **kw):  # tests run as root, who can read anything: simulate EACCES
        if str(file) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *a, **kw)

    real_access = os.access
    monkeypatch.setattr(builtins, "open", guarded)
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **kw: str(p) != locked and real_access(p, mode, *a, **kw))
    for args in ([str(root)], [locked, str(root / "a.md"), str(root / "b" / "c.md")]):  # found, or named
        code, out, err = run_cli("check", "--jobs", "1", *args)
        assert code == 2
        assert "z.md" in err and "Permission denied" in err and "Traceback" not in err
        assert out.count("FM004") == 2


def test_order_is_stable_whatever_the_parallelism(tmp_path, run_cli):
    root = _tree(tmp_path)
    for i in range(25):
        (root / "b" / f"n{i:02d}.md").write_text(BAD if i % 2 else "# 見出し\n\n本文です。\n", encoding="utf-8")
    runs = {j: run_cli("check", "--jobs", j, "--format", "json", str(root)) for j in ("1", "2", "3")}
    assert runs["1"] == runs["2"] == runs["3"]
    assert runs["1"][0] == 2  # the dangling link


def test_nothing_is_written_without_fix(tmp_path, run_cli):
    root = _tree(tmp_path)
    (root / "cite.md").write_text("# 見出し\n\n本文です [cite: 1]。\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in root.rglob("*.md") if p.is_file() and not p.is_symlink()}
    stat = {p: p.stat().st_mtime_ns for p in before}
    run_cli("check", "--jobs", "2", str(root))
    assert {p: p.read_bytes() for p in before} == before
    assert {p: p.stat().st_mtime_ns for p in before} == stat


def test_a_fifo_named_md_is_reported_not_read(tmp_path, run_cli):
    root = _tree(tmp_path)
    os.mkfifo(root / "pipe.md")  # opening it for reading would block forever
    code, out, err = run_cli("check", "--jobs", "1", str(root))
    assert code == 2 and "pipe.md" in err and "通常のファイルではありません" in err
    assert out.count("FM004") == 3
