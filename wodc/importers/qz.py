"""QZ (qdomyos-zwift) treadmill programs to IR.

Read the way QZ's own loader reads them (src/trainprogram.cpp, trainprogram::loadXML; the
facts in FORMATS.md and wodc/backends/qz.py): `<rows>` of `<row>`, each lasting `duration`
("hh:mm:ss") or running `distance` (km), at `speed` (km/h) or ramping from `speedfrom` to
`speedto`, at `inclination` (%); `lapbutton="1"` waits for the lap button and
`hrabove`/`hrbelow` for a heart rate; `<textevent>` messages; one level of `<repeat
times="N">`. Without `forcespeed="1"` QZ only suggests the speed: it is still the step's
target, with a warning. A speed of 0 leaves the belt as it was: a step without a target.

Each row is a step at its speed in km/h, as the program says it (`@10.7kph`): the athlete's
paces are not known here. The most common incline is the workout's `incline` line, others
are the steps' own. Identical consecutive rows and blocks become repeats.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from .. import ir
from . import NOWHERE, Imported, Reader, fold_repeats, step, target
from ..checks import HUMAN_SPEEDS
from ..units import KPH_PER_MPS, MPH_PER_MPS

_CLOCK = re.compile(r"(\d+):(\d\d):(\d\d)")
READ = {"duration", "distance", "speed", "speedfrom", "speedto", "inclination", "forcespeed",
        "lapbutton", "hrabove", "hrbelow", "zonehr"}


def read(data: bytes, path: str) -> Imported:
    reader = Reader(path)
    root = reader.xml(data, "rows", "a QZ program")
    if root is None:
        return reader.finish()
    device = root.get("device", "treadmill")
    if device != "treadmill":
        return reader.error(f"a QZ program for a {device}: wodc imports treadmill programs")
    rows = _Rows(reader)
    nodes = rows.read(root)
    if not nodes:
        return reader.error("the program has no rows")
    inclines = Counter(rows.inclines)
    common = inclines.most_common(1)[0][0] if inclines else None
    nodes = tuple(_without_incline(n, common) for n in nodes)
    reader.workout("", ir.Sport.RUN, fold_repeats(nodes), treadmill=True, indoor=True,
                   incline=common)
    return reader.finish()


def _without_incline(node: ir.Node, common: float | None) -> ir.Node:
    """The node with the workout's incline left to the `incline` line."""
    from dataclasses import replace

    if isinstance(node, ir.Repeat):
        return replace(node, children=tuple(_without_incline(c, common) for c in node.children))
    if node.incline is not None and node.incline.percent == common:
        return replace(node, incline=None)
    return node


class _Rows:
    def __init__(self, reader: Reader):
        self.reader = reader
        self.inclines: list[float] = []
        self.number = 0

    def read(self, parent, depth: int = 0) -> list[ir.Node]:
        out = []
        for element in parent:
            if element.tag == "repeat" and depth == 0:
                times = element.get("times", "1")
                children = self.read(element, 1)
                count = int(times) if times.isdigit() and int(times) > 0 else 1
                if count == 1 and times != "1":
                    self.reader.warn(f"row {self.number}", f"repeat times={times!r} is read "
                                                           "as once")
                if children:
                    out.append(ir.Repeat(count, tuple(children), NOWHERE))
                continue
            if element.tag != "row":
                self.reader.warn("", f"<{element.tag}> is not a row QZ runs; left out")
                continue
            self.number += 1
            try:
                made = self.row(element, f"row {self.number}")
            except (ValueError, OverflowError) as error:  # a number that is none
                self.reader.warn(f"row {self.number}", f"cannot read the row ({error}); "
                                                       "left out")
                continue
            if made is not None:
                out.append(made)
        return out

    def row(self, element, where: str) -> ir.Step | None:
        a = element.attrib
        unknown = sorted(set(a) - READ)
        if unknown:
            self.reader.warn(where, f"{', '.join(unknown)} cannot be written in wod; left out")
        duration = self.duration(a, where)
        if duration is None:
            return None
        speed_target = self.speed(a, where)
        incline = None
        if a.get("inclination") not in (None, ""):
            try:
                incline = float(a["inclination"])
                if not math.isfinite(incline):
                    raise ValueError
                self.inclines.append(incline)
            except ValueError:
                self.reader.warn(where, f"inclination {a['inclination']!r} is not a number; "
                                        "left out")
        notes = [e.get("message", "").strip() for e in element if e.tag == "textevent"]
        late = [e.get("timeoffset") for e in element if e.tag == "textevent"
                and e.get("timeoffset", "0") not in ("0", "")]
        if late:
            self.reader.warn(where, "messages after the row's start become the step's note")
        kind = ir.StepKind.ACTIVE
        slowest = speed_target.values if speed_target is not None else ()
        if any(v.speed < HUMAN_SPEEDS[0] for v in slowest):
            # How wodc writes `rest` on a treadmill: the belt at its slowest, under a walk.
            self.reader.warn(where, f"{float(a.get('speed') or a.get('speedfrom')):g} km/h is "
                                    "slower than a walk: written as rest (the belt's slowest "
                                    "speed)")
            kind, speed_target = ir.StepKind.REST, None
        return step(kind, duration, speed_target, incline=incline,
                    note="; ".join(n for n in notes if n) or None)

    def duration(self, a: dict, where: str) -> ir.Duration | None:
        if a.get("lapbutton", "0") not in ("0", ""):
            return ir.OpenDuration()
        for name, above in (("hrabove", True), ("hrbelow", False)):
            if a.get(name, "").lstrip("-").isdigit() and int(a[name]) > 0:
                return ir.HeartRateDuration(int(a[name]), above)
        if a.get("distance"):
            try:
                km = float(a["distance"])
            except ValueError:
                km = 0
            if math.isfinite(km) and km > 0:
                return ir.DistanceDuration(round(km * 1000, 3), "km" if km >= 1 else "m")
        match = _CLOCK.fullmatch(a.get("duration", ""))
        if not match:
            self.reader.warn(where, f"duration {a.get('duration')!r} is not hh:mm:ss (QZ reads "
                                    "it as no time); the row is left out")
            return None
        hours, minutes, seconds = (int(g) for g in match.groups())
        total = hours * 3600 + minutes * 60 + seconds
        if total == 0:
            self.reader.warn(where, "a row of 00:00:00 is left out")
            return None
        return ir.TimeDuration(float(total))

    def speed(self, a: dict, where: str) -> ir.Target | None:
        def kph(text):
            value = float(text)
            if not math.isfinite(value) or value <= 0:
                return None
            # A console in mph steps by 0.1 mph (wodc writes 7.1 mph as 11.4263 km/h).
            mph = value / KPH_PER_MPS * MPH_PER_MPS
            if abs(value * 10 - round(value * 10)) > 1e-6 and abs(mph * 10 - round(mph * 10)) < 5e-4:
                return ir.Speed(round(mph, 1) / MPH_PER_MPS, "mph")
            return ir.Speed(value / KPH_PER_MPS, "kph")
        try:
            if a.get("speedfrom") and a.get("speedto"):
                start, end = kph(a["speedfrom"]), kph(a["speedto"])
                made = target(start, end, ramp=True) if start and end else None
            else:
                speed = kph(a["speed"]) if a.get("speed") else None
                made = target(speed) if speed else None
        except ValueError:
            self.reader.warn(where, "the speed is not a number; the step has no target")
            return None
        if made is not None and a.get("forcespeed") != "1":
            self.reader.warn(where, "without forcespeed=\"1\" QZ only suggests this speed; "
                                    "written as the step's target")
        return made

