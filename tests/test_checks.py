"""Each semantic check, triggered on purpose."""

import pytest

from wodc.checks import check_workout
from wodc.errors import Severity
from wodc.parse import parse


def problems(text):
    result = parse(text, "t.wod")
    assert result.diagnostics == []
    return [(p.line, p.column, p.severity, p.message) for w in result.workouts
            for p in check_workout(w)]


E, W = Severity.ERROR, Severity.WARNING


@pytest.mark.parametrize("text,expected", [
    ('workout " "\n1min', [(1, 1, E, "a workout needs a name")]),
    ("0x(1min)", [(1, 1, E, "a repeat count must be at least 1")]),
    ("2000x(1min)", [(1, 1, E, "2000 repeats is more than the limit of 1,000")]),
    ("3x()", [(1, 1, E, "this repeat has no steps in it")]),
    ("1000x(1000x(1s))", [(1, 1, E, "workout 't' expands to 1,000,000 steps, more than the "
                                    "limit of 100,000 steps")]),
    ("0min", [(1, 1, E, "a step must last more than 0 seconds and at most 24 hours")]),
    ("0m", [(1, 1, E, "a step must be longer than 0 m and at most 1000 km")]),
    ("until HR<20", [(1, 1, E, "20 bpm is not a heart rate a person has; use 30-250")]),
    ("1min @E..150bpm", [(1, 6, E, "the two ends of this ramp are different kinds of target "
                                   "(speed and heart rate)")]),
    ("lap @E..T", [(1, 5, E, "a ramp needs a step with a time or distance to ramp across")]),
    ("1min @150-140bpm", [(1, 6, E, "the range @150-140bpm runs from high to low")]),
    ("1min @150-150bpm", [(1, 6, W, "both ends of @150-150bpm are the same")]),
    ("1min @4:30-4:20/km", [(1, 6, E, "the range @4:30-4:20/km runs from high to low")]),
    ("1min @400bpm", [(1, 6, E, "400 bpm is not a heart rate a person has; use 30-250")]),
    ("1min @110%HRmax", [(1, 6, E, "110% of max HR is out of range; use 30-100%")]),
    ("1min @400%FTP", [(1, 6, E, "400% of FTP is out of range; use 1-300%")]),
    ("1min @200%5K", [(1, 6, E, "200% of 5K pace is out of range; use 50-150%")]),
    ("1min @0:30/km", [(1, 6, E, "this pace or speed is out of human range (about 33:00/km "
                                 "to 1:20/km)")]),
    ("sport bike\n1min incline 2%", [(2, 14, E, "incline is for treadmills; a bike workout "
                                               "cannot set it")]),
    ("sport bike\nincline 2%\n1min", [(2, 9, E, "incline is for treadmills; a bike workout "
                                               "cannot set it")]),
    ("sport bike\n1min @5K", [(2, 6, E, "@5K is a running pace, and this is a bike workout")]),
    ("sport bike\n1min cadence 180spm", [(2, 14, W, "a bike cadence is in rpm")]),
    ("1min cadence 90rpm", [(1, 14, W, "a run cadence is in spm")]),
    ("1min incline 50%", [(1, 14, E, "an incline of 50% is out of range; use -10% to 40%")]),
])
def test_check(text, expected):
    assert problems(text) == expected


def test_a_clean_workout_has_no_problems():
    assert problems("warmup 10min @E\n3x(1km @T, rec 1min)\ncooldown 10min @E") == []


@pytest.mark.parametrize("text, message", [
    ("10min cadence 0spm", "a cadence of 0spm is out of range; use 1-250spm"),
    ("10min cadence 500000000spm", "a cadence of 5e+08spm is out of range; use 1-250spm"),
    ("10min cadence 190-150spm", "the cadence range 190-150 runs from high to low"),
])
def test_a_cadence_a_person_can_have(text, message):
    (workout,) = parse(text, "c.wod").workouts
    assert [p.message for p in check_workout(workout)] == [message]
