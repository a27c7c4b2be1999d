"""No input makes wodc raise: random text and mutated examples go through parse, checks and
resolve, and every problem found points inside the input.

CI runs a bounded number of examples; `make fuzz` runs many more (WODC_FUZZ_EXAMPLES)."""

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wodc.backends import FORMATS, Options, backend
from wodc.checks import check_workout
from wodc.errors import has_errors
from wodc.parse import parse
from wodc.profile import Settings, merge, parse_race
from wodc.resolve import resolve

EXAMPLES = int(os.environ.get("WODC_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SOURCES = [p.read_text(encoding="utf-8") for p in sorted(
    (Path(__file__).parent.parent).glob("examples/**/*.wod"))] + [
    p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "cases").glob("*.wod"))]

# Characters that mean something in the language, so that mutations hit interesting places.
ALPHABET = st.sampled_from(list('0123456789@:%-+.,;()"#xX \t\nmskhKMEITRZPW/<>\\') +
                           ["min", "km", "mi", "bpm", "FTP", "..", "rec ", "3x(", "until HR<",
                            "workout ", "sport ", "incline ", "cadence ", "“", "é", "\r\n"])
ATHLETE = merge(Settings("fuzz", values={"max_hr": 190.0, "lthr": 170.0, "ftp": 250.0},
                         races=[parse_race("5K=20:00")]))


def assert_survives(text: str) -> None:
    result = parse(text, "fuzz.wod")
    problems = list(result.diagnostics)
    for workout in result.workouts:
        found = check_workout(workout)
        problems += found
        for profile in (ATHLETE, merge()):
            resolved = resolve(workout, profile)
            if not has_errors(found):  # what compile would do: every backend, in memory
                for name in FORMATS:
                    backend(name).compile(resolved, profile, Options())
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for problem in problems:
        assert problem.message
        if problem.line == 0:
            continue
        assert 1 <= problem.line <= len(lines) + 1, (problem, text)
        line = lines[problem.line - 1] if problem.line <= len(lines) else ""
        assert 1 <= problem.column <= len(line) + 1, (problem, text)


@FUZZ
@given(st.text(max_size=300))
def test_random_text(text):
    assert_survives(text)


@FUZZ
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_random_language_soup(text):
    assert_survives(text)


@st.composite
def mutated_example(draw):
    text = draw(st.sampled_from(SOURCES))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(ALPHABET)
        if action == "insert":
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 5)):]
        else:
            text = text[:at] + piece + text[at + len(piece):]
    return text


@FUZZ
@given(mutated_example())
def test_mutated_examples(text):
    assert_survives(text)


# ---- the profile and the file system vary too ----------------------------------------------

# Values as hostile TOML can write them: out of range, not numbers, of the wrong type.
TOML_VALUES = st.one_of(
    st.sampled_from(["nan", "inf", "-inf", "-5", "0", "1e999", "9" * 5000, "true", "[]",
                     '""', '"101%"', '"-3%"', '"5s/km"', '"99999s/km"', '"20:00"', '"١٠"',
                     '"4:60/km"', '"12mph"', '"0kph"', "[nan, 1, 2, 3, 4, 5]",
                     "[100, 120, 140, 160, 180, 200]", "[200, 180, 160, 140, 120, 100]",
                     '{ "5K" = "20:00" }', '{ "5K" = "13:00" }', '"mph"', '"kph"', '"mi"',
                     # sound but extreme: the edges of each range
                     "1", "3", "5", "12", "20", "50", "0.01", "0.1", "1000", "3600", "-10", "40",
                     '"3%"', '"50%"', '"60s/km"', '"0s"', '"25mph"', '"1kph"', '"1:00"']),
    st.integers(-10**6, 10**6).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(
        lambda f: "nan" if f != f else ("inf" if f == float("inf") else
                                        "-inf" if f == float("-inf") else repr(f))))
TOP = ["vdot", "ftp", "max_hr", "lthr", "resting_hr", "units", "hr_zones", "author", "ftpp"]
TOLERANCE = ["pace", "heart_rate", "power", "cadence"]
TREADMILL = ["speed_unit", "speed_step", "incline_step", "min_speed", "max_speed",
             "recovery_speed", "walk_speed", "rest_speed", "min_incline", "max_incline",
             "max_segments", "default_incline", "open_duration"]


@st.composite
def hostile_profile(draw) -> str:
    """A wodc.toml: a sound base (so the workouts resolve) with hostile values drawn over it."""
    top = {"vdot": "50", "ftp": "250", "max_hr": "190"}
    tolerance, treadmill = {}, {}
    for table, keys in ((top, TOP), (tolerance, TOLERANCE), (treadmill, TREADMILL)):
        for key in draw(st.lists(st.sampled_from(keys), max_size=2, unique=True)):
            table[key] = draw(TOML_VALUES)
    lines = [f"{k} = {v}" for k, v in top.items()]
    for name, table in (("tolerance", tolerance), ("treadmill", treadmill)):
        lines += [f"[{name}]"] + [f"{k} = {v}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


PROFILE_FUZZ = settings(FUZZ, max_examples=max(20, EXAMPLES // 10))


@PROFILE_FUZZ
@given(hostile_profile(), st.sampled_from(SOURCES))
def test_hostile_profiles_are_errors_or_compile(tmp_path_factory, toml, source):
    """A profile is either refused with problems that name it, or every backend compiles
    the workouts with it; never an exception."""
    from wodc.profile import load_file

    path = tmp_path_factory.mktemp("profile") / "wodc.toml"
    path.write_text(toml, encoding="utf-8")
    settings_read, problems = load_file(path)
    if problems:
        assert all(p.path == str(path) and p.message for p in problems)
        return
    profile = merge(settings_read)
    for workout in parse(source, "fuzz.wod").workouts:
        resolved = resolve(workout, profile)
        if not has_errors(check_workout(workout)):
            for name in FORMATS:
                backend(name).compile(resolved, profile, Options())


@st.composite
def hostile_tree(draw, root: Path) -> None:
    """A folder of .wod files with what a careless tree holds: a FIFO, a broken link, a link
    out of the tree, a name that is not UTF-8, an empty file, a deep folder."""
    (root / ".git").mkdir()
    (root / "ok.wod").write_text("run 10min @E\n")
    for kind in draw(st.lists(st.sampled_from(["fifo", "broken", "outside", "bytes", "empty",
                                               "deep", "upper", "binary"]), max_size=4,
                              unique=True)):
        if kind == "fifo":
            os.mkfifo(root / "pipe.wod")
        elif kind == "broken":
            (root / "gone.wod").symlink_to(root / "nowhere")
        elif kind == "outside":
            (root / "leak.wod").symlink_to("/etc/hostname")
        elif kind == "bytes":
            with open(os.fsencode(root) + b"/\xff.wod", "wb") as file:
                file.write(b"run 5min @E\n")
        elif kind == "empty":
            (root / "empty.wod").write_bytes(b"")
        elif kind == "deep":
            folder = root
            for _ in range(draw(st.integers(1, 60))):
                folder = folder / "d"
                folder.mkdir()
            (folder / "deep.wod").write_text("run 5min @E\n")
        elif kind == "upper":
            (root / "UP.WOD").write_text("run 5min @E\n")
        else:
            (root / "binary.wod").write_bytes(b"\x00\x01\xff" * 10)


@settings(FUZZ, max_examples=max(10, EXAMPLES // 30))
@given(st.data())
def test_hostile_trees_are_checked_with_exit_0_or_1(tmp_path_factory, data):
    from click.testing import CliRunner

    from wodc.cli import main

    root = tmp_path_factory.mktemp("tree")
    data.draw(hostile_tree(root))
    for command in (["check", str(root), "--vdot", "50"],
                    ["compile", str(root), "--vdot", "50", "-o", str(root / "out")]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code in (0, 1), (command, result.output, result.exception)
        assert "internal error" not in result.output
