"""Files in, results out: discovery, per-file lint (and fix), in a stable order.

``run`` yields one ``FileOutcome`` per file in discovery order, so formatters can stream.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from kijilint import config as config_mod
from kijilint.document import Document
from kijilint.engine import LintResult, lint_document
from kijilint.source import BinaryFileError, decode

EXTENSIONS = (".md", ".markdown", ".mdx")
SKIP_DIRS = {"node_modules", "__pycache__", "_site", "site-packages"}
MAX_BYTES = 64 * 1024 * 1024


@dataclass
class Options:
    select: list[str] | None = None
    ignore: list[str] | None = None
    config: str | None = None  # explicit --config
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    jobs: int = 1


@dataclass
class FileOutcome:
    path: str
    result: LintResult
    fixed: int = 0
    diff: str = ""
    error: str | None = None  # I/O error (exit 2)
    warnings: list[str] = field(default_factory=list)


def discover(paths: list[str]) -> tuple[list[str], list[str]]:
    """Files to lint (sorted within each directory) and error messages for bad paths."""
    files: list[str] = []
    errors: list[str] = []
    seen: set[str] = set()
    for p in paths:
        if p == "-":
            files.append("-")
            continue
        if os.path.islink(p) and not os.path.exists(p):
            errors.append(f"{p}: リンク先がありません（dangling symlink）")
            continue
        if os.path.isdir(p) and p.lower().endswith(EXTENSIONS):
            # Named like a Markdown file (typically a shell glob such as *.md): not what was meant.
            errors.append(f"{p}: ディレクトリです（Markdown ファイルではないので検査しません）")
        elif os.path.isdir(p):
            _walk(p, files, errors, seen)
        elif os.path.exists(p):
            key = os.path.realpath(p)
            if key not in seen:
                seen.add(key)
                files.append(p)
        else:
            errors.append(f"{p}: そのようなファイルやディレクトリはありません")
    return files, errors


def _walk(root: str, files: list[str], errors: list[str], seen: set[str]) -> None:
    visited_dirs: set[str] = set()

    def onerror(err: OSError) -> None:
        errors.append(f"{err.filename}: {err.strerror}")

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=onerror):
        real = os.path.realpath(dirpath)
        if real in visited_dirs:  # symlink loop or a second link to the same directory
            dirnames[:] = []
            continue
        visited_dirs.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(filenames):
            if not name.lower().endswith(EXTENSIONS):
                continue
            full = os.path.join(dirpath, name)
            if os.path.islink(full) and not os.path.exists(full):
                errors.append(f"{full}: リンク先がありません（dangling symlink）")
                continue
            key = os.path.realpath(full)
            if key in seen:
                continue
            seen.add(key)
            files.append(full)


_rules_cache: dict = {}


def rules_for(path: str, opts: Options) -> list:
    """The rule instances for a file: its config (explicit or found upward) plus --select/--ignore.

    Cached per config object (config objects are themselves cached by file and mtime)."""
    if opts.config:
        cfg = config_mod.load(opts.config)
    else:
        directory = os.path.dirname(os.path.abspath(path)) if path != "-" else os.getcwd()
        cfg = config_mod.find_for_dir(directory)
    key = (id(cfg), tuple(opts.select or ()), tuple(opts.ignore or ()))
    cached = _rules_cache.get(key)
    if cached is None or cached[0] is not cfg:
        if len(_rules_cache) > 64:
            _rules_cache.clear()
        cached = _rules_cache[key] = (cfg, config_mod.selected_rules(cfg, opts.select, opts.ignore))
    return cached[1]


def excluded(path: str, opts: Options) -> bool:
    if path == "-":
        return False
    cfg = config_mod.load(opts.config) if opts.config else config_mod.find_for_dir(os.path.dirname(os.path.abspath(path)))
    if not cfg.exclude:
        return False
    try:
        rel = Path(os.path.abspath(path)).relative_to(cfg.root)
    except ValueError:
        return False
    return any(rel.match(pat) or str(rel).startswith(pat.rstrip("/*") + "/") for pat in cfg.exclude)


def lint_path(path: str, opts: Options, data: bytes | None = None, display: str | None = None) -> FileOutcome:
    """Lint (and, if asked, fix) one file. Never raises for bad input."""
    shown = display or path
    if data is None:
        try:
            st = os.stat(path)
            if stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError(path)
            if not stat.S_ISREG(st.st_mode):  # a FIFO or a device would block the read forever
                return FileOutcome(shown, LintResult(shown, skipped="special"), error=f"{shown}: 通常のファイルではありません（FIFO やデバイス）")
            if st.st_size > MAX_BYTES:
                return FileOutcome(shown, LintResult(shown, skipped="too large"), error=f"{shown}: ファイルが大きすぎます（{MAX_BYTES // (1 << 20)} MiB 超）")
            with open(path, "rb") as f:
                data = f.read()
        except IsADirectoryError:
            return FileOutcome(shown, LintResult(shown, skipped="directory"), error=f"{shown}: ディレクトリです")
        except OSError as err:
            return FileOutcome(shown, LintResult(shown, skipped="unreadable"), error=f"{shown}: 読めません: {err.strerror or err}")
    try:
        source = decode(data)
    except BinaryFileError as err:
        return FileOutcome(shown, LintResult(shown, skipped="binary"), error=None, warnings=[f"{shown}: テキストファイルではないためスキップしました（{err}）"])
    rules = rules_for(path if path != "-" else (display or "-"), opts)
    doc = Document(source, shown)
    if not (opts.fix or opts.diff):
        return FileOutcome(shown, lint_document(doc, rules))
    from kijilint.fixes import fix_document, unified_diff, write_atomic

    outcome = fix_document(doc, rules, unsafe=opts.unsafe_fixes)
    out = FileOutcome(shown, outcome.result, fixed=outcome.fixed)
    if not outcome.changed:
        if opts.diff:
            out.result = lint_document(Document(source, shown), rules)
        return out
    if opts.diff:
        out.diff = unified_diff(shown, source.original, outcome.source.original)
        out.result = lint_document(Document(source, shown), rules)  # nothing was written
        out.fixed = 0
        return out
    if path == "-":
        return out
    try:
        write_atomic(path, outcome.source.encode(outcome.source.original))
    except (OSError, UnicodeEncodeError) as err:
        out.error = f"{shown}: 修正を書き込めません: {getattr(err, 'strerror', None) or err}"
        out.fixed = 0
        out.result = lint_document(Document(source, shown), rules)
    return out


def run(files: list[str], opts: Options, stdin_data: bytes | None = None, stdin_name: str | None = None) -> Iterator[FileOutcome]:
    """Outcomes in the order of ``files``."""
    for path in files:
        if path == "-":
            yield lint_path("-", opts, data=stdin_data or b"", display=stdin_name or "-")
        else:
            yield lint_path(path, opts)


def run_parallel(files: list[str], opts: Options, stdin_data: bytes | None = None, stdin_name: str | None = None,
                 progress: bool = True) -> Iterator[FileOutcome]:
    """Like ``run`` (same outcomes, same order) on ``opts.jobs`` processes; see ``parallel``."""
    from kijilint.parallel import run_parallel as _run_parallel

    return _run_parallel(files, opts, stdin_data, stdin_name, progress)
