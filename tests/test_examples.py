"""Every example a user can copy checks clean, with the examples' own profile."""

from pathlib import Path

import pytest

from wodc.pipeline import ProfileSource, check_run, load

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.wod"))


def test_there_are_examples():
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_checks_clean(path):
    run = load([str(path)], ProfileSource())
    assert run.entries, "no workouts"
    assert check_run(run) == []
    assert all(e.profile.fitness_vdot for e in run.entries), "examples/wodc.toml not found"
