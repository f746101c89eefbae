"""Linting many files on several cores, streamed in order with bounded memory.

A process pool (fork where the platform has it: workers start in milliseconds and inherit the
imported package) lints chunks of files; the parent keeps at most ``WINDOW_PER_JOB`` chunks per
worker in flight and yields outcomes strictly in the order of the file list, so the output is
identical to ``--jobs 1`` and memory stays flat however many files there are.  Each worker
keeps its own fugashi Tagger and rule objects for its whole life.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterator

from kijilint.engine import LintResult
from kijilint.progress import Progress

WINDOW_PER_JOB = 3  # chunks in flight per worker: enough to keep every core busy
MAX_CHUNK = 8

_opts = None  # the worker's Options, set once by the initializer


def _init_worker(opts) -> None:
    global _opts
    _opts = opts


def _lint_chunk(items: list[tuple[str, bytes | None, str | None]]) -> list:
    from kijilint.runner import lint_path

    return [lint_path(path, _opts, data=data, display=display) for path, data, display in items]


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def chunk_size(n_files: int, jobs: int) -> int:
    """Small chunks stream and balance well; larger ones save IPC on huge runs of small files."""
    return max(1, min(MAX_CHUNK, n_files // (jobs * 32)))


def run_parallel(files: list[str], opts, stdin_data: bytes | None = None, stdin_name: str | None = None,
                 progress: bool = True) -> Iterator:
    """Outcomes in the order of ``files``, linted by ``opts.jobs`` processes."""
    from kijilint.runner import FileOutcome

    jobs = max(1, min(opts.jobs, len(files)))
    items = [("-", stdin_data or b"", stdin_name or "-") if p == "-" else (p, None, None) for p in files]
    size = chunk_size(len(items), jobs)
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    bar = Progress(len(items), enabled=progress)
    pending: deque = deque()  # (chunk, future, attempt) in file order
    executor = _pool(jobs, opts)
    next_chunk = 0
    try:
        while next_chunk < len(chunks) or pending:
            while next_chunk < len(chunks) and len(pending) < jobs * WINDOW_PER_JOB:
                pending.append((chunks[next_chunk], _submit(executor, chunks[next_chunk]), 0))
                next_chunk += 1
            chunk, future, attempt = pending.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                # A worker died (a crash in native code), taking every task in flight with it.
                # New pool; this chunk is retried file by file, and a file that breaks a pool
                # again is run alone, so only the real culprit is reported.
                executor.shutdown(wait=False, cancel_futures=True)
                executor = _pool(jobs, opts)
                retry = [([item], 1) for item in chunk] if attempt == 0 else []
                rest = [(c, a) for c, _, a in pending]
                pending.clear()
                for c, a in retry + rest:
                    pending.append((c, _submit(executor, c), a))
                if retry:
                    continue
                outcomes = _alone(chunk, opts, FileOutcome)
            for outcome in outcomes:
                if outcome.error or outcome.warnings or outcome.result.errors or outcome.result.findings or outcome.diff:
                    bar.before_output()  # the caller is about to print: get the bar out of the way
                yield outcome
                bar.advance()
    finally:
        bar.close()
        # After a normal finish, join the pool: an executor left running at interpreter exit
        # races CPython's exit hook on its wake-up pipe ("Bad file descriptor" on stderr).
        # Stopped early, cancel and leave at once.
        executor.shutdown(wait=not pending, cancel_futures=True)


def _pool(jobs: int, opts) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_init_worker, initargs=(opts,))


def _submit(executor: ProcessPoolExecutor, chunk: list) -> Future:
    try:
        return executor.submit(_lint_chunk, chunk)
    except BrokenProcessPool as err:  # the pool broke since the last result: handled when popped
        failed: Future = Future()
        failed.set_exception(err)
        return failed


def _alone(chunk: list, opts, FileOutcome) -> list:
    with _pool(1, opts) as solo:
        try:
            return solo.submit(_lint_chunk, chunk).result()
        except BrokenProcessPool:
            return [_crashed(FileOutcome, display or path) for path, _, display in chunk]


def _crashed(FileOutcome, path: str):
    msg = f"{path}: 検査中にワーカープロセスが異常終了しました（このファイルは検査されていません）"
    return FileOutcome(path, LintResult(path, skipped="crashed"), error=msg)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
