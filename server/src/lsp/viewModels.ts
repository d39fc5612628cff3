// Maps the versioning core's data onto the protocol's view models.
import type * as core from '../versioning/index';
import type { EnvironmentEventInfo, EnvironmentInfo, GateRunInfo, GatesInfo, HistoryEntryInfo, ReleaseInfo, ScheduleInfo, VersionInfo } from './protocol';

/** "saved", "restored from v3", "released from pizza-dev v7". */
export function originText(o: core.VersionOrigin): string {
  switch (o.kind) {
    case 'saved':
      return 'saved';
    case 'auto-saved':
      return o.before === 'restore' ? 'saved automatically before a restore' : 'saved automatically before accepting a release';
    case 'restored':
      return `restored from v${o.fromNumber}`;
    case 'copied':
      return `copied from v${o.fromNumber}`;
    case 'released':
      return `released from ${o.fromBot} v${o.fromNumber}`;
  }
}

export function versionInfo(v: core.VersionInfo): VersionInfo {
  return {
    id: v.id,
    shortId: v.shortId,
    number: v.number,
    label: v.label,
    name: v.name,
    description: v.description,
    author: v.author,
    createdAt: v.createdAt,
    parentId: v.parent,
    origin: originText(v.origin),
    originKind: v.origin.kind,
    environments: v.environments,
    pinned: v.pinned,
    fileCount: v.files,
    stale: v.stale,
    ...(v.locales?.length ? { locales: v.locales.map((l) => ({ locale: l.locale, from: l.from, fromLabel: l.fromNumber === null ? null : `v${l.fromNumber}` })) } : {}),
  };
}

export function gateRunInfo(r: core.GateRun): GateRunInfo {
  const out: GateRunInfo = { name: r.name, kind: r.kind, verdict: r.verdict, summary: r.summary, durationMs: r.durationMs, content: r.content };
  if (r.command !== undefined) out.command = r.command;
  if (r.exitCode !== undefined) out.exitCode = r.exitCode;
  if (r.timedOut) out.timedOut = true;
  if (r.errors !== undefined) out.errors = r.errors;
  if (r.warnings !== undefined) out.warnings = r.warnings;
  if (r.output !== undefined) out.output = r.output;
  return out;
}

export function gatesInfo(g: core.GatesOutcome | undefined): GatesInfo | null {
  if (!g || (g.runs.length === 0 && !g.skipped)) return null;
  return { runs: g.runs.map(gateRunInfo), skipped: g.skipped?.reason ?? null };
}

export function scheduleInfo(s: core.ScheduleInfo): ScheduleInfo {
  return {
    id: s.id,
    shortId: s.shortId,
    environment: s.environment,
    from: s.from,
    versionId: s.version.id,
    versionLabel: s.version.label,
    due: s.due,
    isDue: s.isDue,
    note: s.note ?? null,
    author: s.author,
    createdAt: s.createdAt,
  };
}

export function environmentInfo(e: core.EnvironmentState, byId: ReadonlyMap<string, VersionInfo>): EnvironmentInfo {
  return {
    name: e.name,
    index: e.index,
    version: e.versionId ? (byId.get(e.versionId) ?? null) : null,
    since: e.since,
    by: e.by,
    previous: e.rollbackTo ? (byId.get(e.rollbackTo.id) ?? null) : null,
    gated: e.gated,
    promotesFrom: e.promotesFrom,
    gates: e.gates.map((g) => ({ ...g })),
    schedules: e.schedules.map(scheduleInfo),
  };
}

export function environmentEventInfo(e: core.EnvironmentEvent, byId: ReadonlyMap<string, VersionInfo>): EnvironmentEventInfo {
  const notes: string[] = [];
  if (e.skipped?.length) notes.push(`skipped ${e.skipped.join(', ')}`);
  if (e.schedule) notes.push('as scheduled');
  if (e.gate.override) notes.push(`gate overridden: ${e.gate.override.reason}`);
  if (e.gates?.skipped) notes.push(`gates skipped: ${e.gates.skipped.reason}`);
  else if (e.gates?.runs.length) notes.push(e.gates.runs.map((r) => `${r.name} ${r.verdict}`).join(', '));
  else if (e.gate.checked) notes.push(e.gate.errors ? `${e.gate.errors} validation errors` : 'validation passed');
  return {
    id: e.id,
    environment: e.environment,
    action: e.action,
    version: byId.get(e.version.id) ?? null,
    versionId: e.version.id,
    previousId: e.previous?.id ?? null,
    from: e.from ?? null,
    at: e.at,
    by: e.author,
    note: notes.join('; '),
    gates: gatesInfo(e.gates),
    scheduled: e.schedule !== undefined,
  };
}

export function releaseInfo(r: core.ReleaseInfo): ReleaseInfo {
  return {
    id: r.id,
    shortId: r.shortId,
    fromBot: r.fromBot,
    fromVersionId: r.fromVersion.id,
    fromLabel: r.fromVersion.label,
    toBot: r.toBot,
    name: r.name,
    description: r.description,
    createdAt: r.createdAt,
    author: r.author,
    status: r.status,
    resolvedAt: r.resolvedAt ?? null,
    resolvedBy: r.resolvedBy ?? null,
    acceptedVersionId: r.acceptedVersion?.id ?? null,
  };
}

export function historyEntryInfo(h: core.HistoryEntry): HistoryEntryInfo {
  return {
    id: h.id,
    at: h.at,
    by: h.author,
    action: h.action,
    text: h.summary,
    environment: h.environment ?? null,
    versionId: h.version?.id ?? null,
  };
}
