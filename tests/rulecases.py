"""Load and run the per-rule case files in tests/rules/cases/<CODE>.yaml (sqlfluff style).

    rule: FM004
    options: {}            # optional, for every case
    pass:                  # text that must produce no finding of this rule
      - name: …
        text: |
          …
    fail:                  # text that must produce exactly these findings of this rule
      - name: …
        text: |
          …
        findings:
          - {line: 3, column: 1, end_line: 3, end_column: 5, message: "substring"}
    fix:                   # text after --fix (unsafe: true for --unsafe-fixes)
      - name: …
        text: |
          …
        fixed: |
          …

Each case may carry its own ``options`` and ``path`` (default ``article.md``), and an
``encoding`` (a Python codec; ``utf-16`` writes a BOM): the text is then encoded to bytes and
read back through the decoder, with every literal ``\\xNN`` in it replaced by that raw byte.
"""

from __future__ import annotations

from pathlib import Path

import yaml

CASES_DIR = Path(__file__).resolve().parent / "rules" / "cases"


def load_all() -> dict[str, dict]:
    out = {}
    for p in sorted(CASES_DIR.glob("*.yaml")):
        with open(p, encoding="utf-8") as f:
            data = yaml.safe_load(f)
        out[data["rule"]] = data
    return out


def make_rule(code: str, options: dict | None):
    from kijilint import rules as registry

    cls = registry.find(code)
    assert cls is not None, f"unknown rule {code}"
    return cls(options or {})


def case_bytes(text: str, encoding: str) -> bytes:
    """The case text as a file in ``encoding``; literal ``\\xNN`` become raw bytes."""
    import re

    parts = re.split(r"\\x([0-9A-Fa-f]{2})", text)
    out = b""
    for i, part in enumerate(parts):
        out += bytes([int(part, 16)]) if i % 2 else part.encode(encoding)
        if i == 0 and encoding in ("utf-16", "utf-32"):
            encoding += "-le" if out[:2] == b"\xff\xfe" else "-be"  # the BOM only once
    return out


def lint(code: str, text: str, options: dict | None = None, path: str = "article.md", encoding: str | None = None):
    from kijilint.document import Document
    from kijilint.engine import lint_document

    rule = make_rule(code, options)
    doc = Document.from_bytes(case_bytes(text, encoding), path) if encoding else Document.from_text(text, path)
    return [f for f in lint_document(doc, [rule]).findings if f.code == rule.code]


def fix(code: str, text: str, options: dict | None = None, unsafe: bool = False, path: str = "article.md") -> str:
    from kijilint.document import Document
    from kijilint.fixes import fix_document

    rule = make_rule(code, options)
    return fix_document(Document.from_text(text, path), [rule], unsafe=unsafe).source.original
