"""Find and validate configuration: ``.kijilint.yaml`` or ``[tool.kijilint]`` in pyproject.toml.

Looked up upward from each linted file's directory (or given with ``--config``).  Keys:

    select: [RP, citation, front-matter-duplicate-key]   # codes, code prefixes, categories, names, ALL
    ignore: [CM004]
    exclude: ["drafts/**"]
    rules:
      RP003: {threshold: 0.8, severity: error}
      front-matter-schema: {schema: my-schema.yaml}
      EN002: off

Anything unknown (a key, a rule, an option, a severity) is a ``ConfigError`` naming it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kijilint import rules as registry
from kijilint.findings import SEVERITIES

CONFIG_FILES = (".kijilint.yaml", ".kijilint.yml", "pyproject.toml")
TOP_KEYS = {"select", "ignore", "exclude", "rules", "extend-select"}


class ConfigError(ValueError):
    pass


@dataclass
class Config:
    path: Path | None = None
    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    rules: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


DEFAULT = Config()


def matches(selector: str, rule) -> bool:
    s = selector.strip()
    if s.upper() == "ALL":
        return True
    if s == rule.name or s == rule.category:
        return True
    return rule.code.startswith(s.upper()) and s[:1].isalpha()


def check_selectors(selectors: list[str], where: str) -> None:
    rules = registry.all_rules()
    for s in selectors:
        if not any(matches(s, r) for r in rules):
            raise ConfigError(f"{where}: 不明なルール指定 {s!r}（コード、コード接頭辞、カテゴリ、ルール名のいずれか）")


def selected_rules(config: Config, select: list[str] | None = None, ignore: list[str] | None = None) -> list:
    """Instantiate the enabled rules with their options and severities."""
    sel = select if select else config.select
    ign = list(config.ignore) + list(ignore or [])
    check_selectors(sel, "select")
    check_selectors(ign, "ignore")
    per_rule = _rule_settings(config)
    out = []
    for cls in registry.all_rules():
        if not any(matches(s, cls) for s in sel) or any(matches(s, cls) for s in ign):
            continue
        settings = per_rule.get(cls.code, {})
        if settings is False:
            continue
        opts = dict(settings)
        severity = opts.pop("severity", None)
        out.append(cls(opts, severity))
    return out


def _rule_settings(config: Config) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in (config.rules or {}).items():
        cls = registry.find(str(key))
        if cls is None:
            raise ConfigError(f"{_where(config)}: rules: 不明なルール {key!r}")
        if value in (False, "off", "disable", "disabled"):
            out[cls.code] = False
            continue
        if isinstance(value, str):
            value = {"severity": value}
        if value is None or value is True:
            value = {}
        if not isinstance(value, dict):
            raise ConfigError(f"{_where(config)}: rules.{key}: mapping か severity を指定してください")
        for opt, v in value.items():
            if opt == "severity":
                if v not in SEVERITIES:
                    raise ConfigError(f"{_where(config)}: rules.{key}.severity: {v!r} は error / warning / info のいずれかです")
            elif opt not in cls.options:
                known = ", ".join(sorted(cls.options)) or "なし"
                raise ConfigError(f"{_where(config)}: rules.{key}: 不明なオプション {opt!r}（指定できるもの: {known}）")
        if config.path is not None:
            value = _resolve_paths(value, cls, config.root)
        try:
            cls.validate_options({**cls.options, **value})
        except ValueError as err:
            raise ConfigError(f"{_where(config)}: rules.{key}: {err}") from err
        out[cls.code] = value
    return out


def _resolve_paths(value: dict, cls, root: Path) -> dict:
    """Options that name files are relative to the config file."""
    out = dict(value)
    for opt in getattr(cls, "path_options", ()):
        v = out.get(opt)
        if isinstance(v, str) and not os.path.isabs(v) and (root / v).exists():
            out[opt] = str(root / v)
    return out


def _where(config: Config) -> str:
    return str(config.path) if config.path else "config"


def load(path: str | os.PathLike) -> Config:
    """Load a config file (cached by path and modification time, so a long-running language
    server sees edits)."""
    p = Path(path)
    try:
        mtime = p.stat().st_mtime_ns
    except OSError:
        mtime = -1
    return _load_cached(str(p), mtime)


@lru_cache(maxsize=64)
def _load_cached(path: str, mtime: int) -> Config:
    p = Path(path)
    try:
        if p.name == "pyproject.toml" or p.suffix == ".toml":
            data = _toml(p).get("tool", {}).get("kijilint", {})
        else:
            with open(p, encoding="utf-8") as f:
                data = yaml.safe_load(f) or {}
    except OSError as err:
        raise ConfigError(f"設定ファイルを読めません: {p}: {err.strerror or err}") from err
    except (yaml.YAMLError, ValueError) as err:
        raise ConfigError(f"設定ファイルの構文エラー: {p}: {err}") from err
    if not isinstance(data, dict):
        raise ConfigError(f"{p}: 設定は mapping でなければなりません")
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise ConfigError(f"{p}: 不明な設定キー {', '.join(sorted(map(str, unknown)))}（指定できるもの: {', '.join(sorted(TOP_KEYS))}）")
    cfg = Config(path=p)
    for key in ("select", "ignore", "exclude", "extend-select"):
        v = data.get(key)
        if v is None:
            continue
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise ConfigError(f"{p}: {key} は文字列のリストです")
        if key == "extend-select":
            cfg.select = list(cfg.select) + v
        else:
            setattr(cfg, key, v)
    rules = data.get("rules") or {}
    if not isinstance(rules, dict):
        raise ConfigError(f"{p}: rules は mapping です")
    cfg.rules = rules
    return cfg


def _toml(p: Path) -> dict:
    try:
        import tomllib  # type: ignore[import-not-found]
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    with open(p, "rb") as f:
        return tomllib.load(f)


def find_for_dir(directory: str) -> Config:
    """The nearest config at or above ``directory``; a default Config if there is none."""
    d = Path(directory).resolve()
    for parent in (d, *d.parents):
        for name in CONFIG_FILES:
            cand = parent / name
            if cand.is_file():
                if name == "pyproject.toml":
                    try:
                        if "kijilint" not in _toml(cand).get("tool", {}):
                            continue
                    except (OSError, ValueError):
                        continue
                return load(cand)
    return DEFAULT
