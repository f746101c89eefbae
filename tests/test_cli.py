"""Command-line behaviour: exit codes, formats, selection, config, stdin."""

from __future__ import annotations

import json

GOOD = """---
layout: post
title: "記事"
date: 2026-02-22 10:55:47 +0900
categories: [AI]
tags: ["LLM"]
author: "編集部"
excerpt: "要約です。"
reading_time: 1
---

本文です。
"""

BAD_DATE = GOOD.replace("2026-02-22 10:55:47", "2026-02-30 10:55:47")
ONLY_WARNING = GOOD.replace("reading_time: 1", "reading_time: 90")


def write(tmp_path, name, text):
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def test_clean_file_exits_0(run_cli, tmp_path):
    p = write(tmp_path, "a.md", GOOD)
    code, out, _ = run_cli("check", str(p))
    assert code == 0
    assert "問題は見つかりませんでした" in out


def test_findings_exit_1_with_text_format(run_cli, tmp_path):
    p = write(tmp_path, "a.md", BAD_DATE)
    code, out, _ = run_cli("check", str(p), "--no-color")
    assert code == 1
    assert f"{p}:4:7: FM008 error " in out
    assert "[front-matter-invalid-date]" in out
    assert out.strip().splitlines()[-1].startswith("1 ファイル: 1 件")


def test_json_format_fields(run_cli, tmp_path):
    p = write(tmp_path, "a.md", BAD_DATE)
    code, out, _ = run_cli("check", "--format", "json", str(p))
    assert code == 1
    data = json.loads(out)
    assert len(data) == 1
    f = data[0]
    for key in ("path", "line", "column", "end_line", "end_column", "code", "rule", "category", "severity", "message", "fix"):
        assert key in f
    assert (f["line"], f["column"], f["code"], f["rule"], f["category"]) == (4, 7, "FM008", "front-matter-invalid-date", "front-matter")


def test_directory_recursion_and_extensions(run_cli, tmp_path):
    write(tmp_path, "d/a.md", BAD_DATE)
    write(tmp_path, "d/sub/b.markdown", BAD_DATE)
    write(tmp_path, "d/sub/c.mdx", BAD_DATE)
    write(tmp_path, "d/sub/d.txt", BAD_DATE)
    code, out, _ = run_cli("check", "--format", "json", str(tmp_path / "d"))
    paths = sorted(f["path"].rsplit("/", 1)[1] for f in json.loads(out))
    assert paths == ["a.md", "b.markdown", "c.mdx"]


def test_default_path_is_current_directory(run_cli, tmp_path, monkeypatch):
    write(tmp_path, "a.md", BAD_DATE)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli("check", "--format", "json")
    assert code == 1 and json.loads(out)[0]["path"].endswith("a.md")


def test_missing_path_exit_2_but_others_linted(run_cli, tmp_path):
    p = write(tmp_path, "a.md", BAD_DATE)
    code, out, err = run_cli("check", "--format", "json", str(tmp_path / "nope.md"), str(p))
    assert code == 2
    assert "nope.md" in err
    assert json.loads(out)[0]["code"] == "FM008"


def test_stdin(run_cli):
    code, out, _ = run_cli("check", "--format", "json", "--stdin-filename", "post.md", "-", input=BAD_DATE)
    assert code == 1
    assert json.loads(out)[0]["path"] == "post.md"


def test_select_and_ignore(run_cli, tmp_path):
    p = write(tmp_path, "a.md", BAD_DATE)
    assert run_cli("check", str(p), "--ignore", "FM008")[0] == 0
    assert run_cli("check", str(p), "--ignore", "front-matter")[0] == 0
    assert run_cli("check", str(p), "--select", "front-matter-invalid-date")[0] == 1
    assert run_cli("check", str(p), "--select", "FM00")[0] == 1


def test_unknown_selector_is_usage_error(run_cli, tmp_path):
    p = write(tmp_path, "a.md", GOOD)
    code, _, err = run_cli("check", str(p), "--select", "XX999")
    assert code == 2 and "XX999" in err


def test_config_unknown_rule_and_option(run_cli, tmp_path):
    p = write(tmp_path, "a.md", GOOD)
    write(tmp_path, ".kijilint.yaml", "rules:\n  NOPE1: {}\n")
    code, _, err = run_cli("check", str(p))
    assert code == 2 and "NOPE1" in err
    write(tmp_path, ".kijilint.yaml", "rules:\n  FM009: {speed: 3}\n")
    code, _, err = run_cli("check", str(p))
    assert code == 2 and "speed" in err


def test_config_broken_schema_is_a_usage_error_not_a_crash(run_cli, tmp_path):
    p = write(tmp_path, "a.md", GOOD)
    write(tmp_path, ".kijilint.yaml", "rules:\n  FM007: {schema: nothere.yaml}\n")
    code, _, err = run_cli("check", str(p))
    assert code == 2 and "nothere.yaml" in err and "Traceback" not in err
    write(tmp_path, "s.yaml", "name: s\nkeys:\n  date: {required: true, in-filename: '([0-9'}\n")
    write(tmp_path, ".kijilint.yaml", "rules:\n  FM007: {schema: s.yaml}\n")
    code, _, err = run_cli("check", str(p))
    assert code == 2 and "in-filename" in err and "Traceback" not in err
    write(tmp_path, "s.yaml", "name: s\nkeys:\n  date: {required: true, in-filename: '^[0-9]{4}-'}\n")
    assert run_cli("check", str(p))[0] == 0  # the mended schema is read, and GOOD is clean


def test_config_severity_and_options_apply(run_cli, tmp_path):
    p = write(tmp_path, "a.md", ONLY_WARNING)
    assert run_cli("check", str(p))[0] == 1
    write(tmp_path, "pyproject.toml", "[tool.kijilint]\nignore = ['FM009']\n")
    assert run_cli("check", str(p))[0] == 0
    write(tmp_path, "pyproject.toml", "[tool.kijilint.rules.FM009]\nseverity = 'info'\n")
    code, out, _ = run_cli("check", str(p))
    assert code == 0 and "FM009 info" in out
    write(tmp_path, "pyproject.toml", "[tool.kijilint.rules.FM009]\nmin_chars_per_minute = 0.001\n")
    assert run_cli("check", str(p))[0] == 0


def test_fail_on(run_cli, tmp_path):
    p = write(tmp_path, "a.md", ONLY_WARNING)
    assert run_cli("check", str(p))[0] == 1
    assert run_cli("check", str(p), "--fail-on", "error")[0] == 0
    assert run_cli("check", str(p), "--exit-zero")[0] == 0


def test_rules_and_rule_commands(run_cli):
    code, out, _ = run_cli("rules")
    assert code == 0 and "FM004  front-matter-duplicate-key" in out
    code, out, _ = run_cli("rule", "FM004")
    assert code == 0 and "Bad:" in out and "Good:" in out and "fix:" in out
    code, out, _ = run_cli("rule", "front-matter-duplicate-key")
    assert code == 0 and out.startswith("FM004 front-matter-duplicate-key")
    assert run_cli("rule", "NOPE")[0] == 2


def test_crlf_reports_same_positions_as_lf(run_cli, tmp_path):
    lf = write(tmp_path, "lf.md", BAD_DATE)
    crlf = tmp_path / "crlf.md"
    crlf.write_bytes(BAD_DATE.replace("\n", "\r\n").encode())
    a = json.loads(run_cli("check", "--format", "json", str(lf))[1])
    b = json.loads(run_cli("check", "--format", "json", str(crlf))[1])
    strip = lambda fs: [(f["line"], f["column"], f["end_line"], f["end_column"], f["code"]) for f in fs]
    assert strip(a) == strip(b) and a


def test_every_rule_documented():
    from kijilint import rules as registry

    for cls in registry.all_rules():
        doc = cls.doc()
        assert "Bad" in doc and "Good" in doc, cls.code
        assert cls.code[:2].isalpha() and cls.code[2:].isdigit(), cls.code
        assert cls.name == cls.name.lower() and " " not in cls.name, cls.name


def test_config_exclude_filters_directory_walks_not_named_files(run_cli, tmp_path):
    write(tmp_path, ".kijilint.yaml", "exclude: ['drafts/**']\n")
    write(tmp_path, "posts/a.md", BAD_DATE)
    draft = write(tmp_path, "drafts/b.md", BAD_DATE)
    found = [f["path"] for f in json.loads(run_cli("check", "--format", "json", "-j", "1", str(tmp_path))[1])]
    assert len(found) == 1 and found[0].endswith("a.md")
    found = [f["path"] for f in json.loads(run_cli("check", "--format", "json", "-j", "1", str(draft))[1])]
    assert len(found) == 1 and found[0].endswith("b.md")
