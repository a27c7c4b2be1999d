"""`wodc check` through click's CliRunner: exact stderr (caret included) and exit codes."""

import json
import textwrap

import pytest
from click.testing import CliRunner

from wodc.cli import main


@pytest.fixture
def run_check(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # profile discovery stops here, not in the real file system

    def run(text: str, *args: str, name: str = "w.wod"):
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = CliRunner().invoke(main, ["check", name, *args])
        return result.exit_code, result.stdout, result.stderr

    return run


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


ERROR_CASES = [
    ("3x(3min@HM, 2min@10K", """
        w.wod:1:3: error: this repeat has no closing )
            3x(3min@HM, 2min@10K
              ^
          hint: close it: 3x(400m @R, rec 200m)
        """),
    ("warmup 10min @HMP2\n", """
        w.wod:1:15: error: unknown pace or target 'HMP2'
            warmup 10min @HMP2
                          ^^^^
          hint: did you mean @HM?
        """),
    ("5k @E\n", """
        w.wod:1:1: error: 5k is not a duration
            5k @E
            ^^
          hint: did you mean 5km?
        """),
    ("3min @ 5K\n", """
        w.wod:1:8: error: write the target right after @, with no space
            3min @ 5K
                   ^^
          hint: write @5K
        """),
    ("warmup 10min easy\n", """
        w.wod:1:14: error: unexpected 'easy' after the step
            warmup 10min easy
                         ^^^^
          hint: targets start with @: write @easy
        """),
    ("3min@5K 2min\n", """
        w.wod:1:9: error: this step already has a duration
            3min@5K 2min
                    ^^^^
          hint: put each step on its own line, or separate steps with a comma
        """),
    ("\t3min @4:30\n", """
        w.wod:1:8: error: a pace needs /km or /mi
                    3min @4:30
                          ^^^^
          hint: write @4:30/km or @4:30/mi
        """),
    ('workout Tempo\n', """
        w.wod:1:9: error: a workout line needs a name in quotes
            workout Tempo
                    ^^^^^
          hint: write workout "Tempo Tuesday"
        """),
]


@pytest.mark.parametrize("text,expected", ERROR_CASES, ids=[c[0].strip() for c in ERROR_CASES])
def test_syntax_and_target_errors(run_check, text, expected):
    code, stdout, stderr = run_check(text)
    # A syntax error stops the file before any workout is built; a bad target does not.
    workouts = "1 workout" if "@4:30" in text or "@HMP2" in text else "0 workouts"
    assert (code, stdout) == (1, "")
    assert stderr == dedent(expected) + f"checked {workouts} in 1 file: 1 error, 0 warnings\n"


def test_all_semantic_problems_are_reported_not_only_the_first(run_check):
    code, _, stderr = run_check(dedent("""
        workout "Bad"
        0x(1min)
        3x()
        3min @4:30-4:20/km
        3min @150bpm..250W
        1min @Z7
        """))
    assert code == 1
    assert stderr == dedent("""
        w.wod:2:1: error: a repeat count must be at least 1
            0x(1min)
            ^^^^^^^^
        w.wod:3:1: error: this repeat has no steps in it
            3x()
            ^^^^
          hint: write 3x(400m @R, rec 200m)
        w.wod:4:6: error: the range @4:30-4:20/km runs from high to low
            3min @4:30-4:20/km
                 ^^^^^^^^^^^^^
          hint: write the smaller number first
        w.wod:5:6: error: the two ends of this ramp are different kinds of target (heart rate and power)
            3min @150bpm..250W
                 ^^^^^^^^^^^^^
        w.wod:6:7: error: heart-rate zones run from Z1 to Z5
            1min @Z7
                  ^^
          hint: for power zone 7 write @PZ7
        checked 1 workout in 1 file: 5 errors, 0 warnings
        """)


def test_clean_file_exits_zero(run_check):
    code, stdout, stderr = run_check("warmup 10min @E\n3x(1km @T, rec 1min)\n")
    assert (code, stdout) == (0, "")
    assert stderr == "checked 1 workout in 1 file: no problems\n"


def test_a_missing_profile_value_names_the_step_and_the_option(run_check):
    # With a profile, check compiles in memory: it reports what a compile would fail on.
    code, _, stderr = run_check("20min @T\n", "--max-hr", "190")
    assert code == 1
    assert stderr == dedent("""
        w.wod:1:7: error: @T needs your T training pace
            20min @T
                  ^^
          hint: give --race 5K=20:00 (any race time) or --vdot 50, or races in wodc.toml
        checked 1 workout in 1 file: 1 error, 0 warnings
        """)
    code, _, stderr = run_check("sport bike\n5min @250W\n", "--max-hr", "190")
    assert code == 1
    # FIT carries watts as they are: only ZWO needs the FTP, and the error names it.
    assert "w.wod:2:6: error: zwo: @250W needs your FTP: Zwift sets power as a fraction of FTP" in stderr


def test_targets_every_output_keeps_symbolic_need_no_numbers(run_check):
    # FIT keeps zones and percentages for the watch, ZWO takes %FTP relative, a treadmill card
    # says what to hold: no output needs max HR or FTP here.
    code, _, stderr = run_check("10min @Z2\n5min @85%HRmax\n5min @95%FTP\n5min @PZ3\n",
                                "--race", "5K=20:00")
    assert code == 0, stderr


def test_check_with_a_profile_agrees_with_compile_and_strict_with_compile_strict(run_check):
    text = "10min @E\n3x(400m @R, rec 60s)\n"   # ZWO must convert the distances: a warning
    code, _, stderr = run_check(text, "--race", "5K=20:00")
    # check shows every warning compile would, and counts what it printed.
    assert code == 0 and stderr.count("warning: ZWO cannot mix time and distance steps") == 1
    assert stderr.endswith("checked 1 workout in 1 file: 0 errors, 1 warning\n")
    code, _, stderr = run_check(text, "--race", "5K=20:00", "--strict")
    assert code == 1 and "error: ZWO cannot mix time and distance steps" in stderr
    assert stderr.endswith("checked 1 workout in 1 file: 1 error, 0 warnings\n")
    # A watch-only user checks what they compile: no ZWO, nothing to warn about.
    code, _, stderr = run_check(text, "--race", "5K=20:00", "--strict", "-f", "fit")
    assert (code, stderr) == (0, "checked 1 workout in 1 file: no problems\n")
    code, _, stderr = run_check(text, "-f", "fitt")
    assert code == 2 and "did you mean 'fit'?" in stderr


def test_without_any_profile_symbolic_targets_are_fine(run_check):
    assert run_check("20min @T\n5min @95%FTP\n")[0] == 0


def test_warnings_fail_only_with_strict(run_check):
    text = "sport bike\n10min cadence 180spm\n"
    code, _, stderr = run_check(text)
    assert code == 0 and "warning: a bike cadence is in rpm" in stderr
    assert run_check(text, "--strict")[0] == 1


def test_json_format(run_check):
    code, stdout, _ = run_check("1min @Z9\n", "--format", "json")
    assert code == 1
    assert json.loads(stdout) == [{
        "path": "w.wod", "line": 1, "column": 7, "severity": "error",
        "message": "zones run from Z1 to Z5 (heart rate) or Z7 (power, in a ride)",
        "hint": None}]


def test_github_format(run_check):
    code, stdout, _ = run_check("warmup 10min @HMP2\n", "--format", "github")
    assert code == 1
    assert stdout == ("::error file=w.wod,line=1,col=15::unknown pace or target 'HMP2' "
                      "(hint: did you mean @HM?)\n")


def test_directories_are_searched_for_wod_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.wod").write_text("10min\n")
    (tmp_path / "a" / "b" / "two.wod").write_text("20min\n")
    (tmp_path / "a" / "notes.txt").write_text("not a workout")
    result = CliRunner().invoke(main, ["check", "a"])
    assert result.exit_code == 0
    assert result.stderr == "checked 2 workouts in 2 files: no problems\n"


def test_a_directory_without_workouts_is_an_error(tmp_path):
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tmp_path}: error: no .wod files in this directory\n")


def test_missing_file_and_duplicate_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "x.wod").write_text('workout "Tempo"\n10min\n')
    (tmp_path / "y.wod").write_text('workout "tempo!"\n10min\n')
    result = CliRunner().invoke(main, ["check", "x.wod", "y.wod", "nope.wod"])
    assert result.exit_code == 1
    assert "nope.wod: error: no such file or directory" in result.stderr
    assert ("y.wod:1:1: error: a workout named 'tempo!' already exists (x.wod, line 1); "
            "their output files would collide") in result.stderr


def test_usage_errors_exit_2(tmp_path):
    (tmp_path / "w.wod").write_text("10min\n")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "w.wod"), "--race", "5K"])
    assert result.exit_code == 2
    assert "write a race as DISTANCE=TIME" in result.stderr
    assert CliRunner().invoke(main, ["check"]).exit_code == 2


def test_an_internal_error_is_a_short_message_and_exit_3(run_check, monkeypatch):
    import wodc.pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(wodc.pipeline, "load", broken)
    code, stdout, stderr = run_check("10min\n")
    assert code == 3
    assert stderr == ("wodc: internal error: RuntimeError: simulated bug\n"
                      "This is a bug in wodc; please report it with the input that caused it.\n")
    assert "Traceback" not in stdout + stderr


def test_warnings_read_right_and_say_which_program_they_are_about(run_check):
    code, _, stderr = run_check("sport run\n10min @RPE7\n", "--race", "5K=20:00")
    assert code == 0
    assert "warning: ZWO cannot carry an effort target on a run workout" in stderr
    # An outdoor run is told the treadmill warning is about its treadmill program.
    assert "warning: qz, card: @RPE7 is an effort, and a treadmill needs a speed" in stderr
    code, _, stderr = run_check("sport treadmill\n10min @RPE7\n", "--race", "5K=20:00")
    assert "warning: @RPE7 is an effort, and a treadmill needs a speed" in stderr


def test_json_is_an_empty_list_when_clean(run_check):
    code, stdout, _ = run_check("10min @E\n", "--format", "json")
    assert (code, json.loads(stdout)) == (0, [])


def test_a_check_loads_only_what_checking_needs(tmp_path):
    # Issue 15: a command imports what it uses. A check encodes no FIT (no content hash), writes
    # no card (no csv), reads no profile file here (no tomllib) and parses text that parses
    # (no lark); the treadmill's step decimals need no decimal module.
    import subprocess
    import sys

    (tmp_path / ".git").mkdir()
    (tmp_path / "w.wod").write_text("sport treadmill\nwarmup 10min @10kph\n"
                                    "4x(1km @14kph incline 1.5%, rec 2min @8kph)\n")
    script = ("import sys; sys.argv = ['wodc', 'check', 'w.wod']\n"
              "from wodc.cli import main\n"
              "try:\n    main()\nexcept SystemExit as end:\n    code = end.code\n"
              "print(code, sorted(m for m in ('hashlib', 'csv', 'tomllib', 'lark', 'decimal')"
              " if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[-1] == "0 []"
