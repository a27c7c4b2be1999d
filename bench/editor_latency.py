"""How long `wodc lsp` takes to answer a keystroke: the time from a didChange notification
to the publishDiagnostics it causes, through the real server over stdio (a JSON-RPC client
of a few lines, so nothing else is measured), for workout files of 200 and 2,000 lines.
Issue 14's target: under 50 ms for a 200-line file."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = ["E", "T", "5K", "HM", "M"]


def workout_file(lines: int) -> str:
    """A workout as coaches write long ones: steps with targets and notes, repeats."""
    body = ['workout "Long build"', "sport run", ""]
    for i in range(lines - 3):
        body.append("3x(400m @R, rec 200m)" if i % 3 == 0 else
                    f'{i % 9 + 1}min @{TARGETS[i % 5]} "block {i}"')
    return "\n".join(body) + "\n"


class Client:
    def __init__(self, folder: Path):
        self.process = subprocess.Popen([sys.executable, "-m", "wodc", "lsp"], cwd=folder,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.ids = 0

    def send(self, method: str, params: dict, request: bool = False) -> None:
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.ids += 1
            message["id"] = self.ids
        data = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.process.stdin.flush()

    def receive(self, method: str | None = None) -> dict:
        """The next message (of `method`, when given)."""
        while True:
            length = 0
            while (line := self.process.stdout.readline().strip()):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            message = json.loads(self.process.stdout.read(length))
            if method is None or message.get("method") == method:
                return message

    def close(self) -> None:
        self.send("shutdown", {}, request=True)
        self.receive()
        self.send("exit", {})
        self.process.wait(timeout=10)


def keystroke_latency(lines: int, keystrokes: int = 15) -> list[float]:
    """Seconds from each didChange (one character typed) to its diagnostics."""
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        (folder / ".git").mkdir()
        (folder / "wodc.toml").write_text('[races]\n5K = "20:00"\n')
        path = folder / "long.wod"
        text = workout_file(lines)
        path.write_text(text)
        client = Client(folder)
        client.send("initialize", {"processId": None, "rootUri": folder.as_uri(),
                                   "capabilities": {}}, request=True)
        client.receive()
        client.send("initialized", {})
        uri = path.as_uri()
        client.send("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "wod", "version": 1, "text": text}})
        client.receive("textDocument/publishDiagnostics")
        times = []
        for version in range(2, keystrokes + 2):
            text += "#"  # a comment grows: the file stays valid, every check is a full one
            start = time.perf_counter()
            client.send("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": text}]})
            client.receive("textDocument/publishDiagnostics")
            times.append(time.perf_counter() - start)
        client.close()
        return times


def main() -> list[list[str]]:
    rows = []
    for lines in (200, 2000):
        times = keystroke_latency(lines)
        rows.append([f"{lines:,} lines", f"{statistics.median(times) * 1000:.0f} ms",
                     f"{min(times) * 1000:.0f} ms", f"{max(times) * 1000:.0f} ms"])
    return rows


if __name__ == "__main__":
    for row in main():
        print("  ".join(row))
