"""`wodc compile` end to end: outputs, summaries, stdin, all-or-nothing per workout, atomic
files, and byte-identical builds whatever the directory, locale or time zone."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import csv
import io
import xml.etree.ElementTree as ET

import icalendar
import pytest
import xmlschema
from click.testing import CliRunner
from garmin_fit_sdk import Decoder, Stream

import erg_reader
from garmin_fit import decode
from treadmill_support import read_qz
from wodc.backends import FORMATS
from wodc.cli import main

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A repository with a profile, as users keep them."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "wodc.toml").write_text('ftp = 250\n[races]\n5K = "20:00"\n')
    return tmp_path


ZWO_SCHEMA = xmlschema.XMLSchema11(str(Path(__file__).parent / "schemas" / "zwo.xsd"))


def compile_(*args, input=None):
    return CliRunner().invoke(main, ["compile", *args], input=input)


def assert_devices_read(directory: Path) -> int:
    """Every file written is read back as its device reads it: FIT through Garmin's decoder,
    ZWO against our schema, QZ as QZ parses it, cards as CSV or text. Returns the count."""
    files = sorted(p for p in directory.iterdir())
    for path in files:
        data = path.read_bytes()
        if path.name.endswith(".schedule.fit"):
            messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
            assert errors == [] and messages["schedule_mesgs"]
        elif path.suffix == ".fit":
            assert decode(data).steps
        elif path.suffix in (".erg", ".mrc"):
            assert erg_reader.read(data, cp=250).valid
        elif path.suffix == ".ics":
            assert icalendar.Calendar.from_ical(data).walk("VEVENT")
        elif path.suffix == ".zwo":
            ZWO_SCHEMA.validate(data.decode("utf-8"))
        elif path.name.endswith(".qz.xml"):
            assert read_qz(data)
        elif path.suffix == ".csv":
            assert list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
        elif path.suffix == ".svg":
            ET.fromstring(data)
        else:
            assert path.suffix in (".txt", ".md") and data.decode("utf-8").strip()
    return len(files)


def test_one_file_per_workout_and_format(project):
    (project / "w.wod").write_text('workout "Tempo Tuesday"\nwarmup 15min @E\n2x(12min @T, '
                                   'rec 3min)\ncooldown 10min @E\n')
    result = compile_("w.wod", "-o", "out")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (project / "out").iterdir())
    # A run: every format but the ride formats (erg, mrc).
    suffixes = {"fit": ".fit", "zwo": ".zwo", "qz": ".qz.xml", "card": ".card.txt"}
    assert set(FORMATS) - set(suffixes) == {"erg", "mrc"}
    assert names == sorted(f"tempo-tuesday{suffix}" for suffix in suffixes.values())
    # The summary says which profile it used, then each workout.
    assert result.stdout == ("profile: wodc.toml\n" f"Tempo Tuesday: 55:00, ~11.44km -> "
                             f"{', '.join(f'tempo-tuesday{s}' for s in suffixes.values())} "
                             "(erg, mrc: not for a run workout)\n")
    assert assert_devices_read(project / "out") == len(suffixes)


def test_the_examples_compile_and_every_file_reads_back(tmp_path, snapshot):
    result = compile_(str(EXAMPLES), "-o", str(tmp_path), "--card-format", "csv")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "profile: examples/wodc.toml"
    # Four files a workout or session (a run: fit, zwo, qz, card; a ride: fit, zwo, erg,
    # mrc), and the plan's calendar and schedule.
    assert lines[-1].startswith("plan 4-Week Treadmill Mile: 20 sessions")
    assert assert_devices_read(tmp_path) == (len(lines) - 2) * 4 + 2
    assert result.stdout == snapshot
    assert result.stderr.replace(str(EXAMPLES), "examples") == snapshot


def test_formats_by_name_and_did_you_mean(project):
    (project / "w.wod").write_text("10min @E\n")
    assert compile_("w.wod", "-f", "zwo", "-o", "out").exit_code == 0
    assert [p.name for p in (project / "out").iterdir()] == ["w.zwo"]
    assert_devices_read(project / "out")
    result = compile_("w.wod", "-f", "zwo,crad", "-o", "out")
    assert result.exit_code == 2
    assert "unknown format 'crad'; did you mean 'card'?" in result.stderr


def test_card_formats(project):
    (project / "w.wod").write_text("10min @E\n")
    for fmt, suffix in (("md", ".card.md"), ("csv", ".card.csv"), ("txt", ".card.txt")):
        assert compile_("w.wod", "-f", "card", "--card-format", fmt, "-o", "out").exit_code == 0
        assert (project / "out" / f"w{suffix}").exists()


def test_stdin(project):
    result = compile_("-", "-f", "zwo", "-o", "out", "--name", "From Stdin",
                      input="10min @E\n5x(1min @5K, rec 1min)\n")
    assert result.exit_code == 0, result.output
    assert (project / "out" / "from-stdin.zwo").exists()


def test_a_workout_with_errors_writes_nothing_and_the_others_still_compile(project):
    out = project / "out"
    out.mkdir()
    (out / "bad.zwo").write_bytes(b"an earlier build")
    (project / "w.wod").write_text('workout "Good"\n10min @E\n\nworkout "Bad"\n10min @HMP2\n')
    result = compile_("w.wod", "-f", "zwo,qz", "-o", "out")
    assert result.exit_code == 1
    assert "unknown pace or target 'HMP2'" in result.stderr
    assert "Bad: not written (errors above)" in result.stdout
    assert sorted(p.name for p in out.iterdir()) == ["bad.zwo", "good.qz.xml", "good.zwo"]
    assert (out / "bad.zwo").read_bytes() == b"an earlier build"


def test_a_target_a_format_cannot_resolve_is_an_error_for_that_workout_only(project):
    (project / "wodc.toml").unlink()
    (project / "w.wod").write_text('workout "Needs paces"\n20min @T\n\nworkout "Fine"\n'
                                   "20min @4:30/km\n")
    result = compile_("w.wod", "-f", "qz", "-o", "out")
    assert result.exit_code == 1
    assert "@T needs your T training pace" in result.stderr
    assert [p.name for p in (project / "out").iterdir()] == ["fine.qz.xml"]


def test_strict_turns_warnings_into_errors(project):
    (project / "w.wod").write_text("10min @E\n20min @150bpm\n")
    assert compile_("w.wod", "-f", "zwo", "-o", "out").exit_code == 0
    shutil.rmtree(project / "out")
    result = compile_("w.wod", "-f", "zwo", "-o", "out", "--strict")
    assert result.exit_code == 1
    assert not (project / "out").exists() or not any((project / "out").iterdir())


def test_an_unwritable_output_directory(project):
    (project / "w.wod").write_text("10min @E\n")
    (project / "blocker").write_text("a file where the directory should be")
    result = compile_("w.wod", "-f", "zwo", "-o", "blocker/out")
    assert result.exit_code == 1
    assert "blocker/out: error: cannot write" in result.stderr


def test_no_temporary_files_are_left_behind(project):
    (project / "w.wod").write_text("10min @E\n")
    compile_("w.wod", "-o", "out")
    assert not [p for p in (project / "out").iterdir() if p.name.startswith(".")]


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_files_get_the_mode_any_new_file_gets(project, umask, mode):
    # 0666 less the umask, as `touch` would make them; not the 0600 of a temporary file.
    (project / "w.wod").write_text("10min @E\n")
    old = os.umask(umask)
    try:
        assert compile_("w.wod", "-o", "out").exit_code == 0
    finally:
        os.umask(old)
    written = list((project / "out").iterdir())
    assert written and {p.stat().st_mode & 0o777 for p in written} == {mode}


def test_a_file_is_never_written_through_a_link_planted_at_a_temporary_name(project,
                                                                           monkeypatch):
    # Someone who can write to the output folder plants a link where the next temporary file
    # will be: the write must take another name, not follow the link.
    import wodc.output

    (project / "w.wod").write_text("10min @E\n")
    (project / "out").mkdir()
    victim = project / "victim"
    victim.write_text("precious")
    draws = iter([b"\x00" * 4, b"\x00" * 4, b"\x01" * 4] + [b"\x02" * 4] * 10)
    monkeypatch.setattr(wodc.output.os, "urandom", lambda n: next(draws))
    (project / "out" / ".w.fit.00000000.tmp").symlink_to(victim)
    assert compile_("w.wod", "-f", "fit", "-o", "out").exit_code == 0
    assert victim.read_text() == "precious"
    assert (project / "out" / "w.fit").read_bytes()[8:12] == b".FIT"


def test_a_rebuild_leaves_the_files_that_would_not_change(project):
    """Same bytes: the file is not touched (same inode, same time); an edited workout's files
    are written anew, and so is a file of wodc's that was changed on disk."""
    (project / "a.wod").write_text("10min @E\n")
    (project / "b.wod").write_text("20min @E\n")
    assert compile_("a.wod", "b.wod", "-f", "fit,zwo", "-o", "out").exit_code == 0
    out = project / "out"

    def seen():
        return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes())
                for p in sorted(out.iterdir())}

    before = seen()
    assert sorted(before) == ["a.fit", "a.zwo", "b.fit", "b.zwo"]
    (project / "b.wod").write_text("25min @E\n")
    (out / "a.zwo").write_bytes(before["a.zwo"][2].replace(b"<workout_file>",
                                                          b"<workout_file> "))
    result = compile_("a.wod", "b.wod", "-f", "fit,zwo", "-o", "out")
    assert result.exit_code == 0 and "-> b.fit, b.zwo" in result.stdout
    after = seen()
    assert after["a.fit"] == before["a.fit"]  # untouched
    assert after["a.zwo"][2] == before["a.zwo"][2] and after["a.zwo"][0] != before["a.zwo"][0]
    for name in ("b.fit", "b.zwo"):
        assert after[name][0] != before[name][0] and after[name][2] != before[name][2]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_a_group_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    """A write that fails part way (a full disk) on the group's second file leaves the first
    file's old content and no temporary file; a short write (the kernel may take part of a
    buffer) is carried on to the end."""
    import errno

    import wodc.output

    old = tmp_path / "a.fit"
    old.write_bytes(b"old")
    real_write, calls = os.write, []

    def short_then_full(handle, data):
        calls.append(len(data))
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(handle, bytes(data[:2]))  # two bytes at a time

    monkeypatch.setattr(wodc.output.os, "write", short_then_full)
    with pytest.raises(OSError, match="No space left"):
        wodc.output.write_group({old: b"new", tmp_path / "b.zwo": b"zwo"})
    assert old.read_bytes() == b"old" and sorted(os.listdir(tmp_path)) == ["a.fit"]
    assert calls == [3, 1, 3]  # a.fit's three bytes in two writes, then b.zwo's fails
    monkeypatch.setattr(wodc.output.os, "write", lambda h, data: real_write(h, bytes(data[:2])))
    wodc.output.write_group({old: b"new!!", tmp_path / "b.zwo": b"zwo"})
    assert (old.read_bytes(), (tmp_path / "b.zwo").read_bytes()) == (b"new!!", b"zwo")
    assert sorted(os.listdir(tmp_path)) == ["a.fit", "b.zwo"]


def _build(tmp: Path, cwd: Path, env_extra: dict) -> dict[str, bytes]:
    out = tmp / f"out-{len(list(tmp.iterdir()))}"
    env = {**os.environ, **env_extra}
    env.pop("SOURCE_DATE_EPOCH", None)
    subprocess.run([sys.executable, "-m", "wodc.cli", "compile", str(EXAMPLES), "-o", str(out),
                    "--card-format", "md"], cwd=cwd, env=env, check=True, capture_output=True)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_builds_are_byte_identical_whatever_the_directory_locale_or_time_zone(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    first = _build(tmp_path, ROOT, {"TZ": "UTC", "LC_ALL": "C"})
    second = _build(tmp_path, tmp_path / "elsewhere",
                    {"TZ": "Pacific/Kiritimati", "LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8"})
    assert first and first.keys() == second.keys()
    assert first == second


def test_shell_completion_script(tmp_path):
    env = {**os.environ, "_WODC_COMPLETE": "bash_source"}
    wodc = Path(sys.executable).parent / "wodc"
    result = subprocess.run([str(wodc)], env=env, capture_output=True, text=True, check=True)
    assert "_wodc_completion()" in result.stdout
    assert "complete -o nosort -F _wodc_completion wodc" in result.stdout


def test_author_option_goes_into_zwo(project):
    (project / "w.wod").write_text('author "From The File"\n10min @E\n')
    compile_("w.wod", "-f", "zwo", "-o", "out")
    assert ET.parse(project / "out" / "w.zwo").getroot().findtext("author") == "From The File"
    compile_("w.wod", "-f", "zwo", "-o", "out", "--author", "Coach Jess")
    assert ET.parse(project / "out" / "w.zwo").getroot().findtext("author") == "Coach Jess"


def test_problems_for_machines(project):
    (project / "w.wod").write_text("10min @HMP2\n")
    result = compile_("w.wod", "-f", "zwo", "-o", "out", "--format-problems", "github")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "::error file=w.wod,line=1,col=8::unknown pace or target 'HMP2' (hint: did you mean @HM?)")


def test_profile_options_reach_the_files(project):
    (project / "w.wod").write_text("sport bike\n10min @250W\n")
    ftp_from_file = compile_("w.wod", "-f", "zwo", "-o", "a")
    ftp_from_option = compile_("w.wod", "-f", "zwo", "-o", "b", "--ftp", "200")
    assert ftp_from_file.exit_code == ftp_from_option.exit_code == 0
    power = lambda d: ET.parse(project / d / "w.zwo").getroot().find(  # noqa: E731
        "workout/SteadyState").get("Power")
    assert (power("a"), power("b")) == ("1.0", "1.25")


def test_the_summary_says_which_steps_walk_or_rest_on_the_treadmill(tmp_path):
    source = tmp_path / "c25k.wod"
    source.write_text('workout "C25K W1"\nwarmup 5min @E\n8x(run 60s @E, walk 90s)\n'
                      'rest 1min "stand on the side rails"\ncooldown 5min @E\n')
    result = CliRunner().invoke(main, ["compile", str(source), "-f", "qz,card", "--race",
                                       "5K=30:00", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    # 5.0 km/h is the default walk; a km/h console's minimum, 1.0 km/h, the rest.
    assert "(treadmill: walk 5.0 km/h: line 3; rest 1.0 km/h: line 4)" in result.output


def test_treadmill_limits_never_block_the_fit_of_an_outdoor_run(tmp_path):
    source = tmp_path / "hills.wod"
    source.write_text('workout "Hills"\nsport run\n5min @E incline -6%\n5min @E incline 18%\n')
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["compile", str(source), "--race", "5K=20:00",
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["hills.fit", "hills.zwo"]
    assert ("(qz, card: the treadmill cannot run it: line 3: an incline of -6% is below this "
            "treadmill's minimum of 0%)") in result.output
    # The FIT says both inclines, as Garmin's decoder reads its notes.
    steps = decode((out / "hills.fit").read_bytes()).steps
    assert [s["notes"] for s in steps] == ["incline -6%", "incline 18%"]
    # Asked for by name, the treadmill program is an error naming it, and the FIT still comes.
    result = CliRunner().invoke(main, ["compile", str(source), "--race", "5K=20:00",
                                       "-f", "fit,qz", "-o", str(tmp_path / "named")])
    assert result.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "named").iterdir()) == ["hills.fit"]
    assert "error: qz: an incline of -6% is below this treadmill's minimum of 0%" in result.output
    # E pace for a 20:00 5K is about 5:17/km (Daniels' table, VDOT 50): 10:00 is ~1.9 km.
    assert "Hills: 10:00, 1.9km -> hills.fit; not written: qz (errors above)" in result.output


def test_a_ride_asked_for_every_format_gets_the_ones_it_can(tmp_path):
    source = tmp_path / "ride.wod"
    source.write_text('workout "Spin"\nsport bike\n10min @200W\n')
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["compile", str(source), "--ftp", "250",
                                       "-f", "fit,zwo,qz,card", "-o", str(out)])
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["spin.fit", "spin.zwo"]
    assert "error: qz, card: workout 'Spin' is a bike workout" in result.output
    # 200 W of an FTP of 250 is 0.8, as Zwift reads Power.
    block = ET.fromstring((out / "spin.zwo").read_bytes()).find("workout")[0]
    assert (block.tag, block.get("Power"), block.get("Duration")) == ("SteadyState", "0.8", "600")


def test_an_incline_belongs_to_its_step_in_fit_qz_and_card_alike(tmp_path):
    # `incline 2%` is the rep's; the rec between reps has none of its own, so it takes the
    # workout's: 1% on `sport treadmill`. Every format says the same for every step.
    source = tmp_path / "hills.wod"
    source.write_text('workout "Hills"\nsport treadmill\n2x(2min @5K incline 2%, rec 1min)\n'
                      'cooldown 5min @E incline 0%\n')
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["compile", str(source), "--race", "5K=20:00",
                                       "-f", "fit,qz,card", "--card-format", "csv",
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    expected = [2.0, 1.0, 2.0, 1.0, 0.0]
    assert [row.inclination for row in read_qz((out / "hills.qz.xml").read_bytes())] == expected
    card = list(csv.DictReader(io.StringIO((out / "hills.card.csv").read_text())))
    assert [float(row["incline_percent"]) for row in card] == expected
    fit_steps = decode((out / "hills.fit").read_bytes()).steps  # rep, rec, repeat, cooldown
    notes = [s["notes"] for s in fit_steps if s.get("notes")]
    assert notes == ["incline 2%", "incline 1%", "incline 0%"]


def test_compile_never_replaces_a_file_wodc_did_not_write(tmp_path):
    # A workout named "Requirements" next to a project's requirements.txt: the card is
    # requirements.card.txt; and an existing file wodc did not write is never replaced.
    (tmp_path / "requirements.txt").write_text("click==8.1\n")
    (tmp_path / "requirements.fit").write_text("my notes\n")
    source = tmp_path / "r.wod"
    source.write_text('workout "Requirements"\n10min @E\n')
    result = CliRunner().invoke(main, ["compile", str(source), "--race", "5K=20:00",
                                       "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "requirements.fit: error: exists and was not written by wodc: not replaced" in (
        result.output)
    assert (tmp_path / "requirements.txt").read_text() == "click==8.1\n"
    assert (tmp_path / "requirements.fit").read_text() == "my notes\n"
    assert not (tmp_path / "requirements.zwo").exists()  # all or nothing for the workout
    # wodc's own files are replaced as before; --force replaces anything.
    result = CliRunner().invoke(main, ["compile", str(source), "--race", "5K=20:00",
                                       "-o", str(tmp_path), "--force"])
    assert result.exit_code == 0
    assert decode((tmp_path / "requirements.fit").read_bytes()).steps
    result = CliRunner().invoke(main, ["compile", str(source), "--race", "5K=20:00",
                                       "-o", str(tmp_path)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "r.wod", "requirements.card.txt", "requirements.fit", "requirements.qz.xml",
        "requirements.txt", "requirements.zwo"]
