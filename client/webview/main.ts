// The Environments panel's script. It renders the state the extension posts, using DOM
// text nodes only (names and descriptions are never parsed as markup), and posts back
// what the user clicked. Everything it may send is listed in client/src/panel/messages.ts.
import type { FromWebview, PanelGateResult, PanelState, ToWebview } from '../src/panel/messages';
import type { EnvironmentEventInfo, EnvironmentInfo, ReleaseInfo, ScheduleInfo, VersionInfo } from '../../server/src/lsp/protocol';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  setState(state: unknown): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
const live = document.getElementById('live')!;
let state: PanelState | undefined;
let busy = false;

type Child = Node | string | null | undefined | false;

/** Builds an element; strings become text nodes, so nothing here is ever parsed as HTML. */
function h(tag: string, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

function icon(name: string): HTMLElement {
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

function button(label: string, iconName: string, message: FromWebview, opts: { primary?: boolean; title?: string; key: string }): HTMLElement {
  const disabled = busy || !state?.trusted;
  const b = h(
    'button',
    {
      type: 'button',
      class: opts.primary ? 'primary' : 'secondary',
      'data-key': opts.key,
      title: !state?.trusted ? 'Restricted Mode: trust this workspace to change environments.' : opts.title,
      disabled,
    },
    icon(iconName),
    label,
  );
  b.addEventListener('click', () => {
    if (busy) return;
    setBusy(true);
    vscode.postMessage(message);
  });
  return b;
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
function age(iso: string): string {
  const s = Math.round((Date.parse(iso) - Date.now()) / 1000);
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];
  for (const [unit, size] of steps) if (Math.abs(s) >= size) return relative.format(Math.trunc(s / size), unit);
  return 'just now';
}
function when(iso: string): HTMLElement {
  return h('time', { datetime: iso, title: new Date(iso).toLocaleString() }, age(iso));
}
function versionText(v: VersionInfo | null): string {
  if (!v) return 'empty';
  return v.name ? `${v.label} · ${v.name}` : v.label;
}

function card(env: EnvironmentInfo, s: PanelState): HTMLElement {
  const prev = s.environments.find((e) => e.name === env.promotesFrom);
  const headingId = `env-${env.index}`;
  const last = env.index === s.environments.length - 1;
  const c = h('article', { class: `card${last ? ' last' : ''}`, role: 'listitem', 'aria-labelledby': headingId });
  c.append(
    h('h2', { id: headingId }, icon('server-environment'), env.name, env.gated ? h('span', { class: 'badge', title: 'A version must validate without errors to enter.' }, 'gated') : null),
    h('p', { class: `version${env.version ? '' : ' empty'}` }, versionText(env.version)),
    env.version && env.since
      ? h('p', { class: 'meta' }, 'since ', when(env.since), env.by ? ` by ${env.by}` : '')
      : h('p', { class: 'meta' }, env.version ? '' : 'No version yet.'),
  );
  const gate = s.gates[env.name];
  if (gate?.checked) {
    const ok = gate.errors === 0;
    c.append(
      h(
        'p',
        { class: `gate ${ok ? 'ok' : 'fail'}` },
        icon(ok ? 'pass' : 'error'),
        ok
          ? `${gate.version ?? 'Incoming version'} passes validation${gate.warnings ? ` (${gate.warnings} warning${gate.warnings === 1 ? '' : 's'})` : ''}`
          : `${gate.version ?? 'Incoming version'}: ${gate.errors} error${gate.errors === 1 ? '' : 's'} block promotion`,
      ),
    );
  }
  if (env.gates.length) {
    const list = h('p', { class: 'gate-list', 'aria-label': `Gates of ${env.name}` }, 'Gates: ');
    env.gates.forEach((g, i) => {
      if (i > 0) list.append(' · ');
      list.append(h('span', { class: `gate-name ${g.kind}`, title: g.command ? `runs: ${g.command}${g.timeoutSeconds ? ` (at most ${g.timeoutSeconds} s)` : ''}` : g.kind === 'tests' ? "the bot's own test files, checked against the bot" : 'the language server’s checks' }, g.kind === 'command' ? icon('terminal') : null, g.name));
    });
    c.append(list);
  }
  const result = s.gateResults[env.name];
  if (result) c.append(gateResult(env, result));
  if (env.schedules.length) c.append(schedules(env, env.schedules));
  const actions = h('div', { class: 'actions' });
  if (prev?.version && prev.version.id !== env.version?.id) {
    actions.append(button(`Promote ${prev.version.label} from ${prev.name}`, 'arrow-right', { type: 'promote', environment: env.name }, { primary: true, key: `promote:${env.name}` }));
  }
  if (env.previous) {
    actions.append(button(`Roll back to ${env.previous.label}`, 'history', { type: 'rollback', environment: env.name }, { key: `rollback:${env.name}`, title: `Return ${env.name} to what it held before` }));
  }
  actions.append(button('Set version…', 'target', { type: 'setVersion', environment: env.name }, { key: `set:${env.name}` }));
  if (env.version) actions.append(button('Compare', 'git-compare', { type: 'compare', environment: env.name }, { key: `compare:${env.name}`, title: prev ? `Compare with what ${prev.name} holds` : 'Compare with the working copy' }));
  c.append(actions);
  c.append(historyList(env, s.history[env.name] ?? []));
  return c;
}

const OUTCOME: Record<PanelGateResult['outcome'], string> = {
  entered: 'passed its gates',
  overridden: 'entered with failed gates (overridden)',
  skipped: 'entered without its gates (skipped)',
  refused: 'was refused',
  cancelled: 'was cancelled while its gates ran',
};

/** What the gates of the last change found: each gate's verdict, and a failed gate's last output. */
function gateResult(env: EnvironmentInfo, r: PanelGateResult): HTMLElement {
  const failed = r.runs.find((x) => x.verdict === 'failed');
  const bad = r.outcome === 'refused' || r.outcome === 'cancelled';
  const box = h('section', { class: `gate-result ${r.outcome}`, 'aria-label': `Last gate result of ${env.name}`, 'data-key': `gate-result:${env.name}` });
  box.append(
    h(
      'p',
      { class: 'gate-result-title' },
      icon(bad ? 'error' : r.outcome === 'entered' ? 'pass' : 'warning'),
      h('span', {}, `${r.version} ${OUTCOME[r.outcome]}${r.outcome === 'refused' && failed ? ` by the gate "${failed.name}"` : ''}`, ' · ', when(r.at)),
    ),
  );
  if (r.runs.length) {
    const ul = h('ul', { class: 'runs' });
    for (const run of r.runs) {
      ul.append(h('li', { class: `run ${run.verdict}` }, icon(run.verdict === 'passed' ? 'pass' : 'error'), h('span', {}, h('strong', {}, run.name), `: ${run.summary}`)));
    }
    box.append(ul);
  } else if (r.message) {
    box.append(h('p', { class: 'meta' }, r.message));
  }
  if (failed?.output) {
    const d = h('details', { class: 'gate-output', 'data-key': `gate-output:${env.name}`, open: r.outcome === 'refused' || openOutputs.has(env.name) });
    d.addEventListener('toggle', () => (d.hasAttribute('open') ? openOutputs.add(env.name) : openOutputs.delete(env.name)));
    d.append(h('summary', {}, `Output of "${failed.name}"`));
    if (failed.command) d.append(h('p', { class: 'meta command' }, `$ ${failed.command}`));
    d.append(h('pre', { class: 'output', tabindex: '0' }, failed.output));
    box.append(d);
  }
  if (r.runs.some((x) => x.output)) {
    box.append(h('div', { class: 'actions' }, button('Show Output', 'output', { type: 'showGateOutput', environment: env.name }, { key: `output:${env.name}`, title: 'Every gate’s output in the Bot Versions log' })));
  }
  return box;
}
const openOutputs = new Set<string>();

/** Promotions into the environment scheduled for later, each with a way to cancel it. */
function schedules(env: EnvironmentInfo, list: ScheduleInfo[]): HTMLElement {
  const box = h('section', { class: 'schedules', 'aria-label': `Scheduled promotions into ${env.name}` }, h('p', { class: 'schedules-title' }, icon('calendar'), 'Scheduled'));
  for (const s of list) {
    box.append(
      h(
        'div',
        { class: `schedule${s.isDue ? ' due' : ''}` },
        h('p', {}, h('strong', {}, s.versionLabel), ` from ${s.from} · `, h('time', { datetime: s.due, title: new Date(s.due).toLocaleString() }, s.isDue ? `due since ${age(s.due)}` : new Date(s.due).toLocaleString()), ` · by ${s.author}`),
        s.note ? h('p', { class: 'meta' }, s.note) : null,
        h('div', { class: 'actions' }, button('Cancel', 'close', { type: 'cancelSchedule', schedule: s.id }, { key: `cancel-schedule:${s.id}`, title: 'Cancel this scheduled promotion (recorded in the history)' })),
      ),
    );
  }
  return box;
}

function historyList(env: EnvironmentInfo, events: EnvironmentEventInfo[]): HTMLElement {
  const d = h('details', { 'data-key': `history:${env.name}` });
  if (openHistory.has(env.name)) d.setAttribute('open', '');
  d.addEventListener('toggle', () => (d.hasAttribute('open') ? openHistory.add(env.name) : openHistory.delete(env.name)));
  d.append(h('summary', {}, `History (${events.length})`));
  if (!events.length) {
    d.append(h('p', { class: 'meta' }, 'Nothing has happened here yet.'));
    return d;
  }
  const ol = h('ol', { class: 'history' });
  for (const e of events) {
    ol.append(
      h(
        'li',
        {},
        h('span', { class: `action ${e.action}` }, e.action),
        ' ',
        h('strong', {}, e.version ? e.version.label : e.versionId.slice(0, 8)),
        e.from ? ` from ${e.from}` : '',
        ' · ',
        e.by,
        ' · ',
        when(e.at),
        e.note ? h('div', { class: 'note' }, e.note) : null,
      ),
    );
  }
  d.append(ol);
  return d;
}
const openHistory = new Set<string>();

function releases(list: ReleaseInfo[]): HTMLElement | null {
  if (!list.length) return null;
  const section = h('section', { class: 'releases', 'aria-labelledby': 'releases-title' }, h('h2', { id: 'releases-title' }, icon('rocket'), 'Pending releases'));
  for (const r of list) {
    section.append(
      h(
        'div',
        { class: 'release' },
        h('p', {}, h('strong', {}, `${r.fromBot} ${r.fromLabel}`), r.name ? ` · ${r.name}` : ''),
        r.description ? h('p', { class: 'meta' }, r.description) : null,
        h('p', { class: 'meta' }, `by ${r.author}, `, when(r.createdAt)),
        h(
          'div',
          { class: 'actions' },
          button('Accept', 'check', { type: 'acceptRelease', release: r.id }, { primary: true, key: `accept:${r.id}` }),
          button('Reject', 'close', { type: 'rejectRelease', release: r.id }, { key: `reject:${r.id}` }),
        ),
      ),
    );
  }
  return section;
}

function header(s: PanelState): HTMLElement {
  const select = h('select', { id: 'bot', 'aria-label': 'Bot' }) as HTMLSelectElement;
  for (const b of s.bots) {
    const o = h('option', { value: b.id, selected: b.id === s.bot?.id }, b.name ? `${b.name} (${b.id})` : b.id);
    select.append(o);
  }
  select.addEventListener('change', () => vscode.postMessage({ type: 'selectBot', bot: select.value }));
  const refresh = h('button', { type: 'button', class: 'icon', title: 'Refresh', 'aria-label': 'Refresh', 'data-key': 'refresh' }, icon('refresh'));
  refresh.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  return h(
    'header',
    {},
    h('h1', {}, 'Environments'),
    s.bots.length > 1 ? h('label', { for: 'bot', class: 'visually-hidden' }, 'Bot') : null,
    s.bots.length > 1 ? select : s.bot ? h('span', { class: 'bot' }, s.bot.name || s.bot.id) : null,
    s.bot?.protected ? h('span', { class: 'badge', title: 'Takes changes only through releases' }, icon('lock'), 'protected') : null,
    refresh,
  );
}

function render(): void {
  if (!state) return;
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.key;
  const s = state;
  const nodes: Child[] = [header(s)];
  if (!s.trusted) nodes.push(h('p', { class: 'notice warn' }, icon('shield'), 'Restricted Mode: you can look, but promoting, rolling back and releasing need a trusted workspace.'));
  if (s.notice) nodes.push(h('p', { class: 'notice' }, s.notice));
  if (s.bot) {
    const pipeline = h('div', { class: 'pipeline', role: 'list', 'aria-label': `Pipeline of ${s.bot.id}` });
    s.environments.forEach((env, i) => {
      if (i > 0) pipeline.append(h('div', { class: 'arrow', 'aria-hidden': 'true' }, icon('arrow-right')));
      pipeline.append(card(env, s));
    });
    nodes.push(pipeline, releases(s.pendingReleases));
  }
  app.replaceChildren(...nodes.filter((n): n is Node | string => !!n));
  app.setAttribute('aria-busy', String(busy));
  if (focused) (app.querySelector(`[data-key="${CSS.escape(focused)}"]`) as HTMLElement | null)?.focus();
}

function setBusy(b: boolean): void {
  busy = b;
  render();
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  if (m.type === 'state') {
    const before = state;
    state = m.state;
    busy = false;
    vscode.setState({ bot: m.state.bot?.id });
    render();
    if (before && m.state.bot) {
      const changed = m.state.environments.filter((e) => before.environments.find((x) => x.name === e.name)?.version?.id !== e.version?.id);
      if (changed.length) live.textContent = changed.map((e) => `${e.name} now holds ${versionText(e.version)}`).join('. ');
    }
  } else if (m.type === 'busy') {
    setBusy(m.busy);
  }
});

vscode.postMessage({ type: 'ready' });
