"""Reading FIT workout files back the way a device does: with Garmin's own decoder
(garmin-fit-sdk), then turning the wire values into physical ones (s, m, m/s, bpm, W) by the
FIT profile's rules, written out here independently of wodc's encoder."""

from __future__ import annotations

from dataclasses import dataclass

from garmin_fit_sdk import Decoder, Stream


@dataclass
class Decoded:
    file_id: dict
    workout: dict
    steps: list[dict]


def decode(data: bytes) -> Decoded:
    """Decodes a workout file; fails the test unless Garmin's decoder finds it whole and
    error-free, with exactly one file_id and one workout message."""
    stream = Stream.from_byte_array(bytearray(data))
    decoder = Decoder(stream)
    assert decoder.is_fit(), "not a FIT file"
    assert decoder.check_integrity(), "FIT integrity check failed (size or CRC)"
    stream.reset()  # check_integrity leaves the stream at its end
    messages, errors = decoder.read(convert_types_to_strings=True, expand_sub_fields=True,
                                    expand_components=True, merge_heart_rates=False)
    assert errors == [], errors
    assert len(messages["file_id_mesgs"]) == 1
    assert len(messages["workout_mesgs"]) == 1
    return Decoded(messages["file_id_mesgs"][0], messages["workout_mesgs"][0],
                   messages.get("workout_step_mesgs", []))


@dataclass(frozen=True)
class Target:
    """A decoded target: `kind` as FIT names it; `zone`; or a custom `low`..`high` in
    `unit`: "m/s", "bpm", "%max", "W", "%FTP" or "rpm"."""

    kind: str
    zone: int = 0
    low: float | None = None
    high: float | None = None
    unit: str = ""


# With convert_types_to_strings the decoder names two values of FIT's workout_hr and
# workout_power types: exactly 100 and exactly 1000, the offsets of bpm and W.
NAMED_VALUES = {"bpm_offset": 100, "watts_offset": 1000}


def _custom(kind: str, zone, low, high) -> Target:
    low, high = NAMED_VALUES.get(low, low), NAMED_VALUES.get(high, high)
    if zone:
        return Target(kind, zone=zone)
    if kind == "speed":
        return Target(kind, low=low, high=high, unit="m/s")
    # Garmin's profile (Profile.xlsx, types workout_hr and workout_power) names 100 and 1000
    # "bpm_offset" and "watts_offset": from there up a value is bpm + 100 or W + 1000, so 100
    # itself is 0 bpm, not 100% of max HR.
    if kind == "heart_rate":  # 0-99: % of max HR; 100 and above: bpm + 100
        if low >= 100:
            assert high >= 100, "a heart-rate range mixes % and bpm"
            return Target(kind, low=low - 100, high=high - 100, unit="bpm")
        assert high < 100, "a heart-rate range mixes % and bpm"
        return Target(kind, low=low, high=high, unit="%max")
    if kind == "power":  # 0-999: % of FTP; 1000 and above: W + 1000
        if low >= 1000:
            assert high >= 1000, "a power range mixes % and W"
            return Target(kind, low=low - 1000, high=high - 1000, unit="W")
        assert high < 1000, "a power range mixes % and W"
        return Target(kind, low=low, high=high, unit="%FTP")
    if kind == "cadence":
        return Target(kind, low=low, high=high, unit="rpm")
    raise AssertionError(f"unexpected target type {kind!r}")


def target(step: dict) -> Target:
    kind = step["target_type"]
    if kind == "open":
        return Target("open")
    names = {"speed": "speed", "heart_rate": "heart_rate", "power": "power", "cadence": "cadence"}
    zone = step.get(f"target_{'hr' if kind == 'heart_rate' else kind}_zone", 0)
    name = names[kind]
    return _custom(kind, zone, step.get(f"custom_target_{name}_low"),
                   step.get(f"custom_target_{name}_high"))


def secondary(step: dict) -> Target | None:
    kind = step.get("secondary_target_type")
    if kind is None:
        return None
    zone = step.get(f"secondary_target_{'hr' if kind == 'heart_rate' else kind}_zone", 0)
    return _custom(kind, zone, step.get(f"secondary_custom_target_{kind}_low"),
                   step.get(f"secondary_custom_target_{kind}_high"))


def duration(step: dict) -> tuple[str, float | None]:
    """("time", s), ("distance", m), ("open", None), ("hr_less_than"/"hr_greater_than", bpm)."""
    kind = step["duration_type"]
    if kind == "time":
        return kind, step["duration_time"]
    if kind == "distance":
        return kind, step["duration_distance"]
    if kind in ("hr_less_than", "hr_greater_than"):
        value = step["duration_hr"]
        assert value > 100, "until-HR in % of max HR; wodc writes bpm"
        return kind, value - 100
    assert kind == "open", kind
    return kind, None


def is_repeat(step: dict) -> bool:
    return step["duration_type"] == "repeat_until_steps_cmplt"


def run_order(steps: list[dict], limit: int = 100_000) -> list[dict]:
    """The steps in the order a watch runs them: a repeat step jumps back to the step at
    index `duration_step` until the steps from there have run `repeat_steps` times in all."""
    by_index = {s["message_index"]: s for s in steps}
    assert sorted(by_index) == list(range(len(steps))), "message_index must be 0..n-1"
    done: dict[int, int] = {}
    order, i = [], 0
    while i < len(steps):
        step = by_index[i]
        if is_repeat(step):
            first, count = step["duration_step"], step["repeat_steps"]
            assert 0 <= first < i, "a repeat step loops back to an earlier step"
            done[i] = done.get(i, 0) + 1
            if done[i] < count:
                i = first
                continue
            done[i] = 0  # ready for the next pass of an enclosing repeat
        else:
            order.append(step)
            assert len(order) <= limit, "runaway repeats"
        i += 1
    return order


def dump(data: bytes) -> str:
    """A readable rendering of a decoded workout file, one line per step, for snapshots."""
    decoded = decode(data)
    f, w = decoded.file_id, decoded.workout
    lines = [f"file_id: {f['type']} by {f['manufacturer']}, product {f['product']}, "
             f"serial {f['serial_number']}, created {f['time_created'].isoformat()}",
             f"workout: {w['wkt_name']!r} {w['sport']}/{w.get('sub_sport')}, "
             f"{w['num_valid_steps']} steps"]
    if "wkt_description" in w:
        lines.append(f"  description: {w['wkt_description']!r}")
    for step in decoded.steps:
        index = step["message_index"]
        if is_repeat(step):
            lines.append(f"{index:3} repeat from step {step['duration_step']}, "
                         f"{step['repeat_steps']} times")
            continue
        kind, value = duration(step)
        parts = [f"{index:3} {step['intensity']:<8}", f"{kind} {value:g}" if value else kind,
                 _target_text(target(step))]
        second = secondary(step)
        if second is not None:
            parts.append(f"+ {_target_text(second)}")
        parts.append(repr(step.get("wkt_step_name", "")))
        if step.get("notes"):
            parts.append(f"notes={step['notes']!r}")
        lines.append(" ".join(parts))
    return "\n".join(lines) + "\n"


def _target_text(t: Target) -> str:
    if t.kind == "open":
        return "open"
    if t.zone:
        return f"{t.kind} zone {t.zone}"
    return f"{t.kind} {t.low:g}-{t.high:g} {t.unit}"
