"""Where the athlete's numbers come from, and in which order they win."""

import pytest
from click.testing import CliRunner

from wodc.cli import main
from wodc.pipeline import ProfileSource, load
from wodc.profile import ProfileError, Settings, find_config, load_file, merge, parse_race


@pytest.fixture
def repo(tmp_path):
    (tmp_path / ".git").mkdir()
    return tmp_path


def profile_of(path, cli=None, explicit=None):
    run = load([str(path)], ProfileSource(cli, explicit))
    assert run.problems == []
    return run.entries[0].profile


@pytest.mark.parametrize("text,name,metres,seconds", [
    ("5K=20:00", "5K", 5000, 1200), ("HM=1:31:35", "HM", 21097.5, 5495),
    ("marathon=3:10:49", "M", 42195, 11449), ("mile=5:50", "mile", 1609.344, 350),
    ("1500=4:10.5", "1500", 1500, 250.5), ("12km=50:00", "12km", 12000, 3000),
    ("10mi=1:05:00", "10mi", 16093.44, 3900), ("5K=20min", "5K", 5000, 1200),
])
def test_race_options(text, name, metres, seconds):
    race = parse_race(text)
    assert (race.name, race.metres, race.seconds) == (name, pytest.approx(metres), seconds)


@pytest.mark.parametrize("text,message", [
    ("5K", "write a race as DISTANCE=TIME"),
    ("5X=20:00", "is not a race distance"),
    ("5K=20:75", "more than 59"),
    ("5K=2:00", "gives VDOT"),
])
def test_bad_race_options(text, message):
    with pytest.raises(ProfileError, match=message):
        parse_race(text)


def test_wodc_toml_is_found_upward_from_the_input(repo):
    (repo / "wodc.toml").write_text('ftp = 250\n[races]\n5K = "20:00"\n')
    (repo / "plans" / "week1").mkdir(parents=True)
    workout = repo / "plans" / "week1" / "a.wod"
    workout.write_text("10min\n")
    profile = profile_of(workout)
    assert profile.ftp == 250 and profile.races[0].seconds == 1200


def test_pyproject_tool_wodc_is_used_and_the_nearest_file_wins(repo):
    (repo / "pyproject.toml").write_text("[tool.wodc]\nftp = 200\nmax_hr = 180\n")
    (repo / "sub").mkdir()
    (repo / "sub" / "pyproject.toml").write_text("[project]\nname = 'x'\n")  # no [tool.wodc]
    (repo / "sub" / "a.wod").write_text("10min\n")
    assert profile_of(repo / "sub" / "a.wod").ftp == 200
    (repo / "sub" / "wodc.toml").write_text("ftp = 300\n")
    assert profile_of(repo / "sub" / "a.wod").ftp == 300


def test_a_linked_input_uses_the_profile_beside_what_it_links_to(tmp_path, monkeypatch):
    """The search starts in the real folder: of a linked file, its target's; of a file in a
    linked folder, the folder's target. (Folders are resolved once per name, so files named
    through one folder name, relative or not, share a search.)"""
    for name, ftp in (("real", 210), ("other", 290)):
        (tmp_path / name / ".git").mkdir(parents=True)
        (tmp_path / name / "wodc.toml").write_text(f"ftp = {ftp}\n")
    (tmp_path / "real" / "a.wod").write_text("10min\n")
    (tmp_path / "other" / "b.wod").symlink_to(tmp_path / "real" / "a.wod")
    (tmp_path / "through").symlink_to(tmp_path / "real")
    monkeypatch.chdir(tmp_path)
    run = load(["other/b.wod", "through/a.wod", str(tmp_path / "through" / "a.wod"),
                "real/a.wod", "other/../real/a.wod"], ProfileSource())
    assert run.problems == [] and len(run.entries) == 5
    assert [entry.profile.ftp for entry in run.entries] == [210] * 5


def test_search_stops_at_the_repository_root(tmp_path):
    (tmp_path / "wodc.toml").write_text("ftp = 250\n")
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    (project / "a.wod").write_text("10min\n")
    assert find_config(project / "a.wod") is None


def test_command_line_beats_profile_file_beats_discovered_file(repo):
    (repo / "wodc.toml").write_text("ftp = 200\nmax_hr = 180\nlthr = 160\n")
    explicit = repo / "athlete.toml"
    explicit.write_text("ftp = 220\nmax_hr = 185\n")
    (repo / "a.wod").write_text("10min\n")
    cli = Settings("command line", values={"ftp": 240.0})
    assert profile_of(repo / "a.wod").ftp == 200
    profile = profile_of(repo / "a.wod", cli, explicit)
    # --profile replaces the discovered file (lthr is gone); the command line wins over both.
    assert (profile.ftp, profile.max_hr, profile.lthr) == (240, 185, None)


def test_fitness_comes_whole_from_the_highest_source(repo):
    (repo / "wodc.toml").write_text('vdot = 45\n[races]\n10K = "45:00"\n')
    (repo / "a.wod").write_text("10min\n")
    assert profile_of(repo / "a.wod").fitness_vdot == 45
    profile = profile_of(repo / "a.wod", Settings("cli", races=[parse_race("5K=19:30")]))
    # A race on the command line is not overruled by the file's vdot.
    assert profile.vdot is None and profile.fitness_vdot == pytest.approx(51.3, abs=0.05)
    assert [r.name for r in profile.races] == ["5K"]


def test_given_race_times_are_used_for_their_own_paces():
    profile = merge(Settings("cli", values={"vdot": 50.0}, races=[parse_race("5K=19:00")]))
    assert profile.race_seconds(5000) == 1140
    assert profile.race_seconds(10000) == pytest.approx(2480, abs=1)  # from VDOT 50


def test_profile_file_problems_point_at_the_key(repo):
    path = repo / "wodc.toml"
    path.write_text('units = "km"\nftpp = 250\n[races]\n5K = "2O:00"\n')
    settings, problems = load_file(path)
    assert [(p.line, p.message, p.hint) for p in problems] == [
        (2, "unknown profile key 'ftpp'", "did you mean 'ftp'?"),
        (4, "5K in [races]: '2O:00' is not a time like 1:30 or 1:05:00", None),
    ]


def test_bad_toml_is_reported_with_its_position(repo):
    path = repo / "wodc.toml"
    path.write_text("ftp = 250\nmax_hr = = 190\n")
    _, [problem] = load_file(path)
    assert (problem.line, problem.column) == (2, 10)
    assert problem.message.startswith("not valid TOML: ")


def test_check_reports_profile_problems(repo, monkeypatch):
    monkeypatch.chdir(repo)
    (repo / "wodc.toml").write_text("max_hr = 400\n")
    (repo / "a.wod").write_text("10min @Z2\n")
    result = CliRunner().invoke(main, ["check", "a.wod"])
    assert result.exit_code == 1
    # The path as people (and GitHub annotations) use it: relative to where wodc runs.
    assert result.stderr.startswith(
        "wodc.toml:1:1: error: max_hr: 400 is outside 80-250\n    max_hr = 400\n")
    # A profile error stops every output: defaults in its place would write wrong files.
    result = CliRunner().invoke(main, ["compile", "a.wod", "--max-hr", "190", "-o", "out"])
    assert result.exit_code == 1 and not (repo / "out").exists()
    assert "a: not written (profile errors above)" in result.stdout


@pytest.mark.parametrize("text", ["tool = 5\n", "[tool]\nwodc = \"x\"\n"])
def test_a_tool_table_of_the_wrong_type_is_a_clear_error(repo, monkeypatch, text):
    monkeypatch.chdir(repo)
    (repo / "pyproject.toml").write_text(text)
    (repo / "a.wod").write_text("10min @E\n")
    result = CliRunner().invoke(main, ["check", "a.wod"])
    assert result.exit_code == 1
    assert "pyproject.toml: error: [tool.wodc] must be a table of settings" in result.stderr


def test_treadmill_section(repo):
    path = repo / "wodc.toml"
    path.write_text('[treadmill]\nspeed_unit = "mph"\nmax_speed = 12\nrecovery_speed = "4:00/mi"\n')
    settings, problems = load_file(path)
    assert problems == []
    treadmill = merge(settings).treadmill
    assert treadmill.speed_unit == "mph"
    assert treadmill.speed_limits[1] == pytest.approx(12 * 1609.344 / 3600)
    assert treadmill.recovery_speed == pytest.approx(1609.344 / 240)


def test_a_profile_someone_else_owns_is_not_used(tmp_path, monkeypatch):
    # Anyone can leave a wodc.toml in /tmp: one owned by another user (not root) is passed
    # over with a warning, and the search goes on above it.
    import os

    from click.testing import CliRunner

    from wodc.cli import main
    (tmp_path / ".git").mkdir()
    (tmp_path / "wodc.toml").write_text('[races]\n5K = "20:00"\n')
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "wodc.toml").write_text('[races]\n5K = "13:00"\n')
    os.chown(shared / "wodc.toml", 4242, 4242)
    (shared / "w.wod").write_text("10min @E\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["show", "shared/w.wod"])
    assert result.exit_code == 0
    assert "shared/wodc.toml: warning: not used as your profile: another user owns it" in (
        result.stderr)
    # The 20:00 5K's E pace (5:17/km), not the 13:00 one's.
    assert "@E = 4:58-5:35/km" in result.stdout


def test_a_broken_pyproject_is_an_error_not_a_reason_to_use_a_parent_profile(tmp_path):
    (tmp_path / "wodc.toml").write_text("ftp = 250\n")
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("[tool.wodc\nftp = 300\n")
    assert find_config(project / "a.wod") == (project / "pyproject.toml", ("tool", "wodc"))
    settings, problems = load_file(project / "pyproject.toml", ("tool", "wodc"))
    assert settings is None and problems[0].message.startswith("not valid TOML")


def test_the_search_stops_at_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "runs").mkdir(parents=True)
    (tmp_path / "wodc.toml").write_text("ftp = 250\n")  # above home: never used
    monkeypatch.setenv("HOME", str(home))
    assert find_config(home / "runs" / "a.wod") is None


@pytest.mark.parametrize("text,message", [
    ('[tolerance]\npower = "101%"\n', "power in [tolerance]: '101%' is not a percentage from "
                                      "0% to 50%"),
    ("[tolerance]\npower = -5\n", "power in [tolerance]: -5 is not a percentage from 0% to 50%"),
    ("[tolerance]\npower = inf\n", "power in [tolerance]: inf is not a percentage"),
    ("[tolerance]\nheart_rate = nan\n", "heart_rate in [tolerance]: nan is outside 0-50"),
    ("[tolerance]\ncadence = -1\n", "cadence in [tolerance]: -1 is outside 0-20"),
    ('[tolerance]\npace = "99999s/km"\n', "pace in [tolerance]: '99999s/km' is more than 60s/km"),
    ("[tolerance]\npace = nan\n", "pace in [tolerance]: nan is not a pace tolerance from 0 to 60"),
    ("hr_zones = [nan, 100, 120, 140, 160, 180]\n", "hr_zones is six rising bpm values from 25"),
    ("hr_zones = [-5, 100, 120, 140, 160, 180]\n", "hr_zones is six rising bpm values from 25"),
    ("hr_zones = [100, 120, 140, 160, 180, inf]\n", "hr_zones is six rising bpm values from 25"),
    ("[treadmill]\nrecovery_speed = nan\n", "recovery_speed in [treadmill]: nan is not a speed"),
])
def test_tolerances_and_zones_out_of_range_are_profile_errors(repo, text, message):
    path = repo / "wodc.toml"
    path.write_text(text)
    _, problems = load_file(path)
    assert len(problems) == 1 and message in problems[0].message


def test_a_heart_rate_tolerance_never_makes_a_negative_heart_rate(repo, monkeypatch):
    # max_hr 80 (the lowest allowed) and a tolerance of 50 bpm (the highest): 60% of max is
    # 48 bpm; 48 - 50 would be -2 bpm. The tolerance stops at half the value: 24-72 bpm.
    from garmin_fit import decode, target

    monkeypatch.chdir(repo)
    (repo / "wodc.toml").write_text("max_hr = 80\n[tolerance]\nheart_rate = 50\n")
    (repo / "a.wod").write_text("run 10min @60%maxHR\nrun 10min @40bpm\n")
    result = CliRunner().invoke(main, ["compile", "a.wod", "-f", "fit", "-o", "out"])
    assert result.exit_code == 0, result.output
    steps = decode((repo / "out" / "a.fit").read_bytes()).steps
    # 60% +-30% of max: 30-90% (FIT says % of max HR for values under 100).
    assert (target(steps[0]).low, target(steps[0]).high, target(steps[0]).unit) == (30, 90, "%max")
    # 40 bpm +-20 bpm: 20-60 bpm.
    assert (target(steps[1]).low, target(steps[1]).high, target(steps[1]).unit) == (20, 60, "bpm")


def test_show_and_check_verbose_say_which_profile_was_used(repo, monkeypatch):
    monkeypatch.chdir(repo)
    (repo / "a.wod").write_text("10min @E\n")
    result = CliRunner().invoke(main, ["check", "-v", "a.wod", "--vdot", "50"])
    assert result.stderr == ("profile: no file (command-line settings and defaults)\n"
                             "checked 1 workout in 1 file: no problems\n")
    (repo / "wodc.toml").write_text("vdot = 50\n")
    result = CliRunner().invoke(main, ["check", "--verbose", "a.wod"])
    assert result.stderr == "profile: wodc.toml\nchecked 1 workout in 1 file: no problems\n"
    result = CliRunner().invoke(main, ["show", "a.wod"])
    assert result.exit_code == 0
    assert result.stderr == "profile: wodc.toml\n"  # stdout stays the table
    assert result.stdout.startswith("a (run)\n")
