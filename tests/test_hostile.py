"""Hostile and broken inputs give a clear error naming the limit or the problem, never a
traceback. (How fast they are rejected is measured by `make bench`, not here.)"""

import re

import pytest
from click.testing import CliRunner

from wodc.cli import main


@pytest.fixture
def check(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()

    def run(data: bytes, name: str = "w.wod"):
        (tmp_path / name).write_bytes(data)
        result = CliRunner().invoke(main, ["check", name])
        assert result.exception is None or isinstance(result.exception, SystemExit), \
            result.exception
        return result.exit_code, result.stderr

    return run


def test_a_10_mb_file(check):
    code, stderr = check(b"10min @E\n" * 1_200_000)
    assert code == 1
    assert stderr.startswith("w.wod: error: the file is 10,800,000 bytes; the limit for a "
                             "workout file is 1,000,000 bytes\n")


def test_a_line_of_1_mb(check):
    code, stderr = check(b"10min, " * 150_000 + b"\n")
    assert code == 1
    assert "the limit for a workout file is 1,000,000 bytes" in stderr


def test_too_many_steps_written_out(check):
    code, stderr = check(b"1s, " * 225_000)
    assert code == 1
    assert stderr.startswith("w.wod: error: the file has 225,000 lines and separators; a workout "
                             "file holds at most 100,000 steps\n")


def test_nesting_1000_deep(check):
    code, stderr = check(b"2x(" * 1000 + b"1min" + b")" * 1000)
    assert code == 1
    assert stderr.startswith("w.wod:1:51: error: repeats are nested more than 16 deep "
                             "(the nesting limit)\n")


def test_a_million_repeats(check):
    code, stderr = check(b"1000000x(400m @R, rec 200m)\n")
    assert code == 1
    assert "error: 1000000 repeats is more than the limit of 1,000" in stderr


def test_too_many_steps_once_expanded(check):
    code, stderr = check(b"1000x(1000x(1s))\n")
    assert code == 1
    assert "expands to 1,000,000 steps, more than the limit of 100,000 steps" in stderr


def test_not_utf8(check):
    code, stderr = check(b"10min @E\n\xff\xfe 5min\n")
    assert code == 1
    assert stderr.startswith("w.wod:2:1: error: the file is not UTF-8 text (byte 0xff at "
                             "offset 9)\n    \ufffd\ufffd 5min\n    ^\n"
                             "  hint: save the file as UTF-8\n")


def test_utf8_with_a_byte_order_mark_is_fine(check):
    assert check("\ufeff10min @E\n".encode("utf-8"))[0] == 0


def test_nul_bytes(check):
    code, stderr = check(b"10min\x00 @E\n")
    assert code == 1
    assert stderr.startswith("w.wod:1:6: error: the file contains a NUL byte; is it a text file?")


def test_a_binary_file(check):
    code, stderr = check(bytes(range(1, 32)) * 3)
    assert code == 1
    assert "the file contains the control character U+0001; is it a text file?" in stderr


@pytest.mark.parametrize("data", [b"", b"\n\n", b"# nothing but a comment\n", b"   \t  "])
def test_empty_files(check, data):
    code, stderr = check(data)
    assert code == 1
    assert "error: the file has no workout in it" in stderr


def test_a_directory_with_no_workouts(tmp_path):
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["check", str(tmp_path / "empty")])
    assert result.exit_code == 1
    assert "error: no .wod files in this directory" in result.stderr


def test_an_unreadable_file(tmp_path, monkeypatch):
    # Tests run as root here, and root reads anything: so the error is made the way the
    # system gives it to anyone else, when the file is opened (stat works without read
    # permission, as for a file of mode 000).
    path = tmp_path / "w.wod"
    path.write_text("10min\n")
    import builtins

    import wodc.reading

    def denied(target, *args, **kwargs):
        if str(target) == str(path):
            raise PermissionError(13, "Permission denied", str(target))
        return builtins.open(target, *args, **kwargs)
    monkeypatch.setattr(wodc.reading, "open", denied, raising=False)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    assert f"{path}: error: cannot read: Permission denied" in result.stderr


def test_problems_printed_per_file_are_capped_and_all_are_counted(check):
    # 2,000 unknown targets: 100 are printed, the rest counted. (make bench times 10,000 and
    # 20,000: loading is linear.)
    code, stderr = check(b"1s @XX\n" * 2_000)
    assert code == 1
    assert stderr.count("error: unknown pace or target 'XX'") == 100
    assert "w.wod: and 1,900 more problems (the first 100 of this file are shown" in stderr
    assert stderr.endswith("checked 1 workout in 1 file: 2000 errors, 0 warnings\n")


def test_a_fifo_given_as_a_file_is_refused_not_waited_on(tmp_path):
    import os
    fifo = tmp_path / "pipe.wod"
    os.mkfifo(fifo)
    result = CliRunner().invoke(main, ["check", str(fifo)])
    assert result.exit_code == 1
    assert f"{fifo}: error: not a regular file (a FIFO, device or socket); give a file\n" in (
        result.stderr)
    # Met while searching a directory, it is reported too, not silently skipped.
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 1 and f"{fifo}: error: not a regular file" in result.stderr


@pytest.mark.parametrize("said", [3, 0, 10], ids=["grew-since-its-size-was-read", "size-0",
                                                  "grew-from-the-limit"])
def test_a_file_larger_than_its_size_says_is_read_to_the_limit(tmp_path, monkeypatch, said):
    """read_bounded reads as much as the size says, then on if there is more: a file that
    grew after it was measured (or one whose size says 0, as /proc's do) is read whole, and
    never past the limit."""
    import os

    import wodc.reading
    from wodc.reading import read_bounded

    path = tmp_path / "w.wod"
    path.write_bytes(b"x" * 40)
    real = os.stat

    def shrunk(target, *args, **kwargs):
        status = real(target, *args, **kwargs)
        if str(target) != str(path):
            return status
        return os.stat_result((status.st_mode, status.st_ino, status.st_dev, status.st_nlink,
                               status.st_uid, status.st_gid, said, status.st_atime,
                               status.st_mtime, status.st_ctime))
    monkeypatch.setattr(wodc.reading.os, "stat", shrunk)
    assert read_bounded(str(path), 100) == b"x" * 40
    assert read_bounded(str(path), 10) == b"x" * 11  # the limit and one byte: over it


def test_a_file_of_the_limit_is_read_and_one_byte_more_is_refused(tmp_path):
    from wodc.reading import ReadError, read_bounded

    path = tmp_path / "w.wod"
    path.write_bytes(b"x" * 10)
    assert read_bounded(str(path), 10) == b"x" * 10
    with pytest.raises(ReadError, match=r"^the file is 10 bytes; the limit is 9 bytes$"):
        read_bounded(str(path), 9)


def test_standard_input_is_read_to_the_limit_and_a_byte(monkeypatch):
    import io

    from wodc.reading import ReadError, read_bounded

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"x" * 50)))
    assert read_bounded("-", 10, stdin=True) == b"x" * 11
    monkeypatch.setattr("sys.stdin", None)
    with pytest.raises(ReadError) as raised:
        read_bounded("-", 10, stdin=True)
    assert str(raised.value) == "cannot read: standard input is closed"


def test_endless_input_is_read_only_up_to_the_limit():
    # /dev/zero has no end and no size: refused as not a regular file, never read.
    result = CliRunner().invoke(main, ["check", "/dev/zero"])
    assert result.exit_code == 1 and "not a regular file" in result.stderr
    # `yes | wodc check -`: standard input is read to the limit plus one byte, no further.
    result = CliRunner().invoke(main, ["check", "-"], input=b"y\n" * 2_000_000)
    assert result.exit_code == 1
    assert "the input is more than 1,000,000 bytes, the limit for a workout file" in (
        result.stderr)


def test_upper_case_wod_files_are_found(tmp_path):
    (tmp_path / "A.WOD").write_text("10min @E\n")
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 0 and "checked 1 workout in 1 file" in result.stderr


def test_names_in_any_script_make_distinct_file_names():
    from wodc.naming import slug
    assert slug("Café au lait") == "cafe-au-lait"
    assert slug("Темп 5x1 км") == "темп-5x1-км"  # й and バ keep their marks
    assert slug("Разминка й") == "разминка-й"
    assert slug("インターバル 400m") == "インターバル-400m"
    assert slug("טמפו") == "טמפו"
    # No letters at all: a short hash, so two emoji names do not collide on one name.
    assert slug("🏃") != slug("🔥") and slug("🔥").startswith("workout-")
    # An ASCII name (the quick way) slugs as the same name with one non-ASCII letter does.
    assert slug("30-Minute Treadmill Run!") == "30-minute-treadmill-run"
    every_ascii = "".join(map(chr, range(128)))  # (ends in DEL, which becomes a dash)
    assert slug(every_ascii + "é") == slug(every_ascii) + "-e"


def test_slugs_keep_letters_and_digits_of_any_script_and_cut_long_names_at_a_word():
    import hashlib

    from wodc.naming import slug

    def digest(name):  # the short hash a cut or letterless name ends in: sha256's first 8
        return hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]

    assert slug("Wait…go") == "waitgo"  # … folds to "...", which is no letter: dropped
    assert slug("Intervalle ٣") == "intervalle-٣"  # an Arabic-Indic digit is a digit
    assert slug("a" * 100) == "a" * 100  # 100 bytes: whole
    assert slug("a" * 101) == "a" * 100 + "-" + digest("a" * 101)
    # Cut at 100 bytes, inside the 50th б (two bytes each): that half is dropped.
    assert slug("a" + "б" * 60) == "a" + "б" * 49 + "-" + digest("a" + "б" * 60)
    # The cut falls at a word's end: the words before it stay whole.
    name = "a" * 50 + " " + "b" * 49 + " " + "c" * 10
    assert slug(name) == "a" * 50 + "-" + "b" * 49 + "-" + digest(name)
    # The cut falls inside a word: back to the end of the word before.
    name = "a" * 50 + " " + "b" * 60
    assert slug(name) == "a" * 50 + "-" + digest(name)


def test_a_long_name_makes_a_file_name_a_file_system_holds(tmp_path):
    # 400 bytes of name; file systems hold 255 per name, the temporary name included.
    (tmp_path / "a.wod").write_text(f'workout "{"Long " * 80}"\nrun 10min @E\n'
                                    f'workout "{"Long " * 79}Last"\nrun 10min @E\n'
                                    f'workout "{"Бег " * 100}"\nrun 10min @E\n')
    result = CliRunner().invoke(main, ["compile", str(tmp_path / "a.wod"), "--vdot", "50",
                                       "-o", str(tmp_path / "out"), "-f", "fit"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 3  # the two Long names share their first 100 bytes, not a file
    assert all(len(n.encode()) <= 100 + 1 + 8 + len(".fit") for n in names)
    assert all(re.fullmatch(r"(long-)+long-[0-9a-f]{8}\.fit|(бег-)+бег-[0-9a-f]{8}\.fit", n)
               for n in names), names


def test_not_a_number_is_refused_everywhere(tmp_path):
    source = tmp_path / "w.wod"
    source.write_text("sport bike\n10min @200W\n")
    result = CliRunner().invoke(main, ["check", str(source), "--ftp", "nan"])
    assert result.exit_code == 2 and "'nan' is not a number" in result.stderr
    (tmp_path / "wodc.toml").write_text("[treadmill]\nmax_speed = nan\n")
    (tmp_path / ".git").mkdir()
    run = tmp_path / "r.wod"
    run.write_text("10min @12kph\n")
    result = CliRunner().invoke(main, ["check", str(run)])
    assert result.exit_code == 1 and "max_speed" in result.stderr and "nan" in result.stderr


def test_ctrl_c_while_writing_exits_130_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    import wodc.output
    source = tmp_path / "w.wod"
    source.write_text("10min @E\n")

    def interrupted(*args):
        raise KeyboardInterrupt
    monkeypatch.setattr(wodc.output.os, "replace", interrupted)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["compile", str(source), "--race", "5K=20:00",
                                       "-o", str(out)])
    assert result.exit_code == 130 and "wodc: interrupted" in result.stderr
    assert list(out.iterdir()) == []


def test_sigterm_unwinds_with_exit_143():
    from wodc.process import _terminated
    with pytest.raises(SystemExit) as stopped:
        _terminated(15, None)
    assert stopped.value.code == 143


def test_a_folder_that_cannot_be_read_is_reported_not_skipped(tmp_path, monkeypatch):
    # As root every folder reads, so the walk's error is the one the system gives others.
    import os
    (tmp_path / "ok.wod").write_text("10min @E\n")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(folder):  # what the system says to a user who may not read the folder
        if str(folder).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(folder))
        return real_scandir(folder)
    monkeypatch.setattr(os, "scandir", scandir)
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{tmp_path / 'locked'}: error: cannot read: Permission denied" in result.stderr


def test_control_and_bidi_characters_are_escaped_on_the_terminal(tmp_path):
    # A file name with an escape sequence and a right-to-left override, and a note with one.
    name = "a\x1b[31m\u202eb.wod"
    (tmp_path / name).write_text('10min @XX "x\u202ey"\n')
    result = CliRunner().invoke(main, ["check", str(tmp_path / name)])
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert "a\\x1b[31m\\u202eb.wod:1:8: error: unknown pace or target 'XX'" in result.stderr


def test_output_that_cannot_be_written_is_a_clear_error(tmp_path):
    import subprocess
    import sys
    source = tmp_path / "w.wod"
    source.write_text("10min @E\n")
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "wodc.cli", "show", str(source), "--race",
                               "5K=20:00"], stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 1, done.stderr
    assert "wodc: cannot write the output: No space left on device" in done.stderr


def test_links_out_of_the_tree_are_not_followed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=abc123\n")
    tree = tmp_path / "workouts"
    (tree / "inside").mkdir(parents=True)
    (tree / "ok.wod").write_text("10min @E\n")
    (tree / "leak.wod").symlink_to(secret)
    (tree / "elsewhere").symlink_to(tmp_path)          # a folder outside the tree
    (tree / "alias.wod").symlink_to(tree / "ok.wod")    # inside: fine
    result = CliRunner().invoke(main, ["check", str(tree)])
    assert result.exit_code == 0, result.stderr
    assert "TOKEN" not in result.stderr
    assert f"{tree / 'leak.wod'}: warning: not read: a link to {secret}, outside" in result.stderr
    assert f"{tree / 'elsewhere'}: warning: not read: a link to" in result.stderr
    assert "checked 2 workouts in 2 files" in result.stderr
    # Asked for, it is read (and is no workout).
    result = CliRunner().invoke(main, ["check", str(tree), "--follow-symlinks"])
    assert result.exit_code == 1
