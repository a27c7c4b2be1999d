"""`wodc lsp` driven as an editor drives it (pytest-lsp over stdio): open a file, get the
problems `wodc check` reports, edit it, hover, complete, format, apply a fix, see the outline,
and see the problems change when the profile file changes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import pytest_lsp
from click.testing import CliRunner
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from wodc.cli import main

TEMPO = 'workout "Tempo"\nsport run\n\nwarmup 15min @E\n2x(12min @T, rec 3min)\ncooldown 10min @E\n'


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "wodc",
                                                              "lsp"]))
async def client(lsp_client: LanguageClient):
    registered = []  # what the server asked to be told about (the profile files)

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(ls, params: types.RegistrationParams):
        registered.extend(params.registrations)

    lsp_client.registered = registered
    params = types.InitializeParams(capabilities=types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=True))))
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def folder(tmp_path):
    (tmp_path / ".git").mkdir()  # the profile search stops at the top of a repository
    (tmp_path / "wodc.toml").write_text('[races]\n5K = "20:00"\n')
    return tmp_path


def check_cli(path: Path) -> list[str]:
    """What `wodc check FILE` prints for each problem: its first line."""
    result = CliRunner().invoke(main, ["check", str(path)])
    return [line for line in result.output.split("\n") if ": error: " in line or
            ": warning: " in line]


async def open_file(client: LanguageClient, path: Path, text: str) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="wod", version=1, text=text)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri


async def change(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


@pytest.mark.asyncio
async def test_diagnostics_are_what_wodc_check_reports_and_follow_edits(client, folder):
    path = folder / "tempo.wod"
    text = TEMPO.replace("@T,", "@TT,").replace("sport run", "sport rnu")
    path.write_text(text)
    uri = await open_file(client, path, text)
    found = client.diagnostics[uri]
    # The same problems as the command line, at the same places (LSP counts from 0).
    printed = check_cli(path)
    assert [f"{path}:{d.range.start.line + 1}:{d.range.start.character + 1}: "
            f"{'error' if d.severity == types.DiagnosticSeverity.Error else 'warning'}: "
            f"{d.message.split(chr(10))[0]}" for d in found] == printed
    assert [(d.range.start.line, d.range.start.character, d.range.end.character)
            for d in found] == [(1, 6, 9), (4, 10, 12)]   # 'rnu', then 'TT' after the @
    assert found[1].message == "unknown pace or target 'TT'\nhint: did you mean @T?"
    await change(client, uri, TEMPO, 2)
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio
async def test_a_fix_from_a_hint_is_one_code_action(client, folder):
    path = folder / "tempo.wod"
    text = TEMPO.replace("@T,", "@TT,")
    uri = await open_file(client, path, text)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=4, character=0),
                          end=types.Position(line=4, character=5)),
        context=types.CodeActionContext(diagnostics=client.diagnostics[uri])))
    assert [a.title for a in actions] == ["Change to @T"]
    edit = actions[0].edit.changes[uri][0]
    lines = text.split("\n")
    line = lines[edit.range.start.line]
    lines[edit.range.start.line] = (line[:edit.range.start.character] + edit.new_text
                                    + line[edit.range.end.character:])
    assert "\n".join(lines) == TEMPO  # applying it gives the right workout


@pytest.mark.asyncio
async def test_hover_shows_what_a_target_means_for_this_athlete(client, folder):
    path = folder / "tempo.wod"
    uri = await open_file(client, path, TEMPO)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=4, character=10)))          # on @T
    # 5K in 20:00 is VDOT 49.8; Daniels' T pace for it is 4:16/km (tests/test_paces.py's
    # table); the profile's ±5 s/km makes 4:11-4:21/km (6:44-7:00/mi). In the middle, 1000 m
    # in 256 s is 3.906 m/s: x 3.6 = 14.06 km/h, / 0.44704 = 8.74 mph.
    assert hover.contents.value == ("**@T**: 4:11-4:21/km · 6:44-7:00/mi · 14.1 km/h · "
                                    "8.7 mph")
    assert (hover.range.start.character, hover.range.end.character) == (9, 11)
    repeat = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=4, character=0)))           # on 2x
    # 2 x (12 + 3) min = 30:00; 12 min at T (14.1 km/h, 2.81 km) and 3 min at the easy
    # jog, twice.
    assert repeat.contents.value.startswith("**2x**: 30:00, ~")
    workout = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=0, character=3)))
    assert workout.contents.value.startswith("**Tempo** (run): 55:00, ~")


@pytest.mark.asyncio
async def test_completion_offers_paces_with_their_meaning_kinds_and_units(client, folder):
    path = folder / "tempo.wod"
    text = TEMPO + "5min @"
    uri = await open_file(client, path, text)

    async def labels(line, character):
        result = await client.text_document_completion_async(types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=character)))
        return {item.label: item.detail for item in result.items}

    paces = await labels(6, 6)
    assert paces["T"] == "4:11-4:21/km · 6:44-7:00/mi · 14.1 km/h · 8.7 mph"
    assert {"E", "HM", "5K", "max", "95%FTP"} <= set(paces)
    await change(client, uri, TEMPO + "5", 2)
    assert {"min", "s", "km", "m"} <= set(await labels(6, 1))
    await change(client, uri, TEMPO + "w", 3)
    assert {"warmup", "walk", "workout"} <= set(await labels(6, 1))
    await change(client, uri, TEMPO + "5min @E ", 4)
    assert {"incline", "cadence", "between"} <= set(await labels(6, 8))


@pytest.mark.asyncio
async def test_completion_in_a_plan_offers_the_workouts(client, folder):
    (folder / "easy.wod").write_text('workout "Easy 30"\n30min @E\n')
    path = folder / "plan.wod"
    text = 'plan "P" starts 2026-12-07\nweek 1\n  mon \nworkout "Tempo"\n20min @T\n'
    uri = await open_file(client, path, text)
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=2, character=6)))
    assert {'"Tempo"', '"Easy 30"'} <= {item.label for item in result.items}


@pytest.mark.asyncio
async def test_formatting_is_wodc_fmt(client, folder):
    path = folder / "messy.wod"
    text = "3x(1min@5k,rec 1min)   # reps\n"
    uri = await open_file(client, path, text)
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert [e.new_text for e in edits] == ["sport run\n\n3x(1min @5K, rec 1min)  # reps\n"]
    assert edits[0].range.start == types.Position(line=0, character=0)


@pytest.mark.asyncio
async def test_the_outline_lists_plans_weeks_and_workouts(client, folder):
    path = folder / "plan.wod"
    text = ('plan "P" starts 2026-12-07\nweek 1\n  mon "Tempo"\nweek 2\n  tue "Tempo"\n\n'
            'workout "Tempo"\n20min @T\n')
    uri = await open_file(client, path, text)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [(s.name, s.kind) for s in symbols] == [("P", types.SymbolKind.Namespace),
                                                   ("Tempo", types.SymbolKind.Function)]
    assert [c.name for c in symbols[0].children] == ["week 1", "week 2"]
    assert symbols[1].range.start.line == 6


@pytest.mark.asyncio
async def test_a_changed_profile_checks_the_open_files_again(client, folder):
    path = folder / "tempo.wod"
    uri = await open_file(client, path, TEMPO)
    assert list(client.diagnostics[uri]) == []
    (folder / "wodc.toml").write_text("[races]\n5K = \"twenty minutes\"\n")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=(folder / "wodc.toml").as_uri(), type=types.FileChangeType.Changed)]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    # The profile's own problem, shown at the top of the workout, naming the file.
    assert [d.message for d in client.diagnostics[uri]] == [
        f"{folder / 'wodc.toml'}: 5K in [races]: 'twenty minutes' is not a time like 3min "
        "or 1:30"]
    assert [r.method for r in client.registered] == ["workspace/didChangeWatchedFiles"]


@pytest.mark.asyncio
async def test_positions_count_utf16_like_the_client(client, folder):
    path = folder / "emoji.wod"
    text = '10min @E "🏃 easy" @TT\n'
    uri = await open_file(client, path, text)
    [problem] = [d for d in client.diagnostics[uri] if "'TT'" in d.message]
    # 🏃 is one character for wodc (column 20, `wodc check` says) and two UTF-16 code units
    # for the client: 'TT' starts at character 20 counted from 0, one more than Python's 19.
    assert text.index("TT") == 19
    assert (problem.range.start.character, problem.range.end.character) == (20, 22)
