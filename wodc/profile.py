"""The athlete profile: race times or VDOT, FTP, heart rate, units, tolerances and the treadmill.

A profile is built from, in order of precedence: command-line options, a `--profile FILE.toml`,
else the first `wodc.toml` (or `pyproject.toml` with `[tool.wodc]`) found walking up from the
input file. Keys merge one by one, except fitness: races and VDOT are taken together from the
highest source that gives either, so `--race 5K=19:30` is not overruled by a `vdot` in a file.
"""

from __future__ import annotations

import functools
import math
import os
import re
from dataclasses import field, replace
from pathlib import Path

from . import ir, paces
from .errors import Diagnostic, closest, file_error, quoted
from .frozen import frozen, mutable
from .reading import ReadError, read_bounded
from .targets import TargetError, parse_value, _pace_name
from .units import (KPH_PER_MPS, METRES_PER_KM, MPH_PER_MPS, PER_DISTANCE, UnitError,
                    format_clock, parse_clock, parse_distance, parse_time)


@frozen
class Race:
    name: str       # as canonical as we can make it: "5K", "HM", "12K", "3000m"
    metres: float
    seconds: float


WALK_KPH = 5.0  # a brisk walk: the default walk_speed
MAX_PROFILE_BYTES = 1_000_000  # a profile is a few lines; read no more than this


@frozen
class TreadmillProfile:
    """A treadmill console: what it shows and what it accepts. Speeds in m/s inside; the
    console's own unit (km/h or mph) only at the edges, through the methods below."""

    speed_unit: str = "kph"          # "kph" or "mph", the unit the console shows
    speed_step: float = 0.1          # in speed_unit
    incline_step: float = 0.5        # percent grade
    min_speed: float | None = None   # m/s; None: 1.0 km/h or 0.5 mph
    max_speed: float | None = None   # m/s; None: 20 km/h or 12 mph
    min_incline: float = 0.0
    max_incline: float = 15.0
    max_segments: int = 20
    default_incline: float = 1.0     # for steps (and workouts) that give none
    recovery_speed: float | None = None  # m/s; None: the slow end of E pace
    walk_speed: float | None = None      # m/s; None: WALK_KPH (`walk` steps, `@walk`)
    rest_speed: float | None = None      # m/s; None: the treadmill's minimum (`rest` steps)
    open_duration: float = 300.0     # seconds a console segment runs for a lap/open step

    @property
    def unit_per_mps(self) -> float:
        return KPH_PER_MPS if self.speed_unit == "kph" else MPH_PER_MPS

    @property
    def unit_label(self) -> str:
        return "km/h" if self.speed_unit == "kph" else "mph"

    @property
    def speed_limits(self) -> tuple[float, float]:
        low, high = (1.0, 20.0) if self.speed_unit == "kph" else (0.5, 12.0)
        return (self.min_speed if self.min_speed is not None else low / self.unit_per_mps,
                self.max_speed if self.max_speed is not None else high / self.unit_per_mps)

    @property
    def walking(self) -> float:
        """m/s: the speed of `walk` steps and `@walk`."""
        return self.walk_speed if self.walk_speed is not None else WALK_KPH / KPH_PER_MPS

    @property
    def resting(self) -> float:
        """m/s: what the belt runs during a `rest` step without a target (the runner steps
        onto the side rails; a belt cannot stop within a program)."""
        return self.rest_speed if self.rest_speed is not None else self.speed_limits[0]

    def console_speed(self, speed: float) -> float:
        """m/s -> the console's unit, on its step (what a runner keys in)."""
        return _on_step(speed * self.unit_per_mps, self.speed_step)

    def round_speed(self, speed: float) -> float:
        """m/s -> the nearest speed the console can be set to, in m/s."""
        return self.console_speed(speed) / self.unit_per_mps

    def round_incline(self, percent: float) -> float:
        return _on_step(percent, self.incline_step)

    def speed_text(self, speed: float) -> str:
        """`6.5` for a speed in m/s, as the console shows it (with its step's decimals)."""
        return f"{self.console_speed(speed):.{_decimals(self.speed_step)}f}"

    def incline_text(self, percent: float) -> str:
        return f"{self.round_incline(percent):.{_decimals(self.incline_step)}f}"


def _on_step(value: float, step: float) -> float:
    """The multiple of `step` nearest to `value`, halves away from zero, and clean of float
    noise (6.000000001 -> 6.0) so that equal settings compare equal."""
    count = math.floor(abs(value) / step + 0.5)
    return math.copysign(round(count * step, _decimals(step) + 3), value) if count else 0.0


@functools.lru_cache(maxsize=64)
def _decimals(step: float) -> int:
    """Decimal places a step needs: 0.1 -> 1, 0.25 -> 2, 1 -> 0 (from the shortest text that
    reads back as the float, which is what the user wrote)."""
    text = repr(float(step))
    if "e" in text:  # 1e-05: steps that small are not a console's
        from decimal import Decimal

        return max(0, -Decimal(text).normalize().as_tuple().exponent)
    return len(text.rstrip("0").partition(".")[2])


@frozen
class Profile:
    races: tuple[Race, ...] = ()
    vdot: float | None = None
    ftp: float | None = None          # W
    max_hr: float | None = None       # bpm
    lthr: float | None = None         # bpm
    resting_hr: float | None = None   # bpm, for heart-rate reserve (%HRR)
    units: str = "km"                 # "km" or "mi": bare `s` offsets and what people see
    hr_zones: tuple[float, ...] | None = None  # six bpm bounds: Z1 low, Z2 low, ..., Z5 high
    pace_tolerance: float = 5 / METRES_PER_KM   # s per metre either side of a single pace
    hr_tolerance: float = 5.0                   # bpm either side
    power_tolerance: float = 0.03               # fraction either side
    cadence_tolerance: float = 3.0              # rpm (or spm) either side of a single cadence
    author: str | None = None
    treadmill: TreadmillProfile = field(default_factory=TreadmillProfile)

    @functools.cached_property
    def fitness_vdot(self) -> float | None:
        """VDOT for training paces and predictions: given, else the best of the races."""
        if self.vdot is not None:
            return self.vdot
        if self.races:
            return max(paces.vdot_from_race(r.metres, r.seconds) for r in self.races)
        return None

    @functools.cached_property
    def training(self) -> paces.TrainingPaces | None:
        vdot = self.fitness_vdot
        return paces.training_paces(vdot) if vdot is not None else None

    def race_seconds(self, metres: float) -> float | None:
        """The athlete's time at a distance: a race they gave, else predicted from VDOT."""
        known = self._race_seconds
        if metres not in known:
            given = [r.seconds for r in self.races if abs(r.metres - metres) < 1]
            vdot = self.fitness_vdot
            known[metres] = (given[0] if given else
                             paces.predict_race_seconds(metres, vdot) if vdot is not None else None)
        return known[metres]

    @functools.cached_property
    def _race_seconds(self) -> dict[float, float | None]:
        """Race times already worked out (each prediction solves an equation)."""
        return {}

    def heart_rate_zones(self) -> tuple[float, ...] | None:
        """Six bpm bounds of Z1..Z5: given, else 50/60/70/80/90/100% of max HR."""
        if self.hr_zones is not None:
            return self.hr_zones
        if self.max_hr is not None:
            return tuple(self.max_hr * p / 100 for p in (50, 60, 70, 80, 90, 100))
        return None

    @property
    def has_any(self) -> bool:
        return self != Profile()


# ---- reading values ----------------------------------------------------------------------

class ProfileError(ValueError):
    pass


def parse_race_name(text: str) -> tuple[str, float]:
    """`5K`, `HM`, `marathon`, `mile`, `1500`, `12km`, `10mi`, `3000m` -> (name, metres)."""
    name = _pace_name(text.strip())
    if name is not None and paces.race_distance(name) is not None:
        return name, paces.race_distance(name)
    try:
        return text.strip(), parse_distance(text)
    except UnitError:
        pass
    raise ProfileError(f"{quoted(text)} is not a race distance; use mile, 1500, 3K, 5K, 10K, 15K, "
                       f"HM, M or a distance like 12km")


def parse_race_time(text: str) -> float:
    """`20:00`, `1:31:35`, `19:57.4`, `45min`, `1h31min35s` -> seconds."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d+:\d+(:\d+)?(\.\d+)?", text):
            whole, _, fraction = text.partition(".")
            return parse_clock(whole) + (float("0." + fraction) if fraction else 0.0)
        return parse_time(text)
    except UnitError as error:
        raise ProfileError(str(error)) from None


def parse_race(text: str) -> Race:
    """`5K=20:00` -> Race, with the VDOT it implies checked for sense."""
    if "=" not in text:
        raise ProfileError(f"{text!r}: write a race as DISTANCE=TIME, like 5K=20:00")
    name, time = text.split("=", 1)
    canonical, metres = parse_race_name(name)
    seconds = parse_race_time(time)
    return _checked_race(Race(canonical, metres, seconds))


def _checked_race(race: Race) -> Race:
    if race.seconds <= 0:
        raise ProfileError(f"the {race.name} time must be more than zero")
    vdot = paces.vdot_from_race(race.metres, race.seconds)
    if not paces.MIN_VDOT <= vdot <= paces.MAX_VDOT:
        raise ProfileError(f"a {race.name} in {format_clock(race.seconds)} gives VDOT {vdot:.0f}, "
                           f"outside {paces.MIN_VDOT:.0f}-{paces.MAX_VDOT:.0f}; check the time")
    return race


MAX_PACE_TOLERANCE = 60.0  # s/km either side: more is no pace at all


def parse_pace_tolerance(value) -> float:
    """`5s/km`, `8s/mi`, `5s` (per km), or a number of seconds per km -> s per metre."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not (math.isfinite(value) and 0 <= value <= MAX_PACE_TOLERANCE):
            raise ProfileError(f"{value!r} is not a pace tolerance from 0 to "
                               f"{MAX_PACE_TOLERANCE:g} (s/km)")
        return float(value) / METRES_PER_KM
    match = re.fullmatch(r"([0-9]{1,9}(?:\.[0-9]{1,9})?)\s*s(?:ec)?(?:/(km|mi|mile))?",
                         str(value).strip(), re.I)
    if not match:
        raise ProfileError(f"{quoted(str(value))} is not a pace tolerance like \"5s/km\"")
    tolerance = float(match.group(1)) / PER_DISTANCE[(match.group(2) or "km").lower()]
    if tolerance * METRES_PER_KM > MAX_PACE_TOLERANCE:
        raise ProfileError(f"{value!r} is more than {MAX_PACE_TOLERANCE:g}s/km, the most a "
                           f"pace tolerance can be")
    return tolerance


def parse_percent(value) -> float:
    """`3%` or 3 -> 0.03, from 0% to 50%."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = value
    else:
        match = re.fullmatch(r"([0-9]{1,9}(?:\.[0-9]{1,9})?)\s*%?", str(value).strip())
        if not match:
            raise ProfileError(f"{quoted(str(value))} is not a percentage like \"3%\"")
        number = float(match.group(1))
    if not (math.isfinite(number) and 0 <= number <= 50):
        raise ProfileError(f"{value!r} is not a percentage from 0% to 50%")
    return float(number) / 100


def parse_speed(value, unit_per_mps: float) -> float:
    """A speed or pace (`5.5kph`, `11:00/mi`, `7mph`) or a number in the console unit -> m/s."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not math.isfinite(value) or value <= 0:  # nan would disable a speed limit
            raise ProfileError(f"{value!r} is not a speed; write a number above 0, like 5.5")
        return float(value) / unit_per_mps
    try:
        parsed = parse_value(str(value).strip())
    except TargetError as error:
        raise ProfileError(f"{value!r}: {error.message}") from None
    if not isinstance(parsed, (ir.Pace, ir.Speed)):
        raise ProfileError(f"{value!r} is not a speed or pace like \"5.5kph\" or \"11:00/mi\"")
    return parsed.speed


# ---- the schema ----------------------------------------------------------------------------

def _number(low: float, high: float):
    def read(value):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ProfileError(f"expected a number, got {value!r}")
        if not low <= value <= high:
            raise ProfileError(f"{value} is outside {low:g}-{high:g}")
        return float(value)
    return read


def _choice(*choices: str):
    def read(value):
        if str(value).lower() not in choices:
            raise ProfileError(f"{value!r} is not one of {', '.join(choices)}")
        return str(value).lower()
    return read


def _text(value):
    if not isinstance(value, str):
        raise ProfileError(f"expected text in quotes, got {value!r}")
    return value


def _zones(value):
    if (not isinstance(value, list) or len(value) != 6
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                       and 25 <= v <= 250 for v in value)  # nan fails this too
            or any(b <= a for a, b in zip(value, value[1:]))):
        raise ProfileError("hr_zones is six rising bpm values from 25 to 250: Z1 low, Z2 low, "
                           "Z3 low, Z4 low, Z5 low, Z5 high, like [95, 114, 133, 152, 171, 190]")
    return tuple(float(v) for v in value)


def _duration_seconds(value) -> float:
    """`"5min"`, `"1:30"` or a number of seconds -> seconds, from 1 second to an hour."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    else:
        try:
            seconds = parse_time(str(value).strip())
        except UnitError as error:
            raise ProfileError(str(error)) from None
    if not 1 <= seconds <= 3600:
        raise ProfileError(f"{value!r} is outside 1 second to 1 hour")
    return seconds


def _units(value):
    return "mi" if _choice("km", "mi", "mile", "miles")(value) != "km" else "km"


TOP_KEYS = {
    "vdot": _number(paces.MIN_VDOT, paces.MAX_VDOT),
    "ftp": _number(30, 2000),
    "max_hr": _number(80, 250),
    "lthr": _number(60, 240),
    "resting_hr": _number(25, 120),
    "units": _units,
    "author": _text,
    "hr_zones": _zones,
}
TOLERANCE_KEYS = {
    "pace": parse_pace_tolerance,
    "heart_rate": _number(0, 50),
    "power": parse_percent,
    "cadence": _number(0, 20),
}
TREADMILL_KEYS = {
    "speed_unit": lambda v: "mph" if _choice("kph", "km/h", "mph")(v) == "mph" else "kph",
    "speed_step": _number(0.01, 5),
    "incline_step": _number(0.1, 5),
    "min_speed": None,   # speeds are read once speed_unit is known
    "max_speed": None,
    "recovery_speed": None,
    "walk_speed": None,
    "rest_speed": None,
    "min_incline": _number(-10, 40),
    "max_incline": _number(-10, 40),
    "max_segments": lambda v: int(_number(1, 1000)(v)),
    "default_incline": _number(-10, 40),
    "open_duration": _duration_seconds,
}
SPEED_KEYS = tuple(k for k, reader in TREADMILL_KEYS.items() if reader is None)
SECTIONS = ("races", "tolerance", "treadmill")
TOLERANCE_FIELDS = {"pace": "pace_tolerance", "heart_rate": "hr_tolerance",
                    "power": "power_tolerance", "cadence": "cadence_tolerance"}


@mutable
class Settings:
    """What one source (a file or the command line) says, before merging."""

    origin: str
    values: dict = field(default_factory=dict)       # Profile field -> value
    treadmill: dict = field(default_factory=dict)    # TreadmillProfile field -> value
    races: list[Race] = field(default_factory=list)


def _key_line(text: str, key: str) -> int:
    """The line where `key = ...` or `[...key]` is written, for pointing at it (0 if unknown)."""
    pattern = re.compile(rf"^\s*(\[[^\]]*\b{re.escape(key)}\]|\"?{re.escape(key)}\"?\s*=)", re.M)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def read_mapping(data: dict, origin: str, text: str = "") -> tuple[Settings, list[Diagnostic]]:
    """Check and convert a profile table (from TOML, or built from command-line options)."""
    settings = Settings(origin)
    problems: list[Diagnostic] = []

    def problem(key: str, message: str, hint: str | None = None):
        line = _key_line(text, key) if text else 0
        source_line = text.splitlines()[line - 1] if line else ""
        problems.append(Diagnostic(origin, line, 1 if line else 0, message, hint=hint,
                                   source_line=source_line, width=max(1, len(source_line.strip()))))

    def unknown(key: str, known, where: str):
        close = closest(key, known)
        problem(key, f"unknown profile key {key!r}{where}",
                f"did you mean {close!r}?" if close else f"known keys: {', '.join(known)}")

    def read(key: str, reader, value, where: str = ""):
        try:
            return reader(value)
        except ProfileError as error:
            problem(key, f"{key}{where}: {error}")
            return None

    for key, value in data.items():
        if key == "races":
            if not isinstance(value, dict):
                problem(key, "races is a table of DISTANCE = \"TIME\", like 5K = \"20:00\"")
                continue
            for name, time in value.items():
                race = read(name, lambda v, n=name: parse_race(f"{n}={v}"), str(time),
                            " in [races]")
                if race is not None:
                    settings.races.append(race)
        elif key == "tolerance" and isinstance(value, dict):
            for sub, sub_value in value.items():
                if sub not in TOLERANCE_KEYS:
                    unknown(sub, TOLERANCE_KEYS, " in [tolerance]")
                elif (v := read(sub, TOLERANCE_KEYS[sub], sub_value, " in [tolerance]")) is not None:
                    settings.values[TOLERANCE_FIELDS[sub]] = v
        elif key == "treadmill" and isinstance(value, dict):
            _read_treadmill(value, settings, read, unknown, problem)
        elif key in TOP_KEYS:
            if (v := read(key, TOP_KEYS[key], value)) is not None:
                settings.values[key] = v
        else:
            unknown(key, list(TOP_KEYS) + list(SECTIONS), "")
    return settings, problems


def _read_treadmill(table: dict, settings: Settings, read, unknown, problem) -> None:
    unit = read("speed_unit", TREADMILL_KEYS["speed_unit"], table.get("speed_unit", "kph"),
                " in [treadmill]") or "kph"
    per_mps = KPH_PER_MPS if unit == "kph" else MPH_PER_MPS
    for key, value in table.items():
        if key not in TREADMILL_KEYS:
            unknown(key, TREADMILL_KEYS, " in [treadmill]")
            continue
        reader = TREADMILL_KEYS[key] or (lambda v: parse_speed(v, per_mps))
        if (v := read(key, reader, value, " in [treadmill]")) is not None:
            settings.treadmill[key] = v
    given = settings.treadmill
    label = "km/h" if unit == "kph" else "mph"
    for low, high, shown in (("min_speed", "max_speed", lambda v: f"{v * per_mps:g} {label}"),
                             ("min_incline", "max_incline", lambda v: f"{v:g}%")):
        # Every step would then be out of range, each error blaming the step.
        if low in given and high in given and given[low] > given[high]:
            problem(low, f"{low} in [treadmill]: {shown(given[low])} is above {high} "
                         f"({shown(given[high])}); a treadmill's minimum is at most its maximum")
            del given[low], given[high]


def load_file(path: Path, section: tuple[str, ...] = (),
              shown: str | None = None) -> tuple[Settings | None, list[Diagnostic]]:
    """Read a profile from TOML; `section` is ("tool", "wodc") for pyproject.toml; `shown` is
    the path as messages give it (default: as given)."""
    shown = shown or str(path)
    try:
        text = read_bounded(str(path), MAX_PROFILE_BYTES).decode("utf-8-sig")
        if len(text) > MAX_PROFILE_BYTES:
            raise ReadError(f"more than {MAX_PROFILE_BYTES:,} bytes")
    except ReadError as error:
        return None, [file_error(shown, f"cannot read the profile: {error}")]
    except UnicodeDecodeError as error:
        return None, [file_error(shown, f"cannot read the profile: {error}")]
    import tomllib  # (here: most runs have no profile file to read)

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return None, [_toml_error(error, text, shown)]
    except ValueError:  # an integer of thousands of digits (past int()'s limit)
        return None, [file_error(shown, "cannot read the profile: a number in it has thousands "
                                        "of digits")]
    for key in section:
        data = data.get(key, {})
        if not isinstance(data, dict):  # tool = 5, or [tool] wodc = "x": not a table
            return None, [file_error(shown, f"[{'.'.join(section)}] must be a table of "
                                            f"settings, like [tool.wodc] ftp = 250")]
    return read_mapping(data, shown, text)


def _toml_error(error: ValueError, text: str, shown: str) -> Diagnostic:
    """tomllib's message, with its "(at line L, column C)" turned into a position."""
    match = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
    line, column = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
    message = re.sub(r"\s*\(at line.*\)", "", str(error))
    lines = text.splitlines()
    return Diagnostic(shown, line, column, f"not valid TOML: {message}",
                      source_line=lines[line - 1] if 0 < line <= len(lines) else "")


def find_config(start: Path, skipped: list[Path] | None = None
                ) -> tuple[Path, tuple[str, ...]] | None:
    """The nearest wodc.toml, or pyproject.toml with [tool.wodc], from `start` upward. The
    search stops at the top of a git repository and at the home directory; a file owned by
    another user (not you, not root) is passed over and added to `skipped`, since anyone can
    leave a wodc.toml in /tmp. A pyproject.toml that is not valid TOML is returned, so that
    reading it reports the error instead of a parent's profile being used silently."""
    directory = start if start.is_dir() else start.parent
    home = _home()
    for folder in [directory, *directory.parents]:
        for candidate, section in ((folder / "wodc.toml", ()),
                                   (folder / "pyproject.toml", ("tool", "wodc"))):
            if not candidate.is_file():
                continue
            if not _trusted(candidate):
                if skipped is not None:
                    skipped.append(candidate)
                continue
            if not section:
                return candidate, section
            try:
                text = read_bounded(str(candidate), MAX_PROFILE_BYTES).decode("utf-8")
                import tomllib

                tool = tomllib.loads(text).get("tool", {})
                if not isinstance(tool, dict) or "wodc" in tool:  # a bad [tool] is reported
                    return candidate, section
            except (ReadError, UnicodeDecodeError, ValueError):  # TOMLDecodeError too
                return candidate, section
        if (folder / ".git").exists() or folder == home:
            return None
    return None


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (RuntimeError, KeyError):
        return None


def _trusted(path: Path) -> bool:
    """Owned by the user running wodc, or by root."""
    try:
        return path.stat().st_uid in (os.getuid(), 0)
    except OSError:
        return False


def merge(*sources: Settings) -> Profile:
    """Merge settings, later sources winning; fitness (races, VDOT) comes whole from the last
    source that gives any."""
    values: dict = {}
    treadmill: dict = {}
    fitness: tuple[tuple[Race, ...], float | None] = ((), None)
    for settings in sources:
        given = {k: v for k, v in settings.values.items() if k != "vdot"}
        values.update(given)
        treadmill.update(settings.treadmill)
        if settings.races or "vdot" in settings.values:
            races = {r.name: r for r in settings.races}
            fitness = (tuple(races.values()), settings.values.get("vdot"))
    return Profile(races=fitness[0], vdot=fitness[1],
                   treadmill=replace(TreadmillProfile(), **treadmill), **values)
