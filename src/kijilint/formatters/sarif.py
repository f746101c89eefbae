"""SARIF 2.1.0 for GitHub code scanning (``github/codeql-action/upload-sarif``) and other viewers.

One run; ``tool.driver.rules`` describes every rule (so a result's ``ruleIndex`` points into it
and a viewer can show the rule's documentation); ``results`` are collected per file and written
at the end.  Columns are Unicode code points, end exclusive — exactly kijilint's own positions,
declared with ``columnKind``.  Paths are relative to the working directory (the repository root
in CI), percent-encoded as URI references.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from kijilint import __version__
from kijilint.formatters.base import BaseFormatter, RunStats
from kijilint.formatters.github import relative_path

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/kijilint/kijilint"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def rule_descriptor(code: str, name: str, category: str, severity: str, summary: str, doc: str) -> dict:
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary or name},
        "fullDescription": {"text": doc or summary or name},
        "defaultConfiguration": {"level": LEVELS.get(severity, "warning")},
        "help": {"text": doc or summary or name},
        "properties": {"category": category, "tags": [category]},
    }


def artifact_uri(path: str, cwd: str) -> str:
    rel = relative_path(path, cwd)
    if PurePath(rel).is_absolute():  # outside the working directory: a file: URI
        return PurePath(rel).as_uri()
    return quote(rel, safe="/")


def sarif_result(f, rule_index: int, cwd: str) -> dict:
    uri = artifact_uri(f.path, cwd)
    return {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": LEVELS.get(f.severity, "warning"),
        "message": {"text": f.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": uri},
                "region": {
                    "startLine": max(1, f.line),
                    "startColumn": max(1, f.column),
                    "endLine": max(1, f.end_line),
                    "endColumn": max(1, f.end_column),
                },
            },
        }],
    }


class Formatter(BaseFormatter):
    def begin(self) -> None:
        from kijilint import rules as registry

        self._rules = [rule_descriptor(r.code, r.name, r.category, r.severity, r.summary(), r.doc())
                       for r in registry.all_rules()]
        self._index = {d["id"]: i for i, d in enumerate(self._rules)}
        self._results: list[dict] = []

    def _rule_index(self, f) -> int:
        i = self._index.get(f.code)
        if i is None:  # a rule outside the registry (plugins, tests): describe it from the finding
            i = self._index[f.code] = len(self._rules)
            self._rules.append(rule_descriptor(f.code, f.name, f.category, f.severity, "", ""))
        return i

    def file(self, result) -> None:
        for f in result.findings:
            self._results.append(sarif_result(f, self._rule_index(f), self.cwd))

    def end(self, stats: RunStats) -> None:
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "kijilint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "informationUri": INFORMATION_URI,
                    "rules": self._rules,
                }},
                "columnKind": "unicodeCodePoints",
                "results": self._results,
            }],
        }
        self.out.write(json.dumps(log, ensure_ascii=False, indent=2) + "\n")
