"""The treadmill profile: [treadmill] in wodc.toml, --treadmill on the command line, and the
console arithmetic (speeds and inclines on the console's steps)."""

import pytest
from click.testing import CliRunner

import daniels
from treadmill_support import read_csv_card
from wodc.cli import main
from wodc.profile import TreadmillProfile, read_mapping

KPH_PER_MPS = 3.6                  # 3600 s per hour / 1000 m per km
MPH_PER_MPS = 3600 / 1609.344      # 3600 s per hour / 1609.344 m per mile


def test_speeds_and_inclines_land_on_the_console_steps():
    mph = TreadmillProfile(speed_unit="mph", speed_step=0.1, incline_step=0.5)
    assert mph.console_speed(10 / MPH_PER_MPS) == 10.0
    assert mph.console_speed(6.04 / MPH_PER_MPS) == 6.0
    assert mph.console_speed(6.06 / MPH_PER_MPS) == 6.1
    assert mph.round_speed(6.06 / MPH_PER_MPS) * MPH_PER_MPS == pytest.approx(6.1)
    assert mph.speed_text(2.68) == "6.0"
    assert [mph.round_incline(p) for p in (1.2, 1.25, 1.3, -0.74, 0)] == [1.0, 1.5, 1.5, -0.5, 0]
    assert mph.incline_text(2) == "2.0"
    kph = TreadmillProfile(speed_unit="kph", speed_step=0.25, incline_step=1)
    assert kph.console_speed(12.1 / KPH_PER_MPS) == 12.0
    assert kph.speed_text(12.2 / KPH_PER_MPS) == "12.25"
    assert kph.incline_text(2.4) == "2"
    assert kph.unit_label == "km/h" and mph.unit_label == "mph"


def test_the_treadmill_table_is_read_in_its_speed_unit():
    settings, problems = read_mapping({"treadmill": {
        "speed_unit": "mph", "max_speed": 12, "min_speed": "1kph", "recovery_speed": "12:00/mi",
        "max_segments": 30, "open_duration": "2min", "default_incline": 0}}, "t.toml")
    assert problems == []
    values = settings.treadmill
    assert values["max_speed"] * MPH_PER_MPS == pytest.approx(12)
    assert values["min_speed"] * KPH_PER_MPS == pytest.approx(1)
    assert values["recovery_speed"] * MPH_PER_MPS == pytest.approx(5)
    assert (values["max_segments"], values["open_duration"], values["default_incline"]) == \
        (30, 120, 0)


@pytest.mark.parametrize("value", ["soon", 0, "2h"])
def test_a_bad_open_duration_is_reported(value):
    _, (problem,) = read_mapping({"treadmill": {"open_duration": value}}, "t.toml")
    assert problem.message.startswith("open_duration in [treadmill]: ")


@pytest.mark.parametrize("table, message", [
    ({"min_speed": "16kph", "max_speed": "12kph"},
     "min_speed in [treadmill]: 16 km/h is above max_speed (12 km/h)"),
    ({"speed_unit": "mph", "min_speed": 9, "max_speed": "8mph"},
     "min_speed in [treadmill]: 9 mph is above max_speed (8 mph)"),
    ({"min_incline": 5, "max_incline": 3},
     "min_incline in [treadmill]: 5% is above max_incline (3%)"),
])
def test_a_minimum_above_its_maximum_is_the_profiles_error(table, message):
    # Else every step of every treadmill workout is out of range, each error blaming the step.
    settings, (problem,) = read_mapping({"treadmill": table}, "t.toml")
    assert problem.message == message + "; a treadmill's minimum is at most its maximum"
    assert not {"min_speed", "max_speed", "min_incline", "max_incline"} & set(settings.treadmill)


def test_a_minimum_equal_to_its_maximum_is_a_fixed_speed_treadmill():
    settings, problems = read_mapping({"treadmill": {"min_speed": "10kph", "max_speed": "10kph",
                                                     "min_incline": 2, "max_incline": 2}},
                                      "t.toml")
    assert problems == [] and settings.treadmill["min_incline"] == 2


def test_a_profile_whose_minimum_is_above_its_maximum_writes_no_file(workout, tmp_path):
    (tmp_path / "wodc.toml").write_text('[treadmill]\nmin_speed = "16kph"\nmax_speed = "12kph"\n')
    result = CliRunner().invoke(main, ["compile", str(workout), "-f", "qz", "-o",
                                       str(tmp_path / "out"), "--race", "5K=22:30"])
    assert result.exit_code == 1
    assert "wodc.toml:2:1: error: min_speed in [treadmill]: 16 km/h is above" in result.output
    assert not (tmp_path / "out").exists()


@pytest.fixture
def workout(tmp_path):
    path = tmp_path / "w.wod"
    path.write_text('workout "Tempo"\nwarmup 10min @E\n20min @T\ncooldown 10min @E\n')
    return path


VDOT = daniels.vdot(5000, 22.5 * 60)  # --race 5K=22:30, in the model of tests/daniels.py
EASY = 2 / (1 / daniels.easy(VDOT)[0] + 1 / daniels.easy(VDOT)[1])  # the middle of E, by pace
THRESHOLD = daniels.threshold(VDOT)


def compile_cli(workout, tmp_path, *options):
    return CliRunner().invoke(main, ["compile", str(workout), "-f", "card", "--card-format",
                                     "csv", "--race", "5K=22:30", "-o", str(tmp_path / "out"),
                                     *options])


def test_treadmill_options_on_the_command_line(workout, tmp_path):
    result = compile_cli(workout, tmp_path, "--treadmill", "speed_unit=kph",
                         "--treadmill", "speed_step=0.5")
    assert result.exit_code == 0, result.output
    rows = read_csv_card((tmp_path / "out" / "tempo.card.csv").read_bytes())
    on_step = lambda speed: f"{round(speed * KPH_PER_MPS / 0.5) * 0.5:.1f}"  # noqa: E731
    assert [r["speed_kmh"] for r in rows] == [on_step(EASY), on_step(THRESHOLD),
                                              on_step(EASY)]


def test_a_command_line_limit_is_enforced(workout, tmp_path):
    result = compile_cli(workout, tmp_path, "--treadmill", "max_speed=12kph")
    assert result.exit_code == 1
    threshold = f"{THRESHOLD * KPH_PER_MPS:.1f} km/h"
    assert f"@T runs at {threshold} " in result.stderr
    assert "above this treadmill's maximum of 12.0 km/h" in result.stderr
    assert not (tmp_path / "out" / "tempo.card.csv").exists()


@pytest.mark.parametrize("option, message", [
    ("max_speed=12", "max_speed=12: say the unit, like max_speed=12mph or max_speed=12kph"),
    ("max_sped=12kph", "unknown profile key 'max_sped' in [treadmill] (did you mean "
                       "'max_speed'?)"),
    ("speed_unit", "'speed_unit': write KEY=VALUE, like speed_unit=mph"),
    ("incline_step=9", "incline_step in [treadmill]: 9.0 is outside 0.1-5"),
])
def test_bad_treadmill_options_are_usage_errors(workout, tmp_path, option, message):
    result = compile_cli(workout, tmp_path, "--treadmill", option)
    assert result.exit_code == 2
    assert message in result.stderr
