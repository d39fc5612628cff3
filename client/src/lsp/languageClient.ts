// The language client, bundled apart from the extension's entry (dist/languageClient.js):
// the library is most of the client's code, and loading it after activation keeps
// activation fast. The entry loads this module with require() once it has activated.
import * as vscode from 'vscode';
import { LanguageClient, ResponseError, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { ENTRY_SCHEME } from '../../../server/src/lsp/protocol';

export { LanguageClient, ResponseError };

/** Bot files are YAML or JSON; the server decides which of them belong to a bot. Entries of export zips are read-only botv-entry: documents. */
const documentSelector = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
  // A PolyAI project's Python functions and its rules.
  { scheme: 'file', language: 'python' },
  { scheme: 'file', pattern: '**/agent_settings/rules.txt' },
  // A Lex export's Test Workbench test sets.
  { scheme: 'file', pattern: '**/*.csv' },
  { scheme: ENTRY_SCHEME },
];

/** Builds (but does not start) the client for the bundled language server. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    synchronize: { configurationSection: 'botVersions' },
    initializationOptions: {
      trusted: vscode.workspace.isTrusted,
      settings: vscode.workspace.getConfiguration('botVersions'),
    },
    middleware: {},
  };
  return new LanguageClient('botVersions', 'Bot Versions Language Server', serverOptions, clientOptions);
}
