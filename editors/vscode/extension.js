// Starts `wodc lsp` for .wod files: diagnostics, hover, completion, formatting, quick fixes
// and the outline all come from the server (docs/editors.md).
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration("wod").get("server.command");
  client = new LanguageClient(
    "wod",
    "wodc",
    { command, args, transport: TransportKind.stdio },
    {
      documentSelector: [{ scheme: "file", language: "wod" }],
      synchronize: {
        // The athlete's profile: every open workout is checked again when it changes.
        fileEvents: vscode.workspace.createFileSystemWatcher("**/{wodc.toml,pyproject.toml}"),
      },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
