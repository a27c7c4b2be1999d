"""`wodc import`: device files back to wod text.

The round trip is judged the way devices read the files, not by our own importer: every
example and test workout is compiled, imported, and compiled again, and both files are read
with the consumers' readers (Garmin's decoder for FIT, tests/zwo_reader.py for ZWO,
tests/erg_reader.py after GoldenCheetah's ErgFile.cpp, tests/treadmill_support.read_qz
after QZ's trainprogram.cpp): every step's duration, target and place in the structure must
be the same. Third-party FIT files (Garmin's SDK examples, TrainerRoad) are imported and
compiled back, and their steps compared with what Garmin's decoder reads in the originals.
"""

from __future__ import annotations

import math
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

import erg_reader
import garmin_fit
import zwo_reader
from treadmill_support import read_qz
from wodc.cli import main
from wodc.importers import import_file
from wod_text import meaning

ROOT = Path(__file__).resolve().parent.parent
# One athlete for every compile, the examples' own (a console in mph among its settings).
PROFILE = ["--profile", str(ROOT / "examples" / "wodc.toml"), "--race", "5K=20:00", "--ftp",
           "250", "--max-hr", "190", "--lthr", "170"]
SOURCES = [ROOT / "examples", *sorted((ROOT / "tests" / "cases").glob("*.wod"))]
FORMATS = {".fit": "fit", ".zwo": "zwo", ".erg": "erg", ".mrc": "mrc", ".qz.xml": "qz"}
ENV = {"SOURCE_DATE_EPOCH": "1767225600"}


def compile_to(paths, out: Path, *formats: str) -> list[Path]:
    result = CliRunner(env=ENV).invoke(
        main, ["compile", *map(str, paths), "-o", str(out), "-f", ",".join(formats), *PROFILE])
    assert result.exit_code in (0, 1), result.output  # some workouts do not fit some formats
    return sorted(p for p in out.iterdir() if p.is_file())


def suffix_of(path: Path) -> str:
    return ".qz.xml" if path.name.endswith(".qz.xml") else path.suffix


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    out = tmp_path_factory.mktemp("compiled")
    files = compile_to(SOURCES, out, *FORMATS.values())
    return [f for f in files if suffix_of(f) in FORMATS and not f.name.endswith(".schedule.fit")]


# ---- what each consumer reads, for comparing two files ----------------------------------------

def fit_view(data: bytes):
    decoded = garmin_fit.decode(data)
    steps = []
    for step in decoded.steps:
        if garmin_fit.is_repeat(step):
            steps.append(("repeat", step["duration_step"], step["repeat_steps"]))
            continue
        kind, value = garmin_fit.duration(step)
        target, second = garmin_fit.target(step), garmin_fit.secondary(step)
        steps.append((step["intensity"], kind, value and round(value, 2),
                      target.kind, target.zone, target.unit,
                      target.low and round(target.low, 3), target.high and round(target.high, 3),
                      second and (second.kind, second.low, second.high)))
    return (decoded.workout["wkt_name"], decoded.workout["sport"],
            decoded.workout.get("sub_sport"), steps)


# A run's FreeRide is a step without a target; wodc writes an untargeted run step as an
# easy jog (zwo_levels.EASY_JOG: 70% of 5K pace), so that is the one block that comes back
# otherwise. Zwift's FreeRide of a run lets the athlete choose; the jog is wodc's choice.
EASY_JOG = ("SteadyState", 0.7, 0.7, 1)


def message_parts(message: str, sport: str):
    """A ZWO message's parts, a target among them (`@FTP`, which wodc's writer adds where
    a block cannot carry it, as the athlete wrote it) as what it means: an import writes
    it in the canonical style (`@100%FTP`)."""
    from wodc.errors import Span
    from wodc.ir import HeartRateZone, PowerZone, Zone
    from wodc.targets import TargetError, parse_target

    parts = []
    for part in message.split(" · "):
        try:
            value = parse_target(part[1:], Span(0, 0, 0, 0)) if part.startswith("@") else None
        except TargetError:
            value = None
        if value is None:
            parts.append(part)
            continue
        zone = PowerZone if sport == "bike" else HeartRateZone
        values = [zone(v.zone) if isinstance(v, Zone) else v for v in value.values]
        parts.append(meaning((values, value.ramp, value.limit)))
    return tuple(parts)


class Speed(float):
    """A run block's speed in m/s, equal to another within ZWO's precision: a fraction to 3
    decimals of one race pace or of another (an IntervalsT moves its off half to the on
    half's reference) is the same speed to 0.2%."""

    def __eq__(self, other):
        return isinstance(other, float) and math.isclose(self, other, rel_tol=2e-3)

    __hash__ = float.__hash__


# The race times behind every compile here (PROFILE's --race), for the pace references.
ATHLETE = SimpleNamespace(vdot=None, races=[SimpleNamespace(metres=5000.0, seconds=1200.0)])


def zwo_view(data: bytes, free_as_jog: bool = False):
    zwo = zwo_reader.read(data)
    segments = []
    for s in zwo.segments:
        messages = [(offset, message_parts(m, zwo.sport)) for offset, m in s.messages]
        start, end, pace = s.start, s.end, s.pace
        parts = [part for _, m in messages for part in m]
        untargeted = not any(isinstance(p, tuple) or p.startswith("until HR") for p in parts)
        tag = s.tag
        if free_as_jog and zwo.sport == "run" and s.tag == "FreeRide" and untargeted:
            tag, start, end, pace = EASY_JOG
        if pace is not None:
            reference = zwo_reader.reference_speed(ATHLETE, pace)
            start, end, pace = Speed(start * reference), Speed(end * reference), "speed"
        segments.append((tag, s.length, start, end, pace, s.cadence, messages))
    return zwo.name, zwo.sport, zwo.duration_type, zwo.description, zwo.tags, segments


def erg_view(data: bytes):
    erg = erg_reader.read(data, cp=250)
    assert erg.valid
    return erg.format, erg.points, erg.texts


def qz_view(data: bytes):
    return [(r.seconds, r.speed, r.inclination, r.forcespeed, r.wait_for_lap, r.hr_above,
             r.hr_below, r.events) for r in read_qz(data)]


VIEWS = {".fit": fit_view, ".zwo": zwo_view, ".erg": erg_view, ".mrc": erg_view,
         ".qz.xml": qz_view}


def test_every_example_and_case_comes_back_the_same_in_every_format(compiled, tmp_path):
    seen = {suffix_of(f) for f in compiled}
    assert seen == set(FORMATS), seen  # every format took part
    assert len(compiled) >= 60
    for original in compiled:
        text, problems = import_file(str(original), original.read_bytes())
        assert text is not None, (original.name, problems)
        source = tmp_path / (original.name.split(".")[0] + ".wod")
        source.write_text(text)
        fmt = FORMATS[suffix_of(original)]
        out = tmp_path / f"again-{original.name}"
        out.mkdir()
        again = [f for f in compile_to([source], out, fmt) if suffix_of(f) == suffix_of(original)]
        assert len(again) == 1, (original.name, text)
        view = VIEWS[suffix_of(original)]
        before = (zwo_view(original.read_bytes(), free_as_jog=True) if view is zwo_view
                  else view(original.read_bytes()))
        assert view(again[0].read_bytes()) == before, (original.name, text)


# ---- files nobody here wrote ------------------------------------------------------------------

GARMIN = ROOT / "tests" / "data" / "fit"


def physical(data: bytes):
    """Each step as a watch runs it: duration and target in physical units (garmin_fit)."""
    steps = []
    for step in garmin_fit.run_order(garmin_fit.decode(data).steps):
        kind, value = garmin_fit.duration(step)
        if step["target_type"] == "power_lap":  # TrainerRoad's: custom values as for power
            target = garmin_fit.target({"target_type": "power",
                                        "custom_target_power_low": step["custom_target_value_low"],
                                        "custom_target_power_high":
                                            step["custom_target_value_high"]})
            target = garmin_fit.Target("power_lap", target.zone, target.low, target.high,
                                       target.unit)
        else:
            target = garmin_fit.target(step)
        steps.append((step.get("intensity"), kind, value, target.kind, target.zone, target.low,
                      target.high, target.unit))
    return steps


@pytest.mark.parametrize("name", ["WorkoutCustomTargetValues.fit", "WorkoutIndividualSteps.fit",
                                  "WorkoutRepeatSteps.fit"])
def test_garmins_example_workouts_import_to_the_steps_garmins_decoder_reads(name, tmp_path):
    original = (GARMIN / name).read_bytes()
    text, problems = import_file(name, original)
    assert text is not None, problems
    # The SDK's examples name no sport; their power targets make them rides, and wodc says so.
    assert [p.message for p in problems] == [
        "workout: the file says no sport; written as a ride (it has power targets)"]
    (tmp_path / "w.wod").write_text(text)
    again = compile_to([tmp_path / "w.wod"], tmp_path / "out", "fit")
    assert physical(again[0].read_bytes()) == physical(original)


def test_garmins_repeat_until_heart_rate_is_written_once_with_a_warning():
    text, problems = import_file("r.fit", (GARMIN / "WorkoutRepeatGreaterThanStep.fit").read_bytes())
    assert "1x(500m @PZ5" in text
    assert any(p.message.startswith("step 3: a repeat until hr greater than cannot be written")
               for p in problems)


def test_a_trainerroad_workout_imports_its_watts_and_notes(tmp_path):
    original = (GARMIN / "trainerroad_744490.fit").read_bytes()
    text, problems = import_file("tr.fit", original)
    # Decoded by Garmin's SDK: power_lap targets 1158-1205 ... (W + 1000), notes as written.
    assert text.split("\n")[1:] == [
        'workout "Beech"', "sport bike", "",
        'warmup 10min @158-205W "10 minutes warmup."',
        'rest @1-158W "Hit lap when ready for main set."',
        '45min @205-236W "45 minutes Endurance."',
        'cooldown 5min @1-158W "Spin easy for 5 minutes."',
        'cooldown @1-158W "Hit lap when finished."', ""]
    assert [p.message for p in problems] == [
        "steps 0, 1, 2, 3, 4: a power lap target (averaged on the watch) is written as a plain "
        "power target"]
    (tmp_path / "w.wod").write_text(text)
    again = physical(compile_to([tmp_path / "w.wod"], tmp_path / "out", "fit")[0].read_bytes())
    theirs = physical(original)
    # The same steps, with power_lap read as power: the same watts either side.
    assert [s[:3] + s[4:] for s in again] == [s[:3] + s[4:] for s in theirs]
    assert {s[3] for s in theirs} == {"power_lap"} and {s[3] for s in again} == {"power"}


# ---- and over workouts written the ways people write them -------------------------------------

import os  # noqa: E402
import tempfile  # noqa: E402

from hypothesis import HealthCheck, assume, given, settings  # noqa: E402

from wod_text import workout_text  # noqa: E402

ROUND_TRIPS = int(os.environ.get("WODC_IMPORT_EXAMPLES", "25"))


@settings(max_examples=ROUND_TRIPS, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(workout_text())
def test_generated_workouts_come_back_the_same(text):
    """compile -> import -> compile, for every format a generated workout compiles to."""
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        (folder / "w.wod").write_text(text)
        first = folder / "first"
        first.mkdir()
        for original in compile_to([folder / "w.wod"], first, *FORMATS.values()):
            if suffix_of(original) not in FORMATS:
                continue
            imported, problems = import_file(str(original), original.read_bytes())
            assert imported is not None, (original.name, problems, text)
            # A value a format allows and wodc's checks do not (ZWO's 14% of M pace for a
            # 100 m rep in 3:10) is reported, not changed; such a text does not compile.
            assume(not any("the imported text, line" in p.message for p in problems))
            again_source = folder / f"again-{original.name}.wod"
            again_source.write_text(imported)
            out = folder / f"again-{original.name}"
            out.mkdir()
            again = [f for f in compile_to([again_source], out, FORMATS[suffix_of(original)])
                     if suffix_of(f) == suffix_of(original)]
            assert len(again) == 1, (original.name, imported, text)
            view = VIEWS[suffix_of(original)]
            before = (zwo_view(original.read_bytes(), free_as_jog=True) if view is zwo_view
                      else view(original.read_bytes()))
            assert view(again[0].read_bytes()) == before, (original.name, imported, text)
