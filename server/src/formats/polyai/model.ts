// A PolyAI ADK project as one model: every resource file's facts merged into the tables the
// rules and the editor features read — languages, entities, handoffs, SMS templates,
// translations, variants and attributes, global functions, state variables, flows (with their
// config, steps by name, function steps and transition functions), topics, test cases — and
// every reference with its file. Rebuilt from the files' cached facts when one of them changes.
import type { BotDocument, BotModel } from '../../definitions/index';
import { relativeTo } from '../../definitions/index';
import type { Attribute, FlowConfigFacts, Named, PolyFacts, StepFacts, Str, TestFacts, TopicFacts } from './facts';
import { LIFECYCLE, stem } from './paths';
import type { PolyRole } from './paths';
import type { PyFunction, PySpan } from './python';
import type { TextRef } from './refs';

/**
 * A project file as the workspace holds it. Its facts depend on where it is in the project
 * (a topic, a step, a function), which only the session knows: they are read there, once per
 * parse of the file (session.ts), and kept in the model's `facts`.
 */
export type PolyDocument = BotDocument;

/** Something a file defines, with the file (absolute workspace path). */
export interface InFile<T> {
  file: string;
  decl: T;
}

export interface PolyFlow {
  /** The folder under flows/. */
  folder: string;
  config?: InFile<FlowConfigFacts>;
  /** Steps by their `name`. */
  steps: Map<string, InFile<StepFacts>[]>;
  /** Every step file, in path order. */
  stepFiles: InFile<StepFacts>[];
  /** Function steps by their name (the file's). */
  functionSteps: Map<string, InFile<PyFunction>>;
  /** Transition functions ({{ft:}}) by their name. */
  transitionFunctions: Map<string, InFile<PyFunction>>;
}

export interface PolyProject extends BotModel {
  format: 'polyai';
  docs: Map<string, PolyDocument>;
  /** Each file's facts. */
  facts: Map<string, PolyFacts>;
  roles: Map<string, PolyRole>;
  /** Files whose YAML or JSON could not be read: what they would define is unknown. */
  unreadable: string[];
  languagesFile?: string;
  /** The configured languages: the default first. */
  languages: Str[];
  entities: Map<string, InFile<Named>[]>;
  handoffs: InFile<Named & { isDefault: boolean; isDefaultNode?: import('../../definitions/index').Node }>[];
  smsTemplates: Map<string, InFile<Named>[]>;
  translations: Map<string, InFile<Named & { keys: Map<string, Str> }>[]>;
  variants: InFile<Named & { isDefault: boolean }>[];
  attributes: Map<string, InFile<Attribute>[]>;
  /** Global functions (functions/*.py) by name, lifecycle functions included. */
  functions: Map<string, InFile<PyFunction>>;
  /** State variables: every `conv.state.<name> = …` in the project's code. */
  variables: Map<string, InFile<PySpan>[]>;
  flows: Map<string, PolyFlow>;
  /** Flows by their config's `name`. */
  flowsByName: Map<string, PolyFlow>;
  topics: InFile<TopicFacts>[];
  tests: InFile<TestFacts>[];
  textRefs: InFile<TextRef>[];
}

function push<T>(map: Map<string, InFile<T>[]>, key: string, file: string, decl: T): void {
  const list = map.get(key);
  if (list) list.push({ file, decl });
  else map.set(key, [{ file, decl }]);
}

/** The flow of a folder, made on first use. */
function flowOf(project: PolyProject, folder: string): PolyFlow {
  let f = project.flows.get(folder);
  if (!f) project.flows.set(folder, (f = { folder, steps: new Map(), stepFiles: [], functionSteps: new Map(), transitionFunctions: new Map() }));
  return f;
}

/** Merges the facts of a project's files (in path order, project.yaml first). */
export function buildPolyProject(dir: string, files: { path: string; doc: PolyDocument; facts: PolyFacts }[]): PolyProject {
  const manifest = files.find((f) => f.facts.role === 'project');
  const p: PolyProject = {
    format: 'polyai',
    dir,
    manifest: manifest?.path ?? files[0]?.path ?? '',
    files: files.map((f) => f.path),
    docs: new Map(files.map((f) => [f.path, f.doc])),
    facts: new Map(files.map((f) => [f.path, f.facts])),
    locales: [],
    extraManifests: [],
    defs: new Map(),
    refs: [],
    refsByKey: new Map(),
    roles: new Map(),
    unreadable: [],
    languages: [],
    entities: new Map(),
    handoffs: [],
    smsTemplates: new Map(),
    translations: new Map(),
    variants: [],
    attributes: new Map(),
    functions: new Map(),
    variables: new Map(),
    flows: new Map(),
    flowsByName: new Map(),
    topics: [],
    tests: [],
    textRefs: [],
  };
  for (const { path, doc, facts: f } of files) {
    if (f.role) p.roles.set(path, f.role);
    if (doc.doc.syntax.some((s) => s.code === 'syntax/yaml' || s.code === 'syntax/json')) p.unreadable.push(path);
    const rel = relativeTo(dir, path) ?? path;
    if (f.project) {
      const name = f.project.projectName ?? f.project.projectId;
      if (name) {
        p.id = name.text;
        p.idSpan = { start: name.start, end: name.end };
      }
    }
    if (f.languages) {
      p.languagesFile = path;
      p.languages = [...(f.languages.defaultLanguage ? [f.languages.defaultLanguage] : []), ...f.languages.additional];
    }
    for (const e of f.entities) push(p.entities, e.name.text, path, e);
    for (const h of f.handoffs) p.handoffs.push({ file: path, decl: h });
    for (const s of f.smsTemplates) push(p.smsTemplates, s.name.text, path, s);
    for (const t of f.translations) push(p.translations, t.name.text, path, t);
    for (const v of f.variants) p.variants.push({ file: path, decl: v });
    for (const a of f.attributes) push(p.attributes, a.name.text, path, a);
    if (f.topic) p.topics.push({ file: path, decl: f.topic });
    if (f.test) p.tests.push({ file: path, decl: f.test });
    for (const r of f.textRefs) p.textRefs.push({ file: path, decl: r });
    if (f.python) {
      for (const w of f.python.stateWrites) push(p.variables, w.text, path, w);
      const name = stem(rel);
      if (f.role === 'function') p.functions.set(name, { file: path, decl: f.python });
      else if (f.flow !== undefined && f.role === 'function-step') flowOf(p, f.flow).functionSteps.set(name, { file: path, decl: f.python });
      else if (f.flow !== undefined && f.role === 'transition-function') flowOf(p, f.flow).transitionFunctions.set(name, { file: path, decl: f.python });
    }
    if (f.flow !== undefined && f.flowConfig) flowOf(p, f.flow).config = { file: path, decl: f.flowConfig };
    if (f.flow !== undefined && f.step) {
      const flow = flowOf(p, f.flow);
      flow.stepFiles.push({ file: path, decl: f.step });
      if (f.step.name) push(flow.steps, f.step.name.text, path, f.step);
    }
  }
  for (const flow of p.flows.values()) {
    const name = flow.config?.decl.name?.text;
    if (name && !p.flowsByName.has(name)) p.flowsByName.set(name, flow);
  }
  p.locales = p.languages.map((l) => l.text);
  if (p.locales[0] !== undefined) p.defaultLocale = p.locales[0];
  return p;
}

/** A file's path relative to the project. */
export function relOf(p: Pick<PolyProject, 'dir'>, path: string): string {
  return relativeTo(p.dir, path) ?? path;
}

/** The global functions {{fn:}} may name: every functions/*.py but the lifecycle ones. */
export function referableFunction(p: PolyProject, name: string): InFile<PyFunction> | undefined {
  return LIFECYCLE.has(name) ? undefined : p.functions.get(name);
}

/** Whether a name is a step of a flow: a step's `name`, or a function step's name. */
export function isStepOf(flow: PolyFlow, name: string): boolean {
  return flow.steps.has(name) || flow.functionSteps.has(name);
}

/** The names a prefix may take in a flow (for completion and did-you-mean). */
export function namesFor(p: PolyProject, prefix: string, flow?: string): string[] {
  switch (prefix) {
    case 'fn':
      return [...p.functions.keys()].filter((n) => !LIFECYCLE.has(n));
    case 'ft':
      return flow !== undefined ? [...(p.flows.get(flow)?.transitionFunctions.keys() ?? [])] : [];
    case 'entity':
      return [...p.entities.keys()];
    case 'attr':
      return [...p.attributes.keys()];
    case 'twilio_sms':
      return [...p.smsTemplates.keys()];
    case 'ho':
      return [...new Set(p.handoffs.map((h) => h.decl.name.text))];
    case 'vrbl':
      return [...p.variables.keys()];
    case 'tn':
      return [...p.translations.keys()];
    default:
      return [];
  }
}
