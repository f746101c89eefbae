"""Throughput of `kijilint check` against bare fugashi on the same text, in the same run (issue 3).

    python bench/throughput.py [--copies 20] [--jobs 1]

Builds a corpus of the seeds replicated ``--copies`` times in a temp dir, then prints:
- bare fugashi: a plain ``fugashi.Tagger()`` over every paragraph, reading surface and pos;
- kijilint API: ``runner.lint_path`` in this process, every default rule (decode, front matter,
  Markdown, masking, sentences, tokens, rules, positions);
- kijilint CLI: ``kijilint check --format json`` as a user runs it (start-up included);
- the ratios (target: API and CLI ≥ 0.5 of bare fugashi), and the cold start on one article
  (target ≤ 0.3 s).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import bare_fugashi_measured, build_corpus, kijilint_cmd, memory, run_measured  # noqa: E402


def api_speed(paths: list[Path]) -> tuple[float, int]:
    from kijilint import runner

    opts = runner.Options()
    runner.lint_path(str(paths[0]), opts)  # warm: config, rule objects, the Tagger
    findings = 0
    start = time.perf_counter()
    for p in paths:
        findings += len(runner.lint_path(str(p), opts).result.findings)
    return time.perf_counter() - start, findings


def cold_start(path: Path, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(["kijilint", "check", "--quiet", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=20, help="times each seed is replicated")
    ap.add_argument("--jobs", type=int, default=1, help="--jobs for the CLI run")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kijilint-bench-") as tmp:
        paths, chars = build_corpus(Path(tmp), 5 * args.copies)
        print(f"corpus: {len(paths)} files, {chars:,} characters")
        bare_res = bare_fugashi_measured(tmp)
        bare_s = bare_res["tokenize_seconds"]
        api_s, findings = api_speed(paths)
        cli = run_measured(kijilint_cmd("check", "--format", "json", "--exit-zero", "--quiet", "--jobs", str(args.jobs), tmp))
        cold = cold_start(paths[0])
    bare = chars / bare_s
    print(f"bare fugashi   : {bare:12,.0f} chars/s  ({bare_s:.2f} s; {memory(bare_res)})")
    print(f"kijilint API   : {chars / api_s:12,.0f} chars/s  ({api_s:.2f} s, {findings} findings)  ratio {bare_s / api_s:.2f}")
    print(f"kijilint CLI -j{args.jobs}: {chars / cli['seconds']:12,.0f} chars/s  ({cli['seconds']:.2f} s incl. start-up, exit {cli['exit']}; "
          f"{memory(cli)})  ratio {bare_s / cli['seconds']:.2f}")
    print(f"cold start     : {cold:.3f} s  (kijilint check on one article, median of 5; target ≤ 0.3 s)")
    print(f"target ratio ≥ 0.5: {'met' if bare_s / api_s >= 0.5 else 'NOT met'} (API)")


if __name__ == "__main__":
    main()
