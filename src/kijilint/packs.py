"""YAML rule packs: the data half of the rules (patterns, footers, schemas, exceptions).

Packs ship inside the wheel as ``kijilint/packs`` (the repository's top-level ``rules/``).
A user extends or replaces one by pointing a rule option at their own YAML file.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml


class PackError(ValueError):
    pass


def packs_dir() -> Path:
    here = Path(__file__).resolve().parent
    installed = here / "packs"
    if installed.is_dir():
        return installed
    return here.parent.parent / "rules"  # source checkout / editable install


def pack_path(name: str) -> Path:
    p = Path(name)
    if p.suffix in (".yaml", ".yml") and p.exists():
        return p
    return packs_dir() / (name if name.endswith((".yaml", ".yml")) else name + ".yaml")


def load(name: str) -> dict[str, Any]:
    """Load a pack by name (``generation-markers``) or path; the result is cached by file and
    modification time, so a language server sees a user's edits to their own pack."""
    path = pack_path(name)
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = -1
    return _load_cached(path, mtime)


@lru_cache(maxsize=64)
def _load_cached(path: Path, mtime: int) -> dict[str, Any]:
    name = str(path)
    try:
        with open(path, encoding="utf-8") as f:
            # libyaml's loader when PyYAML has it: the pure-Python one spends ~50 ms of a
            # cold start on the packs an article needs (same data, same errors)
            data = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as err:
        raise PackError(f"rule pack {name!r} を読めません: {err}") from err
    except yaml.YAMLError as err:
        raise PackError(f"rule pack {path} の YAML が不正です: {err}") from err
    if not isinstance(data, dict):
        raise PackError(f"rule pack {path} は mapping でなければなりません")
    return data


def all_packs() -> list[Path]:
    return sorted(packs_dir().rglob("*.yaml"))
