"""`wodc import` of files in the shapes other programs write (tests/data/import/README.md):
each comes back as the text a coach would write, and each thing it had to change is a warning
naming the place. The expected texts were worked out by hand from the files."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from wodc.cli import main
from wodc.importers import import_file

DATA = Path(__file__).resolve().parent / "data" / "import"


def imported(name: str) -> tuple[list[str], list[str]]:
    text, problems = import_file(name, (DATA / name).read_bytes())
    assert text is not None, problems
    return text.split("\n"), [p.message for p in problems]


def test_a_zwift_ride():
    lines, warnings = imported("gorby.zwo")
    assert lines == [
        "# imported from gorby.zwo by wodc import",
        'workout "The Gorby"', "sport trainer", 'author "Zwift"', "tags INTERVALS",
        'note "Over-unders, then a sprint."', "",
        "warmup 10min @25%..75%FTP",                            # PowerLow 0.25 to PowerHigh 0.75
        '5min @88%FTP cadence 90rpm "Settle in; Halfway"',
        # IntervalsT: 5 x (60 s at 1.2, 60 s at 0.5), Cadence and CadenceResting
        "5x(1min @120%FTP cadence 100rpm, rec 1min @50%FTP cadence 85rpm)",
        "5min",                                                  # Freeride: no target
        "2min @90-95%FTP",                                       # SteadyState PowerLow-PowerHigh
        "interval 20s @max",                                     # MaxEffort
        "cooldown 5min @70%..30%FTP", ""]
    assert warnings == [
        "block 2 (SteadyState): the message 'Halfway' 120 into the block becomes the step's "
        "note (a wod note shows as the step starts)",
        "block 7 (Cooldown): zone cannot be written in wod; left out"]


def test_a_zwift_run_in_metres_keeps_its_race_pace_references():
    lines, warnings = imported("run.zwo")
    # pace 1 is 5K, 4 the marathon; Power is a fraction of that pace's speed.
    assert lines[5:] == ["warmup 1600m @70%..85%5K", "4x(800m @5K, rec 400m @70%5K)",
                         "1000m @90%M", ""]
    assert warnings == []


def test_an_erg_file_folds_its_reps_and_places_its_cues():
    lines, warnings = imported("baxter.erg")
    assert lines[1:] == [
        'workout "Baxter"', "sport trainer", "",
        '5min @100..150W "Warm up"',      # 0-5 min from 100 to 150 W: a ramp
        '1min @200W "Halfway"',           # the cue at 330 s falls in the rep from 300 s
        "2x(1min @100W, 1min @200W)",
        "5min @100W", ""]
    assert warnings == ["line 27: the message 'Halfway' at 330 s becomes the note of the step "
                        "that starts at 300 s"]


def test_an_mrc_file_is_percent_of_ftp():
    lines, warnings = imported("ss.mrc")
    assert lines[1:] == ['workout "Sweet spot"', "sport trainer", "",
                         "10min @50%..75%FTP", "2x(10min @88.5%FTP, 5min @50%FTP)", ""]
    assert warnings == []


def test_a_qz_program():
    lines, warnings = imported("intervals.xml")
    assert lines[1:] == [
        'workout "intervals"', "sport treadmill", "incline 1%", "",   # the most common incline
        "5min @8kph",
        '4x(1min @14kph "Go!", 90s @8kph)',      # <repeat times="4">
        "1km @12kph incline 2%",                 # distance="1.0" (km)
        "2min @8..10kph",                        # speedfrom/speedto
        "3min @9kph",
        "lap @7kph",                             # lapbutton="1": the duration only sizes charts
        "until HR<120 @6kph",                    # hrbelow="120"
        "rest 1min incline 0%", ""]              # 0.5 km/h
    assert warnings == [
        'row 6: without forcespeed="1" QZ only suggests this speed; written as the step\'s '
        "target",
        "row 9: 0.5 km/h is slower than a walk: written as rest (the belt's slowest speed)"]


def test_a_fit_file_that_is_not_a_workout_is_an_error():
    from wodc.backends.fit_wire import encode_schedule

    text, problems = import_file("plan.fit", encode_schedule(1, 1767225600, []))
    assert text is None
    assert [p.message for p in problems] == ["not a workout file (FIT file type schedules)"]


@pytest.mark.parametrize("name, data, message", [
    ("x.fit", b"not a fit file at all", "not a FIT file"),
    ("x.zwo", b"<workout_file><name>x", "not an XML file: "),
    ("x.zwo", b"<rows/>", "not a Zwift workout (the root element is <rows>, not <workout_file>)"),
    ("x.xml", b'<rows device="bike"><row/></rows>', "a QZ program for a bike: wodc imports "
                                                    "treadmill programs"),
    ("x.erg", b"[COURSE DATA]\n0 100\n", "no MINUTES WATTS or MINUTES PERCENT line"),
    ("x.tcx", b"<TrainingCenterDatabase/>", "wodc cannot import .tcx files"),
])
def test_what_cannot_be_read_is_an_error_not_a_guess(name, data, message):
    text, problems = import_file(name, data)
    assert text is None
    assert problems[0].is_error and problems[0].message.startswith(message), problems


def test_control_characters_in_a_files_texts_become_spaces():
    data = (DATA / "baxter.erg").read_bytes().replace(b"Baxter\r", b"Bax\x01ter\x1b[2J\r")
    text, problems = import_file("x.erg", data)
    assert 'workout "Bax ter [2J"' in text, problems


def test_a_damaged_fit_file_is_an_error():
    data = bytearray((Path(__file__).parent / "data" / "fit" / "WorkoutRepeatSteps.fit")
                     .read_bytes())
    data[-1] ^= 0xFF  # the CRC
    text, problems = import_file("x.fit", bytes(data))
    assert text is None and problems[0].message.startswith("the FIT file is damaged")


# ---- the command ------------------------------------------------------------------------------

def test_import_prints_text_or_writes_files(tmp_path):
    runner = CliRunner()
    printed = runner.invoke(main, ["import", str(DATA / "run.zwo")])
    assert printed.exit_code == 0
    assert "4x(800m @5K, rec 400m @70%5K)" in printed.output
    out = tmp_path / "wods"
    written = runner.invoke(main, ["import", str(DATA / "run.zwo"), str(DATA / "ss.mrc"),
                                   "-o", str(out)])
    assert written.exit_code == 0, written.output
    assert sorted(p.name for p in out.iterdir()) == ["run.wod", "ss.wod"]
    check = runner.invoke(main, ["check", str(out)])
    assert check.exit_code == 0, check.output
    again = runner.invoke(main, ["import", str(DATA / "run.zwo"), "-o", str(out)])
    assert again.exit_code == 1 and "already exists; not replaced" in again.output
    forced = runner.invoke(main, ["import", str(DATA / "run.zwo"), "-o", str(out), "--force"])
    assert forced.exit_code == 0


def test_strict_writes_nothing_that_was_approximated(tmp_path):
    result = CliRunner().invoke(main, ["import", str(DATA / "gorby.zwo"), "-o", str(tmp_path),
                                       "--strict"])
    assert result.exit_code == 1
    assert "error: block 7 (Cooldown): zone cannot be written in wod" in result.output
    assert list(tmp_path.iterdir()) == []


# ---- hostile files ---------------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

REAL = {".zwo": DATA / "gorby.zwo", ".erg": DATA / "baxter.erg", ".mrc": DATA / "ss.mrc",
        ".xml": DATA / "intervals.xml",
        ".fit": Path(__file__).parent / "data" / "fit" / "WorkoutRepeatSteps.fit"}


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(sorted(REAL)), st.data())
def test_a_damaged_or_random_file_is_an_error_or_warnings_never_a_crash(suffix, data):
    original = bytearray(REAL[suffix].read_bytes())
    if data.draw(st.booleans()):  # random bytes
        body = data.draw(st.binary(max_size=400))
    else:  # the real file with bytes changed, cut or repeated
        for _ in range(data.draw(st.integers(1, 8))):
            where = data.draw(st.integers(0, len(original) - 1))
            original[where] = data.draw(st.integers(0, 255))
        cut = data.draw(st.integers(0, len(original)))
        body = bytes(original[:cut] if data.draw(st.booleans()) else original)
    text, problems = import_file(f"x{suffix}", body)
    assert text is not None or any(p.is_error for p in problems)
    for problem in problems:
        assert problem.message and problem.path == f"x{suffix}"
        assert "fault in wodc" not in (problem.hint or ""), problem  # the safety net unused
