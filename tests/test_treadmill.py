"""The treadmill program (wodc/backends/treadmill.py): the console segments both treadmill
outputs render, and the speeds chosen for steps whose target is not a speed."""

from dataclasses import replace

import pytest

from wodc import ir
from wodc.backends.treadmill import RepeatSpan, build, slow_steps
from wodc.backends.treadmill_speed import RPE_PACES, rpe_speed
from wodc.errors import Severity
from wodc.parse import parse
from wodc.resolve import resolve
import daniels
from treadmill_support import MPH_PROFILE, compile_text, profile_from, read_csv_card

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
    # Each is a warning at the percentage it rounds: the header's, then the step's.
    assert [(p.severity, p.line, p.column) for p in problems] == [
        (Severity.WARNING, 1, 9), (Severity.WARNING, 3, 17)]


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
    assert problem.message == ("workout 'Spin' is a bike workout; treadmill programs (qz, card) "
                               "are for runs")
    assert problem.hint == "compile it to fit or zwo, or make it `sport run`"


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


# ---- what mutation testing asked for (wodc/backends/treadmill.py, treadmill_speed.py) -----

MILE = 1609.344  # metres
MIDDLE_OF_E = 2 / (1 / EASY[0] + 1 / EASY[1])  # the middle of E pace, by pace


def test_the_oracle_paces_behind_the_literals_below():
    # The literals in the messages below, from tests/daniels.py (VDOT 43.4 for a 22:30 5K):
    # the middle of E is 6.33 mph (568.8 s a mile: 9:29/mi), its slow end (the recovery jog)
    # 5.98 mph (602.4 s: 10:02/mi), M 7.33 mph (491.4 s: 8:11/mi), T 7.82 mph (460.6 s:
    # 7:41/mi).
    assert [round(MILE / s, 1) for s in (MIDDLE_OF_E, EASY[0])] == [568.8, 602.4]
    assert round(MILE / daniels.race_speed(42195, VDOT), 1) == 491.4
    assert round(MILE / THRESHOLD, 1) == 460.6


def test_a_speed_above_the_belt_is_an_error_naming_the_maximum_and_the_option():
    # 13 mph is 3600 / 13 = 276.9 s a mile: 4:37/mi; the profile's belt stops at 12 mph.
    program, (problem,) = program_of("1min @13mph")
    assert program is None and problem.is_error
    assert (problem.line, problem.column, problem.width) == (1, 6, 6)  # at `@13mph`
    assert problem.message == ("@13mph runs at 13.0 mph (4:37/mi), above this treadmill's "
                               "maximum of 12.0 mph")
    assert problem.hint == ("if your treadmill goes faster, set max_speed in [treadmill] or "
                            "--treadmill max_speed=...")


def test_a_speed_below_the_belt_is_an_error_naming_the_minimum_and_the_option():
    # 0.4 mph is 3600 / 0.4 = 9000 s a mile: 2:30:00/mi; a mph belt's minimum is 0.5 mph.
    program, (problem,) = program_of("1min @0.4mph")
    assert program is None and problem.is_error
    assert problem.message == ("@0.4mph runs at 0.4 mph (2:30:00/mi), below this treadmill's "
                               "minimum of 0.5 mph")
    assert problem.hint == ("if your treadmill goes slower, set min_speed in [treadmill] or "
                            "--treadmill min_speed=...")


def test_open_step_warnings_point_at_the_duration_and_say_how_to_give_one():
    # The caret goes under `lap` and `until HR<120`, not the whole step.
    _, problems = program_of("warmup lap @E\nrec until HR<120")
    assert [(p.line, p.column, p.width) for p in problems] == [(1, 8, 3), (2, 5, 12)]
    assert [p.hint for p in problems] == [
        "give the step a time or a distance, or set open_duration in [treadmill]"] * 2


def test_a_step_shorter_than_a_second_is_an_error_at_its_distance():
    # 1 m at 10 mph (4.4704 m/s) lasts 1 / 4.4704 = 0.22 s.
    program, (problem,) = program_of("1m @10mph")
    assert program is None and problem.is_error
    assert (problem.line, problem.column, problem.width) == (1, 1, 2)  # at `1m`
    assert problem.message == ("this step lasts 0.22 s on the treadmill; a console segment "
                               "needs at least a second")


def test_a_ramp_of_one_console_step_runs_each_speed_half_the_time():
    # 6.0 to 6.1 mph is two console settings: 150 s each, the second starting at 2:30.
    program, _ = program_of("5min @6.0..6.1mph")
    assert [(s.start, s.seconds, mph(s.speed), s.ramp_part, s.ramp_parts)
            for s in program.segments] == [(0, 150, 6.0, 1, 2), (150, 150, 6.1, 2, 2)]


def test_a_ramp_of_one_second_runs_its_middle_speed():
    # No time to step the belt: one second at (6 + 8) / 2 = 7.0 mph, what a distance is timed at.
    program, _ = program_of("1s @6..8mph")
    assert [(s.start, s.seconds, mph(s.speed)) for s in program.segments] == [(0, 1, 7.0)]


def test_the_parts_of_a_ramp_start_where_the_previous_ends():
    # 1 min steady, then 6.0 to 6.3 mph over 4 min: 4 settings of 60 s from 1:00.
    program, _ = program_of("1min @6mph\n4min @6.0..6.3mph")
    assert [(s.start, s.seconds, mph(s.speed)) for s in program.segments] == [
        (0, 60, 6.0), (60, 60, 6.0), (120, 60, 6.1), (180, 60, 6.2), (240, 60, 6.3)]


def test_a_repeat_of_once_is_not_shown_as_a_repeat():
    # `1x(...)` runs once: a card has nothing to say about it repeating.
    program, _ = program_of("1min @E\n1x(1min @T)")
    assert len(program.segments) == 2 and program.repeats == ()


def test_an_effort_ramp_down_falls_and_says_so_on_every_part():
    # @RPE4 is E pace (the middle of E: 6.33 mph, shown 9:29/mi 6.3mph), @RPE2 the recovery
    # jog (the slow end of E, 5.98 mph: 10:02/mi 6.0mph); the belt steps 6.3, 6.2, 6.1, 6.0
    # mph, 300 / 4 = 75 s each, and every part's note says why.
    program, (warning,) = program_of("cooldown 5min @RPE4..RPE2")
    assert warning.severity is Severity.WARNING
    assert (warning.line, warning.column) == (1, 15)
    assert warning.message == ("@RPE4..RPE2 is an effort, and a treadmill needs a speed: it "
                               "runs E pace (9:29/mi 6.3mph), falling to recovery speed "
                               "(10:02/mi 6.0mph)")
    assert [(s.start, s.seconds, mph(s.speed)) for s in program.segments] == [
        (0, 75, 6.3), (75, 75, 6.2), (150, 75, 6.1), (225, 75, 6.0)]
    assert {s.why for s in program.segments} == {
        "@RPE4..RPE2 as E pace, falling to recovery speed"}


def test_an_effort_ramp_up_rises_and_says_each_speed_in_the_athletes_units():
    # @RPE5 is M pace (7.33 mph: 8:11/mi 7.3mph), @RPE7 T pace (7.82 mph: 7:41/mi 7.8mph).
    program, (warning,) = program_of("5min @RPE5..RPE7")
    assert warning.message == ("@RPE5..RPE7 is an effort, and a treadmill needs a speed: it "
                               "runs M pace (8:11/mi 7.3mph), rising to T pace (7:41/mi "
                               "7.8mph)")
    assert [mph(s.speed) for s in program.segments] == [7.3, 7.4, 7.5, 7.6, 7.7, 7.8]
    assert program.segments[0].why == "@RPE5..RPE7 as M pace, rising to T pace"


def test_an_effort_without_race_times_is_an_error_even_with_a_recovery_speed():
    # @RPE2 is the recovery jog, but its speed interpolates towards E (RPE 4), which needs
    # race times; so no effort can run without them, and the ramp's start says so.
    jogger = profile_from({"units": "mi", "treadmill": {"speed_unit": "mph",
                                                        "recovery_speed": "5mph"}})
    program, (problem,) = program_of("5min @RPE2..RPE4", jogger)
    assert program is None and problem.is_error
    assert (problem.line, problem.column) == (1, 6)
    assert problem.message == "on a treadmill this step needs your paces to run @RPE2..RPE4"
    assert problem.hint == ("give --race 5K=20:00 (any race time) or --vdot 50, or races in "
                            "wodc.toml")


def test_heart_rate_without_any_speed_to_start_at_is_an_error_naming_the_options():
    program, (problem,) = program_of("5min @Z2", profile_from({}))
    assert program is None and problem.is_error
    assert (problem.line, problem.column) == (1, 6)
    assert problem.message == "on a treadmill this step needs a speed to start @Z2 at"
    assert problem.hint == ('set recovery_speed in [treadmill] (e.g. "5.5kph"), or give '
                            '--race 5K=20:00 (any race time) or --vdot 50, or races in '
                            'wodc.toml')


def test_the_summary_names_the_lines_that_walk_or_rest():
    # A walk is 5 km/h = 5 / 1.609344 = 3.1 mph; a rest the belt's minimum, 0.5 mph.
    program, _ = program_of("walk 1min\nrec 1min\nwalk 2min\nrest 1min")
    assert slow_steps(program) == "walk 3.1 mph: lines 1, 3; rest 0.5 mph: line 4"
    assert slow_steps(program_of("rec 1min")[0]) is None


def test_a_card_names_a_plain_step_run():
    # A step with a time and nothing else has no kind, duration or target to show.
    _, card = compile_text("1min @E\n1min\n", "card")
    assert [row["step"] for row in read_csv_card(card.data)] == ["'@E", "run"]


def test_a_speed_rounded_up_is_reported_as_faster():
    # 6.06 -> 6.1 mph: 3600 / 6.06 = 594.1 s a mile (9:54/mi), 3600 / 6.1 = 590.2 s (9:50/mi);
    # per km 1000 / 0.44704 * (1 / 6.06 - 1 / 6.1) = 2.42 s faster.
    _, (warning,) = program_of("1min @6.06mph")
    assert warning.severity is Severity.WARNING and (warning.line, warning.column) == (1, 6)
    assert warning.message == ("the console's speed step of 0.1 mph rounds @6.06mph (9:54/mi) "
                               "to 6.1 mph (9:50/mi), 2.4 s/km faster")


def test_a_rounding_that_shows_as_two_seconds_is_not_reported():
    # 8:45/mi is 3600 / 525 = 6.857 mph, set as 6.9 mph: 525 / 1.609344 = 326.22 s/km against
    # 1000 / (6.9 * 0.44704) = 324.20 s/km, 2.03 s/km, which shows as 2.0: not more than 2.
    program, problems = program_of("1min @8:45/mi")
    assert mph(program.segments[0].speed) == 6.9 and problems == []


def test_an_incline_outside_the_deck_is_an_error_naming_the_limit_and_the_option():
    # Each at its percentage (column 17), with the profile key that moves the limit.
    program, problems = program_of("1min @E incline 20%\n1min @E incline -1%")
    assert program is None
    assert [(p.line, p.column, p.message, p.hint) for p in problems] == [
        (1, 17, "an incline of 20% is above this treadmill's maximum of 15%",
         "if your treadmill goes there, set max_incline in [treadmill] or "
         "--treadmill max_incline=..."),
        (2, 17, "an incline of -1% is below this treadmill's minimum of 0%",
         "if your treadmill goes there, set min_incline in [treadmill] or "
         "--treadmill min_incline=...")]


def test_a_step_at_an_impossible_incline_is_not_timed_as_well():
    # The step cannot run, so there is no card to run its lap for 5:00: one error, no warning.
    program, problems = program_of("lap @E incline 20%")
    assert program is None
    assert [p.message for p in problems] == [
        "an incline of 20% is above this treadmill's maximum of 15%"]


def test_an_effort_ramp_between_two_names_for_one_speed_is_a_steady_run():
    # RPE 1 and 2 are both the recovery jog (the slow end of E: 10:02/mi, 6.0 mph): there is
    # nothing to rise to, so neither the warning nor the card says so.
    program, (warning,) = program_of("5min @RPE1..RPE2")
    assert warning.message == ("@RPE1..RPE2 is an effort, and a treadmill needs a speed: it "
                               "runs recovery speed (10:02/mi 6.0mph)")
    assert [(s.seconds, mph(s.speed), s.ramp, s.why) for s in program.segments] == [
        (300, 6.0, None, "@RPE1..RPE2 as recovery speed")]


def test_qz_and_card_share_one_build_of_a_workout_for_a_profile():
    # build() keeps the last program: asked again for the same workout and profile (qz, then
    # card) it is the same program, not a second build; another profile builds anew.
    workout = resolve(parse("10min @E", "t.wod").workouts[0], PROFILE)
    program, _ = build(workout, PROFILE)
    assert build(workout, PROFILE)[0] is program
    kph = profile_from({**MPH_PROFILE, "treadmill": {"speed_unit": "kph"}})
    other, _ = build(workout, kph)
    assert other is not program and other.treadmill.speed_unit == "kph"
    assert build(resolve(parse("10min @E", "t.wod").workouts[0], PROFILE), PROFILE)[0] \
        is not program


def test_limits_given_the_wrong_way_round_name_the_limit_a_setting_misses():
    # Nothing stops a profile giving a minimum above the maximum. A setting equal to the
    # maximum is then below the minimum, and its error must say that, not "above" a maximum
    # it equals. 6 mph is 3600 / 6 = 600 s a mile: 10:00/mi.
    crossed = replace(PROFILE, treadmill=replace(
        PROFILE.treadmill, min_speed=8 / MPH_PER_MPS, max_speed=6 / MPH_PER_MPS,
        min_incline=5.0, max_incline=2.0))
    program, problems = program_of("1min @6mph incline 2%", crossed)
    assert program is None
    assert [p.message for p in problems] == [
        "@6mph runs at 6.0 mph (10:00/mi), below this treadmill's minimum of 8.0 mph",
        "an incline of 2% is below this treadmill's minimum of 5%"]


def test_float_noise_at_a_limit_or_a_step_is_no_problem():
    # Limits and console steps are compared with a tolerance of 1e-9 (m/s, or % of incline),
    # inclusive: a limit that arithmetic left a hair (1e-9) short of a setting still admits
    # it, and an incline a hair off a step is on it, without a warning. The belt's limits are
    # 12 mph less 1e-9 m/s and 0.5 mph plus 1e-9 m/s (mph / MPH_PER_MPS, as a console's
    # setting is turned into m/s), the deck's 1% plus and 3% less 1e-9.
    noisy = replace(PROFILE, treadmill=replace(
        PROFILE.treadmill, max_speed=12 / MPH_PER_MPS - 1e-9, min_speed=0.5 / MPH_PER_MPS + 1e-9,
        min_incline=1 + 1e-9, max_incline=3 - 1e-9))
    program, problems = program_of("1min @12mph incline 3%\n1min @0.5mph incline 1%", noisy)
    assert problems == []
    assert [(mph(s.speed), s.incline) for s in program.segments] == [(12.0, 3.0), (0.5, 1.0)]
    program, problems = program_of("1min @E incline 0.000000001%")
    assert problems == [] and program.segments[0].incline == 0.0
