"""Values at the edges, and behaviour that mutation testing (issue 17, `make mutate`) found no
test for: each test here failed against a mutant that passed the whole suite. Expected values
are worked out by hand in the comments, never with wodc's code."""

from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from click.testing import CliRunner

from garmin_fit import decode
import daniels
from treadmill_support import compile_text, read_qz
from wodc.cli import main
from wodc.errors import Severity

MPH = 1.609344  # km/h per mph, by definition of the international mile (1,609.344 m)
# A 12 mph console that goes up in 0.1 mph, with a recovery jog of 5 mph and inclines to 15%.
TREADMILL = {"races": {"5K": "22:30"}, "units": "mi",
             "treadmill": {"speed_unit": "mph", "max_speed": 12, "max_incline": 15,
                           "recovery_speed": 5, "max_segments": 50}}


def rows(text: str, profile=TREADMILL):
    _, result = compile_text(f"sport treadmill\n{text}\n", "qz", profile)
    assert result.data is not None, result.problems
    return read_qz(result.data), result.problems


def check(tmp_path, text: str, *args: str):
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / "w.wod").write_text(text)
    return CliRunner().invoke(main, ["check", str(tmp_path / "w.wod"), *args])


# ---- treadmill programs ---------------------------------------------------------------------

def test_a_distance_ramp_is_timed_at_its_average_speed():
    # treadmill.py: a ramp's distance is run at the mean of its end speeds. 1 mile from 6 to 8
    # mph averages 7 mph: 3600 / 7 = 514.3 s (at 6 mph it would be 600 s, at 8 mph 450 s).
    program, _ = rows("run 1mi @6mph..8mph")
    assert sum(r.seconds for r in program) == 514
    assert program[0].speed == pytest.approx(6 * MPH, abs=0.01)
    assert program[-1].speed == pytest.approx(8 * MPH, abs=0.01)


def test_qz_reports_its_warnings_so_strict_refuses_them(tmp_path, monkeypatch):
    # qz.py: the warnings of building the program reach the caller (dropping them would let
    # --strict write a heart-rate step as a guessed speed).
    _, problems = rows("run 10min @140bpm")
    assert [p.severity for p in problems] == [Severity.WARNING]
    assert "a treadmill holds a speed" in problems[0].message
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "w.wod").write_text("sport treadmill\nrun 10min @140bpm\n")
    result = CliRunner().invoke(main, ["compile", "w.wod", "-f", "qz", "--strict", "--race",
                                       "5K=22:30", "-o", "out"])
    assert result.exit_code == 1 and not (tmp_path / "out").exists()


def test_an_effort_ramp_rises_from_one_effort_to_the_other():
    # treadmill_speed.py: both ends of @RPE3..RPE7 are kept. It ends where a steady @RPE7 runs.
    ramp, _ = rows("run 10min @RPE3..RPE7")
    steady, _ = rows("run 10min @RPE7")
    speeds = [r.speed for r in ramp]
    assert len(ramp) > 1 and speeds == sorted(speeds) and speeds[0] < speeds[-1]
    assert speeds[-1] == steady[0].speed


def test_the_easiest_effort_runs_at_the_profile_recovery_speed():
    # RPE 2 is the recovery jog (treadmill_speed.RPE_PACES), which the profile sets to 5 mph.
    program, _ = rows("run 10min @RPE2")
    assert program[0].speed == pytest.approx(5 * MPH, abs=0.01)
    program, _ = rows("run 10min @RPE1")  # below the table: as easy as it goes
    assert program[0].speed == pytest.approx(5 * MPH, abs=0.01)


def test_the_treadmill_limits_are_reachable(tmp_path):
    # The maximum itself is allowed: 12 mph on a 12 mph belt, 15% on a 15% deck.
    (tmp_path / "wodc.toml").write_text('vdot = 50\n[treadmill]\nspeed_unit = "mph"\n'
                                        'max_speed = 12\nmax_incline = 15\n')
    result = check(tmp_path, "sport treadmill\nrun 10min @12mph incline 15%\n", "-f", "qz")
    assert result.exit_code == 0, result.output
    program, _ = rows("run 10min @12mph incline 15%")
    assert program[0].speed == pytest.approx(12 * MPH, abs=0.01)
    assert program[0].inclination == 15
    # One console step beyond each is an error that says which limit.
    result = check(tmp_path, "sport treadmill\nrun 10min @12.1mph\n", "-f", "qz")
    assert result.exit_code == 1
    assert "above this treadmill's maximum of 12.0 mph" in result.stderr
    result = check(tmp_path, "sport treadmill\nrun 10min @12mph incline 15.5%\n", "-f", "qz")
    assert result.exit_code == 1
    assert "an incline of 15.5% is above this treadmill's maximum of 15%" in result.stderr


def test_a_one_second_ramp_is_one_row_of_one_second():
    # A ramp too short for the belt to step: one row, never a row of 00:00:00 nor none.
    program, _ = rows("run 1s @6mph..8mph")
    assert [r.seconds for r in program] == [1]
    program, _ = rows("run 3s @6mph..8mph")
    assert sum(r.seconds for r in program) == 3 and all(r.seconds >= 1 for r in program)


def test_an_incline_on_an_eighth_of_a_percent_step_is_written_as_the_card_shows_it():
    # qz.py: a console whose incline goes up in 0.125% steps sets 1.125% (9 steps); the QZ
    # row wrote 1.12 (two decimals) while the card said 1.125.
    profile = {"vdot": 50, "treadmill": {"incline_step": 0.125}}
    program, problems = rows("run 10min @E incline 1.125%", profile)
    assert program[0].inclination == 1.125 and problems == []
    _, card = compile_text("sport treadmill\nrun 10min @E incline 1.125%\n", "card", profile)
    assert card.data.decode().splitlines()[1].split(",")[4] == "1.125"


# ---- targets ----------------------------------------------------------------------------------

@pytest.mark.parametrize("target,message", [
    ("@4:20-4:30/km..5:00/km", "a ramp goes from one value to another, not between ranges"),
    ("@4:20/km..4:30-5:00/km", "a ramp goes from one value to another, not between ranges"),
    ("@0:00/km", "a pace must be more than 0:00"),
    ("@4:60/km", "4:60 has more than 59 in its minutes or seconds"),
    ("@RPE0", "RPE runs from 1 (very easy) to 10 (all out)"),
    ("@RPE11", "RPE runs from 1 (very easy) to 10 (all out)"),
])
def test_targets_past_their_edges_are_errors(tmp_path, target, message):
    result = check(tmp_path, f"run 10min {target}\n", "--vdot", "50")
    assert result.exit_code == 1
    assert f"error: {message}" in result.stderr


@pytest.mark.parametrize("target", ["@RPE1", "@RPE10", "@4:59/km", "@1K", "@0.8K"])
def test_targets_at_their_edges_are_accepted(tmp_path, target):
    result = check(tmp_path, f"run 10min {target}\n", "--vdot", "50", "-f", "fit")
    assert result.exit_code == 0, result.output


def test_an_offset_of_the_whole_pace_is_an_error_not_a_crash(tmp_path):
    # A 22:30 5K is 1350 / 5 = 270 s a km: 270 s faster is no pace (it divided by zero).
    result = check(tmp_path, "run 10min @5K-270s\n", "-f", "fit", "--race", "5K=22:30")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].endswith(
        "w.wod:1:11: error: @5K-270s: an offset of -270s is faster than any pace")


@pytest.mark.parametrize("target,race,shown", [
    # Slow paces are paces: none of these is below 1 m/s to be refused. 3 km/h is
    # 1000 / (3 / 3.6) = 1200 s a km; a 22:30 5K is 270 s a km, + 930 s = 1200 s; half the
    # speed of a 50:00 5K (600 s a km) is twice its time, 1200 s. Each 20:00/km +-5 s.
    ("@3kph", "5K=22:30", "19:55-20:05/km"), ("@5K+930s", "5K=22:30", "19:55-20:05/km"),
    ("@50%5K", "5K=50:00", "19:55-20:05/km"),
])
def test_a_walking_pace_is_a_pace(tmp_path, target, race, shown):
    (tmp_path / ".git").mkdir()
    (tmp_path / "w.wod").write_text(f"run 10min {target}\n")
    result = CliRunner().invoke(main, ["show", str(tmp_path / "w.wod"), "--race", race])
    assert result.exit_code == 0, result.output
    assert f"{target} = {shown}" in result.stdout


@pytest.mark.parametrize("target,shown", [
    # With a tolerance of 60 s/km either side: 2:30/km (150 s) is 90-210 s; 1:40/km (100 s)
    # gets at most half its own pace, 50 s, either side (50-150 s): never a pace of 0.
    ("@2:30/km", "1:30-3:30/km"), ("@1:40/km", "0:50-2:30/km"),
])
def test_a_pace_tolerance_is_at_most_half_the_pace(tmp_path, target, shown):
    (tmp_path / ".git").mkdir()
    (tmp_path / "wodc.toml").write_text('[tolerance]\npace = "60s/km"\n')
    (tmp_path / "w.wod").write_text(f"run 10min {target}\n")
    result = CliRunner().invoke(main, ["show", str(tmp_path / "w.wod"), "--vdot", "50"])
    assert result.exit_code == 0, result.output
    assert f"{target} = {shown}" in result.stdout


def test_a_heart_rate_reserve_target_needs_both_heart_rates(tmp_path):
    # Karvonen: rest + 70% of (max - rest) = 50 + 0.7 * 140 = 148 bpm, +-5 bpm.
    result = check(tmp_path, "run 10min @70%HRR\n", "-f", "fit", "--vdot", "50")
    lines = result.stderr.splitlines()
    assert lines[0].endswith("w.wod:1:11: error: @70%HRR needs your maximum heart rate")
    assert lines[3] == "  hint: give --max-hr 190"
    result = check(tmp_path, "run 10min @70%HRR\n", "-f", "fit", "--vdot", "50", "--max-hr",
                   "190")
    lines = result.stderr.splitlines()
    assert lines[0].endswith("w.wod:1:11: error: @70%HRR needs your resting heart rate")
    assert lines[3] == "  hint: give --resting-hr 50, or resting_hr in wodc.toml"
    shown = CliRunner().invoke(main, ["show", str(tmp_path / "w.wod"), "--max-hr", "190",
                                      "--resting-hr", "50"]).stdout
    assert "@70%HRR = 143-153bpm" in shown


def test_targets_that_need_the_profile_say_what_and_how_to_give_it(tmp_path):
    result = check(tmp_path, "run 10min @95%LTHR\n", "-f", "fit", "--vdot", "50")
    lines = result.stderr.splitlines()
    assert lines[0].endswith("w.wod:1:11: error: @95%LTHR needs your lactate threshold heart "
                             "rate")
    assert lines[3] == "  hint: give --lthr 170"
    result = check(tmp_path, "sport bike\n10min @95%FTP\n10min @PZ2\n", "-f", "erg",
                   "--vdot", "50")
    lines = result.stderr.splitlines()
    assert lines[0].endswith("w.wod:2:7: error: @95%FTP needs your FTP")
    assert lines[3] == "  hint: give --ftp 250"
    assert lines[4].endswith("w.wod:3:7: error: @PZ2 needs your FTP")
    assert lines[7] == "  hint: give --ftp 250"


def test_the_upper_power_zones_are_coggans(tmp_path):
    # Coggan's levels as % of FTP: 4 = 91-105, 5 = 106-120, 6 = 121-150. For FTP 250 W:
    # 227.5-262.5, 265-300 and 302.5-375 W (show rounds to the watt, halves to even).
    (tmp_path / ".git").mkdir()
    (tmp_path / "w.wod").write_text("sport bike\n10min @PZ4\n10min @PZ5\n10min @PZ6\n")
    shown = CliRunner().invoke(main, ["show", str(tmp_path / "w.wod"), "--ftp", "250"]).stdout
    assert "@PZ4 = 228-262W" in shown and "@PZ5 = 265-300W" in shown
    assert "@PZ6 = 302-375W" in shown
    # ZWO holds the middle of each as a fraction of FTP: 0.98, 1.13 and 1.355.
    result = CliRunner().invoke(main, ["compile", str(tmp_path / "w.wod"), "--ftp", "250",
                                       "-f", "zwo", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    import xml.etree.ElementTree as ET
    steps = ET.parse(tmp_path / "w.zwo").getroot().find("workout")
    assert [float(s.get("Power")) for s in steps] == [0.98, 1.13, 1.355]


@pytest.mark.parametrize("vdot,code", [("15", 0), ("90", 0), ("14.9", 2), ("90.1", 2)])
def test_the_vdot_range_is_15_to_90(vdot, code):
    assert CliRunner().invoke(main, ["paces", "--vdot", vdot]).exit_code == code


def test_a_misspelling_half_like_the_name_gets_a_suggestion(tmp_path):
    # targets.py asks difflib for matches of ratio 0.5 and up (its default is 0.6). "halfm"
    # and "hm" share h and m: 2 * 2 / (5 + 2) = 0.571, so @HM is suggested.
    result = check(tmp_path, "run 10min @halfm\n")
    assert "error: unknown pace or target 'halfm'" in result.stderr
    assert "hint: did you mean @HM?" in result.stderr


def test_a_pace_of_one_second_per_distance_is_a_pace(tmp_path):
    # Only 0 s is no time: 1 s per 3 m is 3 m/s, 1000 / 3 = 333.3 s a km: 5:33/km, shown
    # with the profile's 5 s/km either side (328.3-338.3 s: 5:28-5:38/km).
    (tmp_path / ".git").mkdir()
    (tmp_path / "w.wod").write_text("run 1km @1s/3m\n")
    result = CliRunner().invoke(main, ["show", str(tmp_path / "w.wod"), "--vdot", "50"])
    assert result.exit_code == 0, result.output
    assert "@1s/3m = 5:28-5:38/km" in result.stdout
    assert result.stdout.splitlines()[3].split()[:3] == ["active", "5:33", "1km"]


def test_a_cap_is_for_heart_rate_or_power_and_its_errors_say_where(tmp_path):
    # A one-letter value after < is read (E is a pace, which a cap cannot be), and the error
    # marks that letter alone: column 13, one caret, though the line goes on.
    result = check(tmp_path, 'run 10min @<E "easy"\n', "--vdot", "50")
    first, _, caret = result.stderr.splitlines()[:3]
    assert first.endswith("w.wod:1:13: error: a cap or a floor is for heart rate or power, "
                          "not 'E'")
    assert caret == " " * 16 + "^"
    # A cap that needs the profile is an error at the cap itself, column 11.
    result = check(tmp_path, "run 10min @<90%HRmax\n", "-f", "fit", "--vdot", "50")
    assert result.stderr.splitlines()[0].endswith(
        "w.wod:1:11: error: @<90%HRmax needs your maximum heart rate")
    assert result.stderr.splitlines()[3] == "  hint: give --max-hr 190"


@pytest.mark.parametrize("target,hint", [
    # A number alone: up to 30 it can be a speed, up to 250 a heart rate, above that power
    # or a race distance in metres; the edges are on the lower side.
    ("@30", "write @30kph or @30mph"), ("@31", "write @31bpm or @31W"),
    ("@250", "write @250bpm or @250W"),
    ("@251", "write @251W for power, or @251m for your 251 m race pace"),
    # An unknown unit gets the closest of difflib's ratio 0.4 and up: "wat" and "w" share one
    # letter, 2 * 1 / (3 + 1) = 0.5.
    ("@250wat", "did you mean @250W?"),
])
def test_a_number_without_a_known_unit_is_told_what_it_can_be(tmp_path, target, hint):
    result = check(tmp_path, f"run 10min {target}\n")
    assert result.exit_code == 1
    assert f"  hint: {hint}\n" in result.stderr


def test_a_unit_like_no_other_has_no_hint(tmp_path):
    import json

    result = check(tmp_path, "run 10min @250zzq\n", "--format", "json")
    (problem,) = json.loads(result.stdout)
    assert (problem["message"], problem["hint"]) == ("unknown unit 'zzq'", None)


def test_zwo_targets_without_what_they_need_say_how_to_give_it(tmp_path):
    result = check(tmp_path, "sport bike\n10min @200W\n", "-f", "zwo", "--vdot", "50")
    assert result.stderr.splitlines()[0].endswith(
        "w.wod:2:7: error: @200W needs your FTP: Zwift sets power as a fraction of FTP")
    assert result.stderr.splitlines()[3] == "  hint: give --ftp 250, or ftp in wodc.toml"
    # A pace of its own on a run: Zwift needs the race paces to set it against.
    result = check(tmp_path, "run 10min @4:30/km\n", "-f", "zwo", "--ftp", "250")
    assert result.stderr.splitlines()[0].endswith(
        "w.wod:1:11: error: @4:30/km needs your race paces: Zwift sets a run pace as a "
        "fraction of your mile, 5K, 10K, half or marathon pace")
    assert result.stderr.splitlines()[3] == "  hint: give --race 5K=20:00 (any race time) " \
                                            "or --vdot 50, or races in wodc.toml"


# ---- FIT --------------------------------------------------------------------------------------

def fit_created(monkeypatch, epoch: str) -> datetime:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    _, result = compile_text("run 10min @E\n", "fit", {"vdot": 50})
    return decode(result.data).file_id["time_created"]


def test_a_date_past_what_fit_holds_is_the_last_date_not_the_invalid_value(monkeypatch):
    # FIT's date_time counts seconds from 1989-12-31T00:00:00Z (unix 631065600) in 32 bits,
    # and 0xFFFFFFFF means "invalid": the latest date is 631065600 + 0xFFFFFFFE = 4926032894.
    created = fit_created(monkeypatch, "999999999999")
    assert created == datetime.fromtimestamp(4926032894, timezone.utc)
    # A date FIT holds is kept as it is: 2030-01-01T00:00:00Z.
    assert fit_created(monkeypatch, "1893456000") == datetime(2030, 1, 1, tzinfo=timezone.utc)


def test_a_plans_schedule_file_names_itself_and_each_sessions_workout_file(tmp_path,
                                                                           monkeypatch):
    from pathlib import Path

    from garmin_fit_sdk import Decoder, Stream

    def read(path):
        messages, errors = Decoder(Stream.from_byte_array(bytearray(path.read_bytes()))).read()
        assert errors == []
        return messages

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1893456000")  # 2030-01-01T00:00:00Z
    plan = Path(__file__).parent.parent / "examples" / "mile-plan"
    result = CliRunner().invoke(main, ["compile", str(plan), "-f", "fit", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    schedule = read(tmp_path / "4-week-treadmill-mile.schedule.fit")
    created = datetime(2030, 1, 1, tzinfo=timezone.utc)
    (file_id,) = schedule["file_id_mesgs"]
    assert file_id["serial_number"] > 0
    assert file_id == {"type": "schedules", "manufacturer": "development", "product": 0,
                       "serial_number": file_id["serial_number"], "time_created": created}
    # Each entry names its workout file by that file's own identity, on its day: FIT's local
    # date_time counts seconds from 1989-12-31; to 2026-12-07 is 37 * 365 + 9 leap days - 24
    # = 13,490 days, 1,165,536,000 s, and the next session, 2026-12-08, a day later.
    first, second = schedule["schedule_mesgs"][:2]
    for entry, name, day in ((first, "2026-12-07-speed-hill-sprints-and-200s.fit", 1165536000),
                             (second, "2026-12-08-easy-30min.fit", 1165622400)):
        (workout_id,) = read(tmp_path / name)["file_id_mesgs"]
        assert entry == {"manufacturer": "development", "product": 0,
                         "serial_number": workout_id["serial_number"], "time_created": created,
                         "completed": 0, "type": "workout", "scheduled_time": day}


def test_the_fit_crc_is_crc16_arc():
    # FIT's CRC is CRC-16/ARC (reflected polynomial 0x8005 = 0xA001, initial 0); its check
    # value, the CRC of the nine bytes "123456789", is 0xBB3D (the CRC catalogue's entry).
    from wodc.backends.fit_wire import crc16

    assert crc16(b"123456789") == 0xBB3D
    assert crc16(b"") == 0
    assert crc16(b"1") == _crc16_arc_by_bits(b"1")  # an odd byte at the end


def _crc16_arc_by_bits(data: bytes, crc: int = 0) -> int:
    """CRC-16/ARC from its definition, a bit at a time: the oracle of wodc's tabled CRC."""
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300), st.integers(0, 0xFFFF))
def test_the_fit_crc_two_bytes_a_step_is_the_crc_a_bit_at_a_time(data, start):
    from garmin_fit_sdk.crc_calculator import CrcCalculator

    from wodc.backends.fit_wire import crc16

    assert crc16(data, start) == _crc16_arc_by_bits(data, start)
    # And as a device's reader checks it: Garmin's decoder (garmin-fit-sdk 21.218,
    # decoder.py:104-106, check_integrity) compares the file's last two bytes with
    # CrcCalculator.calculate_crc (crc_calculator.py:57) over everything before them.
    assert crc16(data) == CrcCalculator.calculate_crc(bytearray(data), 0, len(data))


# ---- ZWO --------------------------------------------------------------------------------------

def zwo_blocks(tmp_path, text: str, *args: str, toml: str = ""):
    import xml.etree.ElementTree as ET

    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / "wodc.toml").write_text(toml)
    (tmp_path / "w.wod").write_text(text)
    result = CliRunner().invoke(main, ["compile", str(tmp_path / "w.wod"), "-f", "zwo", "-o",
                                       str(tmp_path), *args])
    assert result.exit_code == 0, result.output
    return list(ET.parse(tmp_path / "w.zwo").getroot().find("workout"))


def test_a_freeride_distance_is_timed_at_the_profile_recovery_speed(tmp_path):
    # A heart-rate step becomes a FreeRide; in a workout of times its 400 m is run at the
    # treadmill's recovery speed, 5 mph = 8.04672 km/h = 2.2352 m/s: 400 / 2.2352 = 178.96 s.
    blocks = zwo_blocks(tmp_path, "run 10min @E\nrun 400m @140bpm\n", "--race", "5K=22:30",
                        toml='[treadmill]\nspeed_unit = "mph"\nrecovery_speed = 5\n')
    assert (blocks[1].tag, blocks[1].get("Duration")) == ("FreeRide", "179")


def test_a_cadence_stays_on_freeride_and_open_steps(tmp_path):
    blocks = zwo_blocks(tmp_path, "sport bike\n10min cadence 90rpm\nlap cadence 90rpm\n",
                        "--ftp", "250")
    assert [(b.tag, b.get("Cadence")) for b in blocks] == [("FreeRide", "90"),
                                                           ("FreeRide", "90")]


@pytest.mark.parametrize("on,tag,attributes", [
    # A range of 5K pace: its time-weighted middle, 2 / (1/0.95 + 1/1.00) = 0.97436.
    ("@95-100%5K", "SteadyState", {"Power": "0.974", "pace": "1"}),
    # A ramp of 5K pace: from 100% to 95% of it.
    ("@5K..95%5K", "Ramp", {"PowerLow": "1.0", "PowerHigh": "0.95", "pace": "1"}),
])
def test_race_pace_ranges_and_ramps_keep_their_own_reference(tmp_path, on, tag, attributes):
    # Zwift's pace references: 0 mile, 1 5K, 2 10K, 3 half marathon, 4 marathon. Written as
    # race paces, both halves of 5x(on, @HM) stay on their own reference, so the repeat is
    # unrolled (an IntervalsT has one reference for both halves).
    blocks = zwo_blocks(tmp_path, f"5x(3min {on}, 2min @HM)\n", "--race", "5K=22:30")
    assert len(blocks) == 10
    for block in blocks[0::2]:
        assert block.tag == tag and {k: block.get(k) for k in attributes} == attributes
    for block in blocks[1::2]:
        assert (block.tag, block.get("Power"), block.get("pace")) == ("SteadyState", "1.0", "3")


def test_a_run_ramp_is_set_against_the_reference_nearest_its_middle(tmp_path):
    # 6:00/km is 1000 / 360 = 2.7778 m/s, 3:00/km 5.5556 m/s; the ramp's time-weighted
    # middle is 2 / (1/2.7778 + 1/5.5556) = 3.7037 m/s, 4:30/km: a 22:30 5K's own pace
    # (5000 / 1350), Zwift's pace 1. Against it the ramp runs from 0.75 to 1.5 of 5K speed
    # (its start alone would be nearest marathon pace).
    blocks = zwo_blocks(tmp_path, "run 10min @6:00/km..3:00/km\n", "--race", "5K=22:30")
    assert [(b.tag, b.get("PowerLow"), b.get("PowerHigh"), b.get("pace")) for b in blocks] \
        == [("Ramp", "0.75", "1.5", "1")]


def test_zwo_says_which_target_it_cannot_carry_with_its_article(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "w.wod").write_text("run 10min @150bpm\nrun 10min @RPE5\n")
    result = CliRunner().invoke(main, ["compile", str(tmp_path / "w.wod"), "-f", "zwo", "-o",
                                       str(tmp_path), "--race", "5K=22:30"])
    assert "warning: ZWO cannot carry a heart rate target on a run workout: @150bpm" \
        in result.stderr
    assert "warning: ZWO cannot carry an effort target on a run workout: @RPE5" in result.stderr


# ---- effort targets on the treadmill (treadmill_speed.py) -------------------------------------

def test_rpe5_is_the_training_marathon_pace_not_a_marathon_raced(tmp_path):
    # A 5K in 20:00 (VDOT 49.8) and a marathon run slowly, in 3:40:00: M pace is the one the
    # 5K's VDOT predicts (Daniels' training M), 3:11:1x for 42.195 km, not 3:40.
    profile = {"races": {"5K": "20:00", "M": "3:40:00"},
               "treadmill": {"speed_unit": "kph", "speed_step": 0.01, "max_segments": 50}}
    program, _ = rows("run 10min @RPE5", profile)
    predicted = daniels.race_seconds(42195, daniels.vdot(5000, 1200))
    assert program[0].speed == pytest.approx(42.195 / predicted * 3600, abs=0.01)


def test_an_effort_between_two_paces_is_between_them_by_its_share():
    # RPE 6.5 is halfway between HM pace (RPE 6) and T pace (RPE 7): for a 22:30 5K,
    # 21.0975 km over the HM time predicted for its VDOT and 88% of VDOT (tests/daniels.py).
    vdot = daniels.vdot(5000, 1350)
    hm, t = daniels.race_speed(21097.5, vdot), daniels.threshold(vdot)
    program, _ = rows("run 10min @RPE6.5",
                      {**TREADMILL, "treadmill": {**TREADMILL["treadmill"],
                                                  "speed_unit": "kph", "speed_step": 0.01,
                                                  "max_speed": 20}})
    assert program[0].speed == pytest.approx((hm + (t - hm) / 2) * 3.6, abs=0.01)


def test_an_effort_without_race_times_is_an_error_even_with_a_recovery_speed(tmp_path):
    # The recovery speed alone gives RPE 2; RPE 3 needs E pace too: an error, not a crash.
    (tmp_path / ".git").mkdir()
    (tmp_path / "wodc.toml").write_text('[treadmill]\nspeed_unit = "mph"\nrecovery_speed = 5\n')
    (tmp_path / "w.wod").write_text("sport treadmill\nrun 10min @RPE3\n")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "w.wod"), "-f", "qz"])
    assert result.exit_code == 1
    assert "w.wod:2:11: error: on a treadmill this step needs your paces to run @RPE3" \
        in result.stderr
    assert "hint: give --race 5K=20:00 (any race time) or --vdot 50" in result.stderr


def test_effort_and_heart_rate_warnings_say_the_speed_in_the_athletes_units(tmp_path):
    _, problems = rows("run 10min @RPE7..RPE8")
    (effort,) = problems
    assert (effort.line, effort.column) == (2, 11)
    assert effort.message.startswith("@RPE7..RPE8 is an effort, and a treadmill needs a speed: "
                                     "it runs T pace (")
    assert "/mi" in effort.message and ", rising to 10K pace (" in effort.message
    assert effort.hint == "write a pace (like @T or @7:30/mi) to choose the speed yourself"
    _, problems = rows("run 10min @150bpm")
    (hr,) = problems
    assert (hr.line, hr.column) == (2, 11)
    assert "it starts at E pace (" in hr.message and "/mi" in hr.message
    assert hr.hint == "write a pace (like @E or @8:30/mi) to choose the speed yourself"


@pytest.mark.parametrize("target,column,width,message", [
    ("@<", 13, 1, "a cap or a floor needs a value"),
    ("@>", 13, 1, "a cap or a floor needs a value"),
    ("@<QQ", 13, 2, "unknown pace or target 'QQ'"),
    ("@4:2x-4:30/km", 12, 4, "cannot read the target '4:2x'"),
    ("@0s/400m", 12, 7, "a time must be more than 0"),
    ("@0:00/400m", 12, 9, "a time must be more than 0"),
    ("@E..QQ", 15, 2, "unknown pace or target 'QQ'"),  # the end of a ramp
    ("@-4:30/km", 12, 8, "cannot read the target '-4:30/km'"),  # a minus is no range
    ("@E..4:2x-4:30/km", 15, 4, "cannot read the target '4:2x'"),  # a range in a ramp's end
    ("@E..T..M..I", 16, 2, "a ramp has two ends, like @E..T"),  # at the second ..
    # The race the model cannot predict, wherever it stands in the target.
    ("@400K", 12, 4, "race paces are predicted for races from 800m to 50K, not 400K"),
    ("@105%100K", 16, 4, "race paces are predicted for races from 800m to 50K, not 100K"),
    ("@100K+5s", 12, 4, "race paces are predicted for races from 800m to 50K, not 100K"),
])
def test_target_errors_point_at_the_wrong_part(tmp_path, target, column, width, message):
    result = check(tmp_path, f"run 10min {target}\n", "--vdot", "50")
    first, shown, caret = result.stderr.splitlines()[:3]
    assert first.endswith(f"w.wod:1:{column}: error: {message}")
    assert caret.index("^") - 4 == column - 1 and caret.count("^") == width


@pytest.mark.parametrize("target,shown", [
    # Daniels' table for VDOT 50 (tests/test_paces.py): T 4:15/km, E from 5:34/km, a half
    # marathon in 1:31:35 (5495 s / 21.0975 km = 260.5 s, 4:20/km). A range may start with a
    # value that holds a dash itself.
    ("@T-5s-T+5s", "4:10-4:20/km"), ("@E-T-10s", "4:05-5:34/km"),
    ("@HM-10s-HM", "4:10-4:20/km"),
])
def test_a_range_of_offset_paces_is_read_at_the_dash_between_them(tmp_path, target, shown):
    (tmp_path / ".git").mkdir()
    (tmp_path / "w.wod").write_text(f"run 10min {target}\n")
    result = CliRunner().invoke(main, ["show", str(tmp_path / "w.wod"), "--vdot", "50"])
    assert result.exit_code == 0, result.output
    assert f"{target} = {shown}" in result.stdout


def test_a_race_of_0k_is_no_race(tmp_path):
    # `<n>K` is a race of n km only for n above 0; 0K is read as a number with a unit.
    result = check(tmp_path, "run 10min @0K\n")
    assert result.stderr.splitlines()[0].endswith("w.wod:1:13: error: unknown unit 'K'")


def test_a_race_past_the_model_says_what_to_write_instead(tmp_path):
    result = check(tmp_path, "run 10min @400K\n")
    assert result.stderr.splitlines()[3] == ("  hint: for a rep's pace write @mile, @R or @800m; "
                                             "for an ultra, a pace like @6:30/km")


@pytest.mark.parametrize("target,pace", [
    # 400 m in 1:10 is 1000 / (400 / 70) = 175 s a km; 3:10 a "k" is 3:10 a km.
    ("@1:10/0.4km", "2:55/km"), ("@70s/400m", "2:55/km"), ("@3:10/1k", "3:10/km"),
])
def test_rep_times_per_distance(tmp_path, target, pace):
    (tmp_path / ".git").mkdir()
    (tmp_path / "w.wod").write_text(f"run 1km {target}\n")
    result = CliRunner().invoke(main, ["show", str(tmp_path / "w.wod"), "--vdot", "50"])
    assert result.exit_code == 0, result.output
    assert f"{target} = " in result.stdout and pace in result.stdout


def test_an_effort_ramp_whose_end_needs_race_times_is_an_error_at_the_ramp(tmp_path):
    # RPE 2 is the recovery jog, which the profile gives; RPE 4 is E pace, which needs race
    # times: the ramp's end is the error, said at the target.
    (tmp_path / ".git").mkdir()
    (tmp_path / "wodc.toml").write_text('[treadmill]\nspeed_unit = "mph"\nrecovery_speed = 5\n')
    (tmp_path / "w.wod").write_text("sport treadmill\nrun 10min @RPE2..RPE4\n"
                                    "run 10min @150bpm\n")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "w.wod"), "-f", "qz"])
    lines = result.stderr.splitlines()
    assert lines[0].endswith("w.wod:2:11: error: on a treadmill this step needs your paces to "
                             "run @RPE2..RPE4")
    assert lines[3] == "  hint: give --race 5K=20:00 (any race time) or --vdot 50, or races " \
                       "in wodc.toml"
    # A heart-rate step starts at the easiest speed the profile gives (its recovery jog,
    # 5 mph = 8.0 km/h) and says which heart rate to hold: 150 +-5 bpm.
    assert lines[4].endswith("w.wod:3:11: warning: @150bpm is a heart rate target, and a "
                             "treadmill holds a speed: it starts at your recovery speed "
                             "(7:27/km 8.0kph); "
                             "adjust the speed by hand to hold 145-155bpm")
