"""`wodc lsp`: the Language Server Protocol over standard input and output (pygls), a thin
layer over wodc/editor.py. Positions are converted here, between wodc's 1-based characters
and the client's 0-based code units (UTF-16 unless the client chose another encoding).

Every open document is checked as `wodc check FILE` checks the file, on open and on every
change, and again for all of them when a profile file (wodc.toml, pyproject.toml) changes.
"""

from __future__ import annotations

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from . import __version__, editor
from .errors import Severity

server = LanguageServer("wodc", __version__)
_analyses: dict[str, editor.Analysis] = {}  # uri -> the last analysis of that document
PROFILE_FILES = ("**/wodc.toml", "**/pyproject.toml")


def _path(uri: str) -> str:
    return to_fs_path(uri) or uri


def _position(document, line: int, column: int) -> types.Position:
    """wodc's (line, column), 1-based characters, as the client counts."""
    lines = document.lines or [""]
    line = min(max(line, 1), len(lines))
    column = min(max(column, 1), len(lines[line - 1].rstrip("\r\n")) + 1)
    return document.position_codec.position_to_client_units(
        lines, types.Position(line=line - 1, character=column - 1))


def _range(document, span) -> types.Range:
    return types.Range(start=_position(document, span.line, span.column),
                       end=_position(document, span.end_line, span.end_column))


def _wodc_position(document, position: types.Position) -> tuple[int, int]:
    server_position = document.position_codec.position_from_client_units(
        document.lines or [""], position)
    return server_position.line + 1, server_position.character + 1


def check(uri: str) -> None:
    """Check the document and publish what `wodc check` finds in it."""
    document = server.workspace.get_text_document(uri)
    path = _path(uri)
    analysis = editor.analyse(path, document.source)
    _analyses[uri] = analysis
    found = []
    for problem in analysis.problems:
        mine = problem.path == path and problem.line > 0
        if mine:
            where = _range(document, editor.Span(problem.line, problem.column, problem.line,
                                                 problem.column + problem.width))
        else:  # a whole-file problem, or one in the profile: at the top, saying where
            where = types.Range(start=types.Position(line=0, character=0),
                                end=types.Position(line=0, character=0))
        message = problem.message if problem.path == path else \
            f"{problem.path}: {problem.message}"
        if problem.hint:
            message += f"\nhint: {problem.hint}"
        found.append(types.Diagnostic(
            range=where, message=message, source="wodc",
            severity=(types.DiagnosticSeverity.Error if problem.severity is Severity.ERROR
                      else types.DiagnosticSeverity.Warning)))
    server.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=document.version))


@server.feature(types.INITIALIZED)
def initialized(ls: LanguageServer, params: types.InitializedParams) -> None:
    watching = ls.client_capabilities.workspace
    dynamic = watching and watching.did_change_watched_files and \
        watching.did_change_watched_files.dynamic_registration
    if dynamic:
        ls.client_register_capability(types.RegistrationParams(registrations=[
            types.Registration(
                id="wodc-profiles", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=[
                    types.FileSystemWatcher(glob_pattern=g) for g in PROFILE_FILES]))]))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams) -> None:
    check(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: LanguageServer, params: types.DidChangeTextDocumentParams) -> None:
    check(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: LanguageServer, params: types.DidCloseTextDocumentParams) -> None:
    _analyses.pop(params.text_document.uri, None)
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def profiles_changed(ls: LanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
    for uri in list(_analyses):
        check(uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: LanguageServer, params: types.DidSaveTextDocumentParams) -> None:
    """A profile edited in the editor itself: every open workout is checked again."""
    if params.text_document.uri.endswith(("wodc.toml", "pyproject.toml")):
        profiles_changed(ls, types.DidChangeWatchedFilesParams(changes=[]))


def _analysis(uri: str) -> editor.Analysis:
    if uri not in _analyses:
        check(uri)
    return _analyses[uri]


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: LanguageServer, params: types.HoverParams) -> types.Hover | None:
    document = ls.workspace.get_text_document(params.text_document.uri)
    line, column = _wodc_position(document, params.position)
    found = editor.hover(_analysis(params.text_document.uri), line, column)
    if found is None:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                    value=found.text),
                       range=_range(document, found.span))


COMPLETION_KINDS = {"keyword": types.CompletionItemKind.Keyword,
                    "value": types.CompletionItemKind.Value,
                    "unit": types.CompletionItemKind.Unit,
                    "reference": types.CompletionItemKind.Reference}


@server.feature(types.TEXT_DOCUMENT_COMPLETION,
                types.CompletionOptions(trigger_characters=["@", '"']))
def completion(ls: LanguageServer, params: types.CompletionParams) -> types.CompletionList:
    document = ls.workspace.get_text_document(params.text_document.uri)
    line, column = _wodc_position(document, params.position)
    items = [types.CompletionItem(label=c.label, kind=COMPLETION_KINDS[c.kind],
                                  detail=c.detail or None, insert_text=c.insert)
             for c in editor.completions(_analysis(params.text_document.uri), line, column)]
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(types.TEXT_DOCUMENT_FORMATTING)
def formatting(ls: LanguageServer, params: types.DocumentFormattingParams):
    document = ls.workspace.get_text_document(params.text_document.uri)
    new = editor.formatted(_path(params.text_document.uri), document.source)
    if new is None or new == document.source:
        return []
    lines = document.lines
    end = types.Position(line=len(lines), character=0)
    return [types.TextEdit(range=types.Range(start=types.Position(line=0, character=0), end=end),
                           new_text=new)]


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
def code_action(ls: LanguageServer, params: types.CodeActionParams):
    uri = params.text_document.uri
    document = ls.workspace.get_text_document(uri)
    analysis = _analysis(uri)
    first, _ = _wodc_position(document, params.range.start)
    last, _ = _wodc_position(document, params.range.end)
    actions = []
    for line in range(first, last + 1):
        for fix in editor.fixes(analysis, line):
            edit = types.TextEdit(range=_range(document, fix.span), new_text=fix.new_text)
            actions.append(types.CodeAction(
                title=fix.title, kind=types.CodeActionKind.QuickFix, is_preferred=True,
                edit=types.WorkspaceEdit(changes={uri: [edit]})))
    return actions


SYMBOL_KINDS = {"workout": types.SymbolKind.Function, "plan": types.SymbolKind.Namespace,
                "week": types.SymbolKind.Module}


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbol(ls: LanguageServer, params: types.DocumentSymbolParams):
    document = ls.workspace.get_text_document(params.text_document.uri)

    def convert(symbol: editor.Symbol) -> types.DocumentSymbol:
        where = _range(document, symbol.span)
        return types.DocumentSymbol(name=symbol.name, kind=SYMBOL_KINDS[symbol.kind],
                                    range=where, selection_range=where,
                                    children=[convert(c) for c in symbol.children] or None)
    return [convert(s) for s in editor.symbols(_analysis(params.text_document.uri))]


def main() -> None:
    server.start_io()
