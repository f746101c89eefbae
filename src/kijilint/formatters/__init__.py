"""Output formats. Each module defines ``Formatter`` (begin / file / end), streaming per file.

Registry: name → module.  ``kijilint check --format NAME``.
"""

from __future__ import annotations

import importlib

FORMATS = {
    "text": "text",
    "json": "json_format",
    "lsp": "lsp",
    "github": "github",
    "sarif": "sarif",
}


def get(name: str):
    mod = importlib.import_module(f"kijilint.formatters.{FORMATS[name]}")
    return mod.Formatter


def available() -> list[str]:
    out = []
    for name, mod in FORMATS.items():
        try:
            importlib.import_module(f"kijilint.formatters.{mod}")
        except ImportError:
            continue
        out.append(name)
    return out
