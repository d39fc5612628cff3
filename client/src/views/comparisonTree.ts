import * as vscode from 'vscode';
import type { BotInfo, CompareResult, FileChange, SemanticChange, SideRef } from '../../../server/src/lsp/protocol';
import type { Ctx } from '../ctx';
import { plural } from '../format';
import { missingFileUri, versionFileUri } from '../versionDocuments';
import { entryUri, formattedUri } from '../virtualDocuments';

type Side = CompareResult['from'];

export type ComparisonNode =
  | { kind: 'files'; files: FileChange[] }
  | { kind: 'file'; file: FileChange }
  | { kind: 'summary'; changes: SemanticChange[] }
  | { kind: 'group'; title: string; changes: SemanticChange[] }
  /** Changes of one kind that belong to one entity (an intent's utterances in a locale, a slot type's values). */
  | { kind: 'parent'; changeKind: string; parent: string; locale?: string; changes: SemanticChange[] }
  | { kind: 'change'; change: SemanticChange }
  | { kind: 'same' };

/** The semantic diff's kinds, as the view titles them (the server lists them in this order). */
const KIND_TITLES: Record<string, string> = {
  setting: 'Settings',
  locale: 'Locales',
  variable: 'Variables',
  intent: 'Intents',
  utterance: 'Utterances',
  pattern: 'Patterns',
  entity: 'Entities',
  'entity-value': 'Entity values',
  slot: 'Slots',
  response: 'Responses',
  form: 'Forms',
  action: 'Actions',
  webhook: 'Webhooks',
  integration: 'Integrations',
  function: 'Functions',
  handoff: 'Handoffs',
  variant: 'Variants',
  translation: 'Translations',
  topic: 'Topics',
  dialog: 'Dialogs',
  interaction: 'Interactions',
  flow: 'Flows',
  step: 'Steps',
  condition: 'Conditions',
  page: 'Pages',
  'route-group': 'Route groups',
  route: 'Routes',
  story: 'Stories',
  rule: 'Rules',
  test: 'Tests',
};

const CHANGE_ICONS: Record<SemanticChange['change'], [string, string]> = {
  added: ['diff-added', 'charts.green'],
  removed: ['diff-removed', 'charts.red'],
  modified: ['diff-modified', 'charts.blue'],
};

/** "+2 −1 ~1": how many of a list were added, removed and modified. */
function counts(changes: readonly SemanticChange[]): string {
  let added = 0;
  let removed = 0;
  let modified = 0;
  for (const c of changes) {
    if (c.change === 'added') added++;
    else if (c.change === 'removed') removed++;
    else modified++;
  }
  return `+${added} −${removed}${modified ? ` ~${modified}` : ''}`;
}

/** The Comparison view: the files two sides differ in, and what changed in bot terms. */
export class ComparisonTree implements vscode.TreeDataProvider<ComparisonNode> {
  private readonly emitter = new vscode.EventEmitter<ComparisonNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private result: CompareResult | undefined;
  private bot: BotInfo | undefined;
  readonly view: vscode.TreeView<ComparisonNode>;

  constructor(private readonly ctx: Ctx) {
    this.view = vscode.window.createTreeView('botVersions.comparison', { treeDataProvider: this, showCollapseAll: true });
    ctx.push(this.view, this.emitter);
  }

  get current(): CompareResult | undefined {
    return this.result;
  }

  /** The sides last compared, and the locale the comparison is narrowed to. */
  private sides: { from: SideRef; to: SideRef; locale: string | undefined } | undefined;

  /** The bot of the comparison shown, and the locale it is narrowed to (none: every locale). */
  get shown(): { bot: BotInfo; locale: string | undefined } | undefined {
    return this.bot && this.sides ? { bot: this.bot, locale: this.sides.locale } : undefined;
  }

  /** Compares two sides of a bot (narrowed to one locale's files, for a bot whose locales are files of their own), and shows the result. */
  async compare(bot: BotInfo, from: SideRef, to: SideRef, locale?: string): Promise<CompareResult> {
    const result = await this.ctx.request('botVersions/compare', { bot: bot.id, from, to, ...(locale ? { locale } : {}) });
    this.result = result;
    this.bot = bot;
    this.sides = { from, to, locale };
    await vscode.commands.executeCommand('setContext', 'botVersions.comparisonByLocale', bot.localeVersions && bot.locales.length > 1);
    this.view.title = 'Comparison';
    this.view.description = `${bot.id}: ${result.from.label} ↔ ${result.to.label}${locale ? ` · ${locale} only` : ''}`;
    this.view.message = result.files.length
      ? undefined
      : `${result.from.label} and ${result.to.label} hold the same files${locale ? ` for ${locale}` : ''}.`;
    await vscode.commands.executeCommand('setContext', 'botVersions.hasComparison', true);
    this.emitter.fire(undefined);
    await this.view.reveal({ kind: 'files', files: result.files }, { focus: false, select: false, expand: true }).then(undefined, () => undefined);
    return result;
  }

  /** The same two sides again, narrowed to `locale` (or every locale). */
  async narrow(locale: string | undefined): Promise<CompareResult | undefined> {
    if (!this.bot || !this.sides) return undefined;
    return this.compare(this.bot, this.sides.from, this.sides.to, locale);
  }

  async clear(): Promise<void> {
    this.result = undefined;
    this.sides = undefined;
    await vscode.commands.executeCommand('setContext', 'botVersions.hasComparison', false);
    this.emitter.fire(undefined);
  }

  /** Opens one changed file in VS Code's diff editor. */
  async openDiff(file: FileChange, result = this.result, bot = this.bot): Promise<void> {
    if (!result || !bot) return;
    const left = this.sideUri(bot, result.from, file, file.change === 'added');
    const right = this.sideUri(bot, result.to, file, file.change === 'removed');
    await vscode.commands.executeCommand('vscode.diff', left, right, `${file.path} (${result.from.label} ↔ ${result.to.label})`, {
      preview: true,
    });
  }

  /**
   * One side of a file's diff: a version's file, or the working copy's. A bot that is an
   * export zip is compared by its entries (a version's entry, or the zip's entry as the
   * workspace reads it); JSON a side holds on one long line is shown pretty-printed on both.
   */
  private sideUri(bot: BotInfo, side: Side, file: FileChange, missing: boolean): vscode.Uri {
    if (missing) return missingFileUri(bot.id, file.path, side.label);
    const formatted = !!file.minified;
    if (side.kind === 'working') {
      const uri = file.entryOf ? entryUri(`${vscode.Uri.parse(bot.folderUri).fsPath}/${file.entryOf}/${file.path}`) : vscode.Uri.parse(`${bot.folderUri}/${file.path}`);
      return formatted ? formattedUri(uri) : uri;
    }
    return file.entryOf ? versionFileUri(bot.id, side.id, file.entryOf, side.label, { entry: file.path, formatted }) : versionFileUri(bot.id, side.id, file.path, side.label, { formatted });
  }

  getTreeItem(node: ComparisonNode): vscode.TreeItem {
    switch (node.kind) {
      case 'files': {
        const item = new vscode.TreeItem(`Files`, vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'files';
        item.description = plural(node.files.length, 'file') + ' changed';
        item.iconPath = new vscode.ThemeIcon('files');
        return item;
      }
      case 'file': {
        const f = node.file;
        const item = new vscode.TreeItem(vscode.Uri.file(f.path), vscode.TreeItemCollapsibleState.None);
        item.id = `file:${f.path}`;
        item.label = f.path;
        item.description = `${f.change}${f.change === 'modified' ? `  +${f.additions} −${f.deletions}` : ''}`;
        const [icon, color] = CHANGE_ICONS[f.change];
        item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
        item.command = { command: 'botVersions.openComparedFile', title: 'Open Diff', arguments: [f] };
        item.tooltip = `${f.path}: ${f.change}. Click to open the diff.`;
        return item;
      }
      case 'summary': {
        const item = new vscode.TreeItem('Changes in bot terms', vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'summary';
        item.description = node.changes.length ? plural(node.changes.length, 'change') : 'none';
        item.iconPath = new vscode.ThemeIcon('hubot');
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${node.title}`;
        const tally = (['added', 'removed', 'modified'] as const)
          .map((c) => [c, node.changes.filter((x) => x.change === c).length] as const)
          .filter(([, n]) => n > 0)
          .map(([c, n]) => `${n} ${c}`);
        item.description = tally.join(', ');
        return item;
      }
      case 'parent': {
        const label = node.locale ? `${node.parent} (${node.locale})` : node.parent;
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `parent:${node.changeKind}:${node.parent}:${node.locale ?? ''}`;
        item.description = counts(node.changes);
        const only = new Set(node.changes.map((c) => c.change));
        const [icon, color] = CHANGE_ICONS[only.size === 1 ? node.changes[0]!.change : 'modified'];
        item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
        return item;
      }
      case 'change': {
        const c = node.change;
        // Under a parent row the parent and locale are said already.
        const label = c.parent === undefined && c.locale ? `${c.name} (${c.locale})` : c.name;
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
        item.description = c.detail ? `${c.change} · ${c.detail}` : c.change;
        const [icon, color] = CHANGE_ICONS[c.change];
        item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
        const where = [c.parent, c.locale].filter((x) => x !== undefined).join(', ');
        item.tooltip = `${KIND_TITLES[c.kind] ?? c.kind}: ${c.name}${where ? ` (${where})` : ''} ${c.change}${c.detail ? ` — ${c.detail}` : ''}${c.file ? `\n${c.file}` : ''}`;
        return item;
      }
      case 'same': {
        const item = new vscode.TreeItem('No differences', vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('check');
        return item;
      }
    }
  }

  getChildren(node?: ComparisonNode): ComparisonNode[] {
    const r = this.result;
    if (!r) return [];
    if (!node) {
      if (!r.files.length) return [{ kind: 'same' }];
      return [
        { kind: 'summary', changes: r.summary },
        { kind: 'files', files: r.files },
      ];
    }
    switch (node.kind) {
      case 'files':
        return node.files.map((file) => ({ kind: 'file', file }));
      case 'summary': {
        const groups = new Map<string, SemanticChange[]>();
        for (const c of node.changes) groups.set(c.kind, [...(groups.get(c.kind) ?? []), c]);
        return [...groups].map(([kind, changes]) => ({ kind: 'group', title: KIND_TITLES[kind] ?? kind, changes }));
      }
      case 'group': {
        // Changes that belong to an entity are gathered under it, per locale; the rest are listed as they are.
        const out: ComparisonNode[] = [];
        const parents = new Map<string, Extract<ComparisonNode, { kind: 'parent' }>>();
        for (const change of node.changes) {
          if (change.parent === undefined) {
            out.push({ kind: 'change', change });
            continue;
          }
          const key = `${change.parent}\u0000${change.locale ?? ''}`;
          let p = parents.get(key);
          if (!p) {
            p = { kind: 'parent', changeKind: change.kind, parent: change.parent, changes: [] };
            if (change.locale !== undefined) p.locale = change.locale;
            parents.set(key, p);
            out.push(p);
          }
          p.changes.push(change);
        }
        return out;
      }
      case 'parent':
        return node.changes.map((change) => ({ kind: 'change', change }));
      default:
        return [];
    }
  }

  getParent(node: ComparisonNode): ComparisonNode | undefined {
    if (node.kind === 'file' && this.result) return { kind: 'files', files: this.result.files };
    return undefined;
  }
}
