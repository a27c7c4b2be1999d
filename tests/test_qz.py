"""QZ treadmill programs, read back the way QZ reads them (tests/treadmill_support.read_qz),
with the physical values compared to the resolved workout."""

import math
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from wodc import ir
from wodc.backends import Options, qz
from wodc.errors import Severity, has_errors
from wodc.naming import slug

from treadmill_support import (MPH_PROFILE, compile_text, profile_from, read_csv_card, read_qz,
                               run_entries)


class XmlSnapshot(SingleFileSnapshotExtension):
    file_extension = "xml"


class TextSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "txt"


RUNS = run_entries()


def console(kph: float, profile) -> float:
    """A speed QZ read, in the console's unit."""
    return kph / 3.6 * profile.treadmill.unit_per_mps


def console_speed(speed: float, treadmill) -> float:
    """m/s on the console's step (docs/formats/treadmill.md: speeds land on the step)."""
    step = treadmill.speed_step
    return round(speed * treadmill.unit_per_mps / step) * step / treadmill.unit_per_mps


def ramp_levels(step, profile, seconds: int) -> int:
    """How many steady rows a ramp should be: one per console speed step from its start to its
    end speed (each rounded to the console's step), at most one a second of its clock."""
    treadmill = profile.treadmill
    start, end = (round(band.nominal * treadmill.unit_per_mps / treadmill.speed_step)
                  for band in (step.resolved.band, step.resolved.ramp_end))
    return max(1, min(abs(end - start) + 1, seconds))


def whole(seconds: float) -> int:
    return math.floor(seconds + 0.5)


def rows_by_step(workout, rows, profile):
    """(step, its rows) in running order: one row a step, a ramp's run of steady rows. The
    treadmill's clock runs exact and is rounded to the second at each step's start and end
    (docs/formats/treadmill.md), so one ramp can get a second less in a later repeat."""
    rows = list(rows)
    treadmill = profile.treadmill
    clock = 0.0
    for step in ir.flatten(workout.steps):
        resolved = step.resolved
        duration = step.duration
        if (isinstance(resolved, ir.ResolvedTarget) and resolved.ramp_end is not None
                and resolved.band.channel is ir.Channel.SPEED):
            if isinstance(duration, ir.TimeDuration):
                exact = duration.seconds
            else:  # a distance at the ramp's average console speed
                ends = (console_speed(resolved.band.nominal, treadmill),
                        console_speed(resolved.ramp_end.nominal, treadmill))
                exact = duration.metres / (sum(ends) / 2)
            count = ramp_levels(step, profile, whole(clock + exact) - whole(clock))
        else:
            count = 1
            if isinstance(duration, ir.TimeDuration):
                exact = duration.seconds
            elif isinstance(duration, ir.DistanceDuration):
                exact = duration.metres / rows[0].mean_speed_mps
            else:
                exact = treadmill.open_duration
        clock += exact
        yield step, rows[:count]
        rows = rows[count:]
    assert rows == [], "rows left over after the workout's last step"


def expected_seconds(workout, rows, profile) -> float:
    """The workout's time as the treadmill runs it, from the workout and the speeds QZ read:
    time steps as written, distance steps at their rows' speeds, open steps the profile's
    open_duration."""
    total = 0.0
    for step, step_rows in rows_by_step(workout, rows, profile):
        duration = step.duration
        if isinstance(duration, ir.TimeDuration):
            total += duration.seconds
        elif isinstance(duration, ir.DistanceDuration):
            mean = sum(r.mean_speed_mps for r in step_rows) / len(step_rows)
            total += duration.metres / mean
        else:
            total += profile.treadmill.open_duration
    return total


def assert_device_reads_it(workout, profile, data: bytes) -> None:
    rows = read_qz(data)
    treadmill = profile.treadmill
    low, high = (v * treadmill.unit_per_mps for v in treadmill.speed_limits)
    # Every row sets the belt (trainprogram.cpp applies speed only with forcespeed) and turns
    # QZ's heart-rate speed control off (homeform.cpp: a row's zonehr 0 saves "Disabled").
    assert all(row.forcespeed and row.speed > 0 and row.zonehr == 0 for row in rows)
    total = sum(row.seconds for row in rows)
    # The clock is rounded to the second once (at most 0.5 s off); speeds written to 0.0001
    # km/h move a distance step's time by a few milliseconds more at most.
    assert abs(total - expected_seconds(workout, rows, profile)) <= 0.5 + 0.01
    for step, step_rows in rows_by_step(workout, rows, profile):
        for row in step_rows:
            value = console(row.speed, profile)
            assert low - 1e-3 <= value <= high + 1e-3
            assert value / treadmill.speed_step == pytest.approx(
                round(value / treadmill.speed_step), abs=1e-3)
            incline = row.inclination
            assert treadmill.min_incline <= incline <= treadmill.max_incline
            assert incline / treadmill.incline_step == pytest.approx(
                round(incline / treadmill.incline_step), abs=1e-9)
            given = step.incline or workout.incline
            wanted = given.percent if given else treadmill.default_incline
            assert abs(incline - wanted) <= treadmill.incline_step / 2 + 1e-9
        resolved = step.resolved
        if isinstance(resolved, ir.ResolvedTarget) and resolved.band.channel is ir.Channel.SPEED:
            # The speed the step asks for (a ramp: its first and last row), to within half
            # the console's step.
            ends = [(step_rows[0], resolved.band)]
            if resolved.ramp_end is not None:
                ends.append((step_rows[-1], resolved.ramp_end))
            for row, band in ends:
                wanted_speed = band.nominal * treadmill.unit_per_mps
                assert abs(console(row.speed, profile) - wanted_speed) <= (
                    treadmill.speed_step / 2 + 1e-3)
        if isinstance(step.duration, ir.DistanceDuration):
            # The belt covers the distance, to within the second the clock is rounded to.
            covered = sum(row.seconds * row.mean_speed_mps for row in step_rows)
            fastest = max(row.mean_speed_mps for row in step_rows)
            assert abs(covered - step.duration.metres) <= fastest * len(step_rows)


@pytest.mark.parametrize("entry", RUNS, ids=lambda e: slug(e.workout.name))
def test_example_runs_on_the_treadmill(entry):
    result = qz.compile(entry.workout, entry.profile, Options())
    assert not has_errors(result.problems), result.problems
    assert len(read_qz(result.data)) == ir.flat_count(entry.workout.steps)
    assert_device_reads_it(entry.workout, entry.profile, result.data)
    again = qz.compile(entry.workout, entry.profile, Options())
    assert again.data == result.data


def readable(data: bytes, profile) -> str:
    """The rows as a person reads them, for the snapshot."""
    unit = profile.treadmill.unit_label
    lines = []
    for row in read_qz(data):
        speeds = f"{row.speed:.2f} km/h ({console(row.speed, profile):.1f} {unit})"
        notes = "".join(f"  [{m}]" for m in row.messages)
        lines.append(f"{row.seconds:>5}s  {speeds}  incline {row.inclination:g}%{notes}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("entry", RUNS, ids=lambda e: slug(e.workout.name))
def test_example_snapshots(entry, snapshot):
    data = qz.compile(entry.workout, entry.profile, Options()).data
    assert data == snapshot(extension_class=XmlSnapshot)
    assert readable(data, entry.profile) == snapshot(extension_class=TextSnapshot)


def test_the_format_qz_reads():
    _, result = compile_text('workout "F"\nsport treadmill\nnote "Head up"\n'
                             '5min @6mph "easy does it"\n400m @10mph incline 2%\n')
    text = result.data.decode()
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<rows device="treadmill">')
    assert ('<row duration="00:05:00" speed="9.6561" inclination="1" forcespeed="1" '
            'zonehr="0">' in text)
    # 400 m at 10.0 mph is 1:29; 10 mph = 16.0934 km/h.
    assert ('<row duration="00:01:29" speed="16.0934" inclination="2" forcespeed="1" '
            'zonehr="0" />' in text)
    rows = read_qz(result.data)
    assert rows[0].messages == ["Head up; easy does it"]
    assert rows[1].messages == []


def test_nested_repeats_are_flattened_in_running_order():
    workout, result = compile_text('2x(3x(1min @E, 30s @T), 2min @M)')
    rows = read_qz(result.data)
    assert b"<repeat" not in result.data
    assert [r.seconds for r in rows] == ([60, 30] * 3 + [120]) * 2
    speeds = [r.speed for r in rows]
    assert speeds[0] == speeds[2] == speeds[7] and speeds[1] == speeds[3] != speeds[0]


def test_a_ramp_is_steady_rows_one_per_console_step_adding_up_to_the_step():
    # 10:00/mi is 6.0 mph, 7:30/mi is 8.0 mph: 21 speeds 0.1 mph apart, 63 s in 21 rows of 3 s.
    # (QZ itself splits a 63 s speedfrom/speedto row of 9.66..12.87 km/h into 32 rows of 1 s
    # and 1 of 2 s, 33 s in all, and drops its text event: see read_qz.)
    _, result = compile_text('run 63s @10:00..7:30/mi "build"')
    assert b"speedfrom" not in result.data
    rows = read_qz(result.data)
    assert [round(console(r.speed, profile_from(MPH_PROFILE)), 1) for r in rows] == [
        round(6.0 + 0.1 * i, 1) for i in range(21)]
    assert [r.seconds for r in rows] == [3] * 21
    assert [r.messages for r in rows] == [["build"]] + [[]] * 20


def test_a_descending_ramp_of_uneven_time_still_adds_up():
    # 8.0 down to 7.0 mph: 11 speeds over 100 s; the boundaries are round(100 * i / 11).
    _, result = compile_text("100s @8..7mph")
    rows = read_qz(result.data)
    assert [round(console(r.speed, profile_from(MPH_PROFILE)), 1) for r in rows] == [
        round(8.0 - 0.1 * i, 1) for i in range(11)]
    bounds = [math.floor(100 * i / 11 + 0.5) for i in range(12)]
    assert [r.seconds for r in rows] == [b - a for a, b in zip(bounds, bounds[1:])]
    assert sum(r.seconds for r in rows) == 100


def test_a_ramp_shorter_than_its_speed_steps_has_a_row_a_second():
    # 6.0..8.0 mph is 21 speeds, but 5 s holds 5 rows: 6.0, 6.5, 7.0, 7.5, 8.0.
    _, result = compile_text("5s @6..8mph")
    rows = read_qz(result.data)
    assert [(r.seconds, round(console(r.speed, profile_from(MPH_PROFILE)), 1))
            for r in rows] == [(1, 6.0), (1, 6.5), (1, 7.0), (1, 7.5), (1, 8.0)]


def test_qz_would_mistime_a_speedfrom_row_which_is_why_none_is_written():
    # The reader follows QZ's own ramp split (trainprogram.cpp:2083-2120): a 63 s row from
    # 9.6561 to 12.8748 km/h becomes 32 rows of 1 s and one of 2 s, 33 s, not 63.
    rows = read_qz(b'<rows device="treadmill"><row duration="00:01:03" speedfrom="9.6561" '
                   b'speedto="12.8748" inclination="1" forcespeed="1"><textevent '
                   b'timeoffset="0" message="build"/></row></rows>')
    assert sum(r.seconds for r in rows) == 33
    assert all(r.messages == [] for r in rows)


def test_a_rows_messages_are_one_text_event_since_qz_shows_one_per_offset():
    _, result = compile_text('workout "W"\nnote "Head up"\n5min @E cadence 180spm "relax"')
    (row,) = read_qz(result.data)
    assert row.messages == ["Head up; relax; cadence 180spm"]


def test_lap_and_heart_rate_steps_wait_in_qz():
    _, result = compile_text('lap @E "press lap when warm"\n10min @T\nrec until HR<120\n'
                             '5min @I\nuntil HR>165 @T')
    lap, _, below, _, above = read_qz(result.data)
    assert (lap.wait_for_lap, lap.blocking) == (True, True)
    assert result.data.count(b' lapbutton="1"') == 1  # the value docs/formats/qz.md gives
    # QZ shows a lap row's first message inside "Press Lap to continue" (trainprogram.cpp:1082).
    assert lap.messages == ["press lap when warm"]
    assert (below.hr_below, below.hr_above, below.blocking) == (120, -1, True)
    assert (above.hr_above, above.hr_below) == (165, -1)
    # The card still runs them for the profile's open_duration (5:00).
    assert (lap.seconds, below.seconds) == (300, 300)


def test_a_step_longer_than_a_qz_row_is_split():
    _, result = compile_text("24h @E")
    rows = read_qz(result.data)
    assert [r.seconds for r in rows] == [86399, 1]
    assert rows[0].speed == rows[1].speed
    # Exactly the longest row (23:59:59 = 23 * 3600 + 59 * 60 + 59 = 86,399 s) is that row
    # alone, with no row of 00:00:00 after it.
    _, result = compile_text("23h59min59s @E")
    assert [r.seconds for r in read_qz(result.data)] == [86399]


def test_notes_are_xml_safe():
    # A form feed gets through the parser (it is whitespace there) but is not XML.
    _, result = compile_text('5min @E "a <b> & \\"c\\" \x0c d"')
    (row,) = read_qz(result.data)
    assert row.messages == ['a <b> & "c"   d']


def test_a_bike_workout_is_an_error_naming_it():
    workout, result = compile_text('workout "Spin"\nsport bike\n10min @200W')
    assert result.data is None
    (problem,) = result.problems
    assert problem.is_error and "'Spin' is a bike workout" in problem.message
    assert problem.line == 1


def test_a_speed_above_the_treadmill_is_an_error_naming_the_step_and_limit():
    _, result = compile_text("5min @E\n1min @13mph")
    assert result.data is None
    (problem,) = result.problems
    assert (problem.line, problem.column) == (2, 6)
    assert "13.0 mph" in problem.message and "maximum of 12.0 mph" in problem.message


def test_an_incline_outside_the_treadmill_is_an_error():
    _, result = compile_text("5min @E incline 16%\n5min @E incline -1%")
    assert result.data is None
    messages = [p.message for p in result.problems]
    assert messages == ["an incline of 16% is above this treadmill's maximum of 15%",
                        "an incline of -1% is below this treadmill's minimum of 0%"]


def test_out_of_range_errors_are_errors_for_any_profile_unit():
    _, result = compile_text("5min @25kph",
                             profile={"treadmill": {"speed_unit": "kph", "max_speed": 20}})
    assert result.data is None and "maximum of 20.0 km/h" in result.problems[0].message


STEPS = st.sampled_from([
    "30s", "90s", "3min", "12min", "1:30", "100m", "400m", "1km", "1mi", "lap"])
TARGETS = st.sampled_from([
    "", "@E", "@M", "@T", "@I", "@R", "@mile", "@5K", "@10K", "@HM", "@8:00/mi", "@4:40/km",
    "@6:30-7:00/mi", "@E..T", "@7..9mph", "@RPE6", "@RPE8-9", "@Z2", "@150bpm", "@max",
    "@11kph", "@10.05kph"])
INCLINES = st.sampled_from(["", "incline 0%", "incline 1.2%", "incline 6%", "incline 20%"])


@st.composite
def workouts(draw, depth=0):
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 2 and draw(st.booleans()):
            count = draw(st.integers(1, 4))
            lines.append(f"{count}x({', '.join(draw(workouts(depth + 1)))})")
        else:
            step, target = draw(STEPS), draw(TARGETS)
            if step == "lap" and ".." in target:
                target = ""  # a ramp needs a length: `wodc check` stops it before any backend
            lines.append(" ".join(p for p in (step, target, draw(INCLINES)) if p))
    return lines


@settings(max_examples=40, deadline=None)
@given(lines=workouts(), unit=st.sampled_from(["mph", "kph"]))
# Found by hypothesis: a distance ramp repeated, whose later passes get a second less.
@example(lines=["30s", "30s", "3x(30s, 30s, 30s, 4x(100m @7..9mph, 100m @M))"], unit="kph")
def test_any_workout_gives_a_file_qz_reads_or_errors_naming_a_step(lines, unit):
    table = {**MPH_PROFILE, "treadmill": {**MPH_PROFILE["treadmill"], "speed_unit": unit,
                                          "max_speed": "12mph"}}
    workout, result = compile_text("\n".join(lines), profile=table)
    # Of what the strategy writes, only `incline 20%` is past this treadmill (its maximum
    # incline is 15%; every speed is under 12 mph for a 22:30 5K): an error on each such step,
    # at its incline, and nothing written.
    steep = [(number, found.start() + len("incline ") + 1) for number, line in
             enumerate(workout.source.text.split("\n"), 1)
             for found in re.finditer("incline 20%", line)]
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    assert {(p.line, p.column) for p in errors} == set(steep)
    assert all(p.message == "an incline of 20% is above this treadmill's maximum of 15%"
               for p in errors)
    if steep:
        assert result.data is None
        return
    assert_device_reads_it(workout, profile_from(table), result.data)


def test_compile_writes_both_treadmill_files_and_reports_a_bike_workout_once(tmp_path):
    from click.testing import CliRunner

    from wodc.cli import main

    source = tmp_path / "week.wod"
    source.write_text('workout "Tempo"\n10min @E\n20min @T\n\nworkout "Spin"\nsport bike\n'
                      '30min @200W\n')
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["compile", str(source), "-f", "qz,card", "--race",
                                       "5K=22:30", "-o", str(out)])
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["tempo.card.txt", "tempo.qz.xml"]
    assert qz.suffix(Options()) == ".qz.xml"
    assert result.stderr.count("'Spin' is a bike workout") == 1
    assert len(read_qz((out / "tempo.qz.xml").read_bytes())) == 2


def test_cadence_is_said_not_dropped():
    # A treadmill cannot set cadence: QZ shows it as a text event, the card in its note.
    _, result = compile_text('5min @E cadence 170-180spm "relax"')
    (row,) = read_qz(result.data)
    assert row.messages == ["relax; cadence 170-180spm"]
    _, card_result = compile_text("5min @E cadence 180spm", fmt="card")
    (card_row,) = read_csv_card(card_result.data)
    assert card_row["note"] == "cadence 180spm"


def test_a_dry_run_renders_nothing_but_reports_the_same_problems():
    # A check (a dry run) writes no file: no bytes, the real run's problems.
    workout, real = compile_text("10min @6mph\n5min @7mph incline 2%")
    dry = qz.compile(workout, profile_from(MPH_PROFILE), Options(dry_run=True))
    assert dry.data == b"" and real.data.startswith(b"<?xml")
    assert dry.problems == real.problems
