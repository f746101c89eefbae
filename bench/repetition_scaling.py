"""Repetition family on large documents: the analysis must stay near-linear.

    python bench/repetition_scaling.py

Prints milliseconds for the RP rules on synthetic 500- and 2000-paragraph documents (all
distinct, all identical, alternating, repeated sections, parallel sections, identical paragraphs that
hold a picture, which are never substantial); tokens are computed beforehand so only the family's own
work is timed.
"""

from __future__ import annotations

import random
import time

from kijilint import rules as registry
from kijilint.document import Document
from kijilint.engine import lint_document

_KANA = [chr(c) for c in range(0x3041, 0x3094)] + list("日本語文章段落記事検査重複確認方法結果")


def _para(rng: random.Random, n: int = 150) -> str:
    return "".join(rng.choice(_KANA) for _ in range(n)) + "。"


def main() -> None:
    rules = [c() for c in registry.all_rules() if c.code.startswith("RP")]
    rng = random.Random(1)
    for n in (500, 2000):
        one, two = _para(rng), _para(rng)
        cases = {
            "distinct": "\n\n".join(_para(rng) for _ in range(n)),
            "identical": "\n\n".join([one] * n),
            "alternating": "\n\n".join([one, _para(rng)] * (n // 2)),
            "sections": "\n\n".join(f"## 見出し{i % 7}\n\n" + _para(rng) for i in range(n // 4)) * 2,
            # a manual's parallel sections: the same steps under n // 4 parents of their own
            "parallel": "\n\n".join(
                f"## 環境 {i}\n\n### 1. 準備\n\n{one}\n\n### 2. 実行\n\n{two}" for i in range(n // 4)
            ),
            # a picture and a short line: no run can form (no paragraph is substantial), so each
            # unit starts chains (2000: 13.6 s before such chains were capped at 32 units, 1.3 s after)
            "pictures": "\n\n".join(["![](a.png)\n確かに、上昇しています。この周期の設定はしておらず、また"] * n),
        }
        for name, text in cases.items():
            doc = Document.from_text(text)
            for b in doc.prose_blocks:
                doc.tokens(b)
            t0 = time.perf_counter()
            found = lint_document(doc, rules).findings
            ms = (time.perf_counter() - t0) * 1000
            print(f"{n:5d} paragraphs {name:12s} {len(text):7d} chars {len(found):4d} findings {ms:7.0f} ms")


if __name__ == "__main__":
    main()
