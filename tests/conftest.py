from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def run_cli():
    """Run the CLI in-process; returns (exit_code, stdout, stderr)."""
    from click.testing import CliRunner

    from kijilint.cli import main

    def _run(*args, input=None, env=None):
        runner = CliRunner()
        res = runner.invoke(main, list(args), input=input, env=env, catch_exceptions=False)
        return res.exit_code, res.stdout, res.stderr

    return _run
