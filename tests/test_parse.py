"""What the parser builds, asserted field by field for the forms that matter most."""

import pytest

from wodc import ir
from wodc.parse import parse


def parse_ok(text, path="t.wod"):
    result = parse(text, path)
    assert result.diagnostics == [], result.diagnostics
    return result.workouts


def test_the_design_line_parses_exactly_as_written():
    [workout] = parse_ok("3x(3min@HM, 2min@10K, 1min@5K, rec 60s)")
    [repeat] = workout.steps
    assert isinstance(repeat, ir.Repeat) and repeat.count == 3
    got = [(s.kind, s.duration, s.target and s.target.start) for s in repeat.children]
    assert got == [
        (ir.StepKind.ACTIVE, ir.TimeDuration(180), ir.PaceName("HM")),
        (ir.StepKind.ACTIVE, ir.TimeDuration(120), ir.PaceName("10K")),
        (ir.StepKind.ACTIVE, ir.TimeDuration(60), ir.PaceName("5K")),
        (ir.StepKind.RECOVERY, ir.TimeDuration(60), None),
    ]


def test_spans_point_at_the_source():
    [workout] = parse_ok("warmup 6min @E\n3x(400m @R, rec 200m)\n")
    warmup, repeat = workout.steps
    assert (warmup.span.line, warmup.span.column) == (1, 1)
    assert (warmup.target.span.line, warmup.target.span.column) == (1, 13)
    assert (repeat.children[1].span.line, repeat.children[1].span.column) == (2, 13)


def test_m_is_metres_and_min_is_minutes():
    [workout] = parse_ok("400m, 4min, 4 m, 4 mins")
    assert [s.duration for s in workout.steps] == [
        ir.DistanceDuration(400, "m"), ir.TimeDuration(240), ir.DistanceDuration(4, "m"),
        ir.TimeDuration(240)]


def test_a_kind_without_duration_is_open():
    [workout] = parse_ok("rest\nwarmup @E")
    assert all(isinstance(s.duration, ir.OpenDuration) for s in workout.steps)


def test_several_workouts_and_the_default_name():
    workouts = parse_ok('10min\n', path="dir/easy-run.wod")
    assert [w.name for w in workouts] == ["easy-run"]
    workouts = parse_ok('workout "A"\n10min\nworkout "B"\nsport bike\n20min @Z2\n')
    assert [(w.name, w.sport) for w in workouts] == [("A", ir.Sport.RUN), ("B", ir.Sport.BIKE)]


def test_treadmill_sport_defaults_incline_to_one_percent():
    [workout] = parse_ok("sport treadmill\n10min @E\n5min incline 4%")
    first, second = workout.steps
    assert workout.treadmill and workout.sport is ir.Sport.RUN
    assert workout.incline_of(first) == 1.0 and workout.incline_of(second) == 4.0


def test_notes_tags_and_escapes():
    [workout] = parse_ok('workout "Q \\"quoted\\""\nnote "a"\nnote "b"\ntags hill sprints, vo2\n'
                         '10min "say \\"hi\\""')
    assert workout.name == 'Q "quoted"'
    assert workout.notes == ("a", "b")
    assert workout.tags == ("hill sprints", "vo2")
    assert workout.steps[0].note == 'say "hi"'


@pytest.mark.parametrize("text", ["3min @HM", "3MIN @hm", "3 Min @Hm"])
def test_case_does_not_matter(text):
    [workout] = parse_ok(text)
    assert workout.steps[0].duration == ir.TimeDuration(180)
    assert workout.steps[0].target.start == ir.PaceName("HM")


def test_flatten_and_count_agree():
    [workout] = parse_ok("2x(4x(200m@R, rec 200m), rest 3min)")
    assert ir.flat_count(workout.steps) == len(list(ir.flatten(workout.steps))) == 18


def test_a_zone_follows_the_sport_unless_it_says_which():
    result = parse('workout "Run"\n10min @Z2\n\nworkout "Ride"\nsport bike\n10min @Z2\n'
                   '10min @Z2HR\n10min @PZ2..Z4', "z.wod")
    assert result.diagnostics == []
    run, ride = result.workouts
    assert run.steps[0].target.start == ir.HeartRateZone(2)
    assert [s.target.start for s in ride.steps] == [ir.PowerZone(2), ir.HeartRateZone(2),
                                                    ir.PowerZone(2)]
    assert ride.steps[2].target.end == ir.PowerZone(4)
    (problem,) = parse("10min @Z6", "z.wod").diagnostics
    assert (problem.message, problem.hint) == ("heart-rate zones run from Z1 to Z5",
                                               "for power zone 6 write @PZ6")


def test_a_mistyped_target_said_again_is_reported_at_each_place():
    # A target's reading is remembered, its error too (bench: 20,000 `1s @XX` lines); each
    # place still gets its own line and column.
    result = parse("warmup 10min @XX\n3x(1min @XX, rec 2min @XX)\n", "w.wod")
    said = "unknown pace or target 'XX'"
    assert [(d.line, d.column, d.message) for d in result.diagnostics] == [
        (1, 15, said), (2, 10, said), (2, 24, said)]
