"""The treadmill program (wodc/backends/treadmill.py): the console segments both treadmill
outputs render, and the speeds chosen for steps whose target is not a speed."""

import pytest

from wodc import ir
from wodc.backends.treadmill import RepeatSpan, build
from wodc.backends.treadmill_speed import RPE_PACES, rpe_speed
from wodc.errors import Severity
from wodc.parse import parse
from wodc.resolve import resolve
import daniels
from treadmill_support import MPH_PROFILE, profile_from

PROFILE = profile_from(MPH_PROFILE)
MPH_PER_MPS = 3600 / 1609.344  # s per hour over metres per mile
# The paces of MPH_PROFILE's 5K in 22:30, from the independent model in tests/daniels.py.
VDOT = daniels.vdot(5000, 22 * 60 + 30)
EASY = daniels.easy(VDOT)
THRESHOLD = daniels.threshold(VDOT)


def program_of(text: str, profile=PROFILE):
    workout = resolve(parse(text, "t.wod").workouts[0], profile)
    return build(workout, profile)


def mph(speed: float) -> float:
    return round(speed * MPH_PER_MPS, 6)


def test_a_distance_step_runs_for_the_time_it_takes_at_the_console_speed():
    program, problems = program_of("400m @10mph")
    (segment,) = program.segments
    assert (segment.seconds, mph(segment.speed)) == (89, 10.0)  # 400 m / 4.4704 m/s = 89.5 s
    assert problems == []


def test_segments_add_up_to_the_workout_to_the_second():
    # 89.48 s each: rounding each alone would lose 4 s over 8; the clock keeps them exact.
    program, _ = program_of("8x(400m @10mph)")
    durations = [s.seconds for s in program.segments]
    assert set(durations) == {89, 90}
    assert program.seconds == round(8 * 400 / (10 / MPH_PER_MPS)) == 716
    assert [s.start for s in program.segments] == [sum(durations[:i]) for i in range(8)]


def test_repeats_are_expanded_and_remembered():
    program, _ = program_of("1min @E\n2x(3x(1min @T, 1min), 2min)\n1min @E")
    assert len(program.segments) == 16
    assert program.repeats == (RepeatSpan(2, 8, 2), RepeatSpan(2, 3, 3))
    assert program.repeats[0].through == 15
    assert [s.step.span.line for s in program.segments] == [1] + [2] * 14 + [3]


def test_speeds_round_to_the_console_step_and_big_shifts_are_reported():
    program, problems = program_of("1min @6.04mph\n1min @10.04mph")
    assert [mph(s.speed) for s in program.segments] == [6.0, 10.0]
    # 6.04 -> 6.0 mph moves the pace 2.5 s/km; 10.04 -> 10.0 only 0.9 s/km.
    (warning,) = problems
    assert warning.severity is Severity.WARNING and warning.line == 1
    assert "rounds @6.04mph (9:56/mi) to 6.0 mph (10:00/mi), 2.5 s/km slower" in warning.message


def test_inclines_round_to_the_console_step_with_a_warning():
    program, problems = program_of("incline 1.2%\n1min @E\n1min @E incline 3.6%")
    assert [s.incline for s in program.segments] == [1.0, 3.5]
    assert [p.message for p in problems] == [
        "the console's incline step of 0.5% sets 1.2% to 1.0%",
        "the console's incline step of 0.5% sets 3.6% to 3.5%"]


def test_the_incline_is_the_steps_else_the_workouts_else_the_profiles():
    flat = profile_from({**MPH_PROFILE, "treadmill": {"default_incline": 0}})
    assert [s.incline for s in program_of("1min @E\n1min @E incline 2%", flat)[0].segments] \
        == [0.0, 2.0]
    assert [s.incline for s in program_of("sport treadmill\n1min @E", flat)[0].segments] \
        == [0.0]
    assert [s.incline for s in program_of("incline 3%\n1min @E", flat)[0].segments] == [3.0]
    assert [s.incline for s in program_of("sport run\n1min @E")[0].segments] == [1.0]


def test_steps_without_a_target_run_the_recovery_speed():
    slow_easy = EASY[0]
    program, problems = program_of("1min @T\nrec 1min")
    assert mph(program.segments[1].speed) == round(slow_easy * MPH_PER_MPS, 1)
    walker = profile_from({**MPH_PROFILE, "treadmill": {"speed_unit": "mph",
                                                        "recovery_speed": "3.5mph"}})
    program, problems = program_of("1min @T\nrec 1min", walker)
    assert mph(program.segments[1].speed) == 3.5
    assert problems == []


def test_a_step_without_a_speed_and_no_paces_is_an_error_naming_the_fix():
    program, (problem,) = program_of("rec 1min", profile_from({}))
    assert program is None and problem.line == 1
    assert "needs a recovery speed" in problem.message and "recovery_speed" in problem.hint
    program, (problem,) = program_of("1min @5K", profile_from({}))
    assert program is None and "@5K needs your 5K race pace" in problem.message


def test_efforts_run_the_pace_runners_give_them():
    recovery = EASY[0]  # the examples' profile sets no recovery_speed
    for rpe, name in RPE_PACES[1:]:
        assert rpe_speed(rpe, PROFILE, recovery)[1] == f"{name} pace"
    assert rpe_speed(7, PROFILE, recovery)[0] == pytest.approx(THRESHOLD, rel=1e-9)
    assert rpe_speed(10, PROFILE, recovery)[0] == pytest.approx(
        daniels.race_speed(daniels.MILE, VDOT), rel=1e-9)
    assert rpe_speed(1, PROFILE, recovery) == (recovery, "recovery speed")
    speeds = [rpe_speed(r / 2, PROFILE, recovery)[0] for r in range(4, 21)]  # RPE 2 ... 10
    assert all(slower < faster for slower, faster in zip(speeds, speeds[1:]))
    assert rpe_speed(6.5, PROFILE, recovery)[1] == "between HM pace and T pace"


def test_an_effort_target_runs_its_pace_with_a_warning():
    program, (warning,) = program_of("5min @RPE7")
    assert mph(program.segments[0].speed) == round(THRESHOLD * MPH_PER_MPS, 1)
    assert warning.severity is Severity.WARNING
    assert warning.message.startswith("@RPE7 is an effort, and a treadmill needs a speed: it "
                                      "runs T pace")
    assert program.segments[0].why == "@RPE7 as T pace"


def test_heart_rate_and_power_start_at_e_pace_and_say_to_adjust():
    profile = profile_from({**MPH_PROFILE, "max_hr": 190, "ftp": 250})
    program, problems = program_of("5min @Z2\n5min @250W", profile)
    slow, fast = EASY
    assert {mph(s.speed) for s in program.segments} == {round(2 / (1 / slow + 1 / fast)
                                                              * MPH_PER_MPS, 1)}
    assert [s.why for s in program.segments] == ["adjust to hold 114-133bpm",
                                                  "adjust to hold 242-258W"]
    assert [p.severity for p in problems] == [Severity.WARNING] * 2


def test_heart_rate_and_power_without_the_numbers_are_held_as_written():
    # No max HR or FTP in the profile: the speed does not depend on them, so no error.
    program, problems = program_of("5min @Z2\n5min @95%FTP")
    assert [s.why for s in program.segments] == ["adjust to hold @Z2", "adjust to hold @95%FTP"]
    assert [p.severity for p in problems] == [Severity.WARNING] * 2


def test_open_steps_run_a_stated_default_with_a_warning():
    program, problems = program_of("warmup lap @E\nrec until HR<120")
    assert [s.seconds for s in program.segments] == [300, 300]
    assert [p.message for p in problems] == [
        "a console segment needs a length, and this step ends when you press lap: the card "
        "runs it 5:00 (QZ waits for the lap button)",
        "a console segment cannot end on heart rate: the card runs it 5:00 (QZ waits for the "
        "heart rate)"]
    shorter = profile_from({**MPH_PROFILE, "treadmill": {"open_duration": "2min"}})
    assert program_of("lap @E", shorter)[0].segments[0].seconds == 120


def test_a_ramp_whose_ends_round_together_is_steady():
    program, _ = program_of("5min @6.01..6.04mph")
    (segment,) = program.segments
    assert (segment.seconds, segment.ramp_part, segment.ramp) == (300, 0, None)


def test_a_step_shorter_than_a_second_is_an_error():
    program, (problem,) = program_of("1m @10mph")
    assert program is None and "needs at least a second" in problem.message


def test_a_bike_workout_has_no_treadmill_program():
    program, (problem,) = program_of('workout "Spin"\nsport bike\n10min @200W')
    assert program is None and problem.is_error and "'Spin' is a bike workout" in problem.message


def test_every_error_is_reported_not_just_the_first():
    program, problems = program_of("1min @13mph\n1min @E incline 20%\n1min @14mph")
    assert program is None
    assert [p.line for p in problems] == [1, 2, 3]


def test_the_totals_are_time_and_distance_as_the_belt_runs():
    program, _ = program_of("10min @6mph\n10min @6..8mph")
    assert program.seconds == 1200
    assert program.metres == pytest.approx(600 * 6 / MPH_PER_MPS + 600 * 7 / MPH_PER_MPS)


def test_flatten_order_matches_segments():
    workout = resolve(parse("2x(1min @E, 2min @T)", "t.wod").workouts[0], PROFILE)
    program, _ = build(workout, PROFILE)
    assert [s.step for s in program.segments] == list(ir.flatten(workout.steps))


def test_walks_and_standing_rests_never_run_at_jogging_speed():
    # The examples' athlete jogs recoveries at 6.0 mph; a walk is 5.0 km/h (3.1 mph, on the
    # 0.1 mph step: 5 / 1.609344 = 3.107), a rest the console's minimum of 0.5 mph.
    program, problems = program_of('walk 2min\nrest 45s "stand on the side rails"\nrec 1min\n'
                                   '3min @walk')
    assert [mph(s.speed) for s in program.segments] == [3.1, 0.5, 6.0, 3.1]
    assert [s.why for s in program.segments] == ["walk", "rest: step onto the side rails",
                                                 None, None]
    assert problems == []
    slower = profile_from({**MPH_PROFILE, "treadmill": {**MPH_PROFILE["treadmill"],
                                                        "walk_speed": "3.5mph",
                                                        "rest_speed": 1.0}})
    program, _ = program_of("walk 2min\nrest 1min", slower)
    assert [mph(s.speed) for s in program.segments] == [3.5, 1.0]
