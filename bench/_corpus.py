"""Shared by the benchmarks: corpora built from the seeds, bare fugashi speed, process-tree RSS.

Not a test and not shipped: ``python bench/throughput.py`` / ``python bench/archive.py``.
"""

from __future__ import annotations

import glob
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "seeds"


def seed_texts(seeds_dir: Path = SEEDS) -> list[str]:
    paths = sorted(glob.glob(str(seeds_dir / "*.md")))
    if not paths:
        sys.exit(f"no seeds in {seeds_dir}")
    return [Path(p).read_text(encoding="utf-8") for p in paths]


def _body_paragraphs(text: str) -> list[str]:
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    return [p for p in body.split("\n\n") if p.strip()]


def build_corpus(directory: Path, articles: int, total_chars: int | None = None) -> tuple[list[Path], int]:
    """``articles`` files made from the seeds (each seed in turn, topped up with paragraphs of
    the next one when ``total_chars`` asks for longer articles).  Returns (paths, characters)."""
    seeds = seed_texts()
    target = (total_chars // articles) if total_chars else 0
    paras = [_body_paragraphs(t) for t in seeds]
    paths: list[Path] = []
    chars = 0
    for k in range(articles):
        text = seeds[k % len(seeds)]
        extra = paras[(k + 1) % len(seeds)]
        i = 0
        parts = [text.rstrip("\n")]
        length = len(parts[0])
        while length < target and extra:
            parts.append(extra[i % len(extra)])
            length += len(parts[-1]) + 2
            i += 1
        text = "\n\n".join(parts) + "\n"
        sub = directory / f"{k // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        p = sub / f"{k:05d}-post.md"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
        chars += len(text)
    return paths, chars


def bare_fugashi(paths: list[Path]) -> tuple[float, int]:
    """Seconds to tokenize the files with a plain Tagger, paragraph by paragraph, reading only
    ``surface`` and ``pos`` — the floor any Japanese linter built on fugashi pays."""
    import fugashi

    tagger = fugashi.Tagger()
    chars = 0
    start = time.perf_counter()
    for p in paths:
        text = p.read_text(encoding="utf-8")
        chars += len(text)
        for para in text.split("\n\n"):
            for w in tagger(para):
                w.surface
                w.pos
    return time.perf_counter() - start, chars


def _tree_memory_kb(pid: int) -> tuple[int, int, int]:
    """(largest RSS of one process, summed PSS, summed anonymous RSS) of a process tree, in kB.

    PSS shares the mmapped dictionary pages between the processes that map them, so it is the
    tree's real footprint; anonymous RSS is what the code itself allocated (no dictionary)."""
    max_rss = pss = anon = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            fields = {}
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    k, _, v = line.partition(":")
                    if v.strip().endswith("kB"):
                        fields[k] = int(v.split()[0])
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("RssAnon:"):
                        anon += int(line.split()[1])
            max_rss = max(max_rss, fields.get("Rss", 0))
            pss += fields.get("Pss", 0)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return max_rss, pss, anon


def run_measured(cmd: list[str], stdout=subprocess.DEVNULL) -> dict:
    """Run ``cmd``: wall seconds, exit code, and memory peaks sampled every 20 ms over its whole
    process tree (the helper's own few MB included): ``rss_mb`` the largest single process (what
    ``ps`` shows), ``pss_mb`` the tree's summed PSS, ``anon_mb`` the tree's summed anonymous RSS;
    ``ru_maxrss_mb`` is ``RUSAGE_CHILDREN`` (largest descendant) as a cross-check."""
    helper = ("import resource, subprocess, sys; rc = subprocess.call(sys.argv[1:]); "
              "sys.stderr.write('\\nMAXRSS %d RC %d\\n' % (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, rc))")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", helper, *cmd], stdout=stdout, stderr=subprocess.PIPE)
    peak = [0, 0, 0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[:] = [max(a, b) for a, b in zip(peak, _tree_memory_kb(proc.pid))]
            done.wait(0.02)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    t.join()
    m = re.search(rb"MAXRSS (\d+) RC (-?\d+)", err)
    return {"seconds": wall, "exit": int(m.group(2)) if m else proc.returncode,
            "ru_maxrss_mb": int(m.group(1)) / 1024 if m else float("nan"),
            "rss_mb": peak[0] / 1024, "pss_mb": peak[1] / 1024, "anon_mb": peak[2] / 1024,
            "stdout": out.decode("utf-8", "replace") if out else "", "stderr": err.decode("utf-8", "replace")[-2000:]}


def bare_fugashi_measured(directory: str) -> dict:
    """``bare_fugashi`` in its own process, so its memory is measured like kijilint's."""
    res = run_measured([sys.executable, __file__, "bare", directory], stdout=subprocess.PIPE)
    secs, chars = res["stdout"].split()
    res.update(tokenize_seconds=float(secs), chars=int(chars))
    return res


def memory(res: dict) -> str:
    return (f"peak RSS {res['rss_mb']:.0f} MB (largest process), PSS {res['pss_mb']:.0f} MB (tree), "
            f"anon {res['anon_mb']:.0f} MB (tree)")


def kijilint_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "kijilint", *args]


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "bare":
        files = sorted(Path(sys.argv[2]).rglob("*.md"))
        seconds, n = bare_fugashi(files)
        print(seconds, n)
