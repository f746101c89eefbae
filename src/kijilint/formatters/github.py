"""GitHub Actions workflow commands: one ``::error|warning|notice …::message`` line per finding.

GitHub turns each line into an annotation on the pull request's diff.  Values are escaped as
the runner expects (actions/toolkit ``toCommandValue`` / ``toCommandProperties``): ``%``, CR
and LF in the message; additionally ``:`` and ``,`` in properties.  Columns are sent only
for single-line findings: GitHub rejects ``col``/``endColumn`` when ``line`` ≠ ``endLine``.
Nothing else is printed, so every output line is a workflow command.
"""

from __future__ import annotations

import os

from kijilint.formatters.base import BaseFormatter

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def relative_path(path: str, cwd: str) -> str:
    """``path`` relative to ``cwd`` with ``/`` separators; unchanged when it lies outside."""
    if path in ("", "-"):
        return path
    full = os.path.abspath(os.path.join(cwd, path))
    try:
        rel = os.path.relpath(full, cwd)
    except ValueError:  # another drive (Windows)
        return path.replace(os.sep, "/")
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return full.replace(os.sep, "/")
    return rel.replace(os.sep, "/")


def workflow_command(f, cwd: str) -> str:
    props = [("file", relative_path(f.path, cwd)), ("line", str(f.line))]
    if f.end_line == f.line:
        props += [("col", str(f.column)), ("endLine", str(f.end_line)), ("endColumn", str(f.end_column))]
    else:
        props.append(("endLine", str(f.end_line)))
    props.append(("title", f"{f.code} {f.name}"))
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS.get(f.severity, 'warning')} {head}::{escape_data(f.message)}"


class Formatter(BaseFormatter):
    def file(self, result) -> None:
        for f in result.findings:
            self.out.write(workflow_command(f, self.cwd) + "\n")
