"""`wodc show`, `wodc plot` and `wodc paces` through the CLI, with snapshots of what they print."""

import xml.etree.ElementTree as ET
from pathlib import Path

import re

import pytest
from click.testing import CliRunner

import daniels
from wodc import ir
from wodc.cli import main
from wodc.parse import parse

EXAMPLES = Path(__file__).parent.parent / "examples"
SVG = "{http://www.w3.org/2000/svg}"


def invoke(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


# What each example's table must say, worked out by hand from the example and its profile
# (examples/wodc.toml: 5K in 22:30, FTP 240 W, power tolerance 3%).
SHOWN = {
    # 6 + 3 x (3 + 2 + 1 + 1) + 5 = 32 minutes.
    "progression.wod": ["total: 32:00, ~6.14km"],
    # 2 mi + 4 x (100 + 100 m) + 8 x (400 + 400 m) + 1 mi = 4,828.032 + 800 + 6,400 m.
    "track-400s.wod": ["12.03km"],
    # 10 + 3 x (10 + 5) + 5 + 8 = 68 minutes. 50% and 75% of 240 W are 120 and 180 W, 3%
    # either side: 116.4-123.6 and 174.6-185.4; Z2 is 56-75% of 240: 134.4-180 W.
    "sweet-spot.wod": ["total: 1:08:00", "@50%..75%FTP = 116-124W .. 175-185W",
                       "@PZ2 = 134-180W"],
}


def easy_per_mile() -> str:
    """E pace for a 22:30 5K, per mile, fast end first, from tests/daniels.py."""
    fast_to_slow = reversed(daniels.easy(daniels.vdot(5000, 22 * 60 + 30)))
    paces = [round(1609.344 / speed) for speed in fast_to_slow]
    return "-".join(f"{p // 60}:{p % 60:02d}" for p in paces) + "/mi"


@pytest.mark.parametrize("name", ["progression.wod", "track-400s.wod", "sweet-spot.wod"])
def test_show_examples(name, snapshot):
    result = invoke("show", str(EXAMPLES / name))
    assert result.exit_code == 0, result.output
    for expected in SHOWN[name]:
        assert expected in result.stdout
    if name != "sweet-spot.wod":
        assert f"@E = {easy_per_mile()}" in result.stdout
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
    # Daniels' table: a 5K in 20:00 is VDOT 49.8; its 10K and half marathon (tests/daniels.py)
    # and its T pace, 88% of VDOT.
    vdot = daniels.vdot(5000, 1200)
    assert result.stdout.startswith("VDOT 49.8 (from 5K 20:00)\n")

    def clock(seconds: float) -> str:
        whole = round(seconds)
        hours, rest = divmod(whole, 3600)
        return (f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours
                else f"{rest // 60}:{rest % 60:02d}")
    ten_k = clock(daniels.race_seconds(10000, vdot))
    half = clock(daniels.race_seconds(21097.5, vdot))
    assert re.search(rf"^10K +{ten_k} ", result.stdout, re.M)
    assert re.search(rf"^Half marathon +{half} ", result.stdout, re.M)
    threshold_km = clock(1000 / daniels.threshold(vdot))
    assert re.search(rf"^T  threshold +{threshold_km} ", result.stdout, re.M)
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


def test_version_answers_before_click_is_imported():
    import subprocess
    import sys

    fast = subprocess.run([sys.executable, "-c", "import sys; sys.argv = ['wodc', '--version']; "
                           "from wodc.entry import main; main(); "
                           "print('click' in sys.modules, 'lark' in sys.modules)"],
                          capture_output=True, text=True, check=True).stdout
    assert fast == f"wodc, version {__import__('wodc').__version__}\nFalse False\n"
    # The same words click's --version prints.
    assert invoke("--version").stdout == fast.splitlines()[0] + "\n"
