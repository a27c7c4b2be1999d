"""wodc/frozen.py: values are frozen dataclasses in the tests (tests/conftest.py sets
WODC_FROZEN=1) and plain ones for users, for speed. The tests prove the code never assigns to
a value; these prove that the switch does what it says, and that a user's run writes what
the tested one writes."""

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wodc import ir
from wodc.errors import Diagnostic, Span
from wodc.parse import parse

EXAMPLES = Path(__file__).parent.parent / "examples"


def test_values_are_frozen_in_the_tests():
    span = Span(1, 2, 1, 9)
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.line = 3
    step = parse("10min @E").workouts[0].steps[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        step.note = "changed"
    assert isinstance(step, ir.Step) and step.note is None


def _env(frozen: str | None) -> dict:
    """This process's environment with WODC_FROZEN as given (None: unset, as for users)."""
    env = {k: v for k, v in os.environ.items() if k != "WODC_FROZEN"}
    if frozen is not None:
        env["WODC_FROZEN"] = frozen
    return env


def _run(frozen: str | None, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wodc", *args], env=_env(frozen),
                          capture_output=True, text=True, cwd=EXAMPLES.parent)


def test_unfrozen_values_keep_equality_hash_and_replace():
    code = ("import dataclasses\n"
            "from wodc.errors import Span\n"
            "a, b = Span(1, 2, 1, 9), Span(1, 2, 1, 9)\n"
            "assert a == b and hash(a) == hash(b) and len({a, b}) == 1\n"
            "assert dataclasses.replace(a, line=4) == Span(4, 2, 1, 9) and a.line == 1\n"
            "assert repr(a) == 'Span(line=1, column=2, end_line=1, end_column=9)'\n"
            "a.line = 3\n"  # not checked for users: the tests' frozen run is the check
            "print(a.line)\n")
    done = subprocess.run([sys.executable, "-c", code], env=_env(None), capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "3\n"


def test_a_users_run_writes_what_the_tested_run_writes(tmp_path):
    """Every example to every format, and its check report, with values frozen and not."""
    outputs = {}
    for frozen in ("1", None):
        folder = tmp_path / f"frozen-{frozen}"
        compiled = _run(frozen, "compile", "examples", "-o", str(folder))
        checked = _run(frozen, "check", "examples")
        files = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
        outputs[frozen] = (compiled.returncode, compiled.stdout,
                           compiled.stderr.replace(str(folder), "OUT"),
                           checked.returncode, checked.stdout, checked.stderr, files)
    assert outputs["1"] == outputs[None]
    code, _, _, _, _, report, files = outputs[None]
    assert code == 0 and len(files) >= 30
    assert {Path(name).suffix for name in files} >= {".fit", ".zwo", ".xml", ".txt"}
    assert "0 errors" in report


def test_diagnostics_stay_hashable_for_dedup():
    """Reports are deduplicated through dict.fromkeys and sets of Diagnostics."""
    one = Diagnostic("a.wod", 1, 1, "message")
    assert list(dict.fromkeys([one, Diagnostic("a.wod", 1, 1, "message")])) == [one]
