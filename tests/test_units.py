"""Units at the edges, against hand-written values (a mile is 1609.344 m, a yard 0.9144 m)."""

import pytest

from wodc.units import (UnitError, format_distance, format_number, format_pace, pace_seconds,
                        parse_clock, parse_distance, parse_time)


@pytest.mark.parametrize("text, seconds", [
    ("4:59", 299), ("1:05:00", 3900), ("4:22.5", 262.5), ("0:59", 59), ("59:59", 3599),
])
def test_clocks(text, seconds):
    assert parse_clock(text) == seconds


@pytest.mark.parametrize("text", ["4:60", "1:60:00", "1:00:60", "4:60.5", "4", "4:5x"])
def test_a_clock_part_of_60_or_more_is_refused_not_carried(text):
    # 4:60 is not 5:00: a typo is an error, never a silently different pace.
    with pytest.raises(UnitError):
        parse_clock(text)


@pytest.mark.parametrize("text, seconds", [
    ("45sec", 45), ("2secs", 2), ("3second", 3), ("4seconds", 4), ("3min", 180),
    ("2minute", 120), ("2minutes", 120), ("2mins", 120), ("1h", 3600), ("1hr", 3600),
    ("2hrs", 7200), ("1hour", 3600), ("2hours", 7200), ("1h30min", 5400), ("10'", 600),
    ("30\"", 30), ("10'30\"", 630), ("1.5min", 90),
])
def test_every_time_unit(text, seconds):
    assert parse_time(text) == seconds


@pytest.mark.parametrize("text, metres", [
    ("400m", 400), ("2meter", 2), ("3meters", 3), ("4metre", 4), ("5metres", 5),
    ("1.5km", 1500), ("1mi", 1609.344), ("2miles", 3218.688), ("1mile", 1609.344),
    ("100yd", 91.44), ("1yard", 0.9144), ("2yards", 1.8288), ("3yds", 2.7432),
    ("1kilometre", 1000), ("2kilometers", 2000),
])
def test_every_distance_unit(text, metres):
    assert parse_distance(text) == pytest.approx(metres)


def test_paces_and_their_default_unit():
    # 4 m/s: 250 s per km, 402.3 s per mile (1609.344 / 4).
    assert pace_seconds(4.0) == 250
    assert pace_seconds(4.0, "mi") == pytest.approx(402.336)
    assert format_pace(4.0) == "4:10/km"
    assert format_pace(4.0, "mile") == format_pace(4.0, "mi") == "6:42/mi"
    assert format_pace(0.5) == "33:20/km"   # a slow walk is still a pace
    assert format_pace(0.0) == "-" and format_pace(-1.0) == "-"


def test_numbers_without_trailing_zeros():
    assert format_number(1.5) == "1.5"
    assert format_number(400.0) == "400"
    assert format_number(0.125) == "0.12"       # two places by default, half to even
    assert format_number(0.125, 3) == "0.125"
    assert format_number(-0.001) == "0"         # never "-0"
    assert format_number(10.0, 0) == "10"       # no point to strip zeros at
    assert format_distance(1234.0) == "1.23km" and format_distance(612.4) == "612m"


@pytest.mark.parametrize("read, text, message", [
    (parse_time, "soon", "'soon' is not a time like 3min or 1:30"),
    (parse_time, "3parsecs", "unknown time unit 'parsecs'"),
    (parse_distance, "3 furlongs", "'3 furlongs' is not a distance like 400m or 1.5km"),
    (parse_distance, "far", "'far' is not a distance like 400m or 1.5km"),
])
def test_a_time_or_distance_it_cannot_read_says_what_it_expected(read, text, message):
    # These words reach the user through the profile: a race distance, a race time, a
    # treadmill open_duration.
    with pytest.raises(UnitError) as error:
        read(text)
    assert str(error.value) == message
