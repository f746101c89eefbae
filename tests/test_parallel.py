"""--jobs N: same outcomes in the same order as --jobs 1, streamed with bounded work in flight."""

from __future__ import annotations

import io
import os
from pathlib import Path

from kijilint import parallel, runner
from kijilint.progress import Progress

ARTICLE = """---
title: x
title: y
---

# 見出し

これは本文です。[^1]
"""


def _tree(tmp_path: Path, n: int = 30) -> list[str]:
    for i in range(n):
        text = ARTICLE if i % 3 == 0 else "# 見出し\n\n問題のない本文です。\n"
        (tmp_path / f"a{i:03d}.md").write_text(text, encoding="utf-8")
    (tmp_path / "sjis.md").write_bytes("これは Shift_JIS の記事です。ひらがなが続きます。\n".encode("cp932"))
    (tmp_path / "binary.md").write_bytes(b"\x89PNG\r\n\x00\x00")
    files, errors = runner.discover([str(tmp_path)])
    assert errors == []
    return files


def _summary(outcomes) -> list:
    return [(o.path, o.error, o.warnings, o.result.skipped, [f.to_dict() for f in o.result.findings]) for o in outcomes]


def test_parallel_outcomes_equal_serial_ones_in_the_same_order(tmp_path):
    files = _tree(tmp_path) + ["-", str(tmp_path / "missing.md")]
    opts = runner.Options(jobs=2)
    stdin = ARTICLE.encode()
    serial = _summary(runner.run(files, opts, stdin, "stdin.md"))
    par = _summary(runner.run_parallel(files, opts, stdin, "stdin.md", progress=False))
    assert par == serial
    assert [p for p, *_ in par] == [f if f != "-" else "stdin.md" for f in files]
    assert any(findings for *_, findings in par)  # the comparison is not between two empty runs
    assert any(err for _, err, *_ in par) and any(w for _, _, w, *_ in par)


def test_work_in_flight_is_bounded(tmp_path, monkeypatch):
    files = _tree(tmp_path, 120)
    submitted = []

    class Counting(parallel.ProcessPoolExecutor):
        def submit(self, *a, **kw):
            submitted.append(1)
            return super().submit(*a, **kw)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Counting)
    monkeypatch.setattr(parallel, "MAX_CHUNK", 1)
    gen = runner.run_parallel(files, runner.Options(jobs=2), progress=False)
    first = next(gen)
    assert first.path == files[0]
    assert len(submitted) <= 2 * parallel.WINDOW_PER_JOB + 1 < len(files)
    rest = list(gen)
    assert len(rest) == len(files) - 1 and len(submitted) == len(files)


def test_a_crashed_worker_is_reported_and_the_other_files_still_linted(tmp_path, monkeypatch):
    files = _tree(tmp_path, 12)
    victim = files[4]
    real = runner.lint_path

    def crashing(path, opts, data=None, display=None):
        if path == victim:
            os._exit(1)  # what a segfault in native code looks like to the pool
        return real(path, opts, data=data, display=display)

    monkeypatch.setattr(runner, "lint_path", crashing)  # inherited by the forked workers
    monkeypatch.setattr(parallel, "MAX_CHUNK", 1)
    outcomes = list(runner.run_parallel(files, runner.Options(jobs=2), progress=False))
    assert [o.path for o in outcomes] == files
    crashed = [o for o in outcomes if o.result.skipped == "crashed"]
    assert [o.path for o in crashed] == [victim]  # retried one by one: only the culprit is blamed
    assert all("異常終了" in o.error for o in crashed)
    assert outcomes[-1].result.skipped is None and outcomes[0].result.skipped is None


def test_cli_jobs_output_is_identical(tmp_path, run_cli):
    _tree(tmp_path)
    code1, out1, err1 = run_cli("check", "--jobs", "1", "--format", "json", str(tmp_path))
    code2, out2, err2 = run_cli("check", "--jobs", "2", "--format", "json", str(tmp_path))
    assert (code1, out1, err1) == (code2, out2, err2)
    assert code1 == 1 and "binary.md" in err1


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal_and_erased_before_output():
    tty = _Tty()
    bar = Progress(50, enabled=True, stream=tty)
    bar.advance()
    assert "1/50" in tty.getvalue() and bar.drawn
    bar.before_output()
    assert tty.getvalue().endswith("\r\033[K") and not bar.drawn
    plain = io.StringIO()
    for enabled, stream, total in ((True, plain, 50), (False, _Tty(), 50), (True, _Tty(), 3)):
        b = Progress(total, enabled=enabled, stream=stream)
        b.advance()
        assert stream.getvalue() == ""
