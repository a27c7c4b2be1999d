"""`wodc show`, `wodc plot` and `wodc paces` through the CLI, with snapshots of what they print."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from wodc import ir
from wodc.cli import main
from wodc.parse import parse

EXAMPLES = Path(__file__).parent.parent / "examples"
SVG = "{http://www.w3.org/2000/svg}"


def invoke(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.mark.parametrize("name", ["progression.wod", "track-400s.wod", "sweet-spot.wod"])
def test_show_examples(name, snapshot):
    result = invoke("show", str(EXAMPLES / name))
    assert result.exit_code == 0, result.output
    assert result.stdout == snapshot


def test_show_resolves_with_command_line_profile(tmp_path):
    path = tmp_path / "w.wod"
    path.write_text("warmup 10min @E\n3x(1km @5K, rec 400m)\n")
    result = invoke("show", str(path), "--race", "5K=20:00")
    assert result.exit_code == 0
    assert "@5K = 3:55-4:05/km" in result.stdout   # 4:00/km +-5 s
    assert "total: ~" in result.stdout              # the recoveries are timed at easy pace


def test_show_reports_problems_and_exits_1(tmp_path):
    path = tmp_path / "w.wod"
    path.write_text("10min @HMP2\n")
    result = invoke("show", str(path))
    assert result.exit_code == 1
    assert "unknown pace or target 'HMP2'" in result.stderr


@pytest.mark.parametrize("name", ["progression.wod", "track-400s.wod", "sweet-spot.wod"])
def test_plot_is_a_valid_svg_with_one_bar_per_flattened_step(name, tmp_path):
    out = tmp_path / "w.svg"
    result = invoke("plot", str(EXAMPLES / name), "-o", str(out))
    assert result.exit_code == 0, result.output
    root = ET.parse(out).getroot()
    assert root.tag == f"{SVG}svg"
    bars = [e for e in root.iter() if e.get("class") == "step"]
    [workout] = parse((EXAMPLES / name).read_text(), name).workouts
    steps = list(ir.flatten(workout.steps))
    assert len(bars) == len(steps)
    # Bars tile the time axis in order, and ramps are drawn as polygons.
    lefts = [float(b.get("x") or b.get("points").split(",")[0]) for b in bars]
    assert lefts == sorted(lefts)
    ramps = sum(1 for s in steps if s.target is not None and s.target.ramp)
    assert sum(1 for b in bars if b.tag == f"{SVG}polygon") == ramps


def test_plot_is_deterministic(tmp_path):
    a, b = tmp_path / "a.svg", tmp_path / "b.svg"
    invoke("plot", str(EXAMPLES / "sweet-spot.wod"), "-o", str(a))
    invoke("plot", str(EXAMPLES / "sweet-spot.wod"), "-o", str(b))
    assert a.read_bytes() == b.read_bytes()


def test_plot_wants_an_svg_name(tmp_path):
    result = invoke("plot", str(EXAMPLES / "sweet-spot.wod"), "-o", str(tmp_path / "w.png"))
    assert result.exit_code == 2
    assert "name the file *.svg" in result.stderr


def test_paces_table(snapshot):
    result = invoke("paces", "--race", "5K=20:00")
    assert result.exit_code == 0
    assert result.stdout == snapshot


def test_paces_for_a_vdot_in_miles(snapshot):
    result = invoke("paces", "--vdot", "50", "--units", "mi")
    assert result.exit_code == 0
    # Daniels' table gives 3:10:49 for VDOT 50; the equations give 3:10:40, within the 12 s
    # the model is held to for the marathon (test_paces.py). Read the printed time and hold
    # it to the published one, not to what the code printed before.
    import re
    printed = re.search(r"^\s*Marathon\s+(\d+):(\d\d):(\d\d)", result.stdout, re.M).groups()
    hours, minutes, seconds = (int(x) for x in printed)
    assert abs(hours * 3600 + minutes * 60 + seconds - (3 * 3600 + 10 * 60 + 49)) <= 12
    # Its pace per mile: 11,440 s / 26.2188 mi = 7:16/mi.
    assert "7:16/mi" in result.stdout.split("Marathon", 1)[1].splitlines()[0]
    assert result.stdout == snapshot


def test_paces_needs_a_race_or_vdot():
    result = invoke("paces")
    assert result.exit_code == 2
    assert "give a race result" in result.stderr


def test_version():
    from wodc import __version__

    result = invoke("--version")
    assert (result.exit_code, result.stdout) == (0, f"wodc, version {__version__}\n")
