"""Test helpers for the treadmill outputs: a QZ reader that reads rows the way QZ's
trainprogram::loadXML does, and a way to compile a workout written inline."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from wodc import ir
from wodc.backends import Options, backend
from wodc.checks import check_workout
from wodc.errors import has_errors
from wodc.parse import parse
from wodc.pipeline import ProfileSource, load
from wodc.profile import Profile, read_mapping, merge
from wodc.resolve import resolve

EXAMPLES = Path(__file__).parent.parent / "examples"
KPH_PER_MPS = 3.6
# QTime::fromString(text, "hh:mm:ss"): two digits each, hours 00-23.
QZ_DURATION = re.compile(r"([01]\d|2[0-3]):([0-5]\d):([0-5]\d)")


@dataclass
class QzRow:
    seconds: int
    speed: float | None          # km/h; None for a ramp
    speed_from: float | None     # km/h, a ramp's start
    speed_to: float | None
    inclination: float
    forcespeed: bool
    messages: list[str] = field(default_factory=list)

    @property
    def mean_speed_mps(self) -> float:
        if self.speed is not None:
            return self.speed / KPH_PER_MPS
        return (self.speed_from + self.speed_to) / 2 / KPH_PER_MPS

    @property
    def speeds_kph(self) -> list[float]:
        return [self.speed] if self.speed is not None else [self.speed_from, self.speed_to]


def read_qz(data: bytes) -> list[QzRow]:
    """Rows in the order QZ runs them: `<repeat times>` expanded, textevents of a row kept
    with it. Raises on anything QZ would misread (a bad duration, a missing speed)."""
    root = ET.fromstring(data)
    assert root.tag == "rows" and root.get("device") == "treadmill"
    return list(_rows(root))


def _rows(parent):
    for element in parent:
        if element.tag == "repeat":
            children = list(_rows(element))
            for _ in range(int(element.get("times"))):
                yield from children
            continue
        assert element.tag == "row", element.tag
        match = QZ_DURATION.fullmatch(element.get("duration"))
        assert match, element.get("duration")
        hours, minutes, seconds = (int(g) for g in match.groups())
        ramp = element.get("speedfrom") is not None
        assert ramp == (element.get("speedto") is not None)
        assert ramp != (element.get("speed") is not None), "a row has a speed or a ramp"
        number = lambda name: float(element.get(name)) if element.get(name) else None  # noqa
        messages = []
        for event in element:
            assert event.tag == "textevent" and event.get("timeoffset") == "0"
            messages.append(event.get("message"))
        yield QzRow(hours * 3600 + minutes * 60 + seconds, number("speed"), number("speedfrom"),
                    number("speedto"), float(element.get("inclination")),
                    element.get("forcespeed") == "1", messages)


def read_csv_card(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def clock_seconds(text: str) -> int:
    """`1:29`, `1:05:32` or `0:01:29` -> seconds."""
    seconds = 0
    for part in text.split(":"):
        seconds = seconds * 60 + int(part)
    return seconds


def profile_from(toml_table: dict) -> Profile:
    settings, problems = read_mapping(toml_table, "test")
    assert problems == [], problems
    return merge(settings)


# An athlete like the examples' one (VDOT 43.6, a mph console up to 12 mph).
MPH_PROFILE = {"races": {"5K": "22:30"}, "units": "mi",
               "treadmill": {"speed_unit": "mph", "max_speed": 12, "max_segments": 20}}


def compile_text(text: str, fmt: str = "qz", profile: Profile | dict = MPH_PROFILE,
                 card_format: str = "csv"):
    """(workout, Result) for one workout written inline, through the real stages."""
    result = parse(text, "test.wod")
    assert result.diagnostics == [] and len(result.workouts) == 1, result.diagnostics
    workout = result.workouts[0]
    assert not has_errors(check_workout(workout))
    if isinstance(profile, dict):
        profile = profile_from(profile)
    workout = resolve(workout, profile)
    return workout, backend(fmt).compile(workout, profile, Options(card_format=card_format))


def example_entries():
    """Every example workout, resolved with the examples' own profile."""
    run = load([str(EXAMPLES)], ProfileSource())
    assert run.problems == []
    return run.entries


def run_entries():
    return [e for e in example_entries() if e.workout.sport is ir.Sport.RUN]
