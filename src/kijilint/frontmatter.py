"""Split the YAML front matter from the body and parse it without ever constructing objects.

Parsing works on the node graph (``yaml.compose``), so duplicate keys, tags and positions are
all visible — PyYAML's ``safe_load`` silently keeps the last duplicate and loses the marks.
Timestamps are *not* resolved: dates stay strings and the date rule judges them (PyYAML would
raise on ``2026-02-30``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from kijilint._lazy_re import lazy_re

_OPEN = lazy_re(r"---[ \t]*\n")
_CLOSE = lazy_re(r"^(?:---|\.\.\.)[ \t]*$", re.M)

# Bounds against hostile YAML: alias expansion and nesting.
MAX_EXPANDED_NODES = 100_000
MAX_DEPTH = 200
MAX_YAML_CHARS = 256 * 1024
_FLOW = lazy_re(r"[\[\]{}]")
_BLOCK_LEVEL = lazy_re(r"^([ ]*)((?:-[ \t]+)*)(?=\S)", re.M)

STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "binary", "set", "omap", "pairs", "merge", "value")
}


class _Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver (dates stay strings)."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


@dataclass
class KeyInfo:
    key: str
    key_start: int  # offsets in the document text
    key_end: int
    value_start: int
    value_end: int
    node: Any = field(repr=False, default=None)


@dataclass
class FrontMatter:
    start: int  # offset of the opening '---'
    end: int  # offset just after the closing delimiter line (or the text end if unterminated)
    yaml_start: int  # offset of the first YAML line
    yaml_text: str
    terminated: bool
    open_line: int  # 1-based
    close_line: int | None  # 1-based
    data: Any = None
    error: tuple[int, int, str] | None = None  # (start offset, end offset, message)
    duplicates: list[tuple[str, int, int, int]] = field(default_factory=list)  # key, first offset, dup start, dup end
    bad_tags: list[tuple[int, int, str]] = field(default_factory=list)
    keys: dict[str, KeyInfo] = field(default_factory=dict)

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.data, dict)


def split(text: str) -> FrontMatter | None:
    """Find the front matter at the very start of ``text`` (normalised newlines)."""
    m = _OPEN.match(text)
    if not m:
        if text.rstrip(" \t") == "---":
            return FrontMatter(0, len(text), len(text), "", False, 1, None)
        return None
    body_from = m.end()
    close = _CLOSE.search(text, body_from)
    if close is None:
        return FrontMatter(0, len(text), body_from, text[body_from:], False, 1, None)
    end = close.end()
    if end < len(text) and text[end] == "\n":
        end += 1
    yaml_text = text[body_from:close.start()]
    close_line = text.count("\n", 0, close.start()) + 1
    fm = FrontMatter(0, end, body_from, yaml_text, True, 1, close_line)
    parse(fm)
    return fm


def _line_offsets(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def parse(fm: FrontMatter) -> None:
    """Compose the YAML, record problems with their offsets, then construct plain data."""
    starts = _line_offsets(fm.yaml_text)

    def off(mark) -> int:
        line = min(mark.line, len(starts) - 1)
        return fm.yaml_start + min(starts[line] + mark.column, len(fm.yaml_text))

    if not fm.yaml_text.strip():
        fm.data = None
        return
    # Bounds checked on the text first: PyYAML's composer recurses per level and its scanner is
    # pure Python, so 5,000-deep nesting or a multi-megabyte front matter would cost seconds
    # (or a RecursionError) before ``_walk`` could say no.
    if len(fm.yaml_text) > MAX_YAML_CHARS:
        fm.error = (fm.yaml_start, fm.yaml_start, f"front matter が大きすぎます（{len(fm.yaml_text):,} 文字、上限 {MAX_YAML_CHARS:,} 文字）")
        return
    deep = _too_deep(fm.yaml_text)
    if deep is not None:
        fm.error = (fm.yaml_start + deep, fm.yaml_start + deep, f"front matter の YAML の入れ子が深すぎます（{MAX_DEPTH} 段超）")
        return
    try:
        node = yaml.compose(fm.yaml_text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        start = off(mark) if mark else fm.yaml_start
        problem = err.problem or "構文エラー"
        context = f"（{err.context}）" if err.context else ""
        fm.error = (start, start, f"front matter の YAML 構文エラー: {problem}{context}")
        return
    except yaml.YAMLError as err:
        fm.error = (fm.yaml_start, fm.yaml_start, f"front matter の YAML を読めません: {err}")
        return
    except RecursionError:
        fm.error = (fm.yaml_start, fm.yaml_start, "front matter の YAML の入れ子が深すぎます")
        return
    if node is None:
        fm.data = None
        return

    budget = [MAX_EXPANDED_NODES]
    ok = _walk(node, fm, off, budget, 0)
    if not ok:
        return
    if fm.bad_tags:
        return  # never construct what carries a non-standard tag
    try:
        fm.data = _construct(node)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as err:
        fm.error = (fm.yaml_start, fm.yaml_start, f"front matter の YAML を解釈できません: {err}")
        return
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                fm.keys.setdefault(str(k.value), KeyInfo(str(k.value), off(k.start_mark), off(k.end_mark), off(v.start_mark), off(v.end_mark), v))


def _too_deep(yaml_text: str) -> int | None:
    """Offset where nesting passes ``MAX_DEPTH``, judged on the text (flow brackets, block
    indentation and ``- - -`` chains), or None.  Over-counts brackets inside quoted strings,
    which only matters for strings with hundreds of them."""
    depth = 0
    for m in _FLOW.finditer(yaml_text):
        depth += 1 if m.group() in "[{" else -1
        if depth > MAX_DEPTH:
            return m.start()
    stack: list[int] = []
    for m in _BLOCK_LEVEL.finditer(yaml_text):
        indent = len(m.group(1))
        while stack and stack[-1] >= indent:
            stack.pop()
        stack.append(indent)
        if len(stack) + m.group(2).count("-") > MAX_DEPTH:
            return m.start()
    return None


def _walk(node, fm: FrontMatter, off, budget: list[int], depth: int) -> bool:
    """Check tags, duplicate keys and bounds. Returns False when the YAML must be rejected."""
    budget[0] -= 1
    if budget[0] < 0:
        fm.error = (fm.yaml_start, fm.yaml_start, "front matter の YAML が大きすぎます（エイリアスの展開が上限を超えました）")
        return False
    if depth > MAX_DEPTH:
        fm.error = (off(node.start_mark), off(node.start_mark), f"front matter の YAML の入れ子が深すぎます（{MAX_DEPTH} 段超）")
        return False
    if node.tag not in STANDARD_TAGS:
        fm.bad_tags.append((off(node.start_mark), off(node.end_mark), node.tag))
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                key = str(k.value)
                if key in seen and k.tag != "tag:yaml.org,2002:merge":
                    fm.duplicates.append((key, seen[key], off(k.start_mark), off(k.end_mark)))
                else:
                    seen[key] = off(k.start_mark)
            if not _walk(k, fm, off, budget, depth + 1) or not _walk(v, fm, off, budget, depth + 1):
                return False
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if not _walk(item, fm, off, budget, depth + 1):
                return False
    return True


def _construct(node) -> Any:
    loader = _Loader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()
