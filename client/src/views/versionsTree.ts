import * as vscode from 'vscode';
import type { BotInfo, ReleaseInfo, VersionFile, VersionInfo } from '../../../server/src/lsp/protocol';
import type { Ctx } from '../ctx';
import { age, dateTime, environmentColor, plural, versionTitle } from '../format';
import { versionFileUri } from '../versionDocuments';

/** What a row of the Versions view stands for. Commands receive these as their argument. */
export type VersionsNode =
  | { kind: 'bot'; bot: BotInfo }
  | { kind: 'working'; bot: BotInfo }
  | { kind: 'drift-file'; bot: BotInfo; path: string; change: 'added' | 'removed' | 'modified' }
  | { kind: 'release'; bot: BotInfo; release: ReleaseInfo }
  | { kind: 'version'; bot: BotInfo; version: VersionInfo }
  | { kind: 'version-file'; bot: BotInfo; version: VersionInfo; file: VersionFile }
  | { kind: 'more'; bot: BotInfo; offset: number };

interface BotPage {
  total: number;
  versions: VersionInfo[];
}

/** bots → working copy, pending releases and versions (newest first, paged); a version → its files. */
export class VersionsTree implements vscode.TreeDataProvider<VersionsNode> {
  private readonly emitter = new vscode.EventEmitter<VersionsNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly pages = new Map<string, BotPage>();
  private readonly unlocked = new Set<string>();
  readonly view: vscode.TreeView<VersionsNode>;

  constructor(private readonly ctx: Ctx) {
    this.view = vscode.window.createTreeView('botVersions.versions', {
      treeDataProvider: this,
      showCollapseAll: true,
      canSelectMany: true,
    });
    ctx.push(
      this.view,
      this.emitter,
      ctx.onDidChange(() => {
        this.pages.clear();
        this.emitter.fire(undefined);
      }),
    );
  }

  /** Marks a protected bot as unlocked for this session (shown in its context value). */
  setUnlocked(bot: string, unlocked: boolean): void {
    if (unlocked) this.unlocked.add(bot);
    else this.unlocked.delete(bot);
    this.emitter.fire(undefined);
  }

  isUnlocked(bot: string): boolean {
    return this.unlocked.has(bot);
  }

  /** The versions of a bot loaded so far (at least the first page). */
  async versions(bot: BotInfo): Promise<VersionInfo[]> {
    return (await this.page(bot, 0)).versions;
  }

  private async page(bot: BotInfo, offset: number): Promise<BotPage> {
    const limit = vscode.workspace.getConfiguration('botVersions').get<number>('versions.pageSize', 200);
    let page = this.pages.get(bot.id);
    if (!page || page.versions.length < Math.min(offset + limit, page.total)) {
      const loaded = page?.versions ?? [];
      const next = await this.ctx.request('botVersions/listVersions', { bot: bot.id, offset: loaded.length, limit: offset + limit - loaded.length });
      page = { total: next.total, versions: [...loaded, ...next.versions] };
      this.pages.set(bot.id, page);
    }
    return page;
  }

  /** Shows the next page of a bot's versions. */
  async showMore(node: Extract<VersionsNode, { kind: 'more' }>): Promise<void> {
    await this.page(node.bot, node.offset);
    this.emitter.fire({ kind: 'bot', bot: node.bot });
  }

  getTreeItem(node: VersionsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'bot':
        return this.botItem(node.bot);
      case 'working':
        return this.workingItem(node.bot);
      case 'drift-file': {
        const item = new vscode.TreeItem(node.path, vscode.TreeItemCollapsibleState.None);
        item.resourceUri = vscode.Uri.parse(`${node.bot.folderUri}/${node.path}`);
        item.description = node.change;
        item.contextValue = 'drift-file';
        item.command = { command: 'botVersions.openDriftFile', title: 'Compare with Last Version', arguments: [node] };
        return item;
      }
      case 'release':
        return this.releaseItem(node.release);
      case 'version':
        return this.versionItem(node.bot, node.version);
      case 'version-file': {
        const item = new vscode.TreeItem(node.file.path, vscode.TreeItemCollapsibleState.None);
        item.resourceUri = versionFileUri(node.bot.id, node.version.id, node.file.path, node.version.label);
        if (node.file.change) item.description = node.file.change === 'added' ? `added in ${node.version.label}` : `changed in ${node.version.label}`;
        item.contextValue = 'version-file';
        item.command = { command: 'vscode.open', title: 'Open File at Version', arguments: [item.resourceUri] };
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem('Show more versions…', vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: 'botVersions.showMoreVersions', title: 'Show More', arguments: [node] };
        return item;
      }
    }
  }

  async getChildren(node?: VersionsNode): Promise<VersionsNode[]> {
    if (!node) return this.ctx.bots.map((bot) => ({ kind: 'bot', bot }));
    switch (node.kind) {
      case 'bot': {
        const page = await this.page(node.bot, 0);
        const rows: VersionsNode[] = [{ kind: 'working', bot: node.bot }];
        for (const release of node.bot.pendingReleases) rows.push({ kind: 'release', bot: node.bot, release });
        for (const version of page.versions) rows.push({ kind: 'version', bot: node.bot, version });
        if (page.versions.length < page.total) rows.push({ kind: 'more', bot: node.bot, offset: page.versions.length });
        return rows;
      }
      case 'working': {
        const d = node.bot.drift;
        return [
          ...d.modified.map((path) => ({ kind: 'drift-file', bot: node.bot, path, change: 'modified' }) as const),
          ...d.added.map((path) => ({ kind: 'drift-file', bot: node.bot, path, change: 'added' }) as const),
          ...d.removed.map((path) => ({ kind: 'drift-file', bot: node.bot, path, change: 'removed' }) as const),
        ];
      }
      case 'version': {
        const files = await this.ctx.request('botVersions/versionFiles', { bot: node.bot.id, version: node.version.id });
        return files.map((file) => ({ kind: 'version-file', bot: node.bot, version: node.version, file }));
      }
      default:
        return [];
    }
  }

  private botItem(bot: BotInfo): vscode.TreeItem {
    const item = new vscode.TreeItem(bot.name || bot.id, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `bot:${bot.id}`;
    const parts = [bot.id];
    // Bots in a platform's own files say which platform and in which languages.
    if (bot.platform) parts.push(bot.locales.length ? `${bot.platform} ${bot.locales.join(', ')}` : bot.platform);
    if (bot.latest) parts.push(bot.latest.label);
    if (bot.protected) parts.push(this.unlocked.has(bot.id) ? 'protected, unlocked' : 'protected');
    if (bot.pendingReleases.length) parts.push(plural(bot.pendingReleases.length, 'pending release'));
    if (bot.warning) parts.unshift('store at risk');
    item.description = parts.join(' · ');
    item.iconPath = bot.warning
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : new vscode.ThemeIcon(bot.protected ? 'lock' : 'hubot');
    item.resourceUri = vscode.Uri.parse(bot.folderUri);
    const lock = bot.protected ? `:protected:${this.unlocked.has(bot.id) ? 'unlocked' : 'locked'}` : '';
    item.contextValue = `bot${lock}`;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**${escape(bot.name || bot.id)}** \`${bot.id}\`\n\n`);
    if (bot.platform) tip.appendMarkdown(`${escape(bot.platform)} bot${bot.locales.length ? ` in ${escape(bot.locales.join(', '))}` : ''}, read from its own files\n\n`);
    else if (bot.locales.length) tip.appendMarkdown(`Locales: ${escape(bot.locales.join(', '))}\n\n`);
    tip.appendMarkdown(`${plural(bot.versionCount, 'version')}`);
    if (bot.protected) tip.appendMarkdown('\n\n$(lock) Protected: this bot takes changes only through releases.');
    if (bot.warning) tip.appendMarkdown(`\n\n$(warning) ${escape(bot.warning)}`);
    item.tooltip = tip;
    return item;
  }

  private workingItem(bot: BotInfo): vscode.TreeItem {
    const d = bot.drift;
    const count = d.added.length + d.removed.length + d.modified.length;
    const item = new vscode.TreeItem('Working copy', count ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `working:${bot.id}`;
    if (!bot.base) item.description = 'no version saved yet';
    else if (d.dirty) item.description = `${plural(count, 'file')} changed since ${bot.base.label}`;
    else item.description = `same as ${bot.base.label}`;
    item.iconPath = d.dirty || !bot.base
      ? new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor('gitDecoration.modifiedResourceForeground'))
      : new vscode.ThemeIcon('pass', new vscode.ThemeColor('charts.green'));
    item.contextValue = d.dirty ? 'working:dirty' : 'working';
    const from = bot.base ? `${bot.base.label}, the version they were last saved as or restored from` : '';
    item.tooltip = !bot.base ? 'No version holds these files yet. Save a version to keep them.' : d.dirty ? `The files on disk differ from ${from}. Save a version to keep them.` : `The files on disk match ${from}.`;
    return item;
  }

  private releaseItem(r: ReleaseInfo): vscode.TreeItem {
    const item = new vscode.TreeItem(`Release from ${r.fromBot} ${r.fromLabel}`, vscode.TreeItemCollapsibleState.None);
    item.id = `release:${r.id}`;
    item.description = `pending · ${age(r.createdAt)} · ${r.author}`;
    item.iconPath = new vscode.ThemeIcon('rocket', new vscode.ThemeColor('charts.purple'));
    item.contextValue = 'release';
    const tip = new vscode.MarkdownString();
    tip.appendMarkdown(`**Pending release** \`${r.shortId}\`\n\n`);
    if (r.name) tip.appendText(r.name + '\n\n');
    if (r.description) tip.appendText(r.description + '\n\n');
    tip.appendText(`From ${r.fromBot} ${r.fromLabel}, by ${r.author}, ${dateTime(r.createdAt)}. Accept it to bring its files into ${r.toBot}.`);
    item.tooltip = tip;
    return item;
  }

  private versionItem(bot: BotInfo, v: VersionInfo): vscode.TreeItem {
    const item = new vscode.TreeItem(versionTitle(v), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `version:${bot.id}:${v.id}`;
    const envs = bot.environments.filter((e) => e.version?.id === v.id);
    const badges = envs.map((e) => `[${e.name}]`).join(' ');
    // A version chosen locale by locale says which locales it holds and which came from older versions.
    const locales = v.locales?.map((l) => (l.fromLabel ? `${l.locale} from ${l.fromLabel}` : l.locale)).join(', ');
    item.description = [badges, v.stale ? 'stale' : '', locales && (v.locales!.length < bot.locales.length || v.locales!.some((l) => l.fromLabel)) ? locales : '', age(v.createdAt), v.author].filter(Boolean).join(' · ');
    const top = envs.at(-1);
    item.iconPath = top
      ? new vscode.ThemeIcon('server-environment', environmentColor(top.index, bot.environments.length))
      : v.stale
        ? new vscode.ThemeIcon('history', new vscode.ThemeColor('disabledForeground'))
        : new vscode.ThemeIcon(v.originKind === 'released' ? 'rocket' : 'git-commit');
    item.contextValue = `version${envs.length ? ':deployed' : ''}`;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**${escape(versionTitle(v))}** \`${v.shortId}\`\n\n`);
    if (v.description) tip.appendText(v.description + '\n\n');
    tip.appendText(`${v.author}, ${dateTime(v.createdAt)} — ${v.origin}. ${plural(v.fileCount, 'file')}.`);
    if (v.locales?.length) tip.appendMarkdown(`\n\n$(globe) Locales: ${escape(v.locales.map((l) => `${l.locale} from ${l.fromLabel ?? 'the working copy'}`).join(', '))}`);
    if (envs.length) tip.appendMarkdown(`\n\n$(server-environment) In ${envs.map((e) => e.name).join(', ')}`);
    if (v.stale) tip.appendMarkdown('\n\n$(history) Stale: no environment has held it and no one has pinned it for a long time (`retention.staleAfterDays` in .botversions/config.json). Retention removes stale versions first.');
    item.tooltip = tip;
    return item;
  }

  getParent(node: VersionsNode): VersionsNode | undefined {
    switch (node.kind) {
      case 'bot':
        return undefined;
      case 'drift-file':
        return { kind: 'working', bot: node.bot };
      case 'version-file':
        return { kind: 'version', bot: node.bot, version: node.version };
      default:
        return { kind: 'bot', bot: node.bot };
    }
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
