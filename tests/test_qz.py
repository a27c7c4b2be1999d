"""QZ treadmill programs, read back the way QZ reads them (tests/treadmill_support.read_qz),
with the physical values compared to the resolved workout."""

import pytest
from hypothesis import given, settings
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


def expected_seconds(workout, rows, profile) -> float:
    """The workout's time as the treadmill runs it, from the workout and the speeds QZ read:
    time steps as written, distance steps at their row's speed, open steps the profile's
    open_duration."""
    total = 0.0
    for step, row in zip(ir.flatten(workout.steps), rows, strict=True):
        duration = step.duration
        if isinstance(duration, ir.TimeDuration):
            total += duration.seconds
        elif isinstance(duration, ir.DistanceDuration):
            total += duration.metres / row.mean_speed_mps
        else:
            total += profile.treadmill.open_duration
    return total


def assert_device_reads_it(workout, profile, data: bytes) -> None:
    rows = read_qz(data)
    treadmill = profile.treadmill
    low, high = (v * treadmill.unit_per_mps for v in treadmill.speed_limits)
    assert all(row.forcespeed for row in rows)
    total = sum(row.seconds for row in rows)
    assert abs(total - expected_seconds(workout, rows, profile)) <= 0.5
    for step, row in zip(ir.flatten(workout.steps), rows, strict=True):
        for kph in row.speeds_kph:
            value = console(kph, profile)
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
            # The speed the step asks for, to within half the console's step.
            ends = [resolved.band] + ([resolved.ramp_end] if resolved.ramp_end else [])
            for kph, band in zip(row.speeds_kph, ends):
                wanted_speed = band.nominal * treadmill.unit_per_mps
                assert abs(console(kph, profile) - wanted_speed) <= treadmill.speed_step / 2 + 1e-3
        if isinstance(step.duration, ir.DistanceDuration):
            # The belt covers the distance, to within the second the clock is rounded to.
            covered = row.seconds * row.mean_speed_mps
            assert abs(covered - step.duration.metres) <= row.mean_speed_mps * 1.0


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
        speeds = "..".join(f"{kph:.2f} km/h ({console(kph, profile):.1f} {unit})"
                           for kph in row.speeds_kph)
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
    assert ('<row duration="00:05:00" speed="9.6561" inclination="1" forcespeed="1">' in text)
    # 400 m at 10.0 mph is 1:29; 10 mph = 16.0934 km/h.
    assert '<row duration="00:01:29" speed="16.0934" inclination="2" forcespeed="1" />' in text
    rows = read_qz(result.data)
    assert rows[0].messages == ["Head up", "easy does it"]
    assert rows[1].messages == []


def test_nested_repeats_are_flattened_in_running_order():
    workout, result = compile_text('2x(3x(1min @E, 30s @T), 2min @M)')
    rows = read_qz(result.data)
    assert b"<repeat" not in result.data
    assert [r.seconds for r in rows] == ([60, 30] * 3 + [120]) * 2
    speeds = [r.speed for r in rows]
    assert speeds[0] == speeds[2] == speeds[7] and speeds[1] == speeds[3] != speeds[0]


def test_a_ramp_is_speedfrom_speedto():
    workout, result = compile_text("10min @E..T")
    (row,) = read_qz(result.data)
    assert row.speed is None and row.seconds == 600
    profile = profile_from(MPH_PROFILE)
    slow, fast = profile.training.easy
    easy = 2 / (1 / slow + 1 / fast)
    assert console(row.speed_from, profile) == pytest.approx(easy * 2.2369363, abs=0.05 + 1e-3)
    assert console(row.speed_to, profile) == pytest.approx(
        profile.training.threshold * 2.2369363, abs=0.05 + 1e-3)


def test_a_ramp_too_small_for_qz_to_divide_becomes_two_steady_halves():
    # QZ divides a ramp into 0.1 km/h steps; a 0.1 km/h ramp would divide by zero in QZ.
    _, result = compile_text("5min @10..10.1kph",
                             profile={"treadmill": {"speed_unit": "kph", "speed_step": 0.1}})
    rows = read_qz(result.data)
    assert [(r.seconds, r.speed) for r in rows] == [(150, 10.0), (150, 10.1)]


def test_a_step_longer_than_a_qz_row_is_split():
    _, result = compile_text("24h @E")
    rows = read_qz(result.data)
    assert [r.seconds for r in rows] == [86399, 1]
    assert rows[0].speed == rows[1].speed


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
def test_any_workout_gives_a_file_qz_reads_or_errors_naming_a_step(lines, unit):
    table = {**MPH_PROFILE, "treadmill": {**MPH_PROFILE["treadmill"], "speed_unit": unit,
                                          "max_speed": "12mph"}}
    workout, result = compile_text("\n".join(lines), profile=table)
    if result.data is None:
        assert has_errors(result.problems)
        assert all(p.line > 0 for p in result.problems if p.severity is Severity.ERROR)
        return
    assert len(read_qz(result.data)) == ir.flat_count(workout.steps)
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
    assert sorted(p.name for p in out.iterdir()) == ["tempo.qz.xml", "tempo.txt"]
    assert qz.suffix(Options()) == ".qz.xml"
    assert result.stderr.count("'Spin' is a bike workout") == 1
    assert len(read_qz((out / "tempo.qz.xml").read_bytes())) == 2


def test_cadence_is_said_not_dropped():
    # A treadmill cannot set cadence: QZ shows it as a text event, the card in its note.
    _, result = compile_text('5min @E cadence 170-180spm "relax"')
    (row,) = read_qz(result.data)
    assert row.messages == ["relax", "cadence 170-180spm"]
    _, card_result = compile_text("5min @E cadence 180spm", fmt="card")
    (card_row,) = read_csv_card(card_result.data)
    assert card_row["note"] == "cadence 180spm"
