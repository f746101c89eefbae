"""An archive-sized run (issue 10): ~2,500 articles, ~38 M characters, --jobs 1 and --jobs 2.

    python bench/archive.py [--articles 2500] [--chars 38000000] [--keep DIR]

The corpus is generated on the fly from the seeds in a temp dir (never committed).  Printed:
chars/s and memory of `kijilint check --format json` with --jobs 1 and --jobs 2, next to a
plain fugashi Tagger tokenizing the same files paragraph by paragraph in the same run.

Targets: --jobs 1 ≥ 0.5 × bare fugashi; --jobs 2 ≥ 1.6 × --jobs 1; peak RSS < 150 MB.
Memory is reported three ways (see ``_corpus.run_measured``): the largest single process's RSS,
which includes the pages of the 260 MB mmapped UniDic dictionary a process has touched (bare
fugashi pays the same, shown on its line); the tree's PSS, which counts those shared pages once;
and anonymous RSS, the memory kijilint itself allocates.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import bare_fugashi_measured, build_corpus, kijilint_cmd, memory, run_measured  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2500)
    ap.add_argument("--chars", type=int, default=38_000_000, help="total characters (articles are topped up)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to measure")
    ap.add_argument("--keep", help="build the corpus in this directory and keep it")
    args = ap.parse_args()
    tmp = None
    if args.keep:
        root = Path(args.keep)
        root.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="kijilint-archive-")
        root = Path(tmp.name)
    try:
        t = time.perf_counter()
        paths, chars = build_corpus(root, args.articles, args.chars)
        print(f"corpus: {len(paths):,} articles, {chars:,} characters (built in {time.perf_counter() - t:.1f} s)", flush=True)
        bare = bare_fugashi_measured(str(root))
        bare_speed = chars / bare["tokenize_seconds"]
        print(f"bare fugashi : {bare_speed:10,.0f} chars/s  ({bare['tokenize_seconds']:.1f} s; {memory(bare)})", flush=True)
        speeds = {}
        for jobs in [int(j) for j in args.jobs.split(",")]:
            res = run_measured(kijilint_cmd("check", "--format", "json", "--exit-zero", "--quiet", "--jobs", str(jobs), str(root)))
            speeds[jobs] = chars / res["seconds"]
            print(f"kijilint -j{jobs} : {speeds[jobs]:10,.0f} chars/s  ({res['seconds']:.1f} s, exit {res['exit']}; {memory(res)})  "
                  f"ratio to bare fugashi {speeds[jobs] / bare_speed:.2f}", flush=True)
            if res["exit"] != 0:
                print(res["stderr"], file=sys.stderr)
        if 1 in speeds and 2 in speeds:
            print(f"speed-up -j2 / -j1: {speeds[2] / speeds[1]:.2f}  (target ≥ 1.6)")
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    main()
