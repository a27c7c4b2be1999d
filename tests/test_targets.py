"""Reading targets: every form to its IR value, and errors that point at the right characters."""

import dataclasses

import pytest

from wodc import ir
from wodc.targets import TargetError, parse_target
KM = 1000.0
MI = 1609.344
KPH_PER_MPS = 3.6                # 3600 s / 1000 m
MPH_PER_MPS = 3600 / 1609.344    # 2.2369...: the international mile is 1609.344 m


def one(text):
    target = parse_target(text, None)
    assert target.end is None and not target.ramp
    return target.start


@pytest.mark.parametrize("text,value", [
    ("mile", ir.PaceName("mile")), ("1500", ir.PaceName("1500")), ("3K", ir.PaceName("3K")),
    ("5k", ir.PaceName("5K")), ("10K", ir.PaceName("10K")), ("15K", ir.PaceName("15K")),
    ("HM", ir.PaceName("HM")), ("hm", ir.PaceName("HM")), ("M", ir.PaceName("M")),
    ("marathon", ir.PaceName("M")), ("8K", ir.PaceName("8K")),
    ("E", ir.PaceName("E")), ("easy", ir.PaceName("E")), ("T", ir.PaceName("T")),
    ("threshold", ir.PaceName("T")), ("I", ir.PaceName("I")), ("R", ir.PaceName("R")),
    ("5K+10s", ir.PaceName("5K", offset_seconds=10)),
    ("HM-15s/mi", ir.PaceName("HM", offset_seconds=-15, offset_metres=MI)),
    ("T-5s/km", ir.PaceName("T", offset_seconds=-5, offset_metres=KM)),
    ("105%5K", ir.PaceName("5K", speed_percent=105)),
    ("90%HM", ir.PaceName("HM", speed_percent=90)),
    ("150bpm", ir.HeartRate(150)), ("Z2", ir.Zone(2)), ("Z2HR", ir.HeartRateZone(2)),
    ("HRZ5", ir.HeartRateZone(5)),
    ("85%HRmax", ir.HeartRatePercent(85, "max")), ("95%LTHR", ir.HeartRatePercent(95, "lthr")),
    ("70%HRR", ir.HeartRatePercent(70, "reserve")),
    ("250W", ir.Power(250)), ("95%FTP", ir.PowerPercent(95)), ("PZ3", ir.PowerZone(3)),
    ("RPE7", ir.Effort(7)), ("max", ir.MaxEffort()),
])
def test_single_values(text, value):
    assert one(text) == value


@pytest.mark.parametrize("text,metres_per_second", [
    ("4:30/km", KM / 270), ("7:15/mi", MI / 435), ("12.5kph", 12.5 / KPH_PER_MPS),
    ("12.5km/h", 12.5 / KPH_PER_MPS), ("7.5mph", 7.5 / MPH_PER_MPS),
])
def test_absolute_paces_and_speeds_are_metres_per_second(text, metres_per_second):
    assert one(text).speed == pytest.approx(metres_per_second)


@pytest.mark.parametrize("text,start,end", [
    ("4:20-4:30/km", ir.Pace(KM / 260, "km"), ir.Pace(KM / 270, "km")),
    ("140-150bpm", ir.HeartRate(140), ir.HeartRate(150)),
    ("200-220W", ir.Power(200), ir.Power(220)),
    ("90-100%FTP", ir.PowerPercent(90), ir.PowerPercent(100)),
    ("RPE6-7", ir.Effort(6), ir.Effort(7)),
    ("7-7.5mph", ir.Speed(7 / MPH_PER_MPS, "mph"), ir.Speed(7.5 / MPH_PER_MPS, "mph")),
    ("5K-10K", ir.PaceName("5K"), ir.PaceName("10K")),
])
def test_ranges_take_the_unit_written_on_the_right(text, start, end):
    target = parse_target(text, None)
    assert (target.start, target.end, target.ramp) == (start, end, False)


@pytest.mark.parametrize("text,start,end", [
    ("E..T", ir.PaceName("E"), ir.PaceName("T")),
    ("50%..75%FTP", ir.PowerPercent(50), ir.PowerPercent(75)),
    ("6:00..5:00/km", ir.Pace(KM / 360, "km"), ir.Pace(KM / 300, "km")),
    ("200..300W", ir.Power(200), ir.Power(300)),
])
def test_ramps(text, start, end):
    target = parse_target(text, None)
    assert (target.start, target.end, target.ramp) == (start, end, True)


@pytest.mark.parametrize("text,message,start,end,hint", [
    ("", "expected a target after @", 0, 0, "write a target like @5K, @4:30/km, @150bpm or @250W"),
    ("HMP2", "unknown pace or target 'HMP2'", 0, 4, "did you mean @HM?"),
    ("12", "this number needs a unit", 0, 2, "write @12kph or @12mph"),
    ("90%", "say what the percentage is of", 0, 3,
     "write @90%FTP, @90%HRmax, @90%LTHR or @90%5K"),
    ("10km", "10km is a distance, not a target", 0, 4, "for 10K race pace write @10K"),
    # No race of 0 m or 100 km to suggest: @0K and @100K are errors too.
    ("0m", "0m is a distance, not a target", 0, 2,
     "race paces are predicted for races from @800m to @50K; for an ultra, a pace like @6:30/km"),
    ("100km", "100km is a distance, not a target", 0, 5,
     "race paces are predicted for races from @800m to @50K; for an ultra, a pace like @6:30/km"),
    ("12kpj", "unknown unit 'kpj'", 2, 5, "did you mean @12kph?"),
    ("4:75/km", "4:75 has more than 59 in its minutes or seconds", 0, 4, None),
    # A rep's time (800m @3:10): its errors point into it, in a ramp's end too.
    ("3:75", "3:75 has more than 59 in its minutes or seconds", 0, 4, None),
    ("E..3:75", "3:75 has more than 59 in its minutes or seconds", 3, 7, None),
    ("E..0:00", "a time must be more than 0", 3, 7, None),
    ("Z8", "zones run from Z1 to Z5 (heart rate) or Z7 (power, in a ride)", 0, 2, None),
    ("Z6HR", "heart-rate zones run from Z1 to Z5", 0, 4, None),
    ("PZ8", "power zones run from PZ1 to PZ7", 0, 3, None),
    ("RPE11", "RPE runs from 1 (very easy) to 10 (all out)", 0, 5, None),
    ("4:20-4:3x/km", "cannot read the target '4:20-4:3x/km'", 0, 12,
     "write a target like @5K, @4:30/km, @150bpm or @250W"),
    ("E..", "a ramp needs a value on both sides of ..", 3, 4,
     "write a ramp like @E..T or @50%..75%FTP"),
    ("1..2..3", "a ramp has two ends, like @E..T", 4, 6, None),
    # Four dots: the second ".." starts right where the first ends (at 3, the first at 1).
    # The error is at the second "..", not the last: E..T..M..I has them at 1, 4 and 7.
    ("E..T..M..I", "a ramp has two ends, like @E..T", 4, 6, None),
    # An offset or a percentage of an unknown pace or of a race too long: the name is underlined.
    ("HMX+10s", "unknown pace or target 'HMX'", 0, 3, "did you mean @HM?"),
    ("E..HMX+10s", "unknown pace or target 'HMX'", 3, 6, "did you mean @HM?"),
    ("400K+10s", "race paces are predicted for races from 800m to 50K, not 400K", 0, 4,
     "for a rep's pace write @mile, @R or @800m; for an ultra, a pace like @6:30/km"),
    ("E..400K+10s", "race paces are predicted for races from 800m to 50K, not 400K", 3, 7,
     "for a rep's pace write @mile, @R or @800m; for an ultra, a pace like @6:30/km"),
    ("90%400K", "race paces are predicted for races from 800m to 50K, not 400K", 3, 7,
     "for a rep's pace write @mile, @R or @800m; for an ultra, a pace like @6:30/km"),
    ("E....T", "a ramp has two ends, like @E..T", 3, 5, None),
    ("Z9..E", "zones run from Z1 to Z5 (heart rate) or Z7 (power, in a ride)", 0, 2, None),
    ("..T", "a ramp needs a value on both sides of ..", 0, 1,
     "write a ramp like @E..T or @50%..75%FTP"),
    # An error in a ramp's end points into that end: "E.." is 3 characters, Z9 is at 3-5.
    ("E..Z9", "zones run from Z1 to Z5 (heart rate) or Z7 (power, in a ride)", 3, 5, None),
    ("4:20-4:30/km..5:00/km", "a ramp goes from one value to another, not between ranges", 0, 21,
     "write a ramp like @6:00..5:00/km"),
    ("4:20/km..4:30-5:00/km", "a ramp goes from one value to another, not between ranges", 0, 21,
     "write a ramp like @6:00..5:00/km"),
    ("90%HMX", "unknown pace or target 'HMX'", 3, 6, "did you mean @HM?"),
    # 50 km and 0.8 km are the longest and shortest races the model predicts, so a coach who
    # writes the distance is told the race pace, not that there is no such race.
    # A split over no distance is no pace; the whole target is underlined.
    ("75s/0m", "a pace needs a distance of more than 0", 0, 6, None),
    ("0s/400m", "a time must be more than 0", 0, 7, None),
    ("50km", "50km is a distance, not a target", 0, 4, "for 50K race pace write @50K"),
    ("0.8km", "0.8km is a distance, not a target", 0, 5, "for 0.8K race pace write @0.8K"),
])
def test_errors_point_at_the_problem(text, message, start, end, hint):
    with pytest.raises(TargetError) as caught:
        parse_target(text, None)
    assert (caught.value.message, caught.value.start, caught.value.end, caught.value.hint) == (
        message, start, end, hint)


def test_a_track_distance_is_that_races_pace_and_the_model_has_a_range():
    assert one("800m") == ir.PaceName("800m")
    assert one("800m+2s") == ir.PaceName("800m", offset_seconds=2.0)
    with pytest.raises(TargetError) as error:
        one("400K")
    assert error.value.message == "race paces are predicted for races from 800m to 50K, not 400K"
    assert error.value.hint.startswith("for a rep's pace write @mile, @R or @800m")
    with pytest.raises(TargetError):
        one("400m")
    assert one("50K") == ir.PaceName("50K")


def test_a_bare_number_says_what_it_could_be_by_its_size():
    # 800 is no speed or heart rate: a power, or the 800 m race.
    with pytest.raises(TargetError) as error:
        one("800")
    assert (error.value.message, error.value.hint) == (
        "this number needs a unit", "write @800W for power, or @800m for your 800 m race pace")
    with pytest.raises(TargetError) as error:
        one("12")
    assert error.value.hint == "write @12kph or @12mph"
    with pytest.raises(TargetError) as error:
        one("150")
    assert error.value.hint == "write @150bpm or @150W"


@pytest.mark.parametrize("text,value", [
    # The first and last of each scale are targets, not errors.
    ("RPE1", ir.Effort(1)), ("RPE10", ir.Effort(10)),
    ("Z1", ir.Zone(1)), ("Z7", ir.Zone(7)),
    ("Z1HR", ir.HeartRateZone(1)), ("PZ1", ir.PowerZone(1)),
    # 1K is a race of 1 km (from 800 m up): the smallest whole number of km is no exception.
    ("1K", ir.PaceName("1K")),
    ("walk", ir.WalkSpeed()),
    # A flying 10 m in 1 s: 10 m/s. A time of 1 s is more than 0, so it is a pace.
    ("1s/10m", ir.Pace(10.0, "10m")),
    # Any distance above 0 makes a pace, however short: 1 m in 1 s is 1 m/s.
    ("1s/1m", ir.Pace(1.0, "1m")),
])
def test_values_at_the_ends_of_their_scales_are_read(text, value):
    assert one(text) == value


def test_a_cap_and_a_floor_keep_their_side_and_where_they_were_written():
    span = ir.Span(1, 7, 1, 14)
    assert parse_target("<140bpm", span) == ir.Target(ir.HeartRate(140), None, False,
                                                      "<140bpm", span, "below")
    assert parse_target(">150bpm", span) == ir.Target(ir.HeartRate(150), None, False,
                                                      ">150bpm", span, "above")


def test_a_range_of_offset_paces_splits_at_the_dash_between_them():
    # The first dash (after T) leaves "5s-T+5s" on the right, no value: the next one is tried.
    target = parse_target("T-5s-T+5s", None)
    assert (target.start, target.end, target.ramp) == (
        ir.PaceName("T", offset_seconds=-5), ir.PaceName("T", offset_seconds=5), False)


@pytest.mark.parametrize("text,value", [
    # A time per track distance, the way a coach gives splits: metres / seconds.
    ("75s/400m", ir.Pace(400 / 75, "400m")),
    ("3:10/800m", ir.Pace(800 / 190, "800m")),       # 3:10 = 190 s
    ("4:00/1k", ir.Pace(1000 / 240, "1k")),
    ("4:00/1km", ir.Pace(1000 / 240, "1km")),
    ("7:00/1mi", ir.Pace(MI / 420, "1mi")),          # 7:00 = 420 s for 1609.344 m
    ("18s/100yd", ir.Pace(91.44 / 18, "100yd")),     # 100 yd = 100 x 0.9144 m
    ("12kph", ir.Speed(12 / KPH_PER_MPS, "kph")),
    ("FTP", ir.PowerPercent(100)), ("ftp", ir.PowerPercent(100)),
])
def test_splits_speeds_and_ftp_read_as_written(text, value):
    if hasattr(value, "speed"):  # a float: equal to the last bit is not the point
        value = dataclasses.replace(value, speed=pytest.approx(value.speed))
    assert one(text) == value


@pytest.mark.parametrize("text,seconds", [("3:10", 190), ("72.5s", 72.5), ("1:02:30", 3750)])
def test_a_bare_time_is_the_reps_time(text, seconds):
    # 800m @3:10: parse.py makes it a pace with the step's distance. 1:02:30 = 3600 + 150 s.
    assert one(text) == ir.RepTime(seconds)


def test_a_range_and_a_ramp_keep_their_text_and_where_they_were_written():
    # Diagnostics about a target (a missing profile value, a treadmill limit) quote its text
    # and point at its span.
    span = ir.Span(1, 7, 1, 20)
    assert parse_target("140-150bpm", span) == ir.Target(
        ir.HeartRate(140), ir.HeartRate(150), False, "140-150bpm", span)
    assert parse_target("200..300W", span) == ir.Target(
        ir.Power(200), ir.Power(300), True, "200..300W", span)


def test_only_a_lt_or_gt_sign_makes_a_cap_or_a_floor():
    # A capital X (a typo) is an unknown target, not a cap missing its value.
    with pytest.raises(TargetError) as caught:
        parse_target("X", None)
    assert (caught.value.message, caught.value.start, caught.value.end) == (
        "unknown pace or target 'X'", 0, 1)
