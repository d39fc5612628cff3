import * as vscode from 'vscode';
import { VERSION_SCHEME } from '../../server/src/lsp/protocol';
import type { Ctx } from './ctx';

/** The id used in a URI for "no such file on this side" (a file added or removed). */
const NONE = '-';

/**
 * A read-only URI for a file as a version holds it: botversions:/<bot>/<versionId>/<path>;
 * with `entry`, an entry of the version's export zip at `path` (the URI's path ends with the
 * entry); `formatted`: JSON shown pretty-printed.
 */
export function versionFileUri(bot: string, versionId: string, path: string, label: string, opts: { entry?: string; formatted?: boolean } = {}): vscode.Uri {
  const query = new URLSearchParams({ label });
  if (opts.entry !== undefined) query.set('zip', path);
  if (opts.formatted) query.set('formatted', '1');
  return vscode.Uri.from({
    scheme: VERSION_SCHEME,
    path: `/${bot}/${versionId}/${opts.entry ?? path}`,
    query: query.toString(),
  });
}

/** An empty read-only document, the missing side of a diff for an added or removed file. */
export function missingFileUri(bot: string, path: string, label: string): vscode.Uri {
  return versionFileUri(bot, NONE, path, label);
}

function parse(uri: vscode.Uri): { bot: string; version: string; path: string } {
  const [, bot = '', version = '', ...rest] = uri.path.split('/');
  return { bot, version, path: rest.join('/') };
}

/**
 * Serves botversions: documents from the store through the server. Versions never change,
 * so a document's text is cached for as long as the document is open.
 */
export class VersionDocuments implements vscode.TextDocumentContentProvider {
  private readonly cache = new Map<string, string>();

  constructor(private readonly ctx: Ctx) {
    ctx.push(
      vscode.workspace.registerTextDocumentContentProvider(VERSION_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())),
    );
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const { bot, version, path } = parse(uri);
    if (version === NONE) return '';
    const query = new URLSearchParams(uri.query);
    const zip = query.get('zip');
    const params = zip !== null ? { bot, version, path: zip, entry: path } : { bot, version, path };
    const file = await this.ctx.request('botVersions/readVersionFile', { ...params, formatted: query.get('formatted') === '1' });
    const text = file.text ?? `(binary file, ${file.size} bytes — not shown)`;
    this.cache.set(key, text);
    return text;
  }
}
