"""`wodc fmt` and the printer: one style, comments kept, meaning never changed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, example, given, settings

from wodc.cli import main
from wodc.errors import has_errors
from wodc.language.fmt import format_text
from wodc.parse import parse
from wod_text import file_text, meaning

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted([*ROOT.glob("examples/**/*.wod"), *ROOT.glob("tests/cases/*.wod")])
EXAMPLES = int(os.environ.get("WODC_FMT_EXAMPLES", "150"))


def body(text: str) -> str:
    """A file's text as the parser reads it (a plan block blanked)."""
    from wodc.errors import Source
    from wodc.plan import is_plan, split
    return split(Source("f", text))[2] if is_plan(text) else text


def parsed(text: str, path: str = "workout.wod"):
    result = parse(body(text), path)
    assert not has_errors(result.diagnostics), result.diagnostics
    return meaning(result.workouts)


def comments(text: str) -> list[str]:
    found = []
    for line in text.split("\n"):
        line = re.sub(r"""(\d)(['"])""", r"\1", line)  # 10'30": minutes and seconds, no quotes
        match = re.search(r'#.*', re.sub(r'"(?:[^"\\]|\\.)*"', '""', line))
        if match:
            found.append(match.group().strip())
    return found


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_example_keeps_its_meaning_and_comments(path):
    text = path.read_text()
    formatted = format_text(text, str(path)).text
    assert formatted is not None
    assert parsed(formatted, str(path)) == parsed(text, str(path))
    assert comments(formatted) == comments(text)
    assert format_text(formatted, str(path)).text == formatted


def test_the_examples_are_formatted():
    """The examples are what users copy: they are in the style fmt writes."""
    result = CliRunner().invoke(main, ["fmt", "--check", str(ROOT / "examples")])
    assert result.exit_code == 0, result.output
    assert "0 files would be reformatted" in result.output


def test_the_style_on_a_workout_as_a_coach_types_it():
    text = ('# Tuesday\nWorkout "Tempo"   # the name\nSport Running\n'
            'tags tempo,  threshold\nnote "Keep it \\"honest\\""\n'
            'WU 10\' @easy ; 2 x ( 12:00 @T ,rec 3MIN )\n'
            '5 X (\n  # the reps\n  800m @3:10   # Yasso\n\n  jog same\n)\n'
            'strides 100m @R\n4x strides 100m\ncd 1:05:00 @e\n60s @4:20-4:30/KM incline 1 %\n'
            'steps @100..160W by 20W every 1min\n'
            '3x(4x(400m @R, jog 200m between), rest 4min between)\n')
    assert format_text(text, "t.wod").text == (
        '# Tuesday\n'
        'workout "Tempo"  # the name\n'
        'sport run\n'
        'tags tempo, threshold\n'
        'note "Keep it \\"honest\\""\n'
        '\n'
        'warmup 10min @E\n'
        '2x(12min @T, rec 3min)\n'
        '5x(\n'
        '  # the reps\n'
        '  800m @3:10  # Yasso\n'
        '\n'
        '  jog same\n'
        ')\n'
        'strides 100m\n'
        '4x strides 100m\n'
        'cooldown 65min @E\n'
        '1min @4:20-4:30/km incline 1%\n'
        'steps @100..160W by 20W every 1min\n'
        '3x(4x(400m @R, jog 200m between), rest 4min between)\n')


def test_long_repeats_go_one_step_a_line():
    steps = ", ".join(f"{n}min @5K \"rep {n} of the ladder\"" for n in range(1, 5))
    formatted = format_text(f"2x({steps}, rec 2min)\n", "ladder.wod").text
    assert formatted.split("\n")[2:] == [
        "2x(", '  1min @5K "rep 1 of the ladder"', '  2min @5K "rep 2 of the ladder"',
        '  3min @5K "rep 3 of the ladder"', '  4min @5K "rep 4 of the ladder"',
        "  rec 2min", ")", ""]
    assert all(len(line) <= 88 for line in formatted.split("\n"))


def test_blank_lines_between_workouts_and_comments_above_them_stay():
    text = ('workout "A"\n10min @E\n# end of A\n\n\n\n# B: the long one\nworkout "B"\n'
            '1h @E\n\n# the end\n')
    formatted = format_text(text, "ab.wod").text
    assert formatted == ('workout "A"\nsport run\n\n10min @E\n# end of A\n\n'
                         '# B: the long one\nworkout "B"\nsport run\n\n60min @E\n\n# the end\n')


def test_a_plan_block_is_kept_as_written():
    text = ('plan "P" starts 2026-12-07   # keep\nweek 1\n  mon "A"\n\nworkout "A"\n'
            '10MIN @e\n')
    formatted = format_text(text, "plan.wod").text
    assert formatted == ('plan "P" starts 2026-12-07   # keep\nweek 1\n  mon "A"\n\n'
                         'workout "A"\nsport run\n\n10min @E\n')


def test_a_file_without_a_workout_line_stays_named_by_its_file():
    formatted = format_text("20min @e\n", "easy.wod").text
    assert formatted == "sport run\n\n20min @E\n"
    assert parse(formatted, "easy.wod").workouts[0].name == "easy"


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(file_text())
@example('workout "W"\n3x(1min @E, rec 30s between)\n')
@example('workout "W"\n1x(400m, rec 200m between)\n')
@example('workout "W"\nsport bike\nsteps @200..100W by 25W every 30s\n')
def test_fmt_never_changes_meaning_and_is_stable(text):
    """parse(fmt(x)) == parse(x) in IR, and fmt(fmt(x)) == fmt(x), for files written the
    ways people write them (tests/wod_text.py)."""
    original = parse(text, "generated.wod")
    assume(not has_errors(original.diagnostics))
    formatted = format_text(text, "generated.wod")
    assert formatted.text is not None, formatted.problems
    assert parsed(formatted.text, "generated.wod") == meaning(original.workouts)
    assert format_text(formatted.text, "generated.wod").text == formatted.text
    assert comments(formatted.text) == comments(text)


# ---- the command ------------------------------------------------------------------------------

def test_fmt_rewrites_files_and_check_reports_them(tmp_path):
    messy = tmp_path / "messy.wod"
    messy.write_text("3x(1min@5k,rec 1min)\n")
    clean = tmp_path / "clean.wod"
    clean.write_text("sport run\n\n20min @E\n")
    os.chmod(messy, 0o640)
    runner = CliRunner()
    check = runner.invoke(main, ["fmt", "--check", str(tmp_path)])
    assert check.exit_code == 1
    assert "+3x(1min @5K, rec 1min)" in check.output
    assert "-3x(1min@5k,rec 1min)" in check.output
    assert "1 file would be reformatted, 1 unchanged" in check.output
    assert messy.read_text() == "3x(1min@5k,rec 1min)\n"  # --check writes nothing
    diff = runner.invoke(main, ["fmt", "--diff", str(messy)])
    assert diff.exit_code == 0 and "+3x(1min @5K" in diff.output
    assert messy.read_text() == "3x(1min@5k,rec 1min)\n"
    done = runner.invoke(main, ["fmt", str(tmp_path)])
    assert done.exit_code == 0
    assert f"reformatted {messy}" in done.output
    assert messy.read_text() == "sport run\n\n3x(1min @5K, rec 1min)\n"
    assert messy.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == sorted(["messy.wod", "clean.wod"]) or \
        sorted(p.name for p in tmp_path.iterdir()) == ["clean.wod", "messy.wod"]
    again = runner.invoke(main, ["fmt", "--check", str(tmp_path)])
    assert again.exit_code == 0 and "0 files would be reformatted, 2 unchanged" in again.output


def test_a_file_with_errors_is_reported_and_left_alone(tmp_path):
    broken = tmp_path / "broken.wod"
    broken.write_text("workout \"X\"\n10min @5kk\n")
    result = CliRunner().invoke(main, ["fmt", str(broken)])
    assert result.exit_code == 1
    assert f"{broken}:2:9: error: unknown unit 'kk'" in result.output
    assert "1 not formatted (errors)" in result.output
    assert broken.read_text() == "workout \"X\"\n10min @5kk\n"


def test_fmt_reads_standard_input_and_writes_standard_output():
    result = subprocess.run([sys.executable, "-m", "wodc", "fmt", "-"], input="10min@e\n",
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "sport run\n\n10min @E\n"


def test_a_change_of_meaning_is_refused(monkeypatch):
    """The safety net: were the printer wrong, fmt would say so and change nothing."""
    from wodc.language import printer
    monkeypatch.setattr(printer, "KIND_WORDS", {**printer.KIND_WORDS,
                                                printer.ir.StepKind.REST: "rec"})
    result = format_text("rest 1min\n", "r.wod")
    assert result.text is None
    assert "could not format this file without changing its meaning" in \
        result.problems[0].message
