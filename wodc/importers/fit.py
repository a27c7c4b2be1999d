"""FIT workout files (from Garmin Connect, TrainerRoad, wodc, ...) to IR.

Read with Garmin's own decoder (garmin-fit-sdk), which handles every header, definition and
endianness a device or app writes. Its values are turned into the language's the way FIT's
profile defines them (Profile.xlsx, types workout_hr and workout_power; FORMATS.md):
- durations: time (s), distance (m), open (lap), hr_less_than / hr_greater_than (bpm + 100);
  repeat_until_steps_cmplt loops back to `duration_step` `repeat_steps` times, so it is a
  repeat (nested ones too);
- custom speed ranges are pace ranges per km, each end the pace with the fewest decimals
  that comes back to the same mm/s; heart rate below 100 is % of max HR, from 100 bpm + 100;
  power below 1000 is % of FTP, from 1000 W + 1000; a range from 0 bpm or 0 W is a cap
  (`@<140bpm`); zones stay zones;
- cadence (the target or the secondary target) is the step's cadence, rpm (strides per
  minute for a run: spm = 2 x rpm, as wodc writes it);
- the step's notes are its note (wodc's own additions, `incline N%`, `effort @RPE7`, `all
  out`, become the incline or target they stand for), else its name.
Every other duration or target type is written as close as the language goes, with a warning.
"""

from __future__ import annotations

import re

from .. import ir
from . import NOWHERE, Imported, Reader, shortest, step, target

INTENSITY = {"warmup": ir.StepKind.WARMUP, "cooldown": ir.StepKind.COOLDOWN,
             "active": ir.StepKind.ACTIVE, "rest": ir.StepKind.REST,
             "recovery": ir.StepKind.RECOVERY, "interval": ir.StepKind.INTERVAL}
# Target types read as the plain target, averaged differently on the watch.
AVERAGED = {"power_3s": "power", "power_10s": "power", "power_30s": "power",
            "power_lap": "power", "heart_rate_lap": "heart_rate", "speed_lap": "speed"}
NAMED_VALUES = {"bpm_offset": 100, "watts_offset": 1000}  # how the decoder names 100 and 1000
_INCLINE_NOTE = re.compile(r"incline (-?\d+(?:\.\d+)?)%")
_EFFORT_NOTE = re.compile(r"effort @RPE(\d+(?:\.\d+)?)")


def read(data: bytes, path: str) -> Imported:
    from garmin_fit_sdk import Decoder, Stream

    reader = Reader(path)
    stream = Stream.from_byte_array(bytearray(data))
    decoder = Decoder(stream)
    if not decoder.is_fit():
        return reader.error("not a FIT file")
    if not decoder.check_integrity():
        return reader.error("the FIT file is damaged (its size or checksum is wrong)")
    stream.reset()  # check_integrity leaves the stream at its end
    try:
        messages, errors = decoder.read(convert_types_to_strings=True, expand_sub_fields=True,
                                        expand_components=True, merge_heart_rates=False)
    except Exception as error:  # noqa: BLE001 - a file the decoder chokes on is not read
        errors = [error]
    if errors:
        return reader.error(f"Garmin's decoder could not read the file: {errors[0]}")
    workouts = messages.get("workout_mesgs", [])
    if not workouts:
        kind = (messages.get("file_id_mesgs") or [{}])[0].get("type", "unknown")
        return reader.error(f"not a workout file (FIT file type {kind})",
                            "wodc imports workouts, not activities or courses")
    _Steps(reader, workouts[0], messages.get("workout_step_mesgs", [])).read()
    return reader.finish()


class _Steps:
    def __init__(self, reader: Reader, workout: dict, steps: list[dict]):
        self.reader, self.header = reader, workout
        self.steps = sorted(steps, key=lambda s: s.get("message_index", 0))
        self.sport = ir.Sport.RUN

    def read(self) -> None:
        header = self.header
        sport, treadmill, indoor = self.sport_of(header)
        self.sport = sport
        built: list[tuple[int, ir.Node]] = []  # (index of its first FIT step, node)
        for number, fit_step in enumerate(self.steps):
            index = fit_step.get("message_index", number)
            if str(fit_step.get("duration_type", "")).startswith("repeat_"):
                self.repeat(fit_step, index, built)
                continue
            made = self.step(fit_step, index)
            if made is not None:
                built.append((index, made))
        notes = tuple((header.get("wkt_description") or "").split("\n"))
        self.reader.workout(str(header.get("wkt_name") or ""), sport, tuple(n for _, n in built),
                            treadmill=treadmill, indoor=indoor, notes=notes)

    def sport_of(self, header: dict) -> tuple[ir.Sport, bool, bool]:
        sport, sub_sport = header.get("sport"), header.get("sub_sport")
        if sport == "running":
            return ir.Sport.RUN, sub_sport == "treadmill", sub_sport == "treadmill"
        if sport == "cycling":
            return ir.Sport.BIKE, False, sub_sport in ("indoor_cycling", "virtual_activity")
        power = any(str(s.get("target_type", "")).startswith("power") for s in self.steps)
        guess = ir.Sport.BIKE if power else ir.Sport.RUN
        said = f"sport {sport}" if sport not in (None, "generic") else "no sport"
        self.reader.warn("workout", f"the file says {said}; written as a "
                                    f"{'ride (it has power targets)' if power else 'run'}")
        return guess, False, False

    def repeat(self, fit_step: dict, index: int, built: list[tuple[int, ir.Node]]) -> None:
        first = fit_step.get("duration_step", fit_step.get("duration_value", 0))
        kind = fit_step["duration_type"]
        count = fit_step.get("repeat_steps", fit_step.get("target_value", 1))
        body = [pair for pair in built if pair[0] >= first]
        del built[len(built) - len(body):]
        if not body:
            self.reader.warn(f"step {index}", "a repeat of no steps is left out")
            return
        if kind != "repeat_until_steps_cmplt" or not isinstance(count, int) or count < 1:
            until = kind.removeprefix("repeat_until_").replace("_", " ")
            self.reader.warn(f"step {index}", f"a repeat until {until} cannot be written in "
                                              "wod (it repeats a number of times); its steps "
                                              "are written once")
            count = 1
        built.append((body[0][0], ir.Repeat(count, tuple(n for _, n in body), NOWHERE)))

    def step(self, fit_step: dict, index: int) -> ir.Step | None:
        where = f"step {index}"
        kind = INTENSITY.get(fit_step.get("intensity"), ir.StepKind.ACTIVE)
        duration = self.duration(fit_step, where)
        notes, incline, effort = self.notes(fit_step, duration)
        made_target, cadence = self.targets(fit_step, where)
        if made_target is None and effort is not None:
            made_target = effort
        return step(kind, duration, made_target, incline=incline, cadence=cadence, note=notes)

    def duration(self, fit_step: dict, where: str) -> ir.Duration:
        kind = fit_step.get("duration_type", "open")
        if kind == "time" and fit_step.get("duration_time") is not None:
            return ir.TimeDuration(round(float(fit_step["duration_time"]), 3))
        if kind == "distance" and fit_step.get("duration_distance") is not None:
            metres = round(float(fit_step["duration_distance"]), 2)  # FIT holds centimetres
            return _distance(metres)
        if kind in ("hr_less_than", "hr_greater_than"):
            value = NAMED_VALUES.get(fit_step.get("duration_hr"), fit_step.get("duration_hr"))
            if isinstance(value, (int, float)) and value > 100:
                return ir.HeartRateDuration(int(value) - 100, kind == "hr_greater_than")
            self.reader.warn(where, f"'until heart rate {kind.split('_')[1]} than {value}% of "
                                    "max' cannot be written in wod (it ends on bpm); written "
                                    "as a lap step")
            return ir.OpenDuration()
        if kind != "open":
            self.reader.warn(where, f"a step that ends by {kind.replace('_', ' ')} cannot be "
                                    "written in wod; written as a lap step")
        return ir.OpenDuration()

    def notes(self, fit_step: dict, duration: ir.Duration):
        """The note, and what wodc's own notes carry: `incline N%`, `effort @RPE7`, `all out`."""
        text = fit_step.get("notes") or ""
        incline = effort = None
        kept = []
        for part in (p.strip() for p in text.split(";")):
            if match := _INCLINE_NOTE.fullmatch(part):
                incline = float(match.group(1))
            elif match := _EFFORT_NOTE.fullmatch(part):
                effort = target(ir.Effort(float(match.group(1))))
            elif part.lower() == "all out":
                effort = target(ir.MaxEffort())
            elif part:
                kept.append(part)
        note = "; ".join(kept)
        name = str(fit_step.get("wkt_step_name") or "").strip()
        if not note and name and not _generated(name, duration):
            note = name
        return note or None, incline, effort

    def targets(self, fit_step: dict, where: str):
        primary, cadence = self.target(fit_step, "", where), None
        if isinstance(primary, tuple):
            primary, cadence = None, primary
        if fit_step.get("secondary_target_type"):
            second = self.target(fit_step, "secondary_", where)
            if isinstance(second, tuple):
                cadence = second
            elif second is not None:
                self.reader.warn(where, "a second target other than cadence cannot be written "
                                        "in wod; it is left out")
        return primary, cadence

    def target(self, fit_step: dict, prefix: str, where: str):
        """An ir.Target, a cadence (low, high, unit), or None."""
        kind = fit_step.get(f"{prefix}target_type", "open")
        if kind in (None, "open"):
            return None
        if kind in AVERAGED:
            self.reader.warn(where, f"a {kind.replace('_', ' ')} target (averaged on the "
                                    f"watch) is written as a plain {AVERAGED[kind]} target")
            kind = AVERAGED[kind]
        zone_field = {"heart_rate": "hr", "power": "power", "speed": "speed",
                      "cadence": "cadence"}.get(kind)
        if zone_field is None:
            self.reader.warn(where, f"a {kind.replace('_', ' ')} target cannot be written in "
                                    "wod; it is left out")
            return None
        zone = fit_step.get(f"{prefix}target_{zone_field}_zone") or 0
        low = fit_step.get(f"{prefix}custom_target_{kind}_low",
                           fit_step.get(f"{prefix}custom_target_value_low"))
        high = fit_step.get(f"{prefix}custom_target_{kind}_high",
                            fit_step.get(f"{prefix}custom_target_value_high"))
        low, high = NAMED_VALUES.get(low, low), NAMED_VALUES.get(high, high)
        if zone:
            if kind == "heart_rate" and 1 <= zone <= 5:
                return target(ir.HeartRateZone(zone))
            if kind == "power" and 1 <= zone <= 7:
                return target(ir.PowerZone(zone))
            self.reader.warn(where, f"{kind.replace('_', ' ')} zone {zone} means the watch's "
                                    "own settings, which wod cannot name; it is left out")
            return None
        if low is None or high is None:
            self.reader.warn(where, f"a {kind.replace('_', ' ')} target without its range is "
                                    "left out")
            return None
        low, high = sorted((float(low), float(high)))
        if kind == "speed":
            return self.speed(low, high, where)
        if kind == "cadence":
            per = 2 if self.sport is ir.Sport.RUN else 1  # FIT's rpm counts one foot
            return (low * per, high * per, "spm" if per == 2 else "rpm")
        if kind == "heart_rate":
            return self.offset_range(low, high, 100, ir.HeartRatePercent, ir.HeartRate, where,
                                     "heart rate")
        return self.offset_range(low, high, 1000, ir.PowerPercent, ir.Power, where, "power")

    def speed(self, low: float, high: float, where: str) -> ir.Target | None:
        if low <= 0:
            if high <= 0:
                self.reader.warn(where, "a speed range of 0 is left out")
                return None
            self.reader.warn(where, "a speed range from 0 m/s has no slow end in wod; written "
                                    "as its fast end's pace")
            low = high
        # m/s to s/km, the fewest decimals that FIT's mm/s reads back the same.
        def pace(speed):
            seconds = shortest(1000 / speed, lambda s: round(1000 / s, 3) == round(speed, 3))
            return ir.Pace(1000 / seconds, "km")
        return target(pace(high), pace(low))

    def offset_range(self, low, high, offset, percent_of, absolute, where, what):
        if low >= offset and high >= offset:
            if low == offset:  # from 0: how a cap (@<140bpm, @<200W) is written
                return target(absolute(high - offset), limit="below")
            return target(absolute(low - offset), absolute(high - offset))
        if low < offset and high < offset:
            if percent_of is ir.HeartRatePercent:
                return target(ir.HeartRatePercent(low, "max"), ir.HeartRatePercent(high, "max"))
            return target(ir.PowerPercent(low), ir.PowerPercent(high))
        self.reader.warn(where, f"a {what} range from a percentage to an absolute value "
                                f"({low:g} to {high:g} on FIT's scale) cannot be written; "
                                "it is left out")
        return None


def _distance(metres: float) -> ir.DistanceDuration:
    """Metres in the unit a person would write them: whole km, quarter miles, else metres."""
    miles = metres / 1609.344
    quarters = round(miles * 4)
    if quarters and abs(quarters * 402.336 - metres) < 0.006 and metres % 1000:
        return ir.DistanceDuration(quarters * 402.336, "mi")
    if metres >= 1000 and metres % 1000 == 0:
        return ir.DistanceDuration(metres, "km")
    return ir.DistanceDuration(metres, "m")


def _generated(name: str, duration: ir.Duration) -> bool:
    """Whether a step name is the label wodc writes (`3:00 @HM ...`, `400m @R`, `lap`): it
    starts with the step's own duration, as describe.duration writes it."""
    from .. import describe

    return name.split(" ")[0] == describe.duration(duration).split(" ")[0]
