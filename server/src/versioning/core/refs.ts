/**
 * Version references as people type them: `12` or `v12` (a number), an id prefix of at
 * least 4 hex digits, a label `v12~a1b2c3d4`, `latest`, or `@staging` (what an environment
 * holds). A number that two merged versions share is ambiguous: the error lists both.
 */
import { BotvError } from '../errors';
import { shortId } from '../store/hash';
import type { Stored } from '../store/records';
import type { VersionRecord } from '../store/schema';
import { currentEvents, labelOf, type BotState } from './state';

function describe(state: BotState, v: Stored<VersionRecord>): string {
  return `${labelOf(state, v)} (id ${shortId(v.id)}, "${v.record.name}", ${v.record.author}, ${v.record.at})`;
}

function ambiguous(state: BotState, ref: string, list: Stored<VersionRecord>[]): BotvError {
  const lines = list.map((v) => `  ${describe(state, v)}`).join('\n');
  return new BotvError(
    'AMBIGUOUS_VERSION',
    `"${ref}" matches ${list.length} versions of ${state.bot}:\n${lines}\nName one by its label (e.g. ${labelOf(state, list[0]!)}) or a longer id prefix.`,
    { candidates: list.map((v) => ({ id: v.id, number: v.record.number, label: labelOf(state, v), name: v.record.name, createdAt: v.record.at })) },
  );
}

function deletedNote(state: BotState, pred: (d: { version: string; number: number }) => boolean): string {
  const d = state.deletions.find((x) => pred(x.record));
  return d ? ` It was deleted on ${d.record.at} by ${d.record.author}${d.record.reason === 'retention' ? ' (retention)' : ''}.` : '';
}

/** Finds the version `ref` names; throws NO_VERSION or AMBIGUOUS_VERSION with what to do. */
export function resolveVersion(state: BotState, ref: string): Stored<VersionRecord> {
  const r = ref.trim();
  const none = (extra = '') =>
    new BotvError(
      'NO_VERSION',
      `${state.bot} has no version "${ref}".${extra} List them with \`botv versions ${state.bot}\`.`,
    );
  if (state.versions.length === 0) throw new BotvError('NO_VERSION', `${state.bot} has no versions yet. Save one with \`botv save ${state.bot}\`.`);
  if (r === 'latest') return state.versions[state.versions.length - 1]!;
  if (r.startsWith('@')) {
    const env = r.slice(1);
    const e = currentEvents(state).get(env);
    if (!e) throw new BotvError('NO_VERSION', `Environment "${env}" of ${state.bot} holds no version. See \`botv env ${state.bot}\`.`);
    const v = state.byId.get(e.record.version);
    if (!v) throw none(` ${env} holds v${e.record.number}, which is no longer in the store.`);
    return v;
  }
  const label = /^v?(\d+)~([0-9a-f]{4,64})$/i.exec(r);
  if (label) {
    const n = Number(label[1]);
    const p = label[2]!.toLowerCase();
    const list = state.versions.filter((v) => v.record.number === n && v.id.startsWith(p));
    if (list.length === 1) return list[0]!;
    if (list.length > 1) throw ambiguous(state, ref, list);
    throw none(deletedNote(state, (d) => d.number === n && d.version.startsWith(p)));
  }
  const num = /^v?(\d+)$/i.exec(r);
  if (num) {
    const n = Number(num[1]);
    const list = state.versions.filter((v) => v.record.number === n);
    if (list.length === 1) return list[0]!;
    if (list.length > 1) throw ambiguous(state, ref, list);
    // Fall through: all digits may also be an id prefix.
    if (!/^\d{4,}$/.test(r)) throw none(deletedNote(state, (d) => d.number === n));
  }
  if (/^[0-9a-f]{4,64}$/i.test(r)) {
    const p = r.toLowerCase();
    const list = state.versions.filter((v) => v.id.startsWith(p));
    if (list.length === 1) return list[0]!;
    if (list.length > 1) throw ambiguous(state, ref, list);
    throw none(deletedNote(state, (d) => d.version.startsWith(p)));
  }
  throw new BotvError(
    'BAD_ARGUMENT',
    `"${ref}" is not a version reference. Use a number (12 or v12), an id prefix (at least 4 hex digits), a label like v12~a1b2c3d4, "latest", or "@<environment>".`,
  );
}
