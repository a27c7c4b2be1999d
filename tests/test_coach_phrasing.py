"""Workouts written the way coaches publish them, compiled, and the numbers a coach means
checked against hand arithmetic (in the comments), not against wodc's own code."""

from __future__ import annotations

import pytest

from garmin_fit import decode, run_order, target
from wodc import ir
from wodc.backends import Options, fit
from wodc.checks import check_workout
from wodc.parse import parse
from wodc.profile import Profile
from wodc.resolve import resolve

ATHLETE = Profile(vdot=50, ftp=250, max_hr=190, lthr=170)


def steps_of(text: str, profile: Profile = ATHLETE) -> list[ir.Step]:
    result = parse(text, "coach.wod")
    assert result.diagnostics == [], result.diagnostics
    (workout,) = result.workouts
    assert [p for p in check_workout(workout) if p.is_error] == []
    return list(ir.flatten(resolve(workout, profile).steps))


def fit_steps(text: str, profile: Profile = ATHLETE) -> list[dict]:
    (workout,) = parse(text, "coach.wod").workouts
    result = fit.compile(resolve(workout, profile), profile, Options(created=1_700_000_000))
    assert result.data is not None, result.problems
    return decode(result.data).steps


def test_a_track_session_in_rep_times():
    # "8 x 800 m in 3:10 with a 400 m jog": 800 m in 190 s is 4.2105 m/s.
    steps = steps_of("warmup 2mi @E\n8x(800m @3:10, jog 400m)\ncooldown 10' @E")
    rep, jog = steps[1], steps[2]
    assert rep.band.nominal == pytest.approx(800 / 190)
    assert (jog.kind, jog.duration) == (ir.StepKind.RECOVERY, ir.DistanceDuration(400.0, "m"))
    assert steps[-1].duration == ir.TimeDuration(600.0)  # 10' is ten minutes
    assert len(steps) == 1 + 16 + 1
    # On the watch: 237.5 s/km ± 5 s/km, so 1000/242.5 to 1000/232.5 m/s (to 1 mm/s).
    decoded = target(fit_steps("8x(800m @3:10, jog 400m)")[0])
    assert (decoded.low, decoded.high) == (pytest.approx(1000 / 242.5, abs=0.0005),
                                           pytest.approx(1000 / 232.5, abs=0.0005))


@pytest.mark.parametrize("written, metres_per_second", [
    ("@75s/400m", 400 / 75),          # 5.333 m/s
    ("@72.5s/400m", 400 / 72.5),      # decimal seconds
    ("@3:10/800m", 800 / 190),
    ("@1:45/400m", 400 / 105),
    ("@4:22.5/km", 1000 / 262.5),     # 3.8095 m/s
    ("@6:30.5/mi", 1609.344 / 390.5),
])
def test_a_time_per_distance_is_a_pace(written, metres_per_second):
    (step,) = steps_of(f"5min {written}")
    assert step.band.nominal == pytest.approx(metres_per_second)


def test_a_rep_time_range_and_decimal_clock_durations():
    # "6 x 1000 m in 3:50-3:55": the faster time first, like any pace range.
    (step,) = steps_of("1000m @3:50-3:55")
    assert (step.band.low, step.band.high) == (pytest.approx(1000 / 235),
                                               pytest.approx(1000 / 230))
    (step,) = steps_of("1:30.5 @E")
    assert step.duration == ir.TimeDuration(90.5)


def test_strides_are_short_fast_runs_at_r_pace():
    # Daniels' R for VDOT 50 is 87 s per 400 m (4.598 m/s); ours is within 2 s per 400 m.
    steps = steps_of("4x strides 100m\nstride 20s @mile")
    assert len(steps) == 5
    assert all(s.kind is ir.StepKind.INTERVAL for s in steps)
    assert 400 / steps[0].band.nominal == pytest.approx(87, abs=2)
    assert steps[0].target.text == "R"
    assert steps[4].target.text == "mile"


@pytest.mark.parametrize("written, seconds", [("30\"", 30), ("10'", 600), ("10'30\"", 630),
                                              ("1.5'", 90)])
def test_coach_shorthand_for_minutes_and_seconds(written, seconds):
    (step,) = steps_of(f"{written} @E")
    assert step.duration == ir.TimeDuration(float(seconds))


def test_a_rep_time_without_a_distance_says_how_to_write_a_pace():
    (problem,) = parse("3min @75s", "coach.wod").diagnostics
    assert problem.message == "a pace needs /km or /mi"
    assert problem.hint == "write @75s/400m for a pace, or run it on a distance: 400m @75s"


def test_heart_rate_reserve_is_karvonen():
    # Max 190, resting 50: the reserve is 140 bpm; 70% is 50 + 98 = 148, 80% is 50 + 112 = 162.
    athlete = Profile(max_hr=190, resting_hr=50)
    (step,) = steps_of("20min @70-80%HRR", athlete)
    assert (step.band.low, step.band.high) == (pytest.approx(148), pytest.approx(162))
    (step,) = steps_of("20min @70-80%HRR", Profile(max_hr=190))
    assert "needs your resting heart rate" in step.resolved.problem.message


def test_plain_ftp_is_one_hundred_percent():
    # FTP 250 W ± 3%: 242.5-257.5 W; FIT keeps it as 97-103% of FTP.
    (step,) = steps_of("sport bike\n20min @FTP")
    assert (step.band.low, step.band.high) == (pytest.approx(242.5), pytest.approx(257.5))
    decoded = target(fit_steps("sport bike\n20min @FTP")[0])
    assert (decoded.unit, decoded.low, decoded.high) == ("%FTP", 97, 103)


def test_heart_rate_caps_and_floors_as_maf_runs_write_them():
    # Max HR 190 with default zones 50/60/70/80/90/100%: Z2 is 114-133 bpm, so <Z2 is <133.
    steps = steps_of("40min @<140bpm\n5min @>150bpm\n20min @<Z2")
    assert [(s.band.low, s.band.high) for s in steps] == [
        (0, 140), (150, 190), (0, pytest.approx(133))]
    # FIT: a one-sided custom range the watch alarms on at one end only (0 bpm is FIT's
    # bpm offset itself, 100 on the wire); a floor ends at max HR.
    decoded = [target(s) for s in fit_steps("40min @<140bpm\n5min @>150bpm\n20min @<Z2")]
    assert [(t.unit, t.low, t.high) for t in decoded] == [
        ("bpm", 0, 140), ("bpm", 150, 190), ("bpm", 0, 133)]


def test_a_cap_is_for_heart_rate_or_power():
    (problem,) = parse("20min @<5K", "coach.wod").diagnostics
    assert problem.message == "a cap or a floor is for heart rate or power, not '5K'"
    assert problem.hint == "write @<140bpm, @>150bpm or @<Z2"


def test_rest_only_between_sets_and_reps():
    # "3 sets of 4 x 400 m at R, 200 m jog between reps, 4 min rest between sets": 12 reps,
    # 3 x 3 = 9 jogs, 2 rests; nothing after the last rep of a set, or after the last set.
    text = ("warmup 15min @E\n3x(4x(400m @R, jog 200m between), rest 4min between)\n"
            "cooldown 10min @E")
    kinds = [s.kind.value for s in steps_of(text)]
    assert kinds == ["warmup"] + (["active", "recovery"] * 3
                                  + ["active", "rest"]) * 2 + ["active", "recovery"] * 3 + [
        "active", "cooldown"]
    # The watch runs the same, following FIT's repeat steps.
    watch = [s["intensity"] for s in run_order(fit_steps(text))]
    assert watch == kinds
    assert (watch.count("active"), watch.count("recovery"), watch.count("rest")) == (12, 9, 2)


def test_between_needs_a_repeat_and_something_to_be_between():
    (problem,) = parse("rec 2min between", "coach.wod").diagnostics
    assert problem.message == "`between` is for a step inside a repeat"
    (problem,) = parse("3x(rec 2min between)", "coach.wod").diagnostics
    assert problem.message.startswith("this repeat has only `between` steps")


def test_yasso_800s_jog_for_the_same_time_as_the_rep():
    # "10 x 800 m in 3:10, jogging 3:10 between": the jog lasts the rep's time.
    steps = steps_of("warmup 15min @E\n10x(800m @3:10, jog same)\ncooldown 10min @E")
    assert steps[2].duration == ir.TimeDuration(pytest.approx(190.0))
    # At 5K pace for a 20:00 5K (240 s/km), an 800 m rep takes 192 s, and so does its jog.
    from wodc.profile import Race
    athlete = Profile(races=(Race("5K", 5000.0, 1200.0),))
    steps = steps_of("4x(800m @5K, rec same)", athlete)
    assert steps[1].duration == ir.TimeDuration(pytest.approx(192.0))
    # The watch is given the time, as Garmin's decoder reads it (ms on the wire).
    watch = run_order(fit_steps("4x(800m @5K, rec same)", athlete))
    assert watch[1]["duration_type"] == "time"
    assert watch[1]["duration_time"] == pytest.approx(192.0, abs=0.001)


def test_same_needs_a_step_before_it_that_can_be_timed():
    (problem,) = [p for p in check_workout(parse("rec same\n5min", "c.wod").workouts[0])]
    assert problem.message == ("`same` lasts as long as the step just before it, and this "
                               "step has none")
    from wodc.pipeline import ProfileSource, load
    import pathlib
    import tempfile
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "y.wod"
        path.write_text("4x(800m @5K, rec same)\n")
        (pathlib.Path(folder) / ".git").mkdir()
        (entry,) = load([str(path)], ProfileSource()).entries
    assert [p.message for p in entry.problems] == [
        "`same` needs the time of the step before it, and that step has no time or pace for "
        "this athlete"]


def test_a_ramp_test_as_steps_of_a_minute():
    # "Start at 100 W, +20 W every minute to 400 W": (400 - 100) / 20 + 1 = 16 steps.
    text = "sport bike\nwarmup 10min @50%FTP\nsteps @100..400W by 20W every 1min\ncooldown 5min"
    steps = steps_of(text)
    ramp = steps[1:-1]
    assert [s.target.start for s in ramp] == [ir.Power(100.0 + 20 * k) for k in range(16)]
    assert all(s.duration == ir.TimeDuration(60.0) for s in ramp)
    # On the watch, each a minute at its watts ± 3% (FIT: W + 1000 on the wire).
    decoded = [target(s) for s in run_order(fit_steps(text))[1:-1]]
    assert [(t.unit, t.low, t.high) for t in decoded[:2]] == [("W", 97, 103), ("W", 116, 124)]
    # Other units: %FTP and speeds, up or down.
    assert [s.target.text for s in steps_of("sport bike\nsteps @50..70%FTP by 10% every 2min")] \
        == ["50%FTP", "60%FTP", "70%FTP"]
    down = steps_of("steps @12..10kph by 1kph every 30s")
    assert [s.band.nominal * 3.6 for s in down] == [pytest.approx(12), pytest.approx(11),
                                                   pytest.approx(10)]


def test_a_stepped_ramp_says_what_it_needs():
    (problem,) = parse("sport bike\nsteps @100..400W by 5% every 1min", "c.wod").diagnostics
    assert problem.message == ("step by 5% from @100..400W: the steps and the ramp need the "
                               "same unit (W, %FTP, kph or mph)")
    (problem,) = parse("sport bike\nsteps @200W by 20W every 1min", "c.wod").diagnostics
    assert problem.message == "a stepped ramp goes from one value to another: @100..400W"
