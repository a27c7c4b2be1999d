"""wodc/editor.py, what the language server shows, on cases the end-to-end tests leave out."""

from wodc import editor


def labels(text: str, line: int, column: int, path: str = "/nowhere/w.wod") -> set[str]:
    return {c.label for c in editor.completions(editor.analyse(path, text), line, column)}


def test_a_plan_day_being_typed_completes_days_then_workouts():
    text = 'plan "P" starts 2026-12-07\nweek 1\n  mo\nworkout "Tempo"\n20min @T\n'
    assert {"mon", "week", "rest"} <= labels(text, 3, 5)
    text = text.replace("  mo\n", "  mon \n")
    assert '"Tempo"' in labels(text, 3, 7)


def test_a_target_without_race_times_says_what_it_needs(tmp_path):
    (tmp_path / ".git").mkdir()
    path = tmp_path / "w.wod"
    analysis = editor.analyse(str(path), "20min @T\n")
    found = editor.hover(analysis, 1, 8)
    assert found.text.startswith("**@T**: ") and "race" in found.text.lower()


def test_a_sport_typo_is_fixed_in_place_and_a_target_whole(tmp_path):
    (tmp_path / ".git").mkdir()
    path = str(tmp_path / "w.wod")
    analysis = editor.analyse(path, "sport rnu\n10min @10KK\n")
    [sport] = editor.fixes(analysis, 1)
    assert (sport.span.column, sport.span.end_column, sport.new_text) == (7, 10, "run")
    [target] = editor.fixes(analysis, 2)  # the hint names a whole target: it replaces @10KK
    assert (target.span.column, target.span.end_column, target.new_text) == (7, 12, "@10kph")
