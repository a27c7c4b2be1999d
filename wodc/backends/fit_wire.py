"""FIT workout files written byte by byte: the lean encoder the FIT backend uses.

fit-tool builds a Python object per field and resolves sub-fields by searching, which made it
about 85% of a whole compile (see bench/fit_profile.py); this module writes the same three
messages directly. It writes exactly the bytes fit-tool 0.9.16 writes for the same workout (given protocol
2.0 in the header, as fit-tool 0.9.17 does)
(tests/test_fit.py compares the two on every file the tests make, and on random workouts), so
it inherits fit-tool's layout choices:

- a 12-byte file header: protocol 2.0, profile 21.212, no header CRC;
- every message on local message type 0, so each new kind of message is preceded by its
  definition; a workout step is redefined when its fields differ from the definition in force
  or a text is longer than it allows (shorter texts are padded with NULs);
- fields in the FIT profile's order, listing only the fields a message sets;
- texts NUL-terminated UTF-8, numbers little-endian; the file ends with FIT's CRC-16.

Scaled values are rounded here the way fit-tool rounds them: round(value * scale).
"""

from __future__ import annotations

import array
import functools
import struct
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .fit import FitStep, FitTarget, FitWorkout

# 2.0, as Garmin's SDK writes it (0x10, 1.0, in its older workout examples). fit-tool 0.9.16
# writes 0x23, which is no protocol version (fixed in fit-tool 0.9.17, its issue #78).
PROTOCOL_VERSION = 0x20
PROFILE_VERSION = 21212  # 21.212, the FIT profile fit-tool 0.9.16 is generated from
FIT_EPOCH = 631065600    # 1989-12-31T00:00:00Z, where FIT's date_time counts from

# FIT base types: (type byte, the value's bytes; None for a NUL-terminated UTF-8 text)
ENUM = (0x00, struct.Struct("<B").pack)
UINT16 = (0x84, struct.Struct("<H").pack)
UINT32 = (0x86, struct.Struct("<I").pack)
UINT32Z = (0x8C, struct.Struct("<I").pack)  # 0 is its invalid value
STRING = (0x07, None)

FILE_ID, WORKOUT, WORKOUT_STEP, SCHEDULE = 0, 26, 27, 28  # global message numbers

# Profile enums, by the names the backend uses.
FILE_WORKOUT = 5
FILE_SCHEDULES = 7
SCHEDULE_WORKOUT = 0  # the schedule type enum: 0 workout, 1 course
MANUFACTURER_DEVELOPMENT = 255
SPORTS = {"running": 1, "cycling": 2}
SUB_SPORTS = {"generic": 0, "treadmill": 1, "indoor_cycling": 6}
DURATIONS = {"time": 0, "distance": 1, "hr_less_than": 2, "hr_greater_than": 3, "open": 5,
             "repeat_until_steps_cmplt": 6}
TARGETS = {"speed": 0, "heart_rate": 1, "open": 2, "cadence": 3, "power": 4}
INTENSITIES = {"active": 0, "rest": 1, "warmup": 2, "cooldown": 3, "recovery": 4,
               "interval": 5, "walk": 4}  # FIT has no walk: a walk is a recovery

# Heart rate above 100 is bpm + 100; power above 1000 is W + 1000 (below: % of max, of FTP).
OFFSETS = {"heart_rate": 100, "power": 1000}

Field = tuple[int, tuple[int, str | None], object]  # (field number, base type, value)


def _custom_range(low_number: int, target: FitTarget) -> list[Field]:
    """The custom low/high fields of a target (0 for a zone, as Garmin's cookbook writes)."""
    if target.zone:
        low = high = 0
    elif target.kind == "speed":
        low, high = round(target.low * 1000), round(target.high * 1000)  # m/s -> mm/s
    else:
        offset = 0 if target.percent else OFFSETS.get(target.kind, 0)
        low, high = round(target.low) + offset, round(target.high) + offset
    return [(low_number, UINT32, low), (low_number + 1, UINT32, high)]


def _duration_value(step: FitStep) -> int | None:
    kind, value = step.duration.kind, step.duration.value
    if kind == "time":
        return round(value * 1000)   # ms
    if kind == "distance":
        return round(value * 100)    # cm
    if kind in ("hr_less_than", "hr_greater_than"):
        return round(value) + 100    # bpm + 100
    return None


def _step_fields(index: int, step: FitStep) -> list[Field]:
    fields: list[Field] = [(254, UINT16, index)]
    if step.name:
        fields.append((0, STRING, step.name))
    if step.repeat_count is not None:
        return fields + [(1, ENUM, DURATIONS["repeat_until_steps_cmplt"]),
                         (2, UINT32, step.repeat_from), (3, ENUM, TARGETS["open"]),
                         (4, UINT32, step.repeat_count)]
    fields.append((1, ENUM, DURATIONS[step.duration.kind]))
    value = _duration_value(step)
    if value is not None:
        fields.append((2, UINT32, value))
    target = step.target
    fields += [(3, ENUM, TARGETS[target.kind]), (4, UINT32, target.zone)]
    if target.kind != "open":
        fields += _custom_range(5, target)
    fields.append((7, ENUM, INTENSITIES[step.intensity.value]))
    if step.notes:
        fields.append((8, STRING, step.notes))
    if step.secondary is not None:
        fields += [(19, ENUM, TARGETS[step.secondary.kind]), (20, UINT32, step.secondary.zone)]
        fields += _custom_range(21, step.secondary)
    return fields


def _messages(workout: FitWorkout) -> list[tuple[int, list[Field]]]:
    file_id = [(0, ENUM, FILE_WORKOUT), (1, UINT16, MANUFACTURER_DEVELOPMENT), (2, UINT16, 0),
               (3, UINT32Z, workout.serial_number),
               (4, UINT32, workout.time_created - FIT_EPOCH)]
    header = [(4, ENUM, SPORTS[workout.sport]), (6, UINT16, len(workout.steps)),
              (8, STRING, workout.name), (11, ENUM, SUB_SPORTS[workout.sub_sport])]
    if workout.description:
        header.append((17, STRING, workout.description))
    messages = [(FILE_ID, file_id), (WORKOUT, header)]
    messages += [(WORKOUT_STEP, _step_fields(i, step)) for i, step in enumerate(workout.steps)]
    return messages


@functools.lru_cache(maxsize=256)  # a few layouts serve every file
def _definition(number: int, layout: tuple[tuple[int, int, int], ...]) -> bytes:
    fields = b"".join(struct.pack("BBB", n, size, base) for n, size, base in layout)
    return struct.pack("<BBBHB", 0x40, 0, 0, number, len(layout)) + fields


def _records(messages: list[tuple[int, list[Field]]]) -> bytearray:
    out = bytearray()
    defined = None  # the definition in force: (message number, ((field, size, base type), ...))
    for number, fields in messages:
        # each field's bytes; a text ends with its NUL
        values = [value.encode("utf-8") + b"\0" if pack is None else pack(value)
                  for _, (_, pack), value in fields]
        layout = tuple([(field, len(data), base)
                        for (field, (base, _), _), data in zip(fields, values)])
        if defined is None or not _supports(defined, number, layout):
            defined = (number, layout)
            out += _definition(number, layout)
        out.append(0)  # a data message of local type 0
        if layout == defined[1]:
            out += b"".join(values)
        else:  # only a text can be shorter than the definition in force: padded with NULs
            out += b"".join(data.ljust(size, b"\0")
                            for data, (_, size, _) in zip(values, defined[1]))
    return out


def _supports(defined, number: int, layout) -> bool:
    """Whether the definition in force can carry a message: the same message and fields, and
    room enough for every value (fit-tool's rule for reusing a definition)."""
    if defined == (number, layout):  # (the most common case: a step like the last one)
        return True
    number_defined, layout_defined = defined
    return (number_defined == number and len(layout_defined) == len(layout)
            and all(a[0] == b[0] and a[2] == b[2] and a[1] >= b[1]
                    for a, b in zip(layout_defined, layout)))


def _crc_table() -> tuple[int, ...]:
    """FIT's CRC-16 (reflected polynomial 0xA001) one byte at a time."""
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


CRC_TABLE = _crc_table()


@functools.cache  # (built at the first file, not at import: a check encodes nothing)
def _pair_table() -> array.array:
    """The CRC after two bytes, for every value of the 16-bit CRC xor the two bytes (as a
    little-endian word): half the steps of a byte at a time, which took a third of encoding.
    A CRC is linear in its input, so the pair's CRC is the first byte's effect followed by
    one byte of zeros, xor the second byte's: entry (high << 8 | low) is
    after_zero[low] ^ CRC_TABLE[high]. Each row of 256 is one integer xor over 256 lanes of
    16 bits (a thousandth of the time of 65,536 Python xors)."""
    after_zero = [(crc >> 8) ^ CRC_TABLE[crc & 0xFF] for crc in CRC_TABLE]
    lanes = int.from_bytes(array.array("H", after_zero).tobytes(), sys.byteorder)
    ones = int.from_bytes(array.array("H", [1] * 256).tobytes(), sys.byteorder)
    return array.array("H", b"".join((lanes ^ CRC_TABLE[high] * ones).to_bytes(512, sys.byteorder)
                                     for high in range(256)))


def crc16(data: bytes, crc: int = 0) -> int:
    pairs, whole = _pair_table(), len(data) & ~1
    for word in struct.unpack_from(f"<{whole >> 1}H", data):
        crc = pairs[crc ^ word]
    if whole < len(data):  # an odd byte at the end
        crc = (crc >> 8) ^ CRC_TABLE[(crc ^ data[-1]) & 0xFF]
    return crc


def encode(workout: FitWorkout) -> bytes:
    return _file(_records(_messages(workout)))


def encode_schedule(serial_number: int, time_created: int,
                    entries: list[tuple[int, int, int]]) -> bytes:
    """A schedules file (FIT file type 7): file_id, then a `schedule` message per entry of
    (the workout file's serial_number, its time_created in unix seconds, the day it is
    scheduled on as unix seconds of its local midnight). A watch finds the workout by the
    manufacturer, product, serial number and creation time of its file_id."""
    file_id = [(0, ENUM, FILE_SCHEDULES), (1, UINT16, MANUFACTURER_DEVELOPMENT), (2, UINT16, 0),
               (3, UINT32Z, serial_number), (4, UINT32, time_created - FIT_EPOCH)]
    messages = [(FILE_ID, file_id)]
    for serial, created, day in entries:
        messages.append((SCHEDULE, [
            (0, UINT16, MANUFACTURER_DEVELOPMENT), (1, UINT16, 0), (2, UINT32Z, serial),
            (3, UINT32, created - FIT_EPOCH), (4, ENUM, 0),  # not completed
            (5, ENUM, SCHEDULE_WORKOUT), (6, UINT32, day - FIT_EPOCH)]))
    return _file(_records(messages))


def _file(records: bytearray) -> bytes:
    header = struct.pack("<BBHI4s", 12, PROTOCOL_VERSION, PROFILE_VERSION, len(records), b".FIT")
    data = header + records
    return data + struct.pack("<H", crc16(data))
