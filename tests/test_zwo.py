"""The ZWO backend, checked the way Zwift reads the files: every file we write is validated
against tests/schemas/zwo.xsd and read back (tests/zwo_reader.py), and the block lengths and
powers are compared with the resolved workout, in watts and metres per second."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import xmlschema
from click.testing import CliRunner
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from syrupy.extensions.single_file import SingleFileSnapshotExtension

from wodc import ir
from wodc.backends import FORMATS, Options, backend
from wodc.checks import check_workout
from wodc.cli import main
from wodc.errors import Severity, has_errors
from wodc.parse import parse
from wodc.pipeline import ProfileSource, load
from wodc.profile import Profile, Race
from wodc.resolve import resolve

import daniels
from zwo_reader import PACE_RACES, RACE_METRES, read, reference_speed, render

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.wod"))
SCHEMA = xmlschema.XMLSchema11(str(Path(__file__).parent / "schemas" / "zwo.xsd"))
zwo = backend("zwo")

# An athlete: 5K in 22:30 (VDOT 43.6) and FTP 240, like examples/wodc.toml.
ATHLETE = Profile(races=(Race("5K", 5000.0, 1350.0),), ftp=240.0)
OPEN_SECONDS = 300   # the documented length of a step ZWO cannot leave open
EASY_JOG = 0.70      # the documented easy jog: 70% of 5K speed


class ZwoSnapshot(SingleFileSnapshotExtension):
    file_extension = "zwo"


# ---- helpers --------------------------------------------------------------------------------

def workout_of(text: str, profile: Profile = Profile()) -> ir.Workout:
    parsed = parse(text, "test.wod")
    assert not has_errors(parsed.diagnostics), parsed.diagnostics
    [workout] = parsed.workouts
    assert not has_errors(check_workout(workout)), check_workout(workout)
    return resolve(workout, profile)


def compiled(text: str, profile: Profile = Profile(), options: Options = Options()):
    workout = workout_of(text, profile)
    return workout, zwo.compile(workout, profile, options)


def written(text: str, profile: Profile = Profile(), options: Options = Options()):
    """The file read back, after checking that it was written and matches the schema."""
    _, result = compiled(text, profile, options)
    assert result.data is not None, result.problems
    SCHEMA.validate(result.data.decode("utf-8"))
    return read(result.data)


def messages(result) -> list[str]:
    return [p.message for p in result.problems]


def warnings(result):
    return [p for p in result.problems if p.severity is Severity.WARNING]


# ---- the round trip: what the file asks for against the resolved workout -------------------

def _race_speed(profile: Profile, name: str) -> float:
    return RACE_METRES[name] / daniels.athlete_race_seconds(profile, RACE_METRES[name])


def _expected(step: ir.Step, workout: ir.Workout, profile: Profile):
    """(tag, start, end) from the resolved step: start/end in W (bike) or m/s (run)."""
    bike = workout.sport is ir.Sport.BIKE
    if isinstance(step.duration, (ir.OpenDuration, ir.HeartRateDuration)):
        return "FreeRide", None, None
    if step.target is None:
        if bike or step.kind is ir.StepKind.REST:
            return "FreeRide", None, None
        if step.kind is ir.StepKind.WALK:
            walk = profile.treadmill.walking
            return ("SteadyState", walk, walk) if profile.fitness_vdot else ("FreeRide", None, None)
        jog = EASY_JOG * _race_speed(profile, "5K")
        return "SteadyState", jog, jog
    if isinstance(step.target.start, ir.MaxEffort):
        # Readers drop MaxEffort (GoldenCheetah's src/Train/ZwoParser.cpp:71 has no such
        # block): all out is steady at 150% FTP on a ride, mile pace on a run.
        fastest = 1.5 * profile.ftp if bike else _race_speed(profile, "mile")
        return "SteadyState", fastest, fastest
    band = step.band
    if band is None or band.channel is not (ir.Channel.POWER if bike else ir.Channel.SPEED):
        return "FreeRide", None, None
    ramp = step.resolved.ramp_end
    if ramp is not None:
        tag = {ir.StepKind.WARMUP: "Warmup", ir.StepKind.COOLDOWN: "Cooldown"}.get(step.kind,
                                                                                  "Ramp")
        return tag, band.nominal, ramp.nominal
    return "SteadyState", band.nominal, band.nominal


def assert_round_trip(workout: ir.Workout, profile: Profile, data: bytes) -> None:
    """Every step the athlete does, in order, against the segment Zwift plays for it."""
    zwo_file = read(data)
    steps = list(ir.flatten(workout.steps))
    assert len(zwo_file.segments) == len(steps)
    distance = zwo_file.duration_type == "distance"
    for step, segment in zip(steps, zwo_file.segments):
        where = f"step at line {step.span.line}"
        tag, start, end = _expected(step, workout, profile)
        assert segment.tag == tag, where
        # The note, and the target as written when the block cannot aim at it.
        shown = [step.note] if step.note else []
        if isinstance(step.duration, ir.HeartRateDuration):  # the condition, said first
            shown.insert(0, f"until HR{'>' if step.duration.above else '<'}{step.duration.bpm}")
        all_out = step.target is not None and isinstance(step.target.start, ir.MaxEffort)
        if (tag == "FreeRide" or all_out) and step.target is not None:
            shown.append(f"@{step.target.text}")
        assert segment.messages == ([(0, " · ".join(shown))] if shown else []), where
        if start is None:
            assert segment.start is None, where
        elif workout.sport is ir.Sport.BIKE:
            assert segment.start == pytest.approx(start / profile.ftp, abs=5e-4), where
            assert segment.end == pytest.approx(end / profile.ftp, abs=5e-4), where
        else:
            reference = reference_speed(profile, segment.pace)
            assert segment.start == pytest.approx(start / reference, abs=5e-4), where
            assert segment.end == pytest.approx(end / reference, abs=5e-4), where
        # The length: seconds or metres, at least 1.
        d = step.duration
        if isinstance(d, (ir.OpenDuration, ir.HeartRateDuration)):
            wanted = OPEN_SECONDS
        elif distance:
            wanted = d.metres
        elif isinstance(d, ir.TimeDuration):
            wanted = d.seconds
        else:  # a distance in a time workout: at the speed the block asks for
            speed = _free_speed(step, profile) if start is None else 2 / (1 / start + 1 / end)
            wanted = d.metres / speed
        assert abs(segment.length - max(wanted, 1)) <= 0.5, where


def _free_speed(step: ir.Step, profile: Profile) -> float:
    """The documented speeds of blocks without one: mile pace for all out, else easy."""
    if step.target is not None and isinstance(step.target.start, ir.MaxEffort):
        return _race_speed(profile, "mile")
    return daniels.easy(daniels.athlete_vdot(profile))[0]


# ---- the examples ---------------------------------------------------------------------------

def _example(path: Path):
    run = load([str(path)], ProfileSource())
    [entry] = run.entries
    assert entry.ok
    return entry


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_bytes(path, snapshot):
    entry = _example(path)
    result = zwo.compile(entry.workout, entry.profile, Options())
    assert result.data is not None
    assert result.data == snapshot(extension_class=ZwoSnapshot)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_reads_back(path, snapshot):
    entry = _example(path)
    result = zwo.compile(entry.workout, entry.profile, Options())
    SCHEMA.validate(result.data.decode("utf-8"))
    assert_round_trip(entry.workout, entry.profile, result.data)
    assert render(read(result.data), entry.profile) == snapshot
    assert messages(result) == []  # the examples compile without approximations


def test_examples_cover_intervals_ramps_distance_and_paces():
    """The snapshots above are worth reading only if the examples show these blocks."""
    files = [read(zwo.compile(e.workout, e.profile, Options()).data)
             for e in map(_example, EXAMPLES)]
    tags = {s.tag for f in files for s in f.segments}
    assert {"SteadyState", "Warmup", "Cooldown"} <= tags
    assert any(s.from_intervals for f in files for s in f.segments)
    assert {f.duration_type for f in files} == {"time", "distance"}
    assert {f.sport for f in files} == {"bike", "run"}


def test_output_is_deterministic():
    entry = _example(ROOT / "examples" / "sweet-spot.wod")
    first = zwo.compile(entry.workout, entry.profile, Options()).data
    again = _example(ROOT / "examples" / "sweet-spot.wod")
    assert zwo.compile(again.workout, again.profile, Options()).data == first


# ---- header ---------------------------------------------------------------------------------

def test_header_carries_name_notes_tags_sport_and_duration_type():
    f = written('workout "Over & <under> \\"fast\\" Ünïcode"\nsport bike\ntags vo2, hills\n'
                'note "first line"\nnote "second line"\n5min @90%FTP')
    assert (f.name, f.sport, f.duration_type) == ('Over & <under> "fast" Ünïcode', "bike", "time")
    assert f.description == "first line\nsecond line"
    assert f.tags == ["vo2", "hills"]


def test_empty_description_and_tags_are_still_written():
    _, result = compiled("sport bike\n5min @90%FTP\n")
    text = result.data.decode()
    assert "<description />" in text and "<tags />" in text and "<durationType>time" in text


@pytest.mark.parametrize("option, in_file, profile, expected", [
    (None, None, None, "wodc"),
    (None, None, "Profile Coach", "Profile Coach"),
    (None, "File Coach", "Profile Coach", "File Coach"),
    ("Option Coach", "File Coach", "Profile Coach", "Option Coach"),
])
def test_author_option_over_file_over_profile_over_default(option, in_file, profile, expected):
    header = f'author "{in_file}"\n' if in_file else ""
    f = written(f"sport bike\n{header}5min @90%FTP", Profile(author=profile),
                Options(author=option))
    assert f.author == expected


def test_characters_xml_cannot_hold_become_spaces():
    f = written('sport bike\n5min @90%FTP "left\fright"')
    assert f.segments[0].messages == [(0, "left right")]


# ---- bike -----------------------------------------------------------------------------------

def test_percent_of_ftp_and_power_zones_need_no_profile():
    f = written("sport bike\n5min @88%FTP\n5min @PZ2\n5min @PZ7\n5min @88-94%FTP")
    # Coggan's zone 2 is 56-75% FTP: its middle is 0.655; zone 7, taken as 151-200%, 1.755.
    assert [s.start for s in f.segments] == [0.88, 0.655, 1.755, 0.91]
    assert all(s.tag == "SteadyState" and s.pace is None for s in f.segments)


def test_watts_become_a_fraction_of_the_profile_ftp():
    f = written("sport bike\n5min @180W\n5min @200-220W", Profile(ftp=240))
    assert [s.start for s in f.segments] == [0.75, 0.875]


def test_watts_without_ftp_are_an_error_naming_the_step():
    _, result = compiled("sport bike\n5min @90%FTP\n5min @250W")
    assert result.data is None
    [problem] = result.problems
    assert (problem.line, problem.column, problem.severity) == (3, 6, Severity.ERROR)
    assert "@250W needs your FTP" in problem.message and "--ftp" in problem.hint


@pytest.mark.parametrize("kind, tag", [("warmup", "Warmup"), ("cooldown", "Cooldown"),
                                       ("run", "Ramp"), ("rec", "Ramp")])
def test_ramps_start_at_power_low(kind, tag):
    [s] = written(f"sport bike\n{kind} 10min @75%..45%FTP").segments
    assert (s.tag, s.start, s.end, s.length) == (tag, 0.75, 0.45, 600)


def test_one_on_off_pair_is_intervals_with_cadences_and_messages():
    f = written('sport bike\n4x(30s @120%FTP cadence 100rpm "go", 90s @50%FTP cadence 80rpm)')
    assert len(f.segments) == 8 and all(s.from_intervals for s in f.segments)
    on, off = f.segments[:2]
    assert (on.length, on.start, on.cadence, on.messages) == (30, 1.2, (100, 100), [(0, "go")])
    assert (off.length, off.start, off.cadence, off.messages) == (90, 0.5, (80, 80), [])
    assert f.segments[6].messages == [(0, "go")]  # the message comes back every repetition


@pytest.mark.parametrize("text", [
    "sport bike\n3x(1min @120%FTP, 1min @50%FTP, 1min @70%FTP)",   # three steps
    "sport bike\n3x 1min @120%FTP",                                 # one step
    "sport bike\n3x(1min @120%FTP, 1min)",                          # the off half is free
    "sport bike\n3x(1min @50%..90%FTP, 1min @50%FTP)",              # the on half is a ramp
    "sport bike\n3x(1min @120%FTP cadence 95-105rpm, 1min @50%FTP)",  # a cadence range
])
def test_other_repeats_are_unrolled(text):
    workout = workout_of(text, ATHLETE)
    f = written(text, ATHLETE)
    assert not any(s.from_intervals for s in f.segments)
    _, result = compiled(text, ATHLETE)
    assert_round_trip(workout, ATHLETE, result.data)


def test_nested_repeats_keep_the_inner_pair_as_intervals():
    text = "sport bike\n2x(3x(1min @120%FTP, 1min @50%FTP), 5min @55%FTP)"
    _, result = compiled(text, ATHLETE)
    root = result.data.decode()
    assert root.count("<IntervalsT") == 2 and root.count('Repeat="3"') == 2
    assert_round_trip(workout_of(text, ATHLETE), ATHLETE, result.data)


def test_all_out_is_a_steady_block_readers_keep_and_free_ride_is_free():
    # MaxEffort's time vanishes in GoldenCheetah, QZ and zwiftworkout.com: 150% FTP instead.
    _, result = compiled('sport bike\n20s @max "sprint"\nrec 2min "spin"')
    f = read(result.data)
    assert [(s.tag, s.length, s.start, s.messages) for s in f.segments] == [
        ("SteadyState", 20, 1.5, [(0, "sprint · @max")]), ("FreeRide", 120, None, [(0, "spin")])]
    (warning,) = warnings(result)
    assert "@max is written as a steady block at 150% FTP" in warning.message
    # On a run: mile pace (pace="0"), the fastest reference Zwift has.
    f = written("sport run\n5min @5K\n10s @max")
    assert (f.segments[1].tag, f.segments[1].pace, f.segments[1].start) == ("SteadyState", 0, 1.0)
    # As an IntervalsT on half, too.
    f = written("sport bike\n3x(1min @max, 1min @50%FTP)")
    assert [(s.start, s.from_intervals) for s in f.segments[:2]] == [(1.5, True), (0.5, True)]


def test_until_heart_rate_keeps_its_condition_as_a_text_event():
    _, result = compiled('sport run\n5min @5K\nrec until HR<133 "walk it off"')
    free = read(result.data).segments[1]
    assert (free.tag, free.messages) == ("FreeRide", [(0, "until HR<133 · walk it off")])
    assert any("until HR<133 as a message" in w.message for w in warnings(result))


def test_cadence_single_and_range():
    f = written("sport bike\n5min @90%FTP cadence 90rpm\n5min @90%FTP cadence 85-95rpm\n"
                "warmup 5min @50%..70%FTP cadence 80-90rpm")
    assert [s.cadence for s in f.segments] == [(90, 90), (85, 95), (80, 90)]


def test_cadence_range_on_a_block_with_one_cadence_is_its_middle_with_a_warning():
    _, result = compiled("sport bike\n5min @50%..70%FTP cadence 80-91rpm")
    [s] = read(result.data).segments
    assert s.cadence == (86, 86)
    [warning] = warnings(result)
    assert (warning.line, warning.column) == (2, 27) and "80-91rpm is written as 86rpm" in \
        warning.message


def test_distance_on_a_bike_is_an_error():
    _, result = compiled("sport bike\n5min @90%FTP\n20km @PZ2")
    assert result.data is None
    [problem] = result.problems
    assert (problem.line, problem.column) == (3, 1) and "timed" in problem.message


# ---- run: symbolic race paces ---------------------------------------------------------------

@pytest.mark.parametrize("target, pace, power", [
    ("@mile", 0, 1.0), ("@5K", 1, 1.0), ("@10K", 2, 1.0), ("@HM", 3, 1.0), ("@M", 4, 1.0),
    ("@marathon", 4, 1.0), ("@105%5K", 1, 1.05), ("@90%HM", 3, 0.9),
])
def test_race_paces_stay_symbolic_without_a_profile(target, pace, power):
    [s] = written(f"sport run\n3min {target}").segments
    assert (s.tag, s.pace, s.start) == ("SteadyState", pace, power)


def test_symbolic_range_and_ramp():
    f = written("sport run\n3min @100-110%5K\nwarmup 10min @90%HM..HM")
    steady, ramp = f.segments
    assert (steady.pace, steady.start) == (1, round(2 / (1 / 1.0 + 1 / 1.1), 3))
    assert (ramp.tag, ramp.pace, ramp.start, ramp.end) == ("Warmup", 3, 0.9, 1.0)


def test_run_step_without_target_is_an_easy_jog_and_rest_is_free():
    f = written("sport run\nrec 60s\nrest 2min")
    assert [(s.tag, s.pace, s.start) for s in f.segments] == [
        ("SteadyState", 1, EASY_JOG), ("FreeRide", None, None)]


@pytest.mark.parametrize("text, on_pace, off_pace", [
    ("4x(20s @mile, rec 40s)", 0, 0),           # the jog moves to the race pace's reference
    ("4x(3min @T, 2min @HM)", 3, 3),            # @T moves: @HM is the athlete's own pace
    ("8x(400m @R, rec 400m)", 0, 0),            # neither is a race pace: the off half moves
    ("3x(1km @I, 2min @E)", None, None),        # (mixed: written in seconds)
])
def test_run_pairs_on_two_references_become_intervals_with_a_profile(text, on_pace, off_pace):
    workout, result = compiled(f"sport run\n{text}", ATHLETE)
    f = read(result.data)
    assert all(s.from_intervals for s in f.segments)
    on, off = f.segments[:2]
    assert on.pace == off.pace
    if on_pace is not None:
        assert (on.pace, off.pace) == (on_pace, off_pace)
    assert_round_trip(workout, ATHLETE, result.data)


@pytest.mark.parametrize("text, profile", [
    ("4x(20s @mile, rec 40s)", Profile()),      # without race paces nothing can move
    ("4x(3min @5K, 2min @HM)", ATHLETE),        # two race paces both stay as written
])
def test_run_pairs_that_stay_on_their_references_are_unrolled(text, profile):
    f = written(f"sport run\n{text}", profile)
    assert not any(s.from_intervals for s in f.segments)
    assert len({s.pace for s in f.segments}) == 2


# ---- run: paces Zwift has no reference for --------------------------------------------------

NOT_SYMBOLIC = ["@E", "@T", "@I", "@R", "@5K+10s", "@HM-15s/mi", "@4:30/km", "@12kph",
                "@3K", "@15K", "@1500", "@4:20-4:30/km", "@8K"]


@pytest.mark.parametrize("target", NOT_SYMBOLIC)
def test_other_paces_use_the_nearest_reference_at_the_right_speed(target):
    workout = workout_of(f"sport run\n3min {target}", ATHLETE)
    [step] = workout.steps
    [s] = written(f"sport run\n3min {target}", ATHLETE).segments
    speed = step.band.nominal
    assert s.start * reference_speed(ATHLETE, s.pace) == pytest.approx(speed, abs=6e-4 * speed)
    distance = {p: abs(math.log(speed / reference_speed(ATHLETE, p))) for p in PACE_RACES}
    assert distance[s.pace] == min(distance.values())


@pytest.mark.parametrize("target", NOT_SYMBOLIC)
def test_other_paces_without_a_profile_are_errors_naming_the_step(target):
    _, result = compiled(f"sport run\n5min @5K\n3min {target}")
    assert result.data is None
    [problem] = result.problems
    assert (problem.line, problem.column, problem.severity) == (3, 6, Severity.ERROR)
    assert problem.hint and "--race" in problem.hint


def test_ramp_between_two_references_is_written_against_one():
    text = "sport run\n10min @M..HM"
    [s] = written(text, ATHLETE).segments
    _, result = compiled(text, ATHLETE)
    assert s.tag == "Ramp" and s.start < s.end
    assert_round_trip(workout_of(text, ATHLETE), ATHLETE, result.data)


# ---- run: distances -------------------------------------------------------------------------

def test_all_distance_run_is_written_in_metres():
    text = 'sport run\n2x(400m @5K "go", rec 200m)\n1mi @HM'
    f = written(text)
    assert f.duration_type == "distance"
    assert [s.length for s in f.segments] == [400, 200, 400, 200, 1609]
    assert f.segments[0].messages == [(0, "go")]
    assert '<textevent distoffset="0"' in compiled(text)[1].data.decode()


def test_mixed_run_converts_distances_with_the_step_pace_and_warns():
    text = "sport run\n10min @E\n4x(400m @5K, rec 200m)"
    workout, result = compiled(text, ATHLETE)
    f = read(result.data)
    assert f.duration_type == "time"
    five_k = _race_speed(ATHLETE, "5K")
    assert f.segments[1].length == round(400 / five_k)
    assert f.segments[2].length == round(200 / (EASY_JOG * five_k))
    lines = [(w.line, w.column) for w in warnings(result)]
    assert lines == [(3, 4), (3, 18)]  # one warning per step written, not per repetition
    assert all("ZWO cannot mix time and distance" in w.message for w in warnings(result))
    assert_round_trip(workout, ATHLETE, result.data)


def test_mixed_run_without_a_profile_is_an_error():
    _, result = compiled("sport run\n10min @5K\n400m @5K")
    assert result.data is None
    [problem] = result.problems
    assert (problem.line, problem.column) == (3, 1) and "race paces" in problem.message


# ---- what ZWO cannot carry: warnings naming the step ----------------------------------------

@pytest.mark.parametrize("sport, target", [("bike", "@Z2HR"), ("run", "@150bpm"),
                                           ("run", "@RPE6"), ("bike", "@85%HRmax"),
                                           ("bike", "@30kph"), ("run", "@250W")])
def test_targets_zwo_cannot_carry_are_free_with_a_message(sport, target):
    _, result = compiled(f'sport {sport}\n5min @{"90%FTP" if sport == "bike" else "5K"}\n'
                         f'10min {target} "steady"', Profile(max_hr=190))
    [s] = read(result.data).segments[1:]
    assert (s.tag, s.messages) == ("FreeRide", [(0, f"steady · {target}")])
    [warning] = warnings(result)
    assert (warning.line, warning.column) == (3, 1) and target in warning.message


@pytest.mark.parametrize("duration, why", [("lap", "press lap"), ("until HR<130", "heart rate")])
def test_open_steps_are_fixed_free_rides_with_a_warning(duration, why):
    _, result = compiled(f"sport run\nwarmup {duration} @E\n5min @5K")
    [s, _] = read(result.data).segments
    said = "until HR<130 · @E" if duration.startswith("until") else "@E"
    assert (s.tag, s.length, s.messages) == ("FreeRide", OPEN_SECONDS, [(0, said)])
    [warning] = warnings(result)
    assert (warning.line, warning.column) == (2, 1) and why in warning.message


def test_written_inclines_are_warnings_the_treadmill_default_is_not():
    _, result = compiled("sport treadmill\nincline 2%\n5min @5K\n3min @HM incline 4%")
    assert [(w.line, w.column) for w in warnings(result)] == [(2, 9), (4, 18)]
    assert all("incline" in w.message for w in warnings(result))
    _, quiet = compiled("sport treadmill\n5min @5K")
    assert quiet.problems == []


def test_running_cadence_is_left_out_with_a_warning():
    _, result = compiled("sport run\n5min @5K cadence 180spm")
    assert read(result.data).segments[0].cadence is None
    [warning] = warnings(result)
    assert (warning.line, warning.column) == (2, 18)


def test_rounding_that_moves_a_step_more_than_half_a_second_is_a_warning():
    _, result = compiled("sport bike\n0.3s @100%FTP\n90.4s @50%FTP")
    assert [s.length for s in read(result.data).segments] == [1, 90]
    [warning] = warnings(result)
    assert warning.line == 2 and "0.3s is written as 1s" in warning.message


# ---- the schema can fail --------------------------------------------------------------------

@pytest.mark.parametrize("change", [
    ('OnPower="0.91"', 'OnPower="218"'),          # watts where a fraction belongs
    ('<sportType>bike', '<sportType>swim'),
    ('<durationType>time</durationType>', ''),    # durationType is always written
    ('Cadence="90"', 'Cadence="90.5"'),
    ('<Warmup Duration="600"', '<Warmup Duration="0"'),
    ('<Warmup ', '<Warmup pace="1" '),            # a pace on a bike
    ('<Cooldown Duration="480" PowerLow="0.65" PowerHigh="0.45" />',
     '<Ramp Duration="480" PowerLow="0.65" PowerHigh="0.45" CadenceLow="1" CadenceHigh="2"/>'),
    ('<SteadyState Duration="300" Power="0.655" />',
     '<SteadyState Duration="300" Power="0.655"><textevent timeoffset="300" message="x"/>'
     '</SteadyState>'),
])
def test_schema_rejects_what_we_must_not_write(change):
    entry = _example(ROOT / "examples" / "sweet-spot.wod")
    text = zwo.compile(entry.workout, entry.profile, Options()).data.decode()
    assert SCHEMA.is_valid(text)
    old, new = change
    assert old in text
    assert not SCHEMA.is_valid(text.replace(old, new, 1))


def test_schema_rejects_run_blocks_without_pace_and_misplaced_offsets():
    text = compiled('sport run\n2x(400m @5K "go", rec 200m)')[1].data.decode()
    assert SCHEMA.is_valid(text)
    assert not SCHEMA.is_valid(text.replace(' pace="1"', "", 1))
    assert not SCHEMA.is_valid(text.replace("distoffset", "timeoffset", 1))


# ---- properties: any workout gives a valid file that reads back right -----------------------

def _workouts(sport: str, durations, targets, kinds):
    step = st.builds(lambda k, d, t, n: " ".join(p for p in (k, d, t, n) if p),
                     st.sampled_from(kinds), st.sampled_from(durations),
                     st.sampled_from(targets), st.sampled_from(["", '"note"']))
    pair = st.tuples(step, step).map(lambda s: f"{s[0]}, {s[1]}")
    block = st.one_of(
        step,
        st.builds(lambda n, body: f"{n}x({body})", st.integers(1, 4), pair),
        st.builds(lambda n, body: f"{n}x({body})", st.integers(1, 3),
                  st.lists(step, min_size=1, max_size=3).map(", ".join)),
        st.builds(lambda n, m, body: f"{n}x({m}x({body}), rest 1min)", st.integers(1, 2),
                  st.integers(1, 3), pair) if sport == "run" else step,
    )
    return st.lists(block, min_size=1, max_size=6).map(
        lambda blocks: f"sport {sport}\n" + "\n".join(blocks))


BIKE_WORKOUTS = _workouts(
    "bike", ["30s", "1min", "90s", "5min", "1:30", "10min 30s", "lap"],
    ["", "@50%FTP", "@88-94%FTP", "@PZ2", "@PZ7", "@250W", "@200-220W", "@50%..75%FTP",
     "@PZ1..PZ3", "@max", "@Z2", "@RPE6"],
    ["", "warmup", "cooldown", "rec", "interval"])
RUN_TARGETS = ["", "@5K", "@105%5K", "@HM", "@M", "@mile", "@10K", "@E", "@T", "@I", "@R",
               "@5K+10s", "@4:30/km", "@3K", "@E..T", "@HM..10K", "@90%HM..HM", "@Z2",
               "@max"]
RUN_TIME_WORKOUTS = _workouts("run", ["30s", "2min", "5min", "400m", "1km", "0.5mi"],
                              RUN_TARGETS, ["", "warmup", "cooldown", "rec", "rest"])
RUN_DISTANCE_WORKOUTS = _workouts("run", ["200m", "400m", "1km", "1mi", "300yd"],
                                  RUN_TARGETS, ["", "warmup", "rec"])


def _check_property(text: str) -> None:
    profile = Profile(races=(Race("5K", 5000.0, 1350.0),), ftp=240.0, max_hr=190.0)
    [workout] = parse(text, "test.wod").workouts
    assume(not has_errors(check_workout(workout)))  # e.g. a ramp on a lap step
    workout = resolve(workout, profile)
    result = zwo.compile(workout, profile, Options())
    assert result.data is not None, result.problems
    SCHEMA.validate(result.data.decode("utf-8"))
    assert_round_trip(workout, profile, result.data)
    assert zwo.compile(workout, profile, Options()).data == result.data


@settings(max_examples=30, deadline=None)
@given(BIKE_WORKOUTS)
def test_any_bike_workout_reads_back(text):
    _check_property(text)


@settings(max_examples=30, deadline=None)
@given(st.one_of(RUN_TIME_WORKOUTS, RUN_DISTANCE_WORKOUTS))
def test_any_run_workout_reads_back(text):
    _check_property(text)


# ---- the command line -----------------------------------------------------------------------

def test_zwo_is_a_registered_format():
    assert FORMATS["zwo"] == "wodc.backends.zwo" and zwo.suffix(Options()) == ".zwo"


def test_compile_command_writes_one_zwo_per_workout(tmp_path):
    result = CliRunner().invoke(main, ["compile", str(ROOT / "examples"), "-f", "zwo",
                                       "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    workouts = load([str(ROOT / "examples")], ProfileSource()).entries  # examples/ and below
    # (and the mile plan's calendar; its FIT schedule only when FIT is written)
    assert names == sorted([f"{e.stem}.zwo" for e in workouts] + ["4-week-treadmill-mile.ics"])
    assert {"30-minute-treadmill-progression-run.zwo", "sweet-spot-3x10.zwo",
            "track-8x400m-at-r-pace.zwo"} <= set(names)
    entry = _example(ROOT / "examples" / "sweet-spot.wod")
    expected = zwo.compile(entry.workout, entry.profile, Options()).data
    assert (tmp_path / "sweet-spot-3x10.zwo").read_bytes() == expected


def _isolated(tmp_path: Path) -> Path:
    """A directory whose own (empty) wodc.toml keeps any profile further up out of the test."""
    (tmp_path / "wodc.toml").write_text("")
    return tmp_path


def test_compile_command_error_writes_nothing_and_exits_1(tmp_path):
    source = _isolated(tmp_path) / "w.wod"
    source.write_text("sport run\n5min @T\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["compile", str(source), "-f", "zwo", "-o", str(out)])
    assert result.exit_code == 1
    assert "w.wod:2:6: error: @T needs" in result.output
    assert not out.exists() or not any(out.iterdir())


def test_compile_command_author_option(tmp_path):
    source = _isolated(tmp_path) / "w.wod"
    source.write_text("sport bike\n5min @90%FTP\n")
    result = CliRunner().invoke(main, ["compile", str(source), "-f", "zwo", "-o", str(tmp_path),
                                       "--author", "Coach"])
    assert result.exit_code == 0, result.output
    assert read((tmp_path / "w.zwo").read_bytes()).author == "Coach"


def test_a_walk_is_the_walking_speed_not_an_easy_jog():
    # 5K in 25:00 is 12 km/h; a 5.0 km/h walk is 5/12 = 0.4167 of it.
    f = written("4x(1min @5K, walk 1min)", Profile(races=(Race("5K", 5000.0, 1500.0),)))
    walks = f.segments[1::2]
    assert len(walks) == 4
    assert all(w.pace == 1 and w.start == pytest.approx(5 / 12, abs=0.0005) for w in walks)
    # Without race paces there is nothing to set a walk against: a FreeRide, not a jog.
    assert written("walk 2min").segments[0].tag == "FreeRide"


def test_power_zone_1_is_an_easy_spin_not_a_quarter_of_ftp():
    # Coggan's zone 1 is "below 55%"; its middle, 27.5%, is no workout: ZWO gets 50% FTP.
    f = written("sport bike\n10min @PZ1\n10min @PZ2")
    assert [s.start for s in f.segments] == [pytest.approx(0.50), pytest.approx(0.655)]


def test_in_a_ride_a_zone_is_a_power_zone():
    # Coggan's zone 2 is 56-75% FTP: its middle, 0.655, as Zwift reads Power.
    f = written("sport bike\n10min @Z2\n10min @Z6")
    assert [s.start for s in f.segments] == [pytest.approx(0.655), pytest.approx(1.355)]
