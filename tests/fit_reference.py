"""The FIT workout file written with fit-tool: the reference for `fit_wire`.

The backend writes its files with `fit_wire`, which is over 20 times faster; tests encode
every workout both ways and require identical bytes, so what fit-tool (and Garmin's decoder)
accepts is what wodc writes. bench/fit_profile.py times the two.

fit-tool pitfalls met here: a field's scale and meaning depend on its message's type fields
(duration_type, target_type), so those are set before the values; its sub-field setters scale
(duration_time in s -> ms) but scale-1 fields are truncated with int(), so those values are
rounded first; and strict mode rejects cookbook-style workouts, so it stays off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fit_tool.fit_file import FitFile
from fit_tool.fit_file_builder import FitFileBuilder, calc_records_size  # noqa: F401
from fit_tool.fit_file_header import FitFileHeader, ProtocolVersion
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.workout_message import WorkoutMessage
from fit_tool.profile.messages.workout_step_message import WorkoutStepMessage
from fit_tool.profile.profile_type import (FileType, Intensity, Manufacturer, Sport, SubSport,
                                           WorkoutStepDuration, WorkoutStepTarget)

if TYPE_CHECKING:
    from wodc.backends.fit import FitStep, FitTarget, FitWorkout


def _offset(target: FitTarget) -> int:
    """FIT tells bpm from % of max HR, and W from % of FTP, by an offset: HR values above 100
    are bpm + 100, power values above 1000 are W + 1000."""
    if target.percent:
        return 0
    return {"heart_rate": 100, "power": 1000}.get(target.kind, 0)


def _custom_range(message, prefix: str, target: FitTarget) -> None:
    """Sets `<prefix>_value_low/high`; a zone target has 0 there, as Garmin's cookbook does."""
    if target.kind == "speed" and not target.zone:
        # m/s: fit-tool scales this sub-field to the wire's mm/s.
        setattr(message, f"{prefix}_speed_low", target.low)
        setattr(message, f"{prefix}_speed_high", target.high)
        return
    low = high = 0
    if not target.zone:
        low, high = round(target.low) + _offset(target), round(target.high) + _offset(target)
    setattr(message, f"{prefix}_value_low", low)
    setattr(message, f"{prefix}_value_high", high)


def _step_message(index: int, step: FitStep) -> WorkoutStepMessage:
    message = WorkoutStepMessage()
    message.message_index = index
    if step.name:
        message.workout_step_name = step.name
    if step.repeat_count is not None:
        message.duration_type = WorkoutStepDuration.REPEAT_UNTIL_STEPS_CMPLT
        message.target_type = WorkoutStepTarget.OPEN
        message.duration_step = step.repeat_from
        message.target_repeat_steps = step.repeat_count
        return message
    duration, target = step.duration, step.target
    message.duration_type = WorkoutStepDuration[duration.kind.upper()]
    message.target_type = WorkoutStepTarget[target.kind.upper()]
    if duration.kind == "time":
        message.duration_time = duration.value
    elif duration.kind == "distance":
        message.duration_distance = duration.value
    elif duration.kind != "open":
        message.duration_hr = round(duration.value) + 100  # FIT's bpm + 100
    message.target_value = target.zone
    if target.kind != "open":
        _custom_range(message, "custom_target", target)
    if step.secondary is not None:
        message.secondary_target_type = WorkoutStepTarget[step.secondary.kind.upper()]
        message.secondary_target_value = step.secondary.zone
        _custom_range(message, "secondary_custom_target", step.secondary)
    # FIT has no walk intensity: wodc writes a walk as a recovery.
    message.intensity = Intensity[{"WALK": "RECOVERY"}.get(step.intensity.name,
                                                           step.intensity.name)]
    if step.notes:
        message.notes = step.notes
    return message


def encode(workout: FitWorkout) -> bytes:
    file_id = FileIdMessage()
    file_id.type = FileType.WORKOUT
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.serial_number = workout.serial_number
    file_id.time_created = workout.time_created * 1000  # fit-tool takes unix milliseconds

    message = WorkoutMessage()
    message.sport = Sport[workout.sport.upper()]
    message.num_valid_steps = len(workout.steps)  # Garmin's cookbook counts repeat steps too
    message.workout_name = workout.name
    message.sub_sport = SubSport[workout.sub_sport.upper()]
    if workout.description:
        message.workout_description = workout.description

    builder = FitFileBuilder(auto_define=True)
    builder.add(file_id)
    builder.add(message)
    for index, step in enumerate(workout.steps):
        builder.add(_step_message(index, step))
    # fit-tool 0.9.16's builder writes protocol byte 0x23, no real protocol version; 0.9.17
    # (not installable here) writes 2.0. Build the same records under a 2.0 header with
    # fit-tool's own header class, which also computes the file CRC over it.
    header = FitFileHeader(records_size=calc_records_size(builder.records),
                           protocol_version=ProtocolVersion(2, 0))
    return FitFile(header, builder.records).to_bytes()
