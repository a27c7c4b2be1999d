"""The TextMate grammar (editors/wod.tmLanguage.json) as VS Code runs it: every example and
test case tokenized by vscode-textmate on vscode-oniguruma (editors/test/tokenize.mjs, npm
packages installed by make), the scopes snapshotted so a grammar change shows as a diff, and
the scopes that matter asserted. The VS Code extension's files are read as VS Code reads
them."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

ROOT = Path(__file__).resolve().parent.parent
EDITORS = ROOT / "editors"
FILES = sorted([*ROOT.glob("examples/**/*.wod"), *ROOT.glob("tests/cases/*.wod")])


class TextSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "txt"


def tokenize(*paths: Path) -> str:
    result = subprocess.run(["node", str(EDITORS / "test" / "tokenize.mjs"), *map(str, paths)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def scopes_of(output: str) -> dict[str, set[str]]:
    """Each token's text -> the scopes it was given anywhere."""
    found: dict[str, set[str]] = {}
    for line in output.split("\n"):
        if line.startswith("==") or not line:
            continue
        _, text, scopes = line.split("\t")
        found.setdefault(json.loads(text), set()).update(scopes.split())
    return found


def test_every_example_tokenizes_as_snapshotted(snapshot):
    assert tokenize(*FILES) == snapshot(extension_class=TextSnapshot)


def test_the_scopes_that_matter(tmp_path):
    sample = tmp_path / "sample.wod"
    sample.write_text('# plan of the week\nworkout "Tempo"\nsport treadmill\n'
                      "warmup 10'30\" @E \"easy # not a comment\" # a comment\n"
                      "3x(800m @3:10, jog same)\nrec until HR<130 incline -1% cadence 170-180spm\n")
    scopes = scopes_of(tokenize(sample))
    assert scopes["# plan of the week"] == {"comment.line.number-sign.wod"}
    assert scopes["# a comment"] == {"comment.line.number-sign.wod"}
    assert scopes["easy # not a comment"] == {"string.quoted.double.wod"}
    assert scopes['"Tempo"'] == {"entity.name.function.workout.wod"}
    assert scopes["10'30\""] == {"constant.numeric.duration.time.wod"}  # not a string
    assert scopes["800m"] == {"constant.numeric.duration.distance.wod"}
    assert scopes["E"] == scopes["3:10"] == {"variable.other.target.wod"}
    assert scopes["3x"] == {"keyword.operator.repeat.wod"}
    assert scopes["jog"] == scopes["warmup"] == scopes["rec"] == {"keyword.other.kind.wod"}
    assert scopes["same"] == {"constant.language.duration.wod"}
    assert scopes["until"] == scopes["incline"] == {"keyword.other.modifier.wod"}
    assert scopes["170-180spm"] == {"constant.numeric.wod"}


def test_the_vscode_extension_is_whole():
    extension = EDITORS / "vscode"
    package = json.loads((extension / "package.json").read_text())
    [grammar] = package["contributes"]["grammars"]
    tm = json.loads((extension / grammar["path"]).read_text())  # a link to editors/
    assert tm["scopeName"] == grammar["scopeName"] == "source.wod"
    [language] = package["contributes"]["languages"]
    assert language["id"] == grammar["language"] == "wod" and language["extensions"] == [".wod"]
    configuration = json.loads((extension / language["configuration"]).read_text())
    assert configuration["comments"] == {"lineComment": "#"}
    assert ["(", ")"] in configuration["brackets"]
    assert package["contributes"]["configuration"]["properties"]["wod.server.command"][
        "default"] == ["wodc", "lsp"]
    script = (extension / package["main"]).read_text()
    assert re.search(r"require\(\"vscode-languageclient/node\"\)", script)
    assert "vscode-languageclient" in package["dependencies"]


def test_the_grammar_knows_every_step_kind(tmp_path):
    """Every kind the parser reads (wodc/parse.py KINDS) is highlighted as one."""
    from wodc.parse import KINDS

    sample = tmp_path / "kinds.wod"
    sample.write_text(" ".join(KINDS) + "\n")
    scopes = scopes_of(tokenize(sample))
    assert all(scopes.get(kind) == {"keyword.other.kind.wod"} for kind in KINDS), scopes
