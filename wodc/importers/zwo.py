"""Zwift workout files (.zwo), bike and run, to IR.

What the blocks mean (FORMATS.md; the tags and attributes Zwift's own workouts use, as
h4l/zwift-workout-file-reference lists them from every built-in file, which is why tags are
read in any case, `Freeride` and `TextEvent`/`TimeOffset` included):
- a ride's Power is a fraction of FTP: `@N%FTP`;
- a run's Power is a fraction of the speed of the race pace its `pace` attribute picks
  (0 mile, 1 5K, 2 10K, 3 half marathon, 4 marathon): `@N%5K`, and 100% is `@5K`;
- SteadyState is a steady step (a range with PowerLow/PowerHigh), Warmup/Cooldown/Ramp ramp
  from PowerLow to PowerHigh, IntervalsT is a repeat of its on and off halves, FreeRide a
  step without a target, MaxEffort `@max`;
- Duration is seconds, or metres in a run with durationType distance;
- what wodc's writer says in a message when a block cannot (`until HR<130 · @150bpm`) is
  that step's end and target again, and a FreeRide with a target ZWO could carry is how wodc
  writes an open step: a `lap` step again;
- a text event is the note of the step it falls in; one that does not fall at the step's
  start is still its note, with a warning (a wod note shows as the step starts).
Consecutive identical blocks become repeats (wodc and Zwift write most repeats out).
"""

from __future__ import annotations

import math
import re

from .. import ir
from . import Imported, Reader, fold_repeats, shortest, step, target

ZWIFT_PACES = {0: "mile", 1: "5K", 2: "10K", 3: "HM", 4: "M"}
_UNTIL = re.compile(r"until HR([<>])(\d+)")  # wodc's message for a step that ends on HR
RAMPS = {"warmup": ir.StepKind.WARMUP, "cooldown": ir.StepKind.COOLDOWN,
         "ramp": ir.StepKind.ACTIVE}
# Attributes that change nothing a workout file can say (how Zwift draws or scores a block).
HARMLESS = {"flatroad", "quantize", "show_avg", "ftptest", "units", "neverfails",
            "failthresholdduration", "slop", "text", "replacement_prescription",
            "replacement_verb", "forced_performance_test", "ramptest", "target", "overunder"}
READ = {"duration", "power", "powerlow", "powerhigh", "pace", "cadence", "cadencelow",
        "cadencehigh", "cadenceresting", "repeat", "onduration", "offduration", "onpower",
        "offpower", "poweronlow", "poweronhigh", "powerofflow", "poweroffhigh"}


def read(data: bytes, path: str) -> Imported:
    reader = Reader(path)
    root = reader.xml(data, "workout_file", "a Zwift workout")
    if root is None:
        return reader.finish()
    fields = {child.tag.lower(): child for child in root}
    text = lambda name: (fields[name].text or "").strip() if name in fields else ""  # noqa: E731
    sport = ir.Sport.RUN if text("sporttype").lower() == "run" else ir.Sport.BIKE
    blocks = fields.get("workout")
    if blocks is None:
        return reader.error("this Zwift workout has no <workout> element")
    distance = text("durationtype").lower() == "distance"
    if sport is ir.Sport.RUN and not text("durationtype"):
        reader.warn("", "no durationType: read as time (QZ reads such a run as metres)")
    steps = _Blocks(reader, sport, distance).read(blocks)
    tags = tuple(t.get("name", "") for t in fields["tags"]) if "tags" in fields else ()
    reader.workout(text("name"), sport, fold_repeats(tuple(steps)),
                   notes=tuple(text("description").split("\n")), tags=tags,
                   author=text("author") or None, indoor=sport is ir.Sport.BIKE)
    return reader.finish()


def _attributes(element) -> dict[str, str]:
    return {name.lower(): value for name, value in element.attrib.items()}


class _Blocks:
    def __init__(self, reader: Reader, sport: ir.Sport, distance: bool):
        self.reader, self.sport, self.distance = reader, sport, distance

    def read(self, blocks) -> list[ir.Node]:
        out = []
        for number, block in enumerate(blocks, 1):
            where = f"block {number} ({block.tag})"
            attributes = _attributes(block)
            unknown = sorted(set(attributes) - READ - HARMLESS)
            if unknown:
                self.reader.warn(where, f"{', '.join(unknown)} cannot be written in wod; "
                                        "left out")
            tag = block.tag.lower()
            try:
                node = self.block(tag, block, attributes, where)
            except (KeyError, ValueError, TypeError) as error:  # a missing or bad number
                self.reader.warn(where, f"cannot read the block ({error}); left out")
                continue
            if node is not None:
                out.append(node)
        return out

    def block(self, tag, element, a, where) -> ir.Node | None:
        events = self.events(element)
        if tag == "intervalst":
            return self.intervals(a, events, where)
        if tag in ("textevent", "gameplayevent", "textnotification"):
            return None  # a message outside a block has no step to belong to
        length = self.length(a["duration"])
        if tag == "steadystate":
            if "power" in a:
                made = target(self.level(a["power"], a, where))
            else:
                made = target(self.level(a["powerlow"], a, where),
                              self.level(a["powerhigh"], a, where))
            return self.step(ir.StepKind.ACTIVE, length, made, a, events, where)
        if tag in RAMPS:
            low = a.get("powerlow", a.get("power"))
            high = a.get("powerhigh", low)
            made = target(self.level(low, a, where), self.level(high, a, where), ramp=low != high)
            return self.step(RAMPS[tag], length, made, a, events, where)
        if tag == "freeride":
            return self.step(ir.StepKind.ACTIVE, length, None, a, events, where, free=True)
        if tag == "maxeffort":
            return self.step(ir.StepKind.INTERVAL, length, target(ir.MaxEffort()), a, events,
                             where)
        self.reader.warn(where, f"a <{element.tag}> block cannot be written in wod; left out")
        return None

    def intervals(self, a, events, where) -> ir.Repeat:
        on_length, off_length = _finite(a["onduration"]), _finite(a["offduration"])
        on = (self.level(a["onpower"], a, where) if "onpower" in a else None,
              (self.level(a["poweronlow"], a, where), self.level(a["poweronhigh"], a, where))
              if "poweronlow" in a else None)
        off = (self.level(a["offpower"], a, where) if "offpower" in a else None,
               (self.level(a["powerofflow"], a, where), self.level(a["poweroffhigh"], a, where))
               if "powerofflow" in a else None)
        period = on_length + off_length
        on_notes, off_notes = [], []
        for offset, message in events:
            into = offset % period if period else 0
            notes = on_notes if into < on_length else off_notes
            start = 0 if into < on_length else on_length
            if message not in notes:
                notes.append(message)
            if into != start:
                self.reader.warn(where, f"the message {message!r} {offset:g} into the block "
                                        "becomes the note of the half it falls in")

        def half(kind, length, levels, cadence_name, notes):
            single, pair = levels
            made = target(*pair) if pair else target(single) if single is not None else None
            cadence = a.get(cadence_name)
            return step(kind, self.length(str(length)), made,
                        cadence=(_finite(cadence), _finite(cadence), "rpm") if cadence else None,
                        note="; ".join(notes) or None)
        from . import NOWHERE
        repeat = int(_finite(a.get("repeat", "1")))
        return ir.Repeat(max(repeat, 1), (
            half(ir.StepKind.ACTIVE, on_length, on, "cadence", on_notes),
            half(ir.StepKind.RECOVERY, off_length, off, "cadenceresting", off_notes)),
            NOWHERE)

    def step(self, kind, length, made, a, events, where, free: bool = False) -> ir.Step:
        notes = []
        for offset, message in events:
            if not offset:
                # What wodc's writer puts in a message when the block cannot say it: the
                # end of a step (`until HR<130`) and its target (`@150bpm`), joined by " · ".
                parts = []
                for part in message.split(" · "):
                    if (until := _UNTIL.fullmatch(part)):
                        length = ir.HeartRateDuration(int(until.group(2)), until.group(1) == ">")
                    elif (written := _target(part)) is not None:
                        made = _sport_zone(written, self.sport)
                    else:
                        parts.append(part)
                message = " · ".join(parts)
                if not message:
                    continue
            if offset:
                self.reader.warn(where, f"the message {message!r} {offset:g} into the block "
                                        "becomes the step's note (a wod note shows as the step "
                                        "starts)")
            if message not in notes:
                notes.append(message)
        if free and made is not None and _carried(made, self.sport) and \
                isinstance(length, ir.TimeDuration):
            # A target ZWO could have carried, on a FreeRide: wodc wrote an open step so (it
            # has no lap button), with the target as a message.
            length = ir.OpenDuration()
        if made is None and self.sport is ir.Sport.RUN and isinstance(length, ir.TimeDuration):
            self.reader.warn(where, "a FreeRide (no target) is a step without one; wodc writes "
                                    "such a run step at an easy jog")
        return step(kind, length, made, cadence=self.cadence(a), note="; ".join(notes) or None)

    def length(self, text: str) -> ir.Duration:
        value = _finite(text)
        if self.distance:
            return ir.DistanceDuration(value, "m")
        return ir.TimeDuration(value)

    def level(self, text: str, a: dict, where: str) -> ir.Value:
        fraction = _finite(text)
        percent = shortest(fraction * 100, lambda p: abs(p / 100 - fraction) < 1e-9)
        if self.sport is ir.Sport.BIKE:
            return ir.PowerPercent(percent)
        if "pace" not in a:
            self.reader.warn(where, "a run's block without `pace` is taken as a fraction of "
                                    "mile pace (pace 0)")
        race = ZWIFT_PACES.get(int(a.get("pace", "0")))
        if race is None:
            raise ValueError(f"pace {a.get('pace')} is none of 0-4")
        return ir.PaceName(race) if percent == 100 else ir.PaceName(race, speed_percent=percent)

    def cadence(self, a: dict):
        if "cadence" in a:
            value = _finite(a["cadence"])
            return (value, value, "rpm" if self.sport is ir.Sport.BIKE else "spm")
        if "cadencelow" in a and "cadencehigh" in a:
            return (_finite(a["cadencelow"]), _finite(a["cadencehigh"]),
                    "rpm" if self.sport is ir.Sport.BIKE else "spm")
        return None

    def events(self, element) -> list[tuple[float, str]]:
        found = []
        for child in element:
            if child.tag.lower() not in ("textevent", "textnotification"):
                continue
            a = _attributes(child)
            message = a.get("message", a.get("text", "")).strip()
            offset = a.get("timeoffset", a.get("distoffset", "0"))
            if message:
                found.append((float(offset), message))
        return found


def _target(text: str) -> ir.Target | None:
    """`@150bpm` as the target it says, else None."""
    from ..targets import TargetError, parse_target
    from . import NOWHERE

    if not text.startswith("@") or " " in text:
        return None
    try:
        found = parse_target(text[1:], NOWHERE)
    except TargetError:
        return None
    if any(isinstance(v, ir.RepTime) for v in found.values):
        return None  # a rep's time needs the step's distance
    return found


def _sport_zone(found: ir.Target, sport: ir.Sport) -> ir.Target:
    """`@Z2` means the sport's zone (parse.py does the same for text)."""
    from dataclasses import replace

    def zone(value):
        if not isinstance(value, ir.Zone):
            return value
        return ir.PowerZone(value.zone) if sport is ir.Sport.BIKE else ir.HeartRateZone(value.zone)
    return replace(found, start=zone(found.start), end=zone(found.end))


def _carried(made: ir.Target, sport: ir.Sport) -> bool:
    """Whether ZWO has a field for this target (power in a ride, pace or speed in a run)."""
    if isinstance(made.start, ir.MaxEffort):
        return True
    wanted = ir.Channel.POWER if sport is ir.Sport.BIKE else ir.Channel.SPEED
    return made.start.channel is wanted


def _finite(text: str) -> float:
    """A number of the file; ValueError for one that is none (or nan, inf, 0 or less)."""
    value = float(text)
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{text!r} is not a number above 0")
    return value
