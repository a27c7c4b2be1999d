"""The FIT backend, checked the way a watch reads its files: every file is decoded with Garmin's
own decoder (garmin-fit-sdk), run step by step as a watch runs it (repeats followed), and each
step's physical values compared with what the resolved workout says, to the wire's resolution.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from syrupy.extensions.single_file import SingleFileSnapshotExtension

import daniels
import fit_reference
from garmin_fit import Target, decode, duration, dump, is_repeat, run_order, secondary, target
from wodc import ir, timing
from wodc.backends import Options, fit, fit_wire
from wodc.checks import check_workout
from wodc.cli import main
from wodc.compiler import compile_run
from wodc.errors import Severity
from wodc.naming import slug
from wodc.parse import parse
from wodc.pipeline import ProfileSource, load
from wodc.profile import Profile
from wodc.resolve import resolve

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").rglob("*.wod"))
# Garmin FIT SDK example workouts and a TrainerRoad workout, from fit-tool's test data.
GARMIN_FILES = Path(__file__).parent / "data" / "fit"
ATHLETE = Profile(vdot=50, ftp=250, max_hr=190, lthr=170)
CREATED = 1_700_000_000  # 2023-11-14T22:13:20Z

# The wire's resolution for each physical unit: what a value may be off by is half of it.
RESOLUTION = {"time": 0.001, "distance": 0.01, "m/s": 0.001, "bpm": 1, "W": 1}


def load_workout(text: str, profile: Profile = ATHLETE) -> ir.Workout:
    result = parse(text, "test.wod")
    assert [d for d in result.diagnostics if d.is_error] == []
    (workout,) = result.workouts
    assert [d for d in check_workout(workout) if d.is_error] == []
    return resolve(workout, profile)


def compile_fit(workout: ir.Workout, profile: Profile, options: Options):
    """The backend's result; its bytes must be fit-tool's, byte for byte."""
    result = fit.compile(workout, profile, options)
    if result.data is not None:
        fit_workout, _ = fit.plan(workout, profile, options.created)
        assert result.data == fit_reference.encode(fit_workout), "fit_wire differs from fit-tool"
    return result


def compile_text(text: str, profile: Profile = ATHLETE, created: int = CREATED):
    workout = load_workout(text, profile)
    return workout, compile_fit(workout, profile, Options(created=created))


def close(value: float, expected: float, resolution: float) -> bool:
    return abs(value - expected) <= resolution / 2 + 1e-9


# ---- what the resolved workout says each executed step must be -----------------------------

def ramp_count(step: ir.Step) -> int:
    """One step per minute of the ramp (one per 400 m when its speed is unknown), 1 to 20."""
    seconds = timing.seconds(step)
    if seconds is None:
        seconds = step.duration.metres / 400 * 60
    return max(1, min(20, round(seconds / 60)))


def expected_runs(workout: ir.Workout):
    """(IR step, ramp piece index, ramp piece count) for every step a watch runs."""
    for step in ir.flatten(workout.steps):
        pieces = ramp_count(step) if step.target is not None and step.target.ramp else 1
        for index in range(pieces):
            yield step, index, pieces


def between(start: ir.Band, end: ir.Band, where: float) -> ir.Band:
    return ir.Band(start.channel, start.low + (end.low - start.low) * where,
                   start.high + (end.high - start.high) * where, 0.0)


def check_duration(decoded: dict, step: ir.Step, pieces: int) -> None:
    kind, value = duration(decoded)
    d = step.duration
    if isinstance(d, ir.TimeDuration):
        assert kind == "time"
        expected, resolution = d.seconds / pieces, RESOLUTION["time"]
    elif isinstance(d, ir.DistanceDuration):
        assert kind == "distance"
        expected, resolution = d.metres / pieces, RESOLUTION["distance"]
    elif isinstance(d, ir.HeartRateDuration):
        assert (kind, value) == ("hr_greater_than" if d.above else "hr_less_than", d.bpm)
        return
    else:
        assert (kind, value) == ("open", None)
        return
    # A ramp's pieces start on whole seconds or metres, so each may be off by one.
    assert close(value, expected, resolution if pieces == 1 else 2), (value, expected)


def _highest(step: ir.Step) -> float:
    """The top of a step's resolved target, over the whole ramp for a ramp."""
    resolved = step.resolved
    return max(b.high for b in (resolved.band, resolved.ramp_end) if b is not None)


def check_band(decoded, band: ir.Band, step: ir.Step, profile: Profile) -> None:
    """A custom range against the resolved band, in the band's own unit."""
    values = step.target.values
    if all(isinstance(v, ir.PowerPercent) for v in values):
        assert decoded.unit == "%FTP"
        scale, low, high, resolution = profile.ftp / 100, band.low, band.high, profile.ftp / 100
    elif (all(isinstance(v, ir.HeartRatePercent) and v.of == "max" for v in values)
          and round(_highest(step) * 100 / profile.max_hr) <= 99):
        # FIT reads 0-99 as % of max HR, 100 up as bpm + 100: a top that the wire's rounding
        # makes 100% or more (99.5% too) is written in bpm, for the whole of a ramp.
        assert decoded.unit == "%max"
        scale, low, high = profile.max_hr / 100, band.low, band.high
        resolution = profile.max_hr / 100
    else:
        unit = {ir.Channel.SPEED: "m/s", ir.Channel.HEART_RATE: "bpm",
                ir.Channel.POWER: "W"}[band.channel]
        assert decoded.unit == unit
        scale, low, high, resolution = 1.0, band.low, band.high, RESOLUTION[unit]
    assert close(decoded.low * scale, low, resolution), (decoded, band)
    assert close(decoded.high * scale, high, resolution), (decoded, band)


def check_cadence(decoded, cadence: ir.Cadence, profile: Profile) -> None:
    per_rpm = 2 if cadence.unit == "spm" else 1  # FIT counts a runner's strides, one foot
    low, high = cadence.low, cadence.high
    if low == high:  # a single cadence: ± the profile's tolerance
        low, high = low - profile.cadence_tolerance, high + profile.cadence_tolerance
    assert decoded.kind == "cadence" and decoded.unit == "rpm"
    assert close(decoded.low * per_rpm, low, per_rpm)
    assert close(decoded.high * per_rpm, high, per_rpm)


def check_step(decoded: dict, step: ir.Step, index: int, pieces: int, profile: Profile) -> None:
    # FIT has no walk intensity: a walk is a recovery.
    assert decoded["intensity"] == ("recovery" if step.kind is ir.StepKind.WALK
                                    else step.kind.value)
    check_duration(decoded, step, pieces)
    primary, second = target(decoded), secondary(decoded)
    t = step.target
    if t is None or t.start.channel is ir.Channel.EFFORT:
        if step.cadence is not None:  # the only target: cadence is the primary one
            check_cadence(primary, step.cadence, profile)
        else:
            assert primary.kind == "open"
        assert second is None
        return
    if step.cadence is not None:
        check_cadence(second, step.cadence, profile)
    else:
        assert second is None
    if t.end is None and isinstance(t.start, (ir.HeartRateZone, ir.PowerZone)):
        kind = "heart_rate" if isinstance(t.start, ir.HeartRateZone) else "power"
        assert (primary.kind, primary.zone) == (kind, t.start.zone)
        return
    resolved = step.resolved
    band = resolved.band
    if t.ramp:
        band = between(resolved.band, resolved.ramp_end, (index + 0.5) / pieces)
    check_band(primary, band, step, profile)


def check_file(data: bytes, workout: ir.Workout, profile: Profile) -> None:
    """The whole file against the resolved workout."""
    decoded = decode(data)
    assert decoded.file_id["type"] == "workout"
    assert decoded.workout["wkt_name"] == workout.name
    assert decoded.workout["num_valid_steps"] == len(decoded.steps)
    assert decoded.workout["sport"] == ("cycling" if workout.sport is ir.Sport.BIKE else "running")
    ran = run_order(decoded.steps)
    expected = list(expected_runs(workout))
    assert len(ran) == len(expected)
    for decoded_step, (step, index, pieces) in zip(ran, expected):
        check_step(decoded_step, step, index, pieces, profile)


# ---- Garmin's own files: the conventions the checks above rely on --------------------------

def read_garmin(name: str):
    return decode((GARMIN_FILES / name).read_bytes())


def test_garmin_repeat_loops_back_to_a_message_index_with_the_count_as_target_value():
    decoded = read_garmin("WorkoutRepeatSteps.fit")
    repeat = decoded.steps[3]
    assert is_repeat(repeat) and repeat["target_type"] == "open"
    assert (repeat["duration_step"], repeat["repeat_steps"]) == (1, 3)
    names = [s["wkt_step_name"] for s in run_order(decoded.steps)]
    assert names == ["_A_"] + ["B1_", "B2_"] * 3 + ["_C_"]
    # This older example counts 4 valid steps of 5: Garmin's current cookbook counts all.
    assert decoded.workout["num_valid_steps"] == 4


def test_garmin_custom_ranges_use_percent_below_and_offsets_above():
    decoded = read_garmin("WorkoutCustomTargetValues.fit")
    heart, power, _, until = decoded.steps
    assert target(heart) == Target("heart_rate", low=50, high=60, unit="%max")
    assert (target(power).low, target(power).high, target(power).unit) == (300, 310, "W")
    assert duration(until) == ("hr_less_than", 125)  # 225 on the wire: bpm + 100


def test_garmin_zones_are_the_target_value():
    decoded = read_garmin("WorkoutIndividualSteps.fit")
    assert [(target(s).kind, target(s).zone) for s in decoded.steps] == [
        ("heart_rate", 2), ("power", 5), ("power", 3), ("power", 1)]


# ---- features, one at a time ---------------------------------------------------------------

def test_step_names_read_like_the_watch_should_show_them():
    workout, result = compile_text("3min @HM\n400m @4:20-4:30/km\nrec 90s\n10min @Z2\n"
                                   "5min @95%FTP\n1min @RPE7\n30s @max")
    names = [s["wkt_step_name"] for s in decode(result.data).steps]
    # HM pace for VDOT 50 (tests/daniels.py), 5 s/km either side, fast end first.
    pace = 1000 / daniels.race_speed(21097.5, 50)
    hm = "-".join(f"{int(round(p)) // 60}:{int(round(p)) % 60:02d}" for p in (pace - 5, pace + 5))
    hm += "/km"
    assert names == [f"3:00 HM {hm}", "400m 4:20-4:30/km", "1:30", "10:00 Z2", "5:00 95%FTP",
                     "1:00 RPE7", "0:30 max"]


def test_durations_time_distance_lap_and_until_heart_rate():
    workout, result = compile_text("90s\n1.5km\n0.25mi\nlap\nuntil HR<130\nuntil HR>165")
    check_file(result.data, workout, ATHLETE)
    steps = decode(result.data).steps
    assert [s["duration_type"] for s in steps] == ["time", "distance", "distance", "open",
                                                   "hr_less_than", "hr_greater_than"]
    assert [s.get("duration_value") for s in steps] == [90_000, 150_000, 40_234, None, 230, 265]


def test_pace_and_speed_targets_are_custom_speed_ranges():
    workout, result = compile_text("5min @T\n3min @10K+5s\n2min @105%5K\n4min @4:30/km\n"
                                   "4min @12.5kph\n4min @7-7.5mph")
    check_file(result.data, workout, ATHLETE)
    first = decode(result.data).steps[0]
    band = workout.steps[0].band
    assert (first["custom_target_value_low"], first["custom_target_value_high"]) == (
        round(band.low * 1000), round(band.high * 1000))  # mm/s on the wire


def test_heart_rate_bpm_with_offset_percent_of_max_and_zones():
    workout, result = compile_text("5min @150bpm\n5min @140-150bpm\n5min @85%HRmax\n"
                                   "5min @80-90%HRmax\n5min @Z2\n5min @95%LTHR\n5min @Z2-Z3")
    check_file(result.data, workout, ATHLETE)
    steps = decode(result.data).steps
    assert (steps[0]["custom_target_value_low"], steps[0]["custom_target_value_high"]) == (
        245, 255)  # bpm + 100
    assert (steps[3]["custom_target_value_low"], steps[3]["custom_target_value_high"]) == (80, 90)
    assert (steps[4]["target_value"], steps[4]["custom_target_value_low"]) == (2, 0)


def test_power_watts_with_offset_percent_of_ftp_and_zones():
    workout, result = compile_text("sport bike\n5min @250W\n5min @200-220W\n5min @95%FTP\n"
                                   "5min @88-94%FTP\n5min @PZ3\n5min @PZ2-PZ3", ATHLETE)
    check_file(result.data, workout, ATHLETE)
    steps = decode(result.data).steps
    assert (steps[1]["custom_target_value_low"], steps[1]["custom_target_value_high"]) == (
        1200, 1220)  # W + 1000
    assert (steps[3]["custom_target_value_low"], steps[3]["custom_target_value_high"]) == (88, 94)
    assert steps[4]["target_power_zone"] == 3


def test_symbolic_targets_need_no_profile():
    workout, result = compile_text("5min @Z2\n5min @85%HRmax\n5min @95%FTP\n5min @PZ3\n"
                                   "5min @150bpm\n5min @250W\n5min @4:30/km", Profile())
    assert result.problems == []
    targets = [target(s) for s in decode(result.data).steps]
    assert [(t.kind, t.zone) for t in (targets[0], targets[3])] == [("heart_rate", 2),
                                                                   ("power", 3)]
    # Without a max HR to convert the ±5 bpm tolerance, % of max gets ±3 points.
    assert (targets[1].low, targets[1].high, targets[1].unit) == (82, 88, "%max")
    assert (targets[2].low, targets[2].high, targets[2].unit) == (92, 98, "%FTP")
    assert (targets[4].low, targets[4].high, targets[4].unit) == (145, 155, "bpm")
    assert targets[5].unit == "W" and close(targets[5].low, 242.5, 1)


def test_a_heart_rate_bound_at_100_percent_is_written_as_garmin_reads_it():
    # FIT's value 100 is the bpm offset (Garmin's decoder names it "bpm_offset"), not 100%:
    # @98%HRmax, 98 ± 5 bpm of 190 (2.63 points), reaches 100.6%.
    _, result = compile_text("5min @98%HRmax\n5min @95-100%HRmax")
    first, second = (target(s) for s in decode(result.data).steps)
    # With max HR 190 the range goes in bpm: 98% is 186.2 bpm, ±5: 181.2-191.2.
    assert (first.unit, first.low, first.high) == ("bpm", 181, 191)
    assert (second.unit, second.low, second.high) == ("bpm", 180, 190)  # 0.95 * 190 = 180.5
    # Without a max HR it stays a percentage, capped at 99 (98 ± 3 points).
    _, result = compile_text("5min @98%HRmax\n5min @95-100%HRmax", Profile())
    first, second = (target(s) for s in decode(result.data).steps)
    assert (first.unit, first.low, first.high) == ("%max", 95, 99)
    assert (second.unit, second.low, second.high) == ("%max", 95, 99)


def test_a_single_cadence_gets_the_profiles_tolerance():
    # 95 rpm ± 3 rpm; 180 spm ± 3 spm is 177-183 spm, 88.5-91.5 FIT rpm (one foot), rounded
    # half to even by the encoder to 88-92.
    _, result = compile_text("sport bike\n5min @200W cadence 95rpm")
    assert secondary(decode(result.data).steps[0]) == Target("cadence", low=92, high=98,
                                                              unit="rpm")
    _, result = compile_text("5min cadence 180spm", dataclasses.replace(ATHLETE,
                                                                          cadence_tolerance=3))
    assert target(decode(result.data).steps[0]) == Target("cadence", low=88, high=92, unit="rpm")
    _, result = compile_text("5min cadence 180spm", dataclasses.replace(ATHLETE,
                                                                          cadence_tolerance=0))
    assert target(decode(result.data).steps[0]) == Target("cadence", low=90, high=90, unit="rpm")


def test_a_walk_is_a_recovery_and_at_walk_runs_the_profiles_walking_speed():
    workout, result = compile_text("walk 2min\n3min @walk")
    check_file(result.data, workout, ATHLETE)
    first, second = decode(result.data).steps
    assert (first["intensity"], target(first).kind) == ("recovery", "open")
    # 5.0 km/h is 1.3889 m/s; ±5 s/km around 720 s/km: 1000/725 to 1000/715 m/s.
    decoded = target(second)
    assert decoded.unit == "m/s"
    assert (decoded.low, decoded.high) == (pytest.approx(1000 / 725, abs=0.0005),
                                           pytest.approx(1000 / 715, abs=0.0005))


def test_a_note_that_repeats_what_the_step_says_is_said_once():
    _, result = compile_text('10s @max "all out"\n10s @max "All out"')
    assert [s["notes"] for s in decode(result.data).steps] == ["all out", "All out"]


def test_a_target_the_profile_cannot_resolve_is_an_error_naming_the_step():
    workout, result = compile_text("5min @Z2\n3min @HM\n2min @95%LTHR", Profile())
    assert result.data is None
    assert [(p.line, p.severity) for p in result.problems] == [(2, Severity.ERROR),
                                                               (3, Severity.ERROR)]
    assert "@HM needs your HM race pace" in result.problems[0].message
    assert result.problems[0].hint


def test_cadence_is_secondary_with_a_target_and_primary_without():
    workout, result = compile_text("5min @E cadence 170-180spm\n5min cadence 180spm\n"
                                   "5min @RPE5 cadence 176spm")
    check_file(result.data, workout, ATHLETE)
    steps = decode(result.data).steps
    assert (steps[0]["target_type"], steps[0]["secondary_target_type"]) == ("speed", "cadence")
    assert steps[0]["secondary_custom_target_cadence_low"] == 85  # 170 spm: 85 strides/min
    assert (steps[1]["target_type"], steps[1].get("secondary_target_type")) == ("cadence", None)
    assert steps[2]["target_type"] == "cadence"


def test_bike_cadence_is_rpm_as_written():
    workout, result = compile_text("sport trainer\n10min @90%FTP cadence 85-95rpm")
    check_file(result.data, workout, ATHLETE)
    step = decode(result.data).steps[0]
    assert (step["secondary_custom_target_cadence_low"],
            step["secondary_custom_target_cadence_high"]) == (85, 95)


def test_intensity_follows_the_step_kind():
    workout, result = compile_text("warmup 1min\nrun 1min\ninterval 1min\nrec 1min\nrest 1min\n"
                                   "cooldown 1min")
    assert [s["intensity"] for s in decode(result.data).steps] == [
        "warmup", "active", "interval", "recovery", "rest", "cooldown"]


def test_notes_carry_the_users_note_incline_and_effort():
    _, result = compile_text('sport treadmill\n5min @E "easy does it"\n3min @RPE7 incline 6%\n'
                             '30s @max')
    assert [s["notes"] for s in decode(result.data).steps] == [
        "easy does it; incline 1%", "incline 6%; effort @RPE7", "incline 1%; all out"]


@pytest.mark.parametrize("header, sport, sub_sport", [
    ("sport run", "running", "generic"), ("sport treadmill", "running", "treadmill"),
    ("sport bike", "cycling", "generic"), ("sport trainer", "cycling", "indoor_cycling")])
def test_sport_and_sub_sport(header, sport, sub_sport):
    _, result = compile_text(f'workout "W"\n{header}\nnote "a"\nnote "b"\n10min')
    workout = decode(result.data).workout
    assert (workout["sport"], workout["sub_sport"]) == (sport, sub_sport)
    assert workout["wkt_description"] == "a\nb"


def test_repeats_nest_and_count_every_step():
    text = "warmup 5min\n2x(4x(200m @R, rec 200m), rest 3min)\n3x 1min @T\n1x(2min)\ncd 5min"
    workout, result = compile_text(text)
    check_file(result.data, workout, ATHLETE)
    steps = decode(result.data).steps
    repeats = [(s["message_index"], s["duration_step"], s["repeat_steps"])
               for s in steps if is_repeat(s)]
    # inner 4x loops back to 200m (index 1), outer 2x to the same step, 3x to its single step;
    # 1x(...) is written as its steps.
    assert repeats == [(3, 1, 4), (5, 1, 2), (7, 6, 3)]
    assert decode(result.data).workout["num_valid_steps"] == len(steps) == 10


def test_a_ramp_becomes_a_staircase_with_a_warning():
    workout, result = compile_text("sport bike\nwarmup 10min @50%..75%FTP\n"
                                   "cooldown 2500m @300W..150W")
    check_file(result.data, workout, ATHLETE)
    warnings = [p for p in result.problems if p.severity is Severity.WARNING]
    assert [w.line for w in warnings] == [2, 3]
    assert "10 steps" in warnings[0].message and "ramp" in warnings[0].message
    steps = decode(result.data).steps
    assert [s["wkt_step_name"] for s in steps[:2]] == ["1:00 50-53%FTP", "1:00 52-55%FTP"]
    assert steps[0]["notes"] == "ramp @50%..75%FTP, step 1 of 10"


def test_a_pace_ramp_an_effort_ramp_and_a_ramp_too_short_to_split():
    workout, result = compile_text("20min @E..T\n3min @RPE3..RPE7\n45s @150W..250W")
    check_file(result.data, workout, ATHLETE)
    names = [s["wkt_step_name"] for s in decode(result.data).steps]
    assert len(names) == 24
    assert names[-4:] == ["1:00 RPE3.7", "1:00 RPE5", "1:00 RPE6.3", "0:45 194-206W"]
    assert [p.message.split(" is written as ")[1] for p in result.problems] == [
        "20 steps, each holding the ramp's value at its middle",
        "3 steps, each holding the ramp's value at its middle",
        "one step holding the ramp's middle value"]


def test_a_distance_ramp_names_its_steps_by_distance():
    # Power on a bike has no speed, so a distance ramp is cut every 400 m: 2400 m, 6 steps.
    # The ends are 300 W and 150 W ± 3%: 291-309 W and 145.5-154.5 W; step 1 holds the value
    # at 1/12 of the way: 291 - 145.5/12 = 278.875 and 309 - 154.5/12 = 296.125 W.
    _, result = compile_text("sport bike\n2400m @300W..150W")
    steps = decode(result.data).steps
    assert [duration(s) for s in steps] == [("distance", 400.0)] * 6
    assert steps[0]["wkt_step_name"] == "400m 279-296W"
    assert target(steps[0]) == Target("power", low=279, high=296, unit="W")


def test_a_ramp_of_two_steps_is_called_two_steps():
    # 2 minutes are two steps of a minute; "one step" is said only of a ramp kept whole.
    _, result = compile_text("sport bike\n2min @150W..250W")
    assert len(decode(result.data).steps) == 2
    (warning,) = result.problems
    assert warning.message.endswith("@150W..250W is written as 2 steps, each holding the "
                                    "ramp's value at its middle")


def test_an_effort_ramp_to_max_climbs_to_rpe_10():
    # @max is RPE 10: from RPE 4, the middles of three thirds are 4 + 6/6, 4 + 6/2, 4 + 6*5/6.
    _, result = compile_text("3min @RPE4..max")
    steps = decode(result.data).steps
    assert [s["wkt_step_name"] for s in steps] == ["1:00 RPE5", "1:00 RPE7", "1:00 RPE9"]
    assert [target(s) for s in steps] == [Target("open")] * 3


def test_a_ramp_in_percent_of_max_hr_names_its_steps_in_percent_of_max_hr():
    # ±4 bpm of a 200 bpm max HR is ±2%: the ends are 68-72% and 78-82%. Four steps hold the
    # values at 1/8, 3/8, 5/8 and 7/8: lows 68 + 10 * those = 69.25, 71.75, 74.25, 76.75,
    # highs 72 + 10 * those = 73.25, 75.75, 78.25, 80.75.
    profile = Profile(max_hr=200, hr_tolerance=4)
    _, result = compile_text("4min @70%..80%HRmax", profile)
    steps = decode(result.data).steps
    assert [s["wkt_step_name"] for s in steps] == [
        "1:00 69-73%HRmax", "1:00 72-76%HRmax", "1:00 74-78%HRmax", "1:00 77-81%HRmax"]
    assert [target(s) for s in steps] == [
        Target("heart_rate", low=low, high=high, unit="%max")
        for low, high in [(69, 73), (72, 76), (74, 78), (77, 81)]]


def test_a_pace_ramp_names_its_steps_in_the_profiles_units():
    # With no tolerance, 8:00/mi is 1609.344/480 = 3.35280 m/s and 7:00/mi 1609.344/420 =
    # 3.83177 m/s. The two steps hold the speed at 1/4 and 3/4: 3.35280 + 0.47897/4 = 3.47254
    # m/s (1609.344/3.47254 = 463.45 s, 7:43/mi) and 3.35280 + 0.47897*3/4 = 3.71203 m/s
    # (433.55 s, 7:14/mi). FIT holds speed in mm/s.
    profile = Profile(units="mi", pace_tolerance=0.0)
    _, result = compile_text("2min @8:00..7:00/mi", profile)
    steps = decode(result.data).steps
    assert [s["wkt_step_name"] for s in steps] == ["1:00 7:43/mi", "1:00 7:14/mi"]
    assert [target(s) for s in steps] == [Target("speed", low=3.473, high=3.473, unit="m/s"),
                                          Target("speed", low=3.712, high=3.712, unit="m/s")]


def test_a_long_note_on_a_ramp_is_cut_with_one_warning_not_one_a_step():
    # Each of the three steps carries the note, cut at the same place: the same warning, once,
    # on the ramp's line.
    _, result = compile_text(f'1min\n3min @RPE3..RPE7 "{"n" * 300}"')
    steps = decode(result.data).steps
    assert [s["notes"] for s in steps[1:]] == ["n" * 254] * 3
    assert [(p.line, p.message) for p in result.problems] == [
        (2, "the step's notes is longer than the 254 bytes a FIT text holds and is cut after "
            f"{'n' * 20!r}"),
        (2, "FIT has no ramps: @RPE3..RPE7 is written as 3 steps, each holding the ramp's "
            "value at its middle")]


def test_a_long_workout_name_and_notes_are_cut_with_a_warning_on_the_workout():
    # Both are cut to 254 bytes, each with its own warning on the workout's line (line 2
    # here: the first is a comment); each quotes the last 20 characters kept.
    text = f'# first\nworkout "{"a" * 300}"\nnote "{"b" * 300}"\n10min'
    _, result = compile_text(text)
    workout = decode(result.data).workout
    assert (workout["wkt_name"], workout["wkt_description"]) == ("a" * 254, "b" * 254)
    assert [(p.line, p.severity, p.message) for p in result.problems] == [
        (2, Severity.WARNING, "the workout name is longer than the 254 bytes a FIT text holds "
                              f"and is cut after {'a' * 20!r}"),
        (2, Severity.WARNING, "the workout's notes is longer than the 254 bytes a FIT text "
                              f"holds and is cut after {'b' * 20!r}")]


def test_an_effort_is_named_as_written_without_a_band():
    # An effort has no band a watch can follow: the name is the target as written, not also
    # the effort it resolves to (RPE7, the middle of 6-8, or RPE7 for RPE7.0).
    _, result = compile_text("5min @RPE6-RPE8\n5min @RPE7.0")
    assert [s["wkt_step_name"] for s in decode(result.data).steps] == ["5:00 RPE6-RPE8",
                                                                       "5:00 RPE7.0"]


def test_a_single_cadence_below_its_tolerance_starts_at_zero():
    # 2 rpm ± 3 rpm (the default tolerance) is -1..5 rpm; no cadence is below 0.
    _, result = compile_text("5min cadence 2rpm")
    assert target(decode(result.data).steps[0]) == Target("cadence", low=0, high=5, unit="rpm")


def test_an_incline_on_an_eighth_of_a_percent_is_noted_as_written():
    # A console that steps in 0.125% sets 1.125%: the notes said 1.1% (one decimal) while the
    # card and the QZ file say 1.125. Four decimals hold any console's step; past them a note
    # would show noise nobody can set: 1.123456% is noted as 1.1235%.
    _, result = compile_text("sport treadmill\n5min incline 1.125%\n5min incline 6.25%\n"
                             "5min incline 1.123456%")
    assert [s["notes"] for s in decode(result.data).steps] == ["incline 1.125%",
                                                               "incline 6.25%",
                                                               "incline 1.1235%"]


def test_a_note_is_dropped_only_when_it_differs_from_another_but_for_case():
    # The note written with the ligature "ﬀ" is another text than the effort wodc adds (upper
    # case would make both EFFORT @RPE7), so both are kept; "EFFORT @RPE7" is the same.
    _, result = compile_text('3min @RPE7 "eﬀort @RPE7"\n3min @RPE7 "EFFORT @RPE7"')
    assert [s["notes"] for s in decode(result.data).steps] == ["eﬀort @RPE7; effort @RPE7",
                                                               "EFFORT @RPE7"]


def test_a_digest_of_zeros_still_gives_a_valid_serial_number():
    # serial_number is a uint32z: 0 is FIT's invalid value, so a zero digest gives 1; its time
    # is the default, 2024-01-01T00:00:00Z (1704067200), plus 0 s.
    assert fit.identity(bytes(32), None) == (1, 1704067200)


def test_a_dry_run_encodes_nothing_but_reports_the_same_problems():
    workout = load_workout("2min @150W..250W")
    dry = fit.compile(workout, ATHLETE, Options(created=CREATED, dry_run=True))
    real = fit.compile(workout, ATHLETE, Options(created=CREATED))
    assert dry.data == b"" and real.data[8:12] == b".FIT"
    assert dry.problems == real.problems and len(real.problems) == 1


def test_a_dry_run_makes_no_content_hash(monkeypatch):
    # The hash names a written file (its serial number and time): a check, which writes none,
    # does not make it (nor load hashlib: tests/test_check_cli.py). The real run does.
    workout = load_workout("2min @150W..250W")
    calls = []
    digest = fit.content_digest
    monkeypatch.setattr(fit, "content_digest", lambda *content: calls.append(1) or
                        digest(*content))
    assert fit.compile(workout, ATHLETE, Options(created=CREATED, dry_run=True)).data == b""
    assert calls == []
    assert fit.compile(workout, ATHLETE, Options(created=CREATED)).data[8:12] == b".FIT"
    assert calls == [1]


@pytest.mark.parametrize("text, expected", [
    # 90% and 225 W (90% of a 250 W FTP) to 250 W: a range of two units is written in watts.
    ("@90%FTP-250W", Target("power", low=225, high=250, unit="W")),
    ("@225W-100%FTP", Target("power", low=225, high=250, unit="W")),
    # 80% of a 190 bpm max HR is 152 bpm.
    ("@80%HRmax-160bpm", Target("heart_rate", low=152, high=160, unit="bpm")),
    ("@140bpm-80%HRmax", Target("heart_rate", low=140, high=152, unit="bpm")),
], ids=["ftp-watts", "watts-ftp", "hrmax-bpm", "bpm-hrmax"])
def test_a_range_mixing_percent_and_absolute_is_written_absolute(text, expected):
    workout, result = compile_text(f"5min {text}")
    check_file(result.data, workout, ATHLETE)
    assert target(decode(result.data).steps[0]) == expected


@pytest.mark.parametrize("text, expected", [
    # FIT's heart-rate values 0-99 are % of max HR, 100 up bpm + 100, written rounded: a top
    # of 99.4% is written 99 (a percentage), 99.5% would be 100, which Garmin's decoder reads
    # as 'bpm_offset', 0 bpm, so the range goes in bpm: 90% and 99.5% of 190 are 171 and
    # 189.05 bpm.
    ("@90-98.6%HRmax", Target("heart_rate", low=90, high=99, unit="%max")),
    ("@90-99%HRmax", Target("heart_rate", low=90, high=99, unit="%max")),
    ("@90-99.4%HRmax", Target("heart_rate", low=90, high=99, unit="%max")),
    ("@90-99.5%HRmax", Target("heart_rate", low=171, high=189, unit="bpm")),
    # ±5 bpm of 190 is ±2.63%: 97% is 94.37-99.63%, written as 179.3-189.3 bpm (97% of 190 is
    # 184.3, ± 5).
    ("@97%HRmax", Target("heart_rate", low=179, high=189, unit="bpm")),
], ids=["98.6", "99", "99.4", "99.5", "97-single"])
def test_a_top_that_rounds_to_100_percent_of_max_hr_is_written_in_bpm(text, expected):
    workout, result = compile_text(f"5min {text}")
    check_file(result.data, workout, ATHLETE)
    assert target(decode(result.data).steps[0]) == expected


def test_a_top_that_rounds_to_100_percent_of_max_hr_without_max_hr_is_99_percent():
    # Without a max HR there are no bpm to write: the top is cut to 99%, FIT's highest.
    _, result = compile_text("5min @90-99.6%HRmax", Profile())
    assert target(decode(result.data).steps[0]) == Target("heart_rate", low=90, high=99,
                                                          unit="%max")


def test_more_than_fifty_steps_is_a_warning_naming_the_workout():
    _, result = compile_text('workout "Long one"\n' + "1min\n" * 51)
    (warning,) = result.problems
    assert warning.severity is Severity.WARNING
    assert "'Long one'" in warning.message and "51" in warning.message and "50" in warning.message
    _, fine = compile_text('workout "Fifty"\n' + "1min\n" * 50)
    assert fine.problems == []


def test_strict_makes_the_step_limit_an_error(tmp_path):
    source = tmp_path / "long.wod"
    source.write_text('workout "Long one"\n' + "1min\n" * 51)
    run = load([str(source)], ProfileSource())
    outcome = compile_run(run, ["fit"], str(tmp_path / "out"), Options(), strict=True)
    assert [p.severity for p in outcome.problems] == [Severity.ERROR]
    assert not (tmp_path / "out" / "long-one.fit").exists()


def test_long_notes_are_cut_to_what_fit_holds_with_a_warning():
    note = "é" * 200  # 400 bytes of UTF-8
    _, result = compile_text(f'5min "{note}"')
    (warning,) = result.problems
    assert warning.severity is Severity.WARNING and "254 bytes" in warning.message
    notes = decode(result.data).steps[0]["notes"]
    assert notes == "é" * 127


# ---- the lean encoder against fit-tool ---------------------------------------------------

@pytest.mark.parametrize("text, created", [
    ('workout "' + "n" * 300 + '"\n10min', CREATED),        # a name cut to 254 bytes
    ('workout "Ünïcødé 🏃"\nnote "é🏃"\n10min "é🏃"', CREATED),  # multi-byte text
    ("warmup 10min @E\n3x(1km @T, rec 2min)", CREATED),     # plain
    ('1min "a"\n1min "a much longer note"\n1min "b"\n1min', CREATED),  # redefinitions
    ('5min "' + "é" * 200 + '"', CREATED),                    # a note cut to 254 bytes
    ("10min", 2**40),                                          # a date beyond FIT's range
    ("10min @Z2 cadence 180spm\nuntil HR>170 @250W cadence 90rpm\nlap", CREATED),
], ids=["long-name", "unicode", "plain", "redefinitions", "cut-note", "max-date", "mixed"])
def test_the_lean_encoder_writes_fit_tools_bytes(text, created):
    """compile_text compares the two encoders on every file; these are the awkward ones."""
    _, result = compile_text(text, created=created)
    decode(result.data)


def test_fit_crc_matches_fit_tools():
    from fit_tool.utils.crc import crc16

    data = bytes(range(256)) * 3
    assert fit_wire.crc16(data) == crc16(data) != 0


# ---- deterministic bytes ------------------------------------------------------------------

def test_same_input_gives_identical_bytes():
    text = "warmup 10min @E\n3x(1km @T, rec 2min)\ncooldown 5min @E..M"
    assert compile_text(text)[1].data == compile_text(text)[1].data


def test_time_created_comes_from_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    workout = load_workout("10min")
    created = decode(compile_fit(workout, ATHLETE, Options()).data).file_id["time_created"]
    assert created.timestamp() == 1234567890
    monkeypatch.delenv("SOURCE_DATE_EPOCH")

    def identity(text):
        file_id = decode(compile_fit(load_workout(text), ATHLETE, Options()).data).file_id
        return file_id["serial_number"], file_id["time_created"].timestamp()
    # Without it, a time within the year after 2024-01-01 (1704067200), derived from the
    # content: the same for a rebuild, another for an edit.
    serial, created = identity("10min")
    assert 1704067200 <= created < 1704067200 + 365 * 86400
    assert identity("10min") == (serial, created)
    edited = identity("11min")
    assert edited[0] != serial and edited[1] != created


def test_a_date_fit_cannot_hold_is_clamped_not_misread():
    _, result = compile_text("10min", created=0)
    created = decode(result.data).file_id["time_created"]
    # below 0x10000000 FIT reads a date_time as seconds since the device powered up
    assert created.timestamp() == 631065600 + 0x10000000


def test_serial_number_follows_the_content_not_only_the_name():
    def serial(text):
        return decode(compile_text(text)[1].data).file_id["serial_number"]
    assert serial('workout "A"\n10min') == serial('workout "A"\n10min')
    # An edited workout is a new file to Garmin Connect, not the old one under its name.
    assert serial('workout "A"\n10min') != serial('workout "A"\n20min @E')
    assert serial('workout "A"\n10min') != serial('workout "B"\n10min')
    assert serial('workout "A"\n10min') != 0


def test_the_header_names_a_real_protocol_version():
    # Byte 1 of a FIT header is the protocol version, major in the high nibble: Garmin's SDK
    # writes 2.0 (0x20); fit-tool 0.9.16's 0x23 is no version (fit-tool issue #78).
    data = compile_text("10min")[1].data
    assert data[0] == 12 and data[1] == 0x20 and data[8:12] == b".FIT"


# ---- the examples, end to end -------------------------------------------------------------

class FitSnapshot(SingleFileSnapshotExtension):
    file_extension = "fit"


def example_entries(sessions: bool = False):
    """The examples' workouts, each once; with `sessions`, each session of the plan too."""
    run = load([str(p) for p in EXAMPLES], ProfileSource())
    assert not run.problems
    if sessions:
        return run.entries
    return list({id(e.workout): e for e in run.entries}.values())


@pytest.mark.parametrize("entry", example_entries(), ids=lambda e: slug(e.workout.name))
def test_example_decodes_to_its_resolved_workout(entry, snapshot):
    result = compile_fit(entry.workout, entry.profile, Options())
    assert all(p.severity is Severity.WARNING for p in result.problems)
    check_file(result.data, entry.workout, entry.profile)
    assert result.data == snapshot(extension_class=FitSnapshot)
    assert dump(result.data) == snapshot


def test_cli_writes_one_file_per_workout_or_session(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["compile", str(ROOT / "examples"), "-f", "fit",
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    # A workout of the mile plan is written once per session, under its date.
    files = {entry.stem + ".fit": entry.workout.name for entry in example_entries(True)}
    assert files["track-8x400m-at-r-pace.fit"] == "Track 8x400m at R pace"
    assert files["2026-12-07-speed-hill-sprints-and-200s.fit"] == "Speed: Hill Sprints and 200s"
    plan = ["4-week-treadmill-mile.ics", "4-week-treadmill-mile.schedule.fit"]
    assert sorted(p.name for p in out.iterdir()) == sorted([*files, *plan])
    for filename, name in files.items():
        assert decode((out / filename).read_bytes()).workout["wkt_name"] == name


def test_cli_strict_writes_nothing_that_was_approximated(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["compile", str(ROOT / "examples" / "sweet-spot.wod"),
                                       "-f", "fit", "-o", str(out), "--strict"])
    assert result.exit_code == 1
    assert "FIT has no ramps" in result.output
    assert not (out / "sweet-spot-3x10.fit").exists()


# ---- random workouts -----------------------------------------------------------------------

KINDS = ("", "warmup ", "run ", "interval ", "rec ", "rest ", "cooldown ")
TARGETS = ("", "@E", "@T", "@M", "@5K", "@HM-10s", "@10K+5s/mi", "@105%5K", "@4:30/km",
           "@4:20-4:40/km", "@12kph", "@150bpm", "@140-150bpm", "@Z1", "@Z5", "@85%HRmax",
           "@80-90%HRmax", "@95%LTHR", "@250W", "@200-220W", "@95%FTP", "@90-100%FTP", "@PZ3",
           "@PZ7", "@Z2-Z3", "@PZ2-PZ4", "@RPE6", "@max")
RAMPS = ("@E..T", "@6:00..5:00/km", "@50%..75%FTP", "@150W..250W", "@130bpm..160bpm",
         "@70%..80%HRmax", "@Z1..Z3", "@PZ1..PZ3", "@RPE3..RPE7")

time_or_distance = st.one_of(
    st.integers(10, 5400).map(lambda s: f"{s}s"),
    st.integers(1, 90).map(lambda m: f"{m}min"),
    st.integers(50, 20000).map(lambda m: f"{m}m"),
    st.sampled_from(("1.5km", "0.25mi", "1mi", "300yd")))
other_duration = st.one_of(st.just("lap"), st.integers(60, 200).map(lambda b: f"until HR<{b}"),
                           st.integers(60, 200).map(lambda b: f"until HR>{b}"))
extras = st.tuples(st.sampled_from(("", " cadence 170-180spm", " cadence 182spm")),
                   st.sampled_from(("", ' "note"')))


@st.composite
def steps(draw):
    kind = draw(st.sampled_from(KINDS))
    if draw(st.booleans()) and draw(st.booleans()):
        text = f"{draw(time_or_distance)} {draw(st.sampled_from(RAMPS))}"
    else:
        text = f"{draw(st.one_of(time_or_distance, other_duration))} " \
               f"{draw(st.sampled_from(TARGETS))}"
    cadence, note = draw(extras)
    return f"{kind}{text}{cadence}{note}"


nodes = st.recursive(
    steps(), lambda children: st.builds(
        lambda count, items: f"{count}x({', '.join(items)})",
        st.integers(1, 4), st.lists(children, min_size=1, max_size=3)),
    max_leaves=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(nodes, min_size=1, max_size=5))
def test_random_workouts_decode_to_the_same_step_sequence(lines):
    workout, result = compile_text("\n".join(lines))
    assert [p for p in result.problems if p.is_error] == []
    check_file(result.data, workout, ATHLETE)


def test_the_checks_can_fail():
    """The checker above rejects a file whose values are off by more than the resolution."""
    workout = load_workout("5min @150bpm")
    planned, _ = fit.plan(workout, ATHLETE, CREATED)
    step = planned.steps[0]
    wrong = dataclasses.replace(step, target=dataclasses.replace(step.target, low=143))
    with pytest.raises(AssertionError):
        check_file(fit_wire.encode(dataclasses.replace(planned, steps=(wrong,))), workout, ATHLETE)
    check_file(fit_wire.encode(planned), workout, ATHLETE)


def test_more_steps_than_fit_can_number_is_an_error_for_fit_only():
    # FIT's step index is 16 bits. 3,300 ramps of 20 minutes are 20 FIT steps each, 66,000.
    result = compile_text("\n".join(["20min @E..T"] * 3_300))[1]
    assert result.data is None
    (problem,) = [p for p in result.problems if p.is_error]
    assert "has 66,000 FIT steps" in problem.message and "at most 65,535" in problem.message


def test_fit_takes_steps_up_to_its_limits_and_says_so_past_them(monkeypatch):
    # The limits made small, so that a workout reaches them: at the limit a file is written
    # without a word, past it a warning (the watch) or an error (the format), each on the
    # workout (line 2 here: the first is a comment).
    monkeypatch.setattr(fit, "MAX_DEVICE_STEPS", 3)
    monkeypatch.setattr(fit, "MAX_FIT_STEPS", 4)
    text = '# first\nworkout "W"\n' + "1min\n" * 3
    _, result = compile_text(text)
    assert result.data is not None and result.problems == []
    _, result = compile_text(text + "1min\n")
    assert len(decode(result.data).steps) == 4
    assert [(p.line, p.column, p.severity, p.message) for p in result.problems] == [
        (2, 1, Severity.WARNING, "workout 'W' has 4 FIT steps; many Garmin watches hold at "
                                 "most 3")]
    _, result = compile_text(text + "1min\n" * 2)
    assert result.data is None
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems if p.is_error] == [
        (2, 1, "workout 'W' has 5 FIT steps; a FIT file numbers them in 16 bits, so it holds "
               "at most 4", "split it into several workouts")]


def test_a_text_cut_inside_a_character_keeps_only_whole_characters():
    # "a" and 200 "é" (2 bytes each) are 401 bytes; 254 bytes end inside the 127th "é", which
    # is dropped (a watch shows no half character): "a" and 126 "é", 253 bytes.
    _, result = compile_text(f'workout "a{"é" * 200}"\n10min')
    assert decode(result.data).workout["wkt_name"] == "a" + "é" * 126
