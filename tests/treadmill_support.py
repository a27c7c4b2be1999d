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
    """A row as QZ runs it (trainprogram.h's trainrow, the fields wodc writes)."""

    seconds: int
    speed: float                 # km/h
    inclination: float
    forcespeed: bool
    zonehr: int = -1             # trainrow's default: -1, no zone of the row's own
    wait_for_lap: bool = False
    hr_above: int = -1
    hr_below: int = -1
    events: list[tuple[int, str]] = field(default_factory=list)  # (timeoffset, message)

    @property
    def mean_speed_mps(self) -> float:
        return self.speed / KPH_PER_MPS

    @property
    def blocking(self) -> bool:
        # trainprogram.cpp:213-215, isBlockingTransitionRow
        return self.wait_for_lap or self.hr_above > 0 or self.hr_below > 0

    @property
    def messages(self) -> list[str]:
        """What QZ shows of the row's text events: at most one per time offset, the first
        (trainprogram.cpp:1293-1305 keys shown events "row:timeoffset"), none on a row that
        waits for heart rate (:1283-1284), and on a lap row only the first, inside the "Press
        Lap" message (:1079-1085)."""
        if self.hr_above > 0 or self.hr_below > 0:
            return []
        if self.wait_for_lap:
            return [self.events[0][1].strip()] if self.events else []
        shown: dict[int, str] = {}
        for offset, message in self.events:
            shown.setdefault(offset, message)
        return list(shown.values())


def read_qz(data: bytes) -> list[QzRow]:
    """Rows in the order QZ runs them, read the way qdomyos-zwift's trainprogram::loadXML
    (src/trainprogram.cpp:1920-2262) reads a file: `<repeat times>` expanded, a
    speedfrom/speedto row split into QZ's own 0.1 km/h steps with QZ's own timing and without
    its text events (:2083-2120, :2236). Raises on what QZ would misread: a duration that is
    not QTime "hh:mm:ss" (QTime::fromString returns an invalid time), a missing speed."""
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
        seconds = _qtime(element.get("duration"))
        integer = lambda name: int(element.get(name, "-1"))  # noqa: E731, QString::toInt
        row = QzRow(seconds, None, float(element.get("inclination")),
                    element.get("forcespeed") == "1", integer("zonehr"),
                    element.get("lapbutton", "0") != "0", integer("hrabove"), integer("hrbelow"))
        if element.get("speedfrom") is not None and element.get("speedto") is not None:
            yield from _qz_ramp(row, float(element.get("speedfrom")),
                                float(element.get("speedto")))
            continue
        assert element.get("speed") is not None, "a row without speed leaves the belt as it was"
        row.speed = float(element.get("speed"))
        for event in element:
            assert event.tag == "textevent"
            row.events.append((int(event.get("timeoffset")), event.get("message")))
        yield row


def _qtime(text: str) -> int:
    match = QZ_DURATION.fullmatch(text)
    assert match, text
    hours, minutes, seconds = (int(g) for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def _qz_ramp(row: QzRow, speed_from: float, speed_to: float):
    """trainprogram.cpp:2083-2120, line for line: the rows QZ makes of a ramp row."""
    duration = row.seconds
    delta = int(abs(speed_to - speed_from) / 0.1) or 1
    if delta <= duration:
        step_seconds, speed_step, spare_seconds = duration // delta, 0.1, duration % delta
    else:
        step_seconds, speed_step = 1, abs(speed_to - speed_from) / (duration - 1)
        delta, spare_seconds = duration - 1, 0
    spare_sum = 0
    for i in range(delta):
        spare = 1 if spare_seconds and i % spare_seconds == 0 and i > 0 else 0
        spare_sum += spare
        speed = speed_from + speed_step * i if speed_from < speed_to else speed_from - speed_step * i
        yield QzRow(step_seconds + spare, speed, row.inclination, True, row.zonehr,
                    row.wait_for_lap, row.hr_above, row.hr_below)


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
    """Every example workout once (a plan's sessions repeat some), resolved with the
    examples' own profile."""
    run = load([str(EXAMPLES)], ProfileSource())
    assert run.problems == []
    unique = {}
    for entry in run.entries:
        unique.setdefault(id(entry.workout), entry)
    return list(unique.values())


def run_entries():
    return [e for e in example_entries() if e.workout.sport is ir.Sport.RUN]
