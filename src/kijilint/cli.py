"""The command line: ``kijilint check``, ``rules``, ``rule``, ``lsp``.

Exit codes (as ruff): 0 no findings at or above ``--fail-on``; 1 findings (or, with
``--diff``, changes to make); 2 usage error, bad configuration or an unreadable path (the
other paths are still linted).
"""

from __future__ import annotations

import os
import sys

# Start-up: with PYTHONDONTWRITEBYTECODE set (usual in container and CI images) an editable
# install never gets bytecode for kijilint, and every run compiles it again: 0.30 s instead of
# 0.21 s for one article.  The command line caches its own bytecode regardless, before its
# imports; installed packages already have theirs (pip compiles them), so they are unaffected.
sys.dont_write_bytecode = False

import click  # noqa: E402

from kijilint import __version__  # noqa: E402

FAIL_ON = ("error", "warning", "info", "never")


class UsageError(click.UsageError):
    exit_code = 2


def _stdout():
    # Always UTF-8 on stdout, whatever the locale, and never die on a closed pipe.
    try:
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        pass
    return sys.stdout


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kijilint")
def main() -> None:
    """kijilint — finds what machine-written Japanese Markdown articles leave behind:
    repetition, broken endings, stray citation markers and invalid front matter."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))  # unreadable paths: reported per file, exit 2
@click.option("--format", "fmt", type=click.Choice(["text", "json", "lsp", "github", "sarif"]), default=None,
              help="Output format (default: text; github under GitHub Actions).")
@click.option("--select", multiple=True, help="Rules to enable: code, code prefix, category or name (repeatable, comma-separated).")
@click.option("--ignore", multiple=True, help="Rules to disable (same forms as --select).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Configuration file (.kijilint.yaml or pyproject.toml).")
@click.option("--fix", is_flag=True, help="Apply safe fixes, then report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print the diff --fix would apply; write nothing (exit 1 if any).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="warning", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--exit-zero", is_flag=True, help="Always exit 0 on findings (same as --fail-on never).")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule.")
@click.option("--stdin-filename", help="Path to report (and to find config from) when reading '-'.")
@click.option("-j", "--jobs", type=int, default=0, help="Parallel processes (default: all cores).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal).")
def check(paths, fmt, select, ignore, config_path, fix, unsafe_fixes, diff, fail_on, exit_zero, statistics,
          stdin_filename, jobs, quiet, color) -> None:
    """Lint Markdown files and directories (default: the current directory); '-' reads stdin."""
    from kijilint import config as config_mod
    from kijilint import formatters
    from kijilint import runner
    from kijilint.formatters.base import RunStats

    out = _stdout()
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if exit_zero:
        fail_on = "never"
    sel = _split(select) or None
    ign = _split(ignore)
    opts = runner.Options(select=sel, ignore=ign, config=config_path, fix=fix and not diff, unsafe_fixes=unsafe_fixes,
                          diff=diff, jobs=jobs or (os.cpu_count() or 1))
    try:
        if config_path:
            config_mod.load(config_path)
        # Validate selection and config up front: a typo is exit 2, not a silent no-op.
        runner.rules_for(paths[0] if paths and paths[0] != "-" else (stdin_filename or os.path.join(os.getcwd(), "x.md")), opts)
    except (config_mod.ConfigError, ValueError) as err:
        click.echo(f"kijilint: {err}", err=True)
        sys.exit(2)

    paths = list(paths) or ["."]
    files, errors = runner.discover(paths)
    explicit = set(paths)  # as ruff: config `exclude` filters what directory walks find
    files = [f for f in files if f in explicit or not runner.excluded(f, opts)]
    stdin_data = sys.stdin.buffer.read() if "-" in files else None

    Formatter = formatters.get(fmt)
    use_color = color if color is not None else (fmt == "text" and out.isatty() and not os.environ.get("NO_COLOR"))
    formatter = Formatter(out, color=use_color, cwd=os.getcwd(), statistics=statistics)
    stats = RunStats()
    io_error = bool(errors)
    for msg in errors:
        click.echo(f"kijilint: {msg}", err=True)
    has_diff = False
    worst = 0
    ranks = {"error": 3, "warning": 2, "info": 1}
    threshold = {"error": 3, "warning": 2, "info": 1, "never": 99}[fail_on]
    formatter.begin()
    try:
        for outcome in _outcomes(runner, files, opts, stdin_data, stdin_filename, quiet):
            if outcome.error:
                io_error = True
                click.echo(f"kijilint: {outcome.error}", err=True)
            for w in outcome.warnings:
                click.echo(f"kijilint: {w}", err=True)
            for e in outcome.result.errors:
                click.echo(f"kijilint: internal error: {e}", err=True)
            if outcome.result.skipped:
                stats.skipped += 1
            stats.files += 1
            stats.fixed += outcome.fixed
            stats.add(outcome.result.findings)
            for f in outcome.result.findings:
                worst = max(worst, ranks.get(f.severity, 0))
            if diff and outcome.diff:
                has_diff = True
                out.write(outcome.diff)
            elif not diff:
                formatter.file(outcome.result)
    except KeyboardInterrupt:
        sys.exit(130)
    if not diff:
        if quiet and fmt == "text":
            formatter.statistics = statistics
            if statistics:
                formatter.end(stats)
        else:
            formatter.end(stats)
    out.flush()
    if io_error:
        sys.exit(2)
    if diff:
        sys.exit(1 if has_diff else 0)
    sys.exit(1 if worst >= threshold else 0)


def _outcomes(runner, files, opts, stdin_data, stdin_name, quiet):
    parallel = getattr(runner, "run_parallel", None)
    if parallel is not None and opts.jobs > 1 and len(files) > 1:
        return parallel(files, opts, stdin_data, stdin_name, progress=not quiet)
    return runner.run(files, opts, stdin_data, stdin_name)


def _split(values) -> list[str]:
    out: list[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def list_rules(fmt) -> None:
    """List every rule: code, name, category, default severity, fix."""
    import json

    from kijilint import rules as registry

    out = _stdout()
    rows = [(r.code, r.name, r.category, r.severity, r.fix or "-", r.summary()) for r in registry.all_rules()]
    if fmt == "json":
        keys = ("code", "name", "category", "severity", "fix", "summary")
        out.write(json.dumps([dict(zip(keys, row)) for row in rows], ensure_ascii=False, indent=2) + "\n")
        return
    w_name = max(len(r[1]) for r in rows)
    w_cat = max(len(r[2]) for r in rows)
    for code, name, cat, sev, fx, _ in rows:
        out.write(f"{code}  {name:<{w_name}}  {cat:<{w_cat}}  {sev:<7}  fix: {fx}\n")


@main.command("rule")
@click.argument("key")
def show_rule(key) -> None:
    """Print a rule's documentation (by code or name)."""
    from kijilint import rules as registry

    cls = registry.find(key)
    if cls is None:
        click.echo(f"kijilint: 不明なルール {key!r}（kijilint rules で一覧を表示）", err=True)
        sys.exit(2)
    out = _stdout()
    fix = {"safe": "safe (applied by --fix)", "unsafe": "unsafe (needs --unsafe-fixes)",
           "sometimes": "safe or unsafe, depending on the case"}.get(cls.fix or "", "none")
    out.write(f"{cls.code} {cls.name}\n")
    out.write(f"category: {cls.category}    default severity: {cls.severity}    fix: {fix}\n")
    if cls.options:
        opts = ", ".join(f"{k}={v!r}" for k, v in cls.options.items())
        out.write(f"options: {opts}\n")
    out.write("\n" + cls.doc() + "\n")


@main.command()
def lsp() -> None:
    """Run the language server on stdio."""
    try:
        from kijilint.lsp import serve
    except ImportError as err:
        click.echo(f"kijilint: the language server needs pygls: {err}", err=True)
        sys.exit(2)
    serve()


if __name__ == "__main__":  # pragma: no cover
    main()
