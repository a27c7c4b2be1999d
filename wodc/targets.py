"""Reading a target, the text after `@` (`5K`, `HM-15s/mi`, `105%5K`, `4:20-4:30/km`,
`50%..75%FTP`, `Z2`, `RPE6-7`, ...), into IR values.

A target is one token in the grammar; it is read here so that an error can point at the very
character that is wrong and suggest the closest valid target.

    target := side | side ".." side        a ramp from the first side to the second
    side   := value | value "-" value      a range; a bare number on the left takes the
                                           unit written on the right (4:20-4:30/km)
"""

from __future__ import annotations

import functools
import re

from . import ir
from .errors import closest
from .frozen import mutable
from .paces import MAX_RACE_METRES, MIN_RACE_METRES, race_distance
from .units import (KPH_PER_MPS, METRES_PER_MILE, METRES_PER_YARD, MPH_PER_MPS, PER_DISTANCE,
                    UnitError, parse_clock)

NUM = r"\d+(?:\.\d+)?"
CLOCK = r"\d+:\d+(?::\d+)?(?:\.\d+)?"  # m:ss or h:mm:ss, seconds perhaps decimal

# Accepted spellings of pace names (lower case) and the canonical name.
PACE_NAMES = {
    "mile": "mile", "1500": "1500", "3k": "3K", "5k": "5K", "10k": "10K", "15k": "15K",
    "hm": "HM", "hmp": "HM", "half": "HM",
    "m": "M", "mp": "M", "marathon": "M",
    "e": "E", "easy": "E", "t": "T", "threshold": "T", "tempo": "T",
    "i": "I", "interval": "I", "r": "R", "rep": "R", "repetition": "R",
}
# What hints suggest, in the case people write them.
SUGGESTIONS = ("mile", "1500", "3K", "5K", "10K", "15K", "HM", "M", "marathon", "E", "T", "I",
               "R", "easy", "threshold", "max", "Z1", "Z2", "Z3", "Z4", "Z5", "PZ1", "PZ2", "PZ3",
               "PZ4", "PZ5", "PZ6", "PZ7", "RPE5", "150bpm", "250W", "95%FTP", "85%HRmax",
               "95%LTHR", "4:30/km", "7:15/mi", "12.5kph", "7.5mph", "5K+10s", "105%5K")
UNIT_WORDS = ("bpm", "W", "%FTP", "%HRmax", "%LTHR", "kph", "km/h", "mph", "/km", "/mi")

EXAMPLES = "like @5K, @4:30/km, @150bpm or @250W"


@mutable
class TargetError(Exception):
    """`start`/`end` are offsets into the target text (the part after @)."""

    message: str
    start: int
    end: int
    hint: str | None = None


def _pace_name(word: str) -> str | None:
    """The canonical pace name for a spelling, or None. Any `<n>K` is a race of n km."""
    low = word.lower()
    if low in PACE_NAMES:
        return PACE_NAMES[low]
    match = re.fullmatch(rf"({NUM})(k|m)", low)
    if match and float(match.group(1)) > 0:
        # `800m`: my 800 m race pace, the way a track coach says it.
        return f"{match.group(1)}{'K' if match.group(2) == 'k' else 'm'}"
    return None


def _closest(word: str) -> str | None:
    lowered = {s.lower(): s for s in SUGGESTIONS}
    close = closest(word.lower(), lowered, cutoff=0.5)
    return f"did you mean @{lowered[close]}?" if close else None


def _zone(number: str, last: int, what: str, prefix: str, start: int, text: str) -> int:
    zone = int(number)
    if not 1 <= zone <= last:
        raise TargetError(f"{what} zones run from {prefix}1 to {prefix}{last}", start,
                          start + len(text))
    return zone


def _seconds(clock: str, plain: str | None, start: int, text: str,
             zero: str = "a time must be more than 0") -> float:
    """Seconds of `3:10`, `72.5s` (`plain` is the number of the second form); `zero` is the
    message for a time of 0."""
    if plain is not None:
        seconds = float(plain)
    else:
        try:
            seconds = parse_clock(clock)
        except UnitError as error:
            raise TargetError(str(error), start, start + len(clock)) from None
    if seconds <= 0:
        raise TargetError(zero, start, start + len(text))
    return seconds


def _pace_speed(clock: str, per: str, start: int, text: str) -> float:
    return PER_DISTANCE[per] / _seconds(clock, None, start, text, "a pace must be more than 0:00")


@functools.lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def parse_value(text: str, start: int = 0) -> ir.Value:
    """One target value. `start` is its offset in the whole target, for error positions."""
    t = text.lower()
    end = start + len(text)

    def match(pattern: str):
        return _compiled(pattern).fullmatch(t)

    if t == "max":
        return ir.MaxEffort()
    if t == "walk":
        return ir.WalkSpeed()
    if t in PACE_NAMES:
        # @E, @HM, @5K: what most workouts write, and what no pattern below reads; found
        # here, a check of such a workout compiles none of them (17 patterns, 2-3 ms of its
        # start-up).
        name = PACE_NAMES[t]
        _check_race(name, start, text)
        return ir.PaceName(name)
    if m := match(rf"rpe ?({NUM})"):
        rpe = float(m.group(1))
        if not 1 <= rpe <= 10:
            raise TargetError("RPE runs from 1 (very easy) to 10 (all out)", start, end)
        return ir.Effort(rpe)
    if m := match(r"(?:z(?:one)?(\d+) ?hr|hr ?z(?:one)?(\d+))"):
        return ir.HeartRateZone(_zone(m.group(1) or m.group(2), 5, "heart-rate", "Z", start,
                                      text))
    if m := match(r"z(?:one)?(\d+)"):
        zone = int(m.group(1))
        if not 1 <= zone <= 7:
            raise TargetError("zones run from Z1 to Z5 (heart rate) or Z7 (power, in a ride)",
                              start, start + len(text))
        return ir.Zone(zone)
    if m := match(r"pz(\d+)"):
        return ir.PowerZone(_zone(m.group(1), 7, "power", "PZ", start, text))
    if m := match(rf"({NUM}) ?bpm"):
        return ir.HeartRate(float(m.group(1)))
    if m := match(rf"({NUM})% ?(hrmax|maxhr|mhr)"):
        return ir.HeartRatePercent(float(m.group(1)), "max")
    if m := match(rf"({NUM})% ?lthr"):
        return ir.HeartRatePercent(float(m.group(1)), "lthr")
    if m := match(rf"({NUM})% ?hrr"):
        return ir.HeartRatePercent(float(m.group(1)), "reserve")
    if m := match(rf"({NUM}) ?w"):
        return ir.Power(float(m.group(1)))
    if m := match(rf"({NUM})% ?ftp"):
        return ir.PowerPercent(float(m.group(1)))
    if t == "ftp":
        return ir.PowerPercent(100.0)
    if m := match(rf"({NUM}) ?(kph|km/h|kmh|kmph)"):
        return ir.Speed(float(m.group(1)) / KPH_PER_MPS, "kph")
    if m := match(rf"({NUM}) ?mph"):
        return ir.Speed(float(m.group(1)) / MPH_PER_MPS, "mph")
    if m := match(rf"({CLOCK}) ?(?:min)?/(km|mi|mile)"):
        per = "km" if m.group(2) == "km" else "mi"
        return ir.Pace(_pace_speed(m.group(1), per, start, text), per)
    if m := match(rf"({CLOCK}|({NUM}) ?s(?:ec)?) ?/ ?({NUM}) ?(m|km|k|mi|yd)"):
        # 75s/400m, 3:10/800m: a time per distance is a pace.
        seconds = _seconds(m.group(1), m.group(2), start, text)
        metres = float(m.group(3)) * {"m": 1.0, "km": 1000.0, "k": 1000.0,
                                      "mi": METRES_PER_MILE, "yd": METRES_PER_YARD}[m.group(4)]
        if metres <= 0:
            raise TargetError("a pace needs a distance of more than 0", start, start + len(text))
        return ir.Pace(metres / seconds, text[text.index("/") + 1:].strip())
    if m := match(rf"({CLOCK}|({NUM}) ?s(?:ec)?)"):
        # 800m @3:10: the rep's time; parse.py makes it a pace with the step's distance.
        return ir.RepTime(_seconds(m.group(1), m.group(2), start, text))
    if m := match(rf"({NUM})%([a-z0-9.]+)"):
        name = _pace_name(m.group(2))
        if name is None:
            raise _unknown(text[m.start(2):], start + m.start(2))
        _check_race(name, start + m.start(2), text[m.start(2):])
        return ir.PaceName(name, speed_percent=float(m.group(1)))
    if m := match(rf"([a-z0-9.]+)([+-])({NUM})(s|sec)(?:/(km|mi|mile))?"):
        name = _pace_name(m.group(1))
        if name is None:
            raise _unknown(text[: m.end(1)], start)
        _check_race(name, start, text[: m.end(1)])
        seconds = float(m.group(3)) * (1 if m.group(2) == "+" else -1)
        per = m.group(5)
        return ir.PaceName(name, offset_seconds=seconds,
                           offset_metres=PER_DISTANCE[per] if per else None)
    if (name := _pace_name(t)) is not None:
        _check_race(name, start, text)
        return ir.PaceName(name)
    raise _explain(text, start)


def _check_race(name: str, start: int, text: str) -> None:
    """A race pace the model can predict: from 800 m to 50 km."""
    metres = race_distance(name)
    if metres is not None and not MIN_RACE_METRES <= metres <= MAX_RACE_METRES:
        raise TargetError(f"race paces are predicted for races from 800m to 50K, not {text}",
                          start, start + len(text),
                          "for a rep's pace write @mile, @R or @800m; for an ultra, a pace "
                          "like @6:30/km")


def _unknown(word: str, start: int) -> TargetError:
    return TargetError(f"unknown pace or target {word!r}", start, start + len(word),
                       _closest(word))


def _explain(text: str, start: int) -> TargetError:
    """The most helpful error for a value nothing above could read."""
    end = start + len(text)
    t = text.lower()
    # (A bare clock, 4:30, never gets here: it is a rep's time, and parse.py says "a pace
    # needs /km or /mi" where a step has no distance to make it a pace.)
    if re.fullmatch(NUM, t):
        # Its size says what it can be: a speed, a heart rate or power, power or a race.
        number = float(t)
        hint = (f"write @{text}kph or @{text}mph" if number <= 30 else
                f"write @{text}bpm or @{text}W" if number <= 250 else
                f"write @{text}W for power, or @{text}m for your {text} m race pace")
        return TargetError("this number needs a unit", start, end, hint)
    if re.fullmatch(rf"{NUM}%", t):
        return TargetError("say what the percentage is of", start, end,
                           f"write @{text}FTP, @{text}HRmax, @{text}LTHR or @{text}5K")
    if m := re.fullmatch(rf"({NUM})(k?)m", t):
        # 10km means the 10K race pace; 0m or 100km is no race the model predicts.
        number, kilo = m.group(1), m.group(2)
        hint = (f"for {number}K race pace write @{number}K"
                if kilo and MIN_RACE_METRES <= float(number) * 1000 <= MAX_RACE_METRES else
                "race paces are predicted for races from @800m to @50K; for an ultra, a pace "
                "like @6:30/km")
        return TargetError(f"{text} is a distance, not a target", start, end, hint)
    if m := re.fullmatch(rf"({NUM}) ?([a-z/%]+)", t):
        unit_start = start + m.start(2)
        close = closest(m.group(2), [u.lower() for u in UNIT_WORDS], cutoff=0.4)
        hint = None
        if close:
            unit = next(u for u in UNIT_WORDS if u.lower() == close)
            hint = f"did you mean @{m.group(1)}{unit}?"
        return TargetError(f"unknown unit {text[m.start(2):]!r}", unit_start, end, hint)
    if re.fullmatch(r"[a-z][a-z0-9]*", t):
        return _unknown(text, start)
    return TargetError(f"cannot read the target {text!r}", start, end, f"write a target {EXAMPLES}")


# Patterns, compiled by re when a range or ramp first needs them (compiled on import, they took
# 0.8-0.9 ms of every check's start-up).
_BARE = rf"({CLOCK}|{NUM})(%?)"
_LEADING_NUMBER = rf"(?s)({CLOCK}|{NUM})(%?)(.*)"
_PREFIXED = rf"(?i)(rpe ?|z|pz)({NUM})"


def _complete(left: str, right: str) -> tuple[str, str]:
    """Give a bare end of a range or ramp the unit written on the other end:
    (4:20, 4:30/km) -> 4:20/km; (90, 100%FTP) -> 90%FTP; (RPE6, 7) -> RPE7."""
    if re.fullmatch(_BARE, left) and (m := re.fullmatch(_LEADING_NUMBER, right)) and m.group(3):
        left = left.rstrip("%") + m.group(2) + m.group(3)
    elif re.fullmatch(NUM, right) and (p := re.fullmatch(_PREFIXED, left)):
        right = p.group(1) + right
    return left, right


def _parse_side(text: str, start: int) -> tuple[ir.Value, ir.Value | None]:
    """A single value or a range of two."""
    try:
        return parse_value(text, start), None
    except TargetError as single_error:
        # Split at the first dash that leaves a value on the right (and on the left): a
        # value may hold a dash itself, as the left end of @T-5s-T+5s does.
        left_error = None
        for dash in [i for i, c in enumerate(text) if c == "-" and i > 0]:
            left, right = _complete(text[:dash], text[dash + 1:])
            try:
                high = parse_value(right, start + dash + 1)
            except TargetError:
                continue
            try:
                return parse_value(left, start), high
            except TargetError as error:
                left_error = left_error or error
        raise (left_error or single_error) from None


def _limit(text: str, span) -> ir.Target:
    """`<140bpm`, `>150bpm`, `<Z2`: a heart-rate cap or floor (in a ride a zone is power's)."""
    value = parse_value(text[1:], 1) if len(text) > 1 else None
    if value is None or value.channel not in (ir.Channel.HEART_RATE, ir.Channel.POWER):
        raise TargetError(f"a cap or a floor is for heart rate or power, not {text[1:]!r}"
                          if value is not None else "a cap or a floor needs a value",
                          1, max(len(text), 2), "write @<140bpm, @>150bpm or @<Z2")
    return ir.Target(value, None, False, text, span, "below" if text[0] == "<" else "above")


def parse_target(text: str, span) -> ir.Target:
    """The text after `@`; raises TargetError with offsets into `text`."""
    if not text:
        raise TargetError("expected a target after @", 0, 0, f"write a target {EXAMPLES}")
    if text[0] in "<>":
        return _limit(text, span)
    parts = text.split("..")
    if len(parts) > 2:
        second = text.index("..", text.index("..") + 2)
        raise TargetError("a ramp has two ends, like @E..T", second, second + 2)
    if len(parts) == 2:
        left, right = parts
        if not left or not right:
            where = 0 if not left else len(text)
            raise TargetError("a ramp needs a value on both sides of ..", where, where + 1,
                              "write a ramp like @E..T or @50%..75%FTP")
        left, right = _complete(left, right)
        start, start_high = _parse_side(left, 0)
        end, end_high = _parse_side(right, len(parts[0]) + 2)
        if start_high is not None or end_high is not None:
            raise TargetError("a ramp goes from one value to another, not between ranges",
                              0, len(text), "write a ramp like @6:00..5:00/km")
        return ir.Target(start, end, True, text, span)
    low, high = _parse_side(text, 0)
    return ir.Target(low, high, False, text, span)
