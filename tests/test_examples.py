"""Every example a user can copy checks clean, with the examples' own profile, and compiles
to the treadmill outputs (run workouts) or says why not (bike workouts)."""

from pathlib import Path

import pytest

from wodc import ir
from wodc.backends import Options, backend
from wodc.errors import has_errors
from wodc.naming import slug
from wodc.compiler import dry_run
from wodc.pipeline import ProfileSource, load

ROOT = Path(__file__).parent.parent / "examples"
EXAMPLES = sorted(ROOT.rglob("*.wod"))


def test_there_are_examples():
    assert len(EXAMPLES) >= 4  # three workouts and the mile plan


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_example_checks_clean(path):
    run = load([str(path)], ProfileSource())
    assert run.entries, "no workouts"
    # Clean: no errors. The warnings are the approximations compile reports too (ZWO cannot
    # set an incline, a console holds 20 segments).
    assert [p for p in dry_run(run) if p.is_error] == []
    assert all(e.profile.fitness_vdot for e in run.entries), "examples/wodc.toml not found"


def test_example_names_are_unique_across_the_tree():
    run = load([str(ROOT)], ProfileSource())
    assert [p for p in dry_run(run) if p.is_error] == []
    # Each file name is a workout's own: a workout's slug, or a session's date and slug.
    assert len({e.stem for e in run.entries}) == len(run.entries)


ENTRIES = list({id(e.workout): e for e in load([str(ROOT)], ProfileSource()).entries}.values())


@pytest.mark.parametrize("fmt", ["qz", "card"])
@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: slug(e.workout.name))
def test_example_compiles_for_the_treadmill(entry, fmt):
    result = backend(fmt).compile(entry.workout, entry.profile, Options())
    if entry.workout.sport is ir.Sport.RUN:
        assert result.data and not has_errors(result.problems), result.problems
    else:
        assert result.data is None
        assert [p.message for p in result.problems] == [
            f"workout {entry.workout.name!r} is a bike workout; treadmill programs (qz, card) "
            "are for runs"]


# ---- the 4-week mile plan follows what the article prescribes -------------------------------

PLAN = ROOT / "mile-plan" / "plan.wod"


def plan_weeks():
    """The plan's sessions, week by week (week 1 starts on the plan's Monday)."""
    run = load([str(PLAN)], ProfileSource())
    assert run.problems == [] and len(run.plans) == 1
    scheduled = run.plans[0]
    weeks: dict[int, list] = {}
    for date, _, entry in scheduled.sessions:
        weeks.setdefault((date - scheduled.start).days // 7 + 1, []).append(entry.workout)
    return scheduled, weeks


def steps(workout):
    return list(ir.flatten(workout.steps))


def target(step):
    return step.target.text if step.target else None


def test_the_plan_is_four_weeks_of_five_days():
    scheduled, weeks = plan_weeks()
    assert scheduled.plan.name == "4-Week Treadmill Mile"
    assert sorted(weeks) == [1, 2, 3, 4]
    # Five days a week: Monday, Tuesday, Thursday, Friday and Saturday.
    days = {date.weekday() for date, _, _ in scheduled.sessions}
    assert days == {0, 1, 3, 4, 5}
    assert len(scheduled.sessions) == 20


@pytest.mark.parametrize("week", [1, 2, 3, 4])
def test_a_week_is_two_speed_sessions_two_easy_runs_and_a_long_run(week):
    workouts = plan_weeks()[1][week]
    assert all(w.treadmill for w in workouts)  # 1% incline where none is given
    kinds = [next(t for t in w.tags if t in ("speed", "easy", "long")) for w in workouts]
    assert sorted(kinds) == ["easy", "easy", "long", "speed", "speed"]
    easy = [w for w, k in zip(workouts, kinds) if k == "easy"]
    (long_run,) = [w for w, k in zip(workouts, kinds) if k == "long"]
    for run in easy + [long_run]:
        assert {target(s) for s in steps(run)} == {"E"}
    minutes = lambda w: sum(s.duration.seconds for s in steps(w)) / 60  # noqa: E731
    assert minutes(long_run) >= 45 and minutes(long_run) > max(minutes(w) for w in easy)

    speed = [w for w, k in zip(workouts, kinds) if k == "speed"]
    for session in speed:
        run = steps(session)
        warmup, cooldown = run[0], run[-1]
        assert warmup.kind is ir.StepKind.WARMUP and warmup.duration.seconds >= 600
        assert target(warmup) == "E"
        assert cooldown.kind is ir.StepKind.COOLDOWN and cooldown.duration.seconds >= 300
        assert target(cooldown) == "E"
        strides = [s for s in run if s.note == "stride"]
        assert 4 <= len(strides) <= 6
        assert all(s.duration == ir.DistanceDuration(100, "m") for s in strides)
        for step in run:
            if step.kind in (ir.StepKind.RECOVERY, ir.StepKind.REST):
                assert step.target is None and 0 <= step.incline.percent <= 1
    work = [s for session in speed for s in steps(session)
            if s.kind is ir.StepKind.ACTIVE and s.note != "stride"]
    hills = [s for s in work if s.duration == ir.TimeDuration(10) and s.incline.percent >= 4]
    short = [s for s in work if isinstance(s.duration, ir.DistanceDuration)
             and 200 <= s.duration.metres <= 400 and target(s) in ("mile", "R")]
    long_reps = [s for s in work if isinstance(s.duration, ir.DistanceDuration)
                 and 600 <= s.duration.metres <= 1000 and target(s) in ("3K", "5K", "10K")]
    assert hills and short and long_reps
