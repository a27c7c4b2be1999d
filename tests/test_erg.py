"""ERG and MRC files, read back with tests/erg_reader.py (GoldenCheetah's ErgFile.cpp reader,
line by line), every point's time and power against values worked out by hand."""

import pytest
from click.testing import CliRunner
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from erg_reader import read
from wodc.cli import main

RIDE = """\
workout "VO2 and Sweet Spot"
sport trainer
note "Big gear, steady cadence"
warmup 10min @50%..75%FTP
3x(8min @95-100%FTP "hold it", rec 4min @55%FTP)
4x(30s @150%FTP, 30s @50%FTP)
cooldown 5min @125W
"""

# (seconds, watts at the start, watts at the end) of each step, FTP 250 W, by hand:
# 50% and 75% of 250 are 125 and 187.5 (188 rounded half up); 95-100% aims at its middle,
# 97.5% = 243.75 (244); 55% = 137.5 (138); 150% = 375; 50% = 125.
STEPS = [(600, 125, 188)] + [(480, 244, 244), (240, 138, 138)] * 3 + \
    [(30, 375, 375), (30, 125, 125)] * 4 + [(300, 125, 125)]


class TextSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "txt"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "ride.wod").write_text(RIDE)
    return tmp_path


def compile_ride(fmt: str, *args: str, expect: int = 0):
    result = CliRunner().invoke(main, ["compile", "ride.wod", "-f", fmt, "-o", "out", *args])
    assert result.exit_code == expect, result.output
    return result


def expected_points(steps, scale=lambda watts: watts):
    points, clock = [], 0
    for seconds, first, last in steps:
        points += [(clock * 1000, scale(first)), ((clock + seconds) * 1000, scale(last))]
        clock += seconds
    return points


def test_erg_reads_back_as_each_step_at_its_power(folder, snapshot):
    compile_ride("erg", "--ftp", "250")
    data = (folder / "out" / "vo2-and-sweet-spot.erg").read_bytes()
    erg = read(data, cp=250)
    assert erg.valid and erg.format == "erg"
    assert erg.settings["FTP"] == "250" and erg.settings["DESCRIPTION"].startswith(
        "VO2 and Sweet Spot")
    got = [(round(ms, 3), watts) for ms, watts in erg.points]
    assert got == expected_points(STEPS)
    # Notes as text cues: the workout's at 0 s, a step's where it starts (10:00, 34:00, 58:00).
    assert [(ms / 1000, text) for ms, text, _ in erg.texts] == [
        (0, "Big gear, steady cadence"), (600, "hold it"), (1320, "hold it"), (2040, "hold it")]
    assert data.count(b"\r\n") == data.count(b"\n")  # CRLF, as TrainerRoad writes them
    assert data.decode().replace("\r\n", "\n") == snapshot(extension_class=TextSnapshot)


def test_an_erg_file_is_scaled_to_another_riders_ftp(folder):
    # GoldenCheetah scales an ERG file's watts by its rider's CP over the file's FTP
    # (ErgFile.cpp:654-658): 244 W written for FTP 250 is 244 x 300/250 = 292.8 -> 293.
    compile_ride("erg", "--ftp", "250")
    erg = read((folder / "out" / "vo2-and-sweet-spot.erg").read_bytes(), cp=300)
    assert erg.points[2][1] == 293


def test_mrc_reads_back_as_percent_of_the_riders_ftp(folder):
    compile_ride("mrc", "--ftp", "250")
    data = (folder / "out" / "vo2-and-sweet-spot.mrc").read_bytes()
    assert b"MINUTES PERCENT" in data and b"FTP =" not in data
    mrc = read(data, cp=300)
    assert mrc.valid and mrc.format == "mrc"
    # For a rider of 300 W: GoldenCheetah rounds the percent (97.5 -> 98) and truncates
    # the watts (ErgFile.cpp:649, :661-664). 50% -> 150, 75% -> 225, 98% -> 294, 55% -> 165,
    # 150% -> 450, and 125 W of an FTP of 250 is 50% -> 150.
    rider = {125: 150, 188: 225, 244: 294, 138: 165, 375: 450}
    got = [(round(ms, 3), watts) for ms, watts in mrc.points]
    assert got == expected_points(STEPS, lambda watts: rider[watts])


def test_twenty_seconds_stay_twenty_seconds(folder):
    (folder / "ride.wod").write_text("sport bike\n10x(20s @120%FTP, 40s @50%FTP)\n")
    compile_ride("erg", "--ftp", "250")
    erg = read((folder / "out" / "ride.erg").read_bytes(), cp=250)
    # Every row at a whole multiple of 20 s, to well under a millisecond.
    for index, (ms, _) in enumerate(erg.points):
        step, end = divmod(index, 2)
        seconds = step // 2 * 60 + (20 if step % 2 else 0) + end * (40 if step % 2 else 20)
        assert ms == pytest.approx(seconds * 1000, abs=0.001)


@pytest.mark.parametrize("text,message", [
    ("sport bike\n10min @Z2HR\n", "a trainer in ERG mode holds a power, and @Z2HR is not one"),
    ("sport bike\n10km @200W\n", "an ERG or MRC file is timed, and a trainer knows no speed"),
    ("sport bike\nlap @200W\n", "an ERG or MRC file has no step that waits for lap"),
    ("10min @E\n", "is a run; ERG and MRC files are for rides on a trainer"),
])
def test_what_a_trainer_cannot_hold_is_an_error(folder, text, message):
    (folder / "ride.wod").write_text(text)
    result = compile_ride("erg,mrc", "--ftp", "250", "--max-hr", "190", "--vdot", "50",
                          expect=1)
    assert message in result.stderr
    assert not (folder / "out").exists() or not list((folder / "out").iterdir())


def test_a_step_without_a_target_spins_at_the_power_its_kind_suggests(folder):
    (folder / "ride.wod").write_text("sport bike\n10min @200W\nrec 5min\n")
    result = compile_ride("erg", "--ftp", "250")
    # A recovery is taken as 50% of FTP (intensity.UNTARGETED): 125 W, with a warning.
    assert "warning: a recovery step without a target is written as 50% of FTP (125 W)" \
        in result.stderr
    erg = read((folder / "out" / "ride.erg").read_bytes(), cp=250)
    assert [w for _, w in erg.points] == [200, 200, 125, 125]


def test_a_second_compile_replaces_its_own_files_not_someone_elses(folder):
    compile_ride("erg,mrc", "--ftp", "250")
    compile_ride("erg,mrc", "--ftp", "260")  # wodc's own files: replaced
    assert b"FTP = 260" in (folder / "out" / "vo2-and-sweet-spot.erg").read_bytes()
    (folder / "out" / "vo2-and-sweet-spot.erg").write_bytes(
        b"[COURSE HEADER]\r\nMINUTES WATTS\r\n[END COURSE HEADER]\r\n")  # TrainerRoad's
    result = compile_ride("erg", "--ftp", "250", expect=1)
    assert "exists and was not written by wodc: not replaced" in result.stderr


def test_rides_get_erg_and_mrc_by_default_runs_do_not(folder):
    (folder / "run.wod").write_text("10min @E\n")
    result = CliRunner().invoke(main, ["compile", ".", "--ftp", "250", "--vdot", "50",
                                       "-o", "out"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (folder / "out").iterdir())
    assert "vo2-and-sweet-spot.erg" in names and "vo2-and-sweet-spot.mrc" in names
    assert "run.erg" not in names and "run.mrc" not in names
