"""How long the language server takes to re-lint an article after an edit.

    python bench/lsp_relint.py [ARTICLE.md] [--chars 15000] [--edits 40]

Two figures:

1. **re-lint** (in process): what the server does for each edit once the debounce fires —
   a fresh Document of the whole buffer (reusing the previous version's tokens for the blocks
   the edit did not touch), every selected rule, and the LSP Diagnostics (UTF-16 positions).
   Each edit inserts a character at a different place.  Wall-clock and CPU time are both
   reported (on a shared machine the CPU figure is the stable one), and the CPU time without
   token reuse for comparison.
2. **change → diagnostics** (a real server over stdio, driven by an LSP client): from sending
   an incremental ``didChange`` to receiving ``publishDiagnostics``; this includes the
   deliberate debounce (``kijilint.lsp.DEBOUNCE``), reported separately.

The article (default: the corpus seed 003, a machine-written post with defects) is cut or
repeated to exactly ``--chars`` characters.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = next((ROOT.parent / "shared" / "corpus" / "seeds").glob("003_*.md"), None)


def article(path: Path, chars: int) -> str:
    text = path.read_text(encoding="utf-8")
    while len(text) < chars:
        text += "\n" + text
    return text[:chars]


def edits(text: str, n: int) -> list[tuple[int, str]]:
    """``n`` single-character insertions, at line ends spread over the article."""
    rng = random.Random(8)
    ends = [i for i, ch in enumerate(text) if ch == "\n"]
    return [(rng.choice(ends), rng.choice("あいうえお。")) for _ in range(n)]


def relint_in_process(text: str, n: int, reuse: bool = True) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds per re-lint (CPU time is what a busy machine cannot inflate)."""
    from kijilint import runner
    from kijilint.lsp import Analysis, Positions, freeze_warm_objects, relint

    rules = runner.rules_for(str(ROOT / "article.md"), runner.Options())
    wall, cpu = [], []
    doc = None
    for i, (at, ch) in enumerate([(0, "")] * 3 + edits(text, n)):  # 3 warm-up runs
        if i == 1:
            freeze_warm_objects()  # as the server does after its first lint
        text = text[:at] + ch + text[at:]
        w0, c0 = time.perf_counter(), time.process_time()
        doc, result = relint(text, "article.md", rules, doc if reuse else None)
        a = Analysis("file:///article.md", i, doc, result.findings, Positions(doc.line_map))
        [a.diagnostic(f) for f in result.findings]
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    return wall[3:], cpu[3:]


async def change_to_diagnostics(text: str, n: int) -> list[float]:
    from lsprotocol import types as T
    from pytest_lsp import client_capabilities, make_test_lsp_client

    client = make_test_lsp_client()

    @client.feature(T.CLIENT_REGISTER_CAPABILITY)
    def register(params):  # the server asks to watch config files; say yes
        return None

    await client.start_io(sys.executable, "-m", "kijilint", "lsp")
    with tempfile.TemporaryDirectory() as tmp:
        uri = (Path(tmp) / "article.md").as_uri()
        await client.initialize_session(T.InitializeParams(capabilities=client_capabilities("visual-studio-code")))
        waiter = client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        client.text_document_did_open(T.DidOpenTextDocumentParams(T.TextDocumentItem(uri, "markdown", 1, text)))
        await waiter
        times = []
        lines = text.split("\n")
        rng = random.Random(8)
        for version in range(2, n + 2):
            line = rng.randrange(len(lines))
            pos = T.Position(line, len(lines[line].encode("utf-16-le")) // 2)
            waiter = client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            t0 = time.perf_counter()
            client.text_document_did_change(T.DidChangeTextDocumentParams(
                T.VersionedTextDocumentIdentifier(version=version, uri=uri),
                [T.TextDocumentContentChangePartial(range=T.Range(pos, pos), text="あ")]))
            await waiter
            times.append(time.perf_counter() - t0)
            lines[line] += "あ"
        await client.shutdown_session()
    await client.stop()
    return times


def report(label: str, times: list[float]) -> None:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    print(f"{label:<32} median {statistics.median(ms):6.1f} ms   p95 {p95:6.1f} ms   max {ms[-1]:6.1f} ms   (n={len(ms)})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("article", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--chars", type=int, default=15000)
    ap.add_argument("--edits", type=int, default=40)
    args = ap.parse_args()
    if args.article is None:
        ap.error("no article given and the corpus seed 003 is not there")
    text = article(args.article, args.chars)
    from kijilint.lsp import DEBOUNCE

    print(f"{args.article.name}: {len(text):,} characters, {text.count(chr(10)) + 1} lines")
    wall, cpu = relint_in_process(text, args.edits)
    report("re-lint (in process), wall", wall)
    report("re-lint (in process), CPU", cpu)
    wall, cpu = relint_in_process(text, args.edits, reuse=False)
    report("  without token reuse, CPU", cpu)
    wire = asyncio.run(change_to_diagnostics(text, max(5, args.edits // 4)))
    report("change → diagnostics", wire)
    report("  of which lint + wire", [t - DEBOUNCE for t in wire])
    print(f"(debounce: {DEBOUNCE * 1000:.0f} ms, waited on purpose so typing does not re-lint every key)")


if __name__ == "__main__":
    main()
