// Which locales go into a new version, and from where: the Save Version command asks it of a
// bot whose locales are files of their own (a Lex export), as Lex's console does when it
// creates a version. The default — every locale, as the working copy holds it — is one Enter.
import * as vscode from 'vscode';
import type { BotInfo } from '../../../server/src/lsp/protocol';
import type { Ctx } from '../ctx';
import { localeWord, versionTitle } from '../format';
import { Cancelled } from './run';

export interface LocaleChoice {
  locales?: string[];
  localeFrom?: Record<string, string>;
}

export async function chooseLocales(ctx: Ctx, bot: BotInfo): Promise<LocaleChoice> {
  if (!bot.localeVersions || bot.locales.length === 0) return {};
  const all = bot.locales;
  // In the platform's words: Lex's locales, Dialogflow's languages.
  const w = localeWord(bot.format);
  const WORKING = 'From the working copy';
  const OLDER = `Take some ${w.many} from an earlier version…`;
  const how = await vscode.window.showQuickPick(
    [
      { label: `All ${w.many} (${all.join(', ')})`, description: WORKING, id: 'all' },
      { label: `Only some ${w.many}…`, description: WORKING, id: 'some' },
      { label: OLDER, description: 'e.g. ship the French fix while German stays as an earlier version has it', id: 'older' },
    ],
    { placeHolder: `Which ${w.many} of ${bot.id} go into the new version, and from where?`, ignoreFocusOut: true },
  );
  if (!how) throw new Cancelled();
  if (how.id === 'all') return {};
  if (how.id === 'some') {
    const picked = await vscode.window.showQuickPick(
      all.map((l) => ({ label: l, picked: true })),
      { canPickMany: true, placeHolder: `The ${w.many} of the new version of ${bot.id} (the others stay in older versions)`, ignoreFocusOut: true },
    );
    if (!picked) throw new Cancelled();
    if (picked.length === 0) throw new Error(`A version needs at least one ${w.one}.`);
    return { locales: picked.map((p) => p.label) };
  }
  const { versions } = await ctx.request('botVersions/listVersions', { bot: bot.id, offset: 0, limit: 1000 });
  if (versions.length === 0) throw new Error(`${bot.id} has no earlier version to take a ${w.one} from. Save one first.`);
  const localeFrom: Record<string, string> = {};
  for (const locale of all) {
    const pick = await vscode.window.showQuickPick(
      [{ label: WORKING, id: '' }, ...versions.map((v) => ({ label: versionTitle(v), description: v.locales?.some((l) => l.locale === locale) === false ? `has no ${locale}` : '', id: v.id }))],
      { placeHolder: `Where does ${locale} come from?`, ignoreFocusOut: true },
    );
    if (!pick) throw new Cancelled();
    if (pick.id) localeFrom[locale] = pick.id;
  }
  return Object.keys(localeFrom).length ? { localeFrom } : {};
}
