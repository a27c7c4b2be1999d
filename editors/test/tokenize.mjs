// Tokenizes .wod files with VS Code's own TextMate engine (vscode-textmate on the Oniguruma
// regex library VS Code uses, vscode-oniguruma), and prints each token with its scopes:
//   LINE:COLUMN  TEXT  scope scope ...
// tests/test_editor_grammar.py runs it over every example and snapshots the output.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import textmate from "vscode-textmate";
import oniguruma from "vscode-oniguruma";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const wasm = readFileSync(join(dirname(require.resolve("vscode-oniguruma")), "onig.wasm"));
await oniguruma.loadWASM(wasm.buffer);
const registry = new textmate.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text) => new oniguruma.OnigString(text),
  }),
  loadGrammar: async () => textmate.parseRawGrammar(
    readFileSync(join(here, "..", "wod.tmLanguage.json"), "utf8"), "wod.tmLanguage.json"),
});
const grammar = await registry.loadGrammar("source.wod");
for (const file of process.argv.slice(2)) {
  console.log(`== ${file.split("/").slice(-2).join("/")}`);
  let state = textmate.INITIAL;
  readFileSync(file, "utf8").split("\n").forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      const text = line.slice(token.startIndex, token.endIndex);
      const scopes = token.scopes.slice(1);  // all start with source.wod
      if (!text.trim() && scopes.length === 0) continue;
      console.log(`${index + 1}:${token.startIndex + 1}\t${JSON.stringify(text)}\t${scopes.join(" ")}`);
    }
    state = result.ruleStack;
  });
}
