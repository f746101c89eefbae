"""``path:line:col: CODE severity message [rule-name]``, then a summary (colour on a terminal)."""

from __future__ import annotations

from kijilint.formatters.base import BaseFormatter, RunStats

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
_CATEGORY_JA = {}


class Formatter(BaseFormatter):
    def file(self, result) -> None:
        w = self.out.write
        for f in result.findings:
            if self.color:
                sev = f"{_COLORS.get(f.severity, '')}{f.severity}{_RESET}"
                w(f"{_BOLD}{f.path}{_RESET}:{f.line}:{f.column}: {_BOLD}{f.code}{_RESET} {sev} {f.message} {_DIM}[{f.name}]{_RESET}\n")
            else:
                w(f"{f.path}:{f.line}:{f.column}: {f.code} {f.severity} {f.message} [{f.name}]\n")

    def end(self, stats: RunStats) -> None:
        w = self.out.write
        if self.statistics and stats.by_rule:
            w("\n")
            for (code, name), n in sorted(stats.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
                w(f"{n:6d}  {code}  {name}\n")
        w(summary_line(stats) + "\n")


def summary_line(stats: RunStats) -> str:
    files = f"{stats.files} ファイル" + (f"（{stats.skipped} 件スキップ）" if stats.skipped else "")
    if not stats.total:
        tail = "問題は見つかりませんでした"
        if stats.fixed:
            tail = f"{stats.fixed} 件を修正し、残りの問題はありません"
        return f"{files}: {tail}"
    sev = ", ".join(f"{k} {stats.by_severity[k]}" for k in ("error", "warning", "info") if stats.by_severity[k])
    cats = ", ".join(f"{c} {n}" for c, n in sorted(stats.by_category.items()))
    parts = [f"{files}: {stats.total} 件（{sev}）", f"[{cats}]"]
    if stats.fixed:
        parts.append(f"{stats.fixed} 件を修正済み")
    if stats.fixable:
        parts.append(f"{stats.fixable} 件は --fix で修正できます")
    if stats.unsafe_fixable:
        parts.append(f"{stats.unsafe_fixable} 件は --unsafe-fixes で修正できます")
    return " ".join(parts[:2]) + ("; " + "; ".join(parts[2:]) if parts[2:] else "")
