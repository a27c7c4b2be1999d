"""The exit codes docs/ci.md and cli.py's docstring promise are the ones wodc gives."""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import wodc.cli
import wodc.process
from wodc.cli import main

DOCS = Path(__file__).parent.parent / "docs" / "ci.md"


def documented_codes() -> dict[int, str]:
    """The exit-code table of docs/ci.md: code -> meaning."""
    rows = re.findall(r"^\| (\d+) \| (.*) \|$", DOCS.read_text(encoding="utf-8"), re.M)
    return {int(code): meaning for code, meaning in rows}


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.wod").write_text("run 10min @E\n")
    (tmp_path / "bad.wod").write_text("run 10min @QQ\n")
    (tmp_path / "two.wod").write_text('workout "A"\nrun 1min @E\nworkout "B"\nrun 2min @E\n')
    return tmp_path


# (command, the exit code, words of that code's row in docs/ci.md that name the case)
CASES = [
    (["check", "a.wod", "--vdot", "50"], 0, "no errors"),
    (["check", "missing.wod"], 1, "a path that does not exist"),
    (["compile", "missing.wod"], 1, "a path that does not exist"),
    (["show", "missing.wod"], 1, "a path that does not exist"),
    (["check", "bad.wod"], 1, "a workout"),
    (["compile", "a.wod", "--vdot", "50", "-o", "/dev/full/x"], 1, "cannot be written"),
    (["plot", "two.wod", "-o", "p.svg", "--vdot", "50"], 1, "a workout"),
    (["check", "a.wod", "--race", "5K"], 2, "a bad option value"),
    (["check", "a.wod", "--no-such-option"], 2, "an unknown option"),
    (["check"], 2, "no path given"),
]


@pytest.mark.parametrize("args,code,words", CASES, ids=[" ".join(c[0]) for c in CASES])
def test_each_exit_code_is_the_documented_one(folder, args, code, words):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == code, result.output
    assert words in documented_codes()[code]


def test_the_docs_and_the_docstring_list_the_same_codes():
    docstring = {int(c) for c in re.findall(r"^\s+(\d+)\s+\S", wodc.process.__doc__, re.M)}
    assert set(documented_codes()) == docstring == {0, 1, 2, 3, 130}


def test_plot_draws_the_workout_named_in_a_file_of_several(folder):
    result = CliRunner().invoke(main, ["plot", "two.wod", "-o", "b.svg", "--vdot", "50",
                                       "--workout", "b"])
    assert result.exit_code == 0, result.output
    assert "<svg" in (folder / "b.svg").read_text()
    result = CliRunner().invoke(main, ["plot", "two.wod", "-o", "c.svg", "--vdot", "50",
                                       "-w", "C"])
    assert result.exit_code == 1
    assert result.stderr == ("two.wod: error: has no workout named 'C' ('A', 'B'); plot draws "
                             "one: choose it with --workout NAME\n")
