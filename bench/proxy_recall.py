"""Recall per defect kind and findings on clean copies, on documents of your own (issue 4, 5).

    python bench/proxy_recall.py SRC_DIR [--seeds 101 202 303] [--out DIR] [-v]

For each seed, ``bench/inject.py`` writes SRC_DIR's documents twice (clean copies and copies
with injected defects, plus truth.json); ``kijilint check --format json`` lints both.  Prints
recall per (category, kind) with the matching rule of ``shared/eval/score.py`` (a finding of
the category on a line within [start-1, end+1]), then every finding of the four families on
the clean copies (each is a false positive, or a real defect of the source).  With ``-v``,
the missed truth items too.  Use documents that no tuning has seen: a proxy for a hidden set
is only as honest as its distance from the rules' authors.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

FAMILIES = ("repetition", "broken-ending", "citation", "front-matter")
HERE = Path(__file__).resolve().parent


def lint(path: Path) -> list[dict]:
    out = subprocess.run(
        [sys.executable, "-m", "kijilint.cli", "check", "--format", "json", str(path)],
        capture_output=True, text=True, check=False,
    )
    if out.returncode not in (0, 1):
        sys.exit(f"kijilint failed on {path}: {out.stderr.strip()}")
    return json.loads(out.stdout or "[]")


def run_seed(src: Path, out: Path, seed: int) -> tuple[list[dict], list[dict], list[dict]]:
    subprocess.run(
        [sys.executable, str(HERE / "inject.py"), str(src), str(out), "--seed", str(seed)],
        check=True, capture_output=True,
    )
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    return truth, lint(out / "defect"), lint(out / "clean")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("src", type=Path)
    ap.add_argument("--seeds", type=int, nargs="+", default=[101, 202, 303, 404, 505, 606])
    ap.add_argument("--out", type=Path, help="keep the generated documents here")
    ap.add_argument("-v", action="store_true", help="list the missed truth items")
    args = ap.parse_args()
    if not args.src.is_dir():
        ap.error(f"{args.src}: not a directory")
    base = args.out or Path(tempfile.mkdtemp(prefix="kijilint-proxy-"))
    per: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    missed, clean_findings = [], []
    for seed in args.seeds:
        truth, found, clean = run_seed(args.src, base / str(seed), seed)
        lines = defaultdict(list)
        for f in found:
            lines[(Path(f["path"]).name, f["category"])].append(f["line"])
        for t in truth:
            kind = t["kind"].split("#")[0]
            hit = any(t["start"] - 1 <= n <= t["end"] + 1 for n in lines[(t["file"], t["category"])])
            per[(t["category"], kind)][0] += hit
            per[(t["category"], kind)][1] += 1
            if not hit:
                missed.append((seed, t))
        clean_findings += [(seed, f) for f in clean if f["category"] in FAMILIES]
    for (cat, kind), (hit, n) in sorted(per.items()):
        print(f"{cat:14s} {kind:20s} {hit:4d}/{n:<4d} {hit / n:.2f}{'' if hit == n else '  <--'}")
    docs = {Path(f["path"]).name for _, f in clean_findings}
    print(f"clean copies: {len(clean_findings)} findings in {len(docs)} documents over {len(args.seeds)} seeds")
    for seed, f in clean_findings:
        print(f"  seed {seed} {Path(f['path']).name}:{f['line']} {f['code']} {f['message'][:70]}")
    if args.v:
        for seed, t in missed:
            print(f"  missed seed {seed} {t['file']}:{t['start']}-{t['end']} {t['kind']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
