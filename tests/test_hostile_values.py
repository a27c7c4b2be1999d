"""Values no one means, as an attacker or a careless user writes them: numbers of thousands
of digits, digits of other scripts, secrets echoed into logs, names a terminal or a FIT file
cannot hold, trees deeper than Python recurses. Each is a clear error (or works), never the
exit 3 of an internal error."""

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from wodc.cli import main

THOUSANDS = "9" * 5000  # past int()'s 4,300-digit limit


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # profile discovery stops here
    return tmp_path


def run(*args: str, env: dict | None = None):
    result = CliRunner(env=env).invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result


@pytest.mark.parametrize("line,column", [
    (f"{THOUSANDS}x(1min @E)", 1),          # a count
    (f"run {THOUSANDS}min @E", 5),           # a time
    (f"run 10min @{THOUSANDS}:00/km", 12),   # a pace
    (f"run 10min @Z{THOUSANDS}", 13),        # a zone
    (f"run 10min @E cadence {THOUSANDS}spm", 22),  # a cadence
    (f"run {THOUSANDS}m @E", 5),             # a distance
])
def test_a_number_of_thousands_of_digits_is_an_error_at_the_number(folder, line, column):
    (folder / "w.wod").write_text(f'workout "x"\n{line}\n')
    result = run("check", "w.wod", "--vdot", "50")
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first == (f"w.wod:2:{column}: error: this number has 5,000 digits; numbers in a "
                     f"workout have at most 9")


def test_ten_digits_are_too_many_and_nine_are_checked_as_values(folder):
    (folder / "w.wod").write_text("run 1234567890s @E\n")
    assert "has 10 digits" in run("check", "w.wod", "--vdot", "50").stderr
    (folder / "w.wod").write_text("run 123456789s @E\n")
    result = run("check", "w.wod", "--vdot", "50")
    assert result.exit_code == 1
    assert "a step must last more than 0 seconds and at most 24 hours" in result.stderr


def test_long_numbers_in_notes_and_comments_are_text(folder):
    (folder / "w.wod").write_text('workout "Call 0123456789012"\n'
                                  'run 10min @E "gate code 99999999999" # 12345678901234\n')
    result = run("check", "w.wod", "--vdot", "50")
    assert (result.exit_code, result.stderr) == (0, "checked 1 workout in 1 file: no problems\n")


def test_digits_of_other_scripts_are_not_numbers(folder):
    # Python's float() reads Arabic-Indic ١٠ as 10: wodc must not, or a typo becomes a value.
    (folder / "w.wod").write_text("run ١٠min @E\n")
    result = run("check", "w.wod", "--vdot", "50")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        "w.wod:1:5: error: '١' is not a digit wodc reads (U+0661)", "    run ١٠min @E"]
    assert "hint: write numbers with the digits 0-9" in result.stderr


def test_a_line_that_is_not_workout_text_is_echoed_only_up_to_its_first_word(folder):
    # A secret file reached by mistake: only the offending token may reach a CI log.
    (folder / "w.wod").write_text("ghp_TOKEN123 the-rest-is-secret\n")
    result = run("check", "w.wod")
    assert result.exit_code == 1
    assert "the-rest-is-secret" not in result.stderr
    assert result.stderr.splitlines()[:3] == [
        "w.wod:1:1: error: unexpected 'ghp_TOKEN123'", "    ghp_TOKEN123", "    ^^^^^^^^^^^^"]
    annotation = run("check", "w.wod", "--format", "github").stdout
    assert "ghp_TOKEN123" in annotation and "the-rest-is-secret" not in annotation


def test_a_workout_line_with_a_mistake_is_echoed_whole(folder):
    (folder / "w.wod").write_text("warmup 10min easy\n")
    assert "    warmup 10min easy\n" in run("check", "w.wod").stderr


def test_a_very_long_line_is_echoed_as_a_window_around_the_caret(folder):
    (folder / "w.wod").write_text("run 10min @E, " * 30 + "run 10min @QQ, " + "run 1min @E, " * 30
                                  + "\n")
    result = run("check", "w.wod", "--vdot", "50")
    assert result.exit_code == 1
    message, shown, caret = result.stderr.splitlines()[:3]
    assert message.startswith("w.wod:1:432: error: unknown pace or target 'QQ'")
    assert shown.startswith("    …") and shown.endswith("…")
    assert len(shown) <= 4 + 100 + 2
    # The caret sits under the QQ of the shown window.
    start = caret.index("^")
    assert shown[start:start + 2] == "QQ" and caret.strip() == "^^"


def test_a_long_unknown_word_is_shortened_in_the_message(folder):
    (folder / "w.wod").write_text("x" * 500 + "\n")
    first = run("check", "w.wod").stderr.splitlines()[0]
    assert first == f"w.wod:1:1: error: unexpected '{'x' * 40}…'"


@pytest.mark.parametrize("race", [f"5K={THOUSANDS}:00", f"5K={THOUSANDS}min",
                                  f"{THOUSANDS}m=20:00", "5K=١٩:٠٠"])
def test_a_race_of_thousands_of_digits_is_a_bad_option_value(race):
    result = run("paces", "--race", race)
    assert result.exit_code == 2  # a bad option value, as for any other
    assert "Invalid value for --race" in result.stderr
    assert THOUSANDS not in result.stderr  # quoted shortened, not 5,000 characters


def test_a_profile_number_of_thousands_of_digits_is_a_profile_error(folder):
    (folder / "wodc.toml").write_text(f"ftp = {THOUSANDS}\n")
    (folder / "w.wod").write_text("run 10min @E\n")
    result = run("compile", "w.wod", "-o", "out")
    assert result.exit_code == 1
    assert ("wodc.toml: error: cannot read the profile: a number in it has thousands of "
            "digits") in result.stderr
    assert not (folder / "out").exists()


@pytest.mark.parametrize("value", [THOUSANDS, "12ab", "-5", "1e9"])
def test_a_malformed_source_date_epoch_stops_the_build(folder, value):
    # https://reproducible-builds.org/specs/source-date-epoch/: "If the value is malformed,
    # the build process SHOULD exit with a non-zero error code."
    (folder / "w.wod").write_text("run 10min @E\n")
    result = run("compile", "w.wod", "--vdot", "50", "-o", "out",
                 env={"SOURCE_DATE_EPOCH": value})
    assert result.exit_code == 1
    assert "is not a number of seconds since 1970-01-01" in result.stderr
    assert not (folder / "out").exists()


def test_a_file_name_that_is_not_utf8_compiles_under_a_readable_name(folder):
    raw = os.fsencode(folder) + b"/\xff\xfeab.wod"
    with open(raw, "wb") as file:
        file.write(b"run 10min @E\n")
    result = run("compile", ".", "--vdot", "50", "-o", "out")
    assert result.exit_code == 0, result.stderr
    assert "\ufffd\ufffdab: 10:00" in result.stdout  # the bytes shown as U+FFFD
    assert sorted(os.listdir(folder / "out")) == ["ab.card.txt", "ab.fit", "ab.qz.xml",
                                                  "ab.zwo"]


def test_a_name_option_that_is_not_utf8_is_written_as_replacement_characters(folder):
    from garmin_fit import decode  # Garmin's decoder reads the name back

    # click gives undecodable argv bytes to wodc as lone surrogates, as Python does.
    result = CliRunner().invoke(main, ["compile", "-", "--name", "\udcff\udcfe", "--vdot",
                                       "50", "-o", "out", "-f", "fit"], input="run 10min @E\n")
    assert result.exit_code == 0, result.stderr
    [fit] = (folder / "out").glob("*.fit")
    assert fit.name.startswith("workout-")  # no letters left: a content hash
    assert decode(fit.read_bytes()).workout["wkt_name"] == "\ufffd\ufffd"


# (Not ascii: click takes an ascii stdout for a misconfigured one and writes UTF-8.)
@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_a_terminal_that_cannot_show_a_name_gets_escapes(folder, encoding):
    (folder / "w.wod").write_text('workout "Бег 東京"\nrun 10min @E\n', encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    done = subprocess.run([sys.executable, "-m", "wodc", "show", "w.wod", "--vdot", "50"],
                          capture_output=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode(encoding).startswith("\\u0411\\u0435\\u0433 \\u6771\\u4eac (run)")


def test_a_tree_1500_folders_deep_is_searched(folder):
    # Python 3.11's os.walk recurses once per level: RecursionError before wodc walked its own.
    deepest = folder / "deep"
    deepest.mkdir()
    for _ in range(1500):
        deepest = deepest / "d"
        deepest.mkdir()
    (deepest / "a.wod").write_text("run 10min @E\n")
    try:
        result = run("check", "deep", "--vdot", "50")
        assert (result.exit_code, result.stderr) == (0, "checked 1 workout in 1 file: no "
                                                        "problems\n")
    finally:  # pytest's own clean-up (shutil.rmtree) recurses too: take the tree down here
        (deepest / "a.wod").unlink()
        while deepest != folder:
            deepest.rmdir()
            deepest = deepest.parent


def test_compile_with_json_problems_keeps_stdout_json(folder):
    (folder / "w.wod").write_text("run 10min @E\n")
    result = run("compile", "w.wod", "--vdot", "50", "-o", "out", "--format-problems", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
    assert "w: 10:00, 1.9km -> w.fit" in result.stderr
