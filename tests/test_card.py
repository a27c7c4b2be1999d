"""Console cards: the CSV read back and compared with the QZ file of the same workout (both
render one program) and with the paces its speeds mean; text and Markdown snapshots."""

import re

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from wodc.backends import Options, card, qz
from wodc.errors import Severity, has_errors
from wodc.naming import slug

from treadmill_support import (clock_seconds, compile_text, read_csv_card, read_qz,
                               run_entries)

METRES_PER_MILE = 1609.344  # the international mile

RUNS = run_entries()


def snapshot_as(extension: str):
    class Snapshot(SingleFileSnapshotExtension):
        _write_mode = WriteMode.TEXT
        file_extension = extension
    return Snapshot


def render(entry, fmt: str):
    return card.compile(entry.workout, entry.profile, Options(card_format=fmt))


@pytest.mark.parametrize("entry", RUNS, ids=lambda e: slug(e.workout.name))
def test_card_matches_the_qz_program_and_its_paces(entry):
    result = render(entry, "csv")
    assert not has_errors(result.problems)
    rows = read_csv_card(result.data)
    qz_rows = read_qz(qz.compile(entry.workout, entry.profile, Options()).data)
    treadmill = entry.profile.treadmill
    unit = "mph" if treadmill.speed_unit == "mph" else "kmh"
    assert len(rows) == len(qz_rows)
    clock = 0
    for number, (row, qz_row) in enumerate(zip(rows, qz_rows), 1):
        assert int(row["segment"]) == number
        assert clock_seconds(row["start"]) == clock
        seconds = clock_seconds(row["time"])
        assert seconds == qz_row.seconds
        clock += seconds
        speed = float(row[f"speed_{unit}"])
        assert speed == pytest.approx(qz_row.speed / 3.6 * treadmill.unit_per_mps, abs=1e-3)
        assert float(row["incline_percent"]) == qz_row.inclination
        for per, metres in (("km", 1000), ("mi", METRES_PER_MILE)):
            pace = clock_seconds(row[f"pace_per_{per}"])
            assert pace == pytest.approx(metres / (speed / treadmill.unit_per_mps),
                                         abs=0.5 + 1e-6)


@pytest.mark.parametrize("entry", RUNS, ids=lambda e: slug(e.workout.name))
def test_text_card_totals_add_up(entry):
    text = render(entry, "txt").data.decode()
    rows = read_csv_card(render(entry, "csv").data)
    seconds = sum(clock_seconds(r["time"]) for r in rows)
    time, km, miles = re.search(r"^Total: ([\d:]+), ([\d.]+) km \(([\d.]+) mi\)$", text,
                                re.M).groups()
    assert clock_seconds(time) == seconds
    unit = entry.profile.treadmill.unit_per_mps
    key = "speed_mph" if "speed_mph" in rows[0] else "speed_kmh"
    metres = sum(clock_seconds(r["time"]) * float(r[key]) / unit for r in rows)
    assert float(km) == pytest.approx(metres / 1000, abs=0.005 + 1e-9)
    assert float(miles) == pytest.approx(metres / METRES_PER_MILE, abs=0.005 + 1e-9)


@pytest.mark.parametrize("fmt", ["txt", "md", "csv"])
@pytest.mark.parametrize("entry", RUNS, ids=lambda e: slug(e.workout.name))
def test_example_card_snapshots(entry, fmt, snapshot):
    result = render(entry, fmt)
    assert result.data == render(entry, fmt).data  # deterministic
    assert result.data.decode() == snapshot(extension_class=snapshot_as(fmt))


def test_card_suffix_follows_the_card_format():
    assert [card.suffix(Options(card_format=f)) for f in ("txt", "md", "csv")] == \
        [".card.txt", ".card.md", ".card.csv"]


def test_a_card_that_fits_says_what_to_key_in():
    _, result = compile_text("warmup 10min @E\n3x(3min @T, 1min)\ncooldown 5min @E",
                             fmt="card", card_format="txt")
    assert "Fits a console of 20 segments: key in segments 1-8." in result.data.decode()
    assert "segments 2-3: repeat x3 (segments 2-7)" in result.data.decode()
    assert result.problems == []


def test_too_many_segments_shows_it_all_says_how_to_run_it_and_warns():
    _, result = compile_text('workout "Long reps"\nwarmup 10min @E\n'
                             "2x(6x(200m @R, rec 200m), rest 3min)\ncooldown 5min @E",
                             fmt="card", card_format="txt")
    text = result.data.decode()
    rows = re.findall(r"^ *\d+ +\d+:\d\d .*$", text, re.M)
    assert len(rows) == 28
    assert "segments 2-14: repeat x2 (segments 2-27)" in text
    assert "segments 2-3: repeat x6 (segments 2-13)" in text
    assert "28 segments, and the console holds 20: key it in as 2 programs" in text
    start_21 = rows[20].split()[1]
    assert "  program 1: segments 1-20, from 0:00" in text
    assert f"  program 2: segments 21-28, from {start_21}" in text
    (warning,) = result.problems
    assert warning.severity is Severity.WARNING and warning.line == 1
    assert "'Long reps' has 28 treadmill segments, more than the 20" in warning.message


def test_max_segments_comes_from_the_profile():
    _, result = compile_text("8x(1min @T, 1min)", fmt="card", card_format="txt", profile={
        "races": {"5K": "22:30"}, "treadmill": {"max_segments": 10}})
    assert "key it in as 2 programs" in result.data.decode()


def test_a_distance_step_shows_the_time_it_takes():
    _, result = compile_text("400m @10mph", fmt="card")
    (row,) = read_csv_card(result.data)
    assert (row["time"], row["speed_mph"], row["step"]) == ("0:01:29", "10.0", "400m @10mph")


def test_a_ramp_is_listed_as_the_steady_segments_qz_runs_and_warns():
    _, result = compile_text("10min @6..7mph", fmt="card")
    rows = read_csv_card(result.data)
    # 6.0 to 7.0 mph: 11 speeds, 600 s in 11 parts bounded at round(600 * i / 11).
    assert [row["speed_mph"] for row in rows] == [f"{6 + i / 10:.1f}" for i in range(11)]
    bounds = [int(600 * i / 11 + 0.5) for i in range(12)]
    assert [clock_seconds(row["time"]) for row in rows] == [
        b - a for a, b in zip(bounds, bounds[1:])]
    assert rows[0]["note"] == "ramp up 6.0 to 7.0, part 1 of 11"
    assert rows[10]["note"] == "ramp up 6.0 to 7.0, part 11 of 11"
    (warning,) = result.problems
    assert "ramp from 6.0 to 7.0 mph runs as 11 steady segments (segments 1-11)" in (
        warning.message)
    _, down = compile_text("2min @7..6.5mph", fmt="card")
    assert read_csv_card(down.data)[0]["note"] == "ramp down 7.0 to 6.5, part 1 of 6"


def test_a_last_program_of_one_segment_is_not_a_range():
    _, result = compile_text("\n".join(["1min @E"] * 21), fmt="card", card_format="txt")
    text = result.data.decode()
    assert "program 2: segment 21, from 20:00" in text and "21-21" not in text


def test_targets_that_are_not_speeds_say_how_the_speed_was_chosen():
    _, result = compile_text('5min @RPE7\n5min @Z2 "relaxed"', fmt="card", profile={
        "races": {"5K": "22:30"}, "max_hr": 190, "units": "mi",
        "treadmill": {"speed_unit": "mph"}})
    rows = read_csv_card(result.data)
    assert rows[0]["note"] == "'@RPE7 as T pace"  # ' so a spreadsheet runs no formula
    assert rows[1]["note"] == "relaxed; adjust to hold 114-133bpm"
    assert [p.severity for p in result.problems] == [Severity.WARNING] * 2


def test_markdown_escapes_table_cells():
    _, result = compile_text('workout "A|B"\n5min @E "left | right"', fmt="card",
                             card_format="md")
    text = result.data.decode()
    assert text.startswith("# A\\|B\n")
    assert "| left \\| right |" in text


def test_a_kph_console_card():
    _, result = compile_text("1km @4:00/km", fmt="card", profile={
        "treadmill": {"speed_unit": "kph", "speed_step": 0.5}})
    (row,) = read_csv_card(result.data)
    assert (row["speed_kmh"], row["time"], row["pace_per_km"]) == ("15.0", "0:04:00", "4:00")


def test_csv_cells_never_run_as_formulas_and_markdown_escapes_html():
    _, result = compile_text('5min @E "=HYPERLINK(\\"http://x\\")"\n1min @6mph "+1"', fmt="card")
    rows = read_csv_card(result.data)
    assert rows[0]["note"] == "'=HYPERLINK(\"http://x\")"
    assert (rows[1]["step"], rows[1]["note"]) == ("'@6mph", "'+1")
    _, result = compile_text('5min @E "<script>alert(1)</script> & more"', fmt="card",
                             card_format="md")
    text = result.data.decode()
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in text
