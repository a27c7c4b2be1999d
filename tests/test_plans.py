"""Training plans: the plan block, its dates, and what compile writes for it, read back the
way a phone and a watch read them: the .ics with the icalendar library, the FIT schedule with
Garmin's decoder. Expected dates are listed by hand (2026-12-07 is a Monday)."""

import datetime

import icalendar
import pytest
from click.testing import CliRunner
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from garmin_fit_sdk import Decoder, Stream
from wodc.cli import main

PLAN = """\
# Two weeks before a 10K
plan "Two Weeks" starts 2026-12-07
week 1
  mon "Easy 30"
  wed "Tempo", "Strides"     # two sessions on one day
  sat rest
  sun "Long"
week 2
  tue "Easy 30"
  thu "Tempo"
2026-12-20 "Long"

workout "Easy 30"
  run 30min @E

workout "Tempo"
  warmup 10min @E
  20min @T
  cooldown 10min @E

workout "Strides"
  6x(20s @R, rec 40s)

workout "Long"
  run 90min @E
"""

# (date, workout, minutes), by hand from the plan: week 1 is 2026-12-07 (Mon) to 12-13 (Sun).
SESSIONS = [("2026-12-07", "Easy 30", 30), ("2026-12-09", "Tempo", 40),
            ("2026-12-09", "Strides", 6), ("2026-12-13", "Long", 90),
            ("2026-12-15", "Easy 30", 30), ("2026-12-17", "Tempo", 40),
            ("2026-12-20", "Long", 90)]


class TextSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "txt"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / ".git").mkdir()
    (tmp_path / "plan.wod").write_text(PLAN)
    return tmp_path


def compile_plan(*args: str, out: str = "out"):
    result = CliRunner().invoke(main, ["compile", "plan.wod", "--vdot", "50", "-f", "fit",
                                       "-o", out, *args])
    assert result.exit_code == 0, result.output
    return result


def events(path) -> list:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return [c for c in calendar.walk() if c.name == "VEVENT"]


def decode(path) -> dict:
    decoder = Decoder(Stream.from_byte_array(bytearray(path.read_bytes())))
    assert decoder.is_fit() and decoder.check_integrity()
    decoder = Decoder(Stream.from_byte_array(bytearray(path.read_bytes())))
    messages, errors = decoder.read()
    assert errors == []
    return messages


def test_each_session_is_written_under_its_date(folder):
    result = compile_plan()
    names = sorted(p.name for p in (folder / "out").iterdir())
    expected = sorted({f"{d}-{w.lower().replace(' ', '-')}.fit" for d, w, _ in SESSIONS})
    assert names == sorted(expected + ["two-weeks.ics", "two-weeks.schedule.fit"])
    assert "plan Two Weeks: 7 sessions, 2026-12-07 to 2026-12-20 -> two-weeks.ics, " \
           "two-weeks.schedule.fit" in result.stdout


def test_the_calendar_has_an_event_per_session_as_long_as_its_workout(folder):
    compile_plan()
    found = events(folder / "out" / "two-weeks.ics")
    assert [(e.decoded("dtstart").date().isoformat(), str(e["summary"]),
             e.decoded("duration")) for e in found] == [
        (d, w, datetime.timedelta(minutes=m)) for d, w, m in SESSIONS]
    assert all(e.decoded("dtstart").time() == datetime.time(7, 0) for e in found)
    # The description is the workout as `wodc show` tables it: the paces are on the phone.
    tempo = found[1]
    assert "@T = " in str(tempo["description"]) and "total: 40:00" in str(tempo["description"])
    assert len({str(e["uid"]) for e in found}) == len(SESSIONS)


def test_all_day_events_and_another_time(folder):
    compile_plan("--all-day", out="a")
    first = events(folder / "a" / "two-weeks.ics")[0]
    assert first.decoded("dtstart") == datetime.date(2026, 12, 7)
    assert first.decoded("dtend") == datetime.date(2026, 12, 8)
    compile_plan("--at", "18:30", out="b")
    assert events(folder / "b" / "two-weeks.ics")[0].decoded("dtstart") == \
        datetime.datetime(2026, 12, 7, 18, 30)


def test_uids_survive_a_new_start_and_an_edited_session(folder):
    compile_plan(out="a")
    compile_plan("--start", "2027-01-04", out="b")  # a Monday, four weeks later
    (folder / "plan.wod").write_text(PLAN.replace('thu "Tempo"', 'thu "Easy 30"'))
    compile_plan(out="c")
    uids = [[str(e["uid"]) for e in events(folder / name / "two-weeks.ics")]
            for name in ("a", "b", "c")]
    assert uids[0] == uids[1] == uids[2]  # re-importing updates the same events
    moved = events(folder / "b" / "two-weeks.ics")
    assert moved[0].decoded("dtstart").date() == datetime.date(2027, 1, 4)
    assert moved[-1].decoded("dtstart").date() == datetime.date(2027, 1, 17)  # 12-20 + 28 days


def test_the_race_day_is_the_last_session(folder):
    # The last session is the dated 2026-12-20 line, 13 days after the start: a race on
    # Sunday 2027-03-07 starts the plan on Monday 2027-02-22.
    result = compile_plan("--race-day", "2027-03-07")
    assert "2027-02-22 to 2027-03-07" in result.stdout


def test_the_schedule_points_at_each_session_file_on_its_day(folder):
    compile_plan()
    out = folder / "out"
    schedule = decode(out / "two-weeks.schedule.fit")
    assert schedule["file_id_mesgs"][0]["type"] == "schedules"
    entries = schedule["schedule_mesgs"]
    assert len(entries) == len(SESSIONS)
    fit_epoch = datetime.date(1989, 12, 31)
    for entry, (date, workout, _) in zip(entries, SESSIONS):
        identity = decode(out / f"{date}-{workout.lower().replace(' ', '-')}.fit")["file_id_mesgs"][0]
        assert identity["type"] == "workout"
        assert (entry["manufacturer"], entry["product"], entry["serial_number"],
                entry["time_created"]) == (identity["manufacturer"], identity["product"],
                                           identity["serial_number"], identity["time_created"])
        assert entry["type"] == "workout" and entry["completed"] == 0
        # local_date_time: seconds since 1989-12-31 00:00 local, the day's midnight.
        days = (datetime.date.fromisoformat(date) - fit_epoch).days
        assert entry["scheduled_time"] == days * 86400


def test_plan_outputs_are_deterministic(folder, snapshot):
    compile_plan(out="a")
    compile_plan(out="b")
    for name in ("two-weeks.ics", "two-weeks.schedule.fit"):
        assert (folder / "a" / name).read_bytes() == (folder / "b" / name).read_bytes()
    assert (folder / "a" / "two-weeks.ics").read_text() == snapshot(extension_class=TextSnapshot)


def test_a_plan_can_use_workouts_of_other_files(folder):
    (folder / "plan.wod").write_text('plan "Split" starts 2026-12-07\nweek 1\n  mon "Easy 30"\n')
    (folder / "library.wod").write_text('workout "Easy 30"\nrun 30min @E\n'
                                        'workout "Unused"\nrun 10min @E\n')
    result = CliRunner().invoke(main, ["compile", ".", "--vdot", "50", "-f", "fit", "-o", "out"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (folder / "out").iterdir()) == [
        "2026-12-07-easy-30.fit", "split.ics", "split.schedule.fit", "unused.fit"]


def test_check_counts_workouts_and_plans(folder):
    result = CliRunner().invoke(main, ["check", "plan.wod", "--vdot", "50"])
    assert (result.exit_code, result.stderr) == (
        0, "checked 4 workouts and 1 plan in 1 file: no problems\n")


BAD = [
    ('plan "P" starts 2026-02-30\nweek 1\n  mon "A"\n', 1, 17, "'2026-02-30' is not a date"),
    ('plan "P" starts 2026-12-07\nweek 1\n  mon "B"\n', 3, 7, "no workout named 'B'"),
    ('plan "P" starts 2026-12-07\nweek 1\n  wed "A"\n  mon "A"\n', 4, 3,
     "mon comes after a later day of week 1"),
    ('plan "P" starts 2026-12-07\nweek 1\n  mon "A"\n  mon "A"\n', 4, 3,
     "week 1 already has a line for mon (line 3)"),
    ('plan "P" starts 2026-12-07\nweek 1\n  mon rest\nweek 2\n  mon "A"\n', 2, 1,
     "week 1 has no workouts"),
    ('plan "P" starts 2026-12-07\nweek 2\n  mon "A"\n', 2, 6, "week 2 comes after the plan line"),
    ('plan "P" starts 2026-12-07\nweek 1\n  funday "A"\n', 3, 3, "'funday' is not a day or a date"),
    ('plan "P" starts 2026-12-07\n2026-12-01 "A"\n', 2, 1, "2026-12-01 is before the plan's start"),
    ('plan "P"\nweek 1\n  mon "A"\n', 1, 1, "plan 'P' has no start date"),
    ('plan P\nweek 1\n', 1, 1, "a plan starts with its name in quotes"),
    ('plan ""\nweek 1\n  mon "A"\n', 1, 1, "a plan needs a name"),
    ('plan "P" starts 2026-12-07\nmon "A"\n', 2, 1, "mon needs a week above it"),
]


@pytest.mark.parametrize("text,line,column,message", BAD, ids=[b[3] for b in BAD])
def test_plan_errors_point_at_the_line(folder, text, line, column, message):
    (folder / "plan.wod").write_text(text + 'workout "A"\nrun 10min @E\n'
                                     'workout "A run"\nrun 20min @E\n')
    result = CliRunner().invoke(main, ["compile", "plan.wod", "--vdot", "50", "-o", "out"])
    assert result.exit_code == 1
    assert f"plan.wod:{line}:{column}: error: {message}" in result.stderr, result.stderr
    assert "unexpected 'plan'" not in result.stderr  # the plan block is never read as steps
    assert not (folder / "out").exists() or not list((folder / "out").glob("*.ics"))


def test_a_did_you_mean_for_a_misspelt_workout(folder):
    (folder / "plan.wod").write_text(PLAN.replace('mon "Easy 30"', 'mon "Easy 3O"'))
    result = CliRunner().invoke(main, ["check", "plan.wod", "--vdot", "50"])
    assert "plan.wod:4:7: error: no workout named 'Easy 3O'\n" in result.stderr
    assert "hint: did you mean 'Easy 30'?" in result.stderr


def test_two_plans_of_one_name(folder):
    (folder / "other.wod").write_text('plan "two weeks" starts 2027-01-04\nweek 1\n  mon "Long"\n')
    result = CliRunner().invoke(main, ["check", ".", "--vdot", "50"])
    assert result.exit_code == 1
    # Files are read in path order: other.wod's plan comes first.
    assert "plan.wod:2:1: error: a plan named 'Two Weeks' is already in other.wod:1\n" \
        in result.stderr


def test_a_race_day_on_another_weekday_is_an_error(folder):
    (folder / "plan.wod").write_text(PLAN.replace('2026-12-20 "Long"', '  sun "Long"'))
    result = CliRunner().invoke(main, ["check", "plan.wod", "--vdot", "50", "--race-day",
                                       "2027-03-06"])
    assert result.exit_code == 1
    assert ("the plan's last session is on a sun (week 2); 2027-03-06 is a sat"
            in result.stderr)


def test_a_watch_holds_about_30_sessions(folder):
    weeks = "".join(f"week {n}\n  mon \"Easy 30\"\n  wed \"Easy 30\"\n  fri \"Easy 30\"\n"
                    for n in range(1, 12))  # 33 sessions
    (folder / "plan.wod").write_text(f'plan "Long Plan" starts 2026-12-07\n{weeks}'
                                     'workout "Easy 30"\nrun 30min @E\n')
    result = compile_plan()
    assert ("plan.wod:1:1: warning: plan 'Long Plan' has 33 sessions; a watch may keep only "
            "about 30 scheduled workouts") in result.stderr


def test_show_plan_tables_weeks_and_sessions(folder, snapshot):
    result = CliRunner().invoke(main, ["show", "plan.wod", "--vdot", "50"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Two Weeks: 7 sessions, 2026-12-07 to 2026-12-20"
    weeks = [line.split() for line in lines if line[:2] in ("1 ", "2 ")]
    week_loads = [float(w[-1]) for w in weeks]
    # Week 1: 30 + 40 + 6 + 90 = 166 min; week 2: 30 + 40 + 90 = 160 min.
    assert [(w[0], w[5]) for w in weeks] == [("1", "2:46:00"), ("2", "2:40:00")]
    sessions = [line for line in lines if line.startswith("2026-")]
    # Easy 30 by hand: E for VDOT 50 is 4:57-5:34/km, its middle by pace 5:15.5/km; T pace is
    # 4:15/km (Daniels), so IF = 255 / 315.5 = 0.808 and 0.5 h x 0.808^2 x 100 = 32.7.
    assert sessions[0].endswith("33 rTSS (IF 0.81)")
    # A week's load is the sum of its sessions' (each rounded when printed: within 1 each).
    session_loads = [int(s.split()[-4]) for s in sessions]
    assert abs(week_loads[0] - sum(session_loads[:4])) <= 2
    assert abs(week_loads[1] - sum(session_loads[4:])) <= 2
    assert [s.split()[0] for s in sessions] == [d for d, _, _ in SESSIONS]
    assert result.stdout == snapshot


def test_plot_plan_draws_weekly_load_split_by_intensity(folder):
    import xml.etree.ElementTree as ET

    result = CliRunner().invoke(main, ["plot", "plan.wod", "-o", "plan.svg", "--vdot", "50"])
    assert result.exit_code == 0, result.output
    svg = "{http://www.w3.org/2000/svg}"
    root = ET.parse(folder / "plan.svg").getroot()
    weeks = root.findall(f"{svg}g")
    assert [g.get("data-week") for g in weeks] == ["1", "2"]
    shown = CliRunner().invoke(main, ["show", "plan.wod", "--vdot", "50"]).stdout
    table = {line.split()[0]: line.split()[-1] for line in shown.splitlines()
             if line[:2] in ("1 ", "2 ")}
    for group in weeks:
        # The bar's load is the one `show` prints; its parts add up to the week's time in
        # classes: week 1 is 166 minutes, week 2 160 (see test_show_plan_tables...).
        assert f"{float(group.get('data-load')):.0f}" == table[group.get("data-week")]
        seconds = sum(float(r.get("data-seconds")) for r in group.findall(f"{svg}rect"))
        assert seconds == pytest.approx({"1": 166, "2": 160}[group.get("data-week")] * 60,
                                        abs=1)
    # Heights follow the loads.
    heights = [sum(float(r.get("height")) for r in g.findall(f"{svg}rect")) for g in weeks]
    loads = [float(g.get("data-load")) for g in weeks]
    assert heights[0] / heights[1] == pytest.approx(loads[0] / loads[1], rel=1e-3)


def test_a_second_compile_replaces_the_plan_files(folder):
    compile_plan()
    compile_plan("--start", "2027-01-04")  # wodc's own .ics and .schedule.fit: replaced
    assert events(folder / "out" / "two-weeks.ics")[0].decoded("dtstart").date() == \
        datetime.date(2027, 1, 4)
