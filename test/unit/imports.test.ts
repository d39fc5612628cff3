// The import graph keeps the rules of docs/architecture.md ("Rules the code keeps"): read
// from the sources of server/src and client/src (static `import … from`, `export … from`,
// `import type`, side-effect imports, `import('…')` and `require('…')` of a literal), with
// relative paths resolved as the bundler does. No circle; the libraries import no editor or
// LSP package and never the layers above them; the arrows between the libraries go one way;
// a format never imports another; the language server and the CLI reach the libraries
// through their entries.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

const ROOT = join(__dirname, '../..');
const SOURCES = ['server/src', 'client/src'];

const DEFINITIONS = 'server/src/definitions/';
const FORMATS = 'server/src/formats/';
const VERSIONING = 'server/src/versioning/';
const LIBRARIES = [DEFINITIONS, FORMATS, VERSIONING];
/** The doors of the libraries: what the language server and the CLI may import. */
const ENTRIES = new Set([
  'server/src/definitions/index.ts',
  'server/src/formats/index.ts',
  'server/src/versioning/index.ts',
  // The gate adapter: a formats module that implements the versioning core's validator type,
  // so the formats entry cannot re-export it without a circle (docs/architecture.md).
  'server/src/formats/gate.ts',
]);
/** The only module under formats/ that imports the versioning core, and what it may import there. */
const GATE = 'server/src/formats/gate.ts';
const GATE_IMPORTS = new Set(['server/src/versioning/index.ts']);
/** Editor and LSP packages, which the libraries never import. */
const EDITOR_PACKAGE = /^(vscode|vscode-languageserver.*|vscode-languageclient|vscode-jsonrpc)$/;

/** One import: from a source file (repository-relative), to a file or a package. */
interface Edge {
  from: string;
  line: number;
  spec: string;
  /** The file imported (repository-relative), when the specifier is a path. */
  file?: string;
  /** The package imported, when the specifier is bare (`node:` built-ins included). */
  pkg?: string;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(ROOT, dir)).sort()) {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) sourceFiles(rel, out);
    else if (/\.(ts|tsx|mts|cts)$/.test(name)) out.push(rel);
  }
  return out;
}

/** The specifiers a source text imports, with their lines. */
function specifiers(text: string): { spec: string; line: number }[] {
  // Comments that start a line go (a glob such as '**/*.json' in code must not open one).
  const code = text.replace(/^[ \t]*\/\*[\s\S]*?\*\//gm, (c) => c.replace(/[^\n]/g, ' ')).replace(/^[ \t]*\/\/.*$/gm, '');
  const found: { spec: string; at: number }[] = [];
  const patterns = [
    // import x from '…', import type { x } from '…', export { x } from '…', export * from '…'
    /^[ \t]*(?:import|export)\b[^'";]*?\bfrom\s*(['"])([^'"\n]+)\1/gm,
    // import '…'
    /^[ \t]*import\s*(['"])([^'"\n]+)\1/gm,
    // import('…'), typeof import('…'), require('…')
    /\b(?:import|require)\(\s*(['"])([^'"\n]+)\1\s*\)/g,
  ];
  for (const re of patterns) {
    for (const m of code.matchAll(re)) found.push({ spec: m[2]!, at: m.index! + m[0].length });
  }
  return found.map(({ spec, at }) => ({ spec, line: code.slice(0, at).split('\n').length }));
}

/** The package a bare specifier names: `yaml`, `vscode-languageserver/node` → `vscode-languageserver`, `@scope/x/y` → `@scope/x`. */
function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function readGraph(): { files: string[]; edges: Edge[]; unresolved: Edge[] } {
  const files = SOURCES.flatMap((d) => sourceFiles(d));
  const known = new Set(files);
  const edges: Edge[] = [];
  const unresolved: Edge[] = [];
  for (const from of files) {
    for (const { spec, line } of specifiers(readFileSync(join(ROOT, from), 'utf8'))) {
      if (!spec.startsWith('.')) {
        edges.push({ from, line, spec, pkg: packageOf(spec) });
        continue;
      }
      const base = posix.normalize(posix.join(posix.dirname(from), spec));
      const file = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((c) => known.has(c)) ?? (existsSync(join(ROOT, base)) && statSync(join(ROOT, base)).isFile() ? base : undefined);
      if (file) edges.push({ from, line, spec, file });
      else unresolved.push({ from, line, spec });
    }
  }
  return { files, edges, unresolved };
}

/** Every circle of a graph, one per strongly connected component, as a path that returns to its start. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's strongly connected components, iteratively (no recursion depth to run out of).
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      const [v, i] = top;
      const out = graph.get(v) ?? [];
      if (i < out.length) {
        top[1]++;
        const w = out[i]!;
        if (!index.has(w)) {
          index.set(w, next);
          low.set(w, next++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]![0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
      }
    }
  }
  // A shortest way round each component, from its first file back to it.
  return components.map((component) => {
    const inside = new Set(component);
    const first = [...component].sort()[0]!;
    const from = new Map<string, string>();
    const queue = [first];
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i]!;
      for (const w of graph.get(v) ?? []) {
        if (!inside.has(w)) continue;
        if (w === first) {
          const path = [v];
          for (let u = v; u !== first; ) path.push((u = from.get(u)!));
          return [...path.reverse(), first];
        }
        if (!from.has(w)) {
          from.set(w, v);
          queue.push(w);
        }
      }
    }
    return [first, first];
  });
}

const under = (file: string | undefined, dir: string): boolean => !!file && file.startsWith(dir);
const where = (e: Edge): string => `${e.from}:${e.line} imports '${e.spec}'`;

describe('the import graph', () => {
  const { files, edges, unresolved } = readGraph();
  const internal = edges.filter((e) => e.file);

  it('is read from the sources: every relative import resolves, and known arrows are found', () => {
    assert.ok(files.length > 100, `only ${files.length} source files found`);
    assert.deepEqual(unresolved.map(where), [], 'imports that name no file');
    const has = (from: string, to: string): boolean => internal.some((e) => e.from === from && e.file === to);
    assert.ok(has('server/src/lsp/server.ts', 'server/src/lsp/languageService.ts'));
    assert.ok(has('server/src/formats/registry.ts', 'server/src/formats/native/index.ts'));
    // A `require` of a literal (a part loaded on first use).
    assert.ok(has('server/src/formats/native/index.ts', 'server/src/formats/native/engine.ts'));
    // `import type` over several lines, and a type query.
    assert.ok(has('server/src/formats/index.ts', 'server/src/definitions/index.ts'));
    assert.ok(has('client/src/ctx.ts', 'client/src/lsp/languageClient.ts'));
    assert.ok(edges.some((e) => e.from === 'server/src/lsp/server.ts' && e.pkg === 'vscode-languageserver'));
  });

  it('finds circles (the finder itself)', () => {
    const g = new Map<string, string[]>([
      ['a', ['b']],
      ['b', ['c', 'd']],
      ['c', ['a']],
      ['d', []],
      ['e', ['e']],
    ]);
    assert.deepEqual(cycles(g).sort((x, y) => x[0]!.localeCompare(y[0]!)), [
      ['a', 'b', 'c', 'a'],
      ['e', 'e'],
    ]);
    assert.deepEqual(cycles(new Map([['a', ['b']], ['b', []]])), []);
    assert.deepEqual(
      specifiers("import type {\n  A,\n  B,\n} from './x';\n// import { c } from './commented';\nexport * from \"./y\";\nconst g = '**/*.json';\nimport './z';\n"),
      [
        { spec: './x', line: 4 },
        { spec: './y', line: 6 },
        { spec: './z', line: 8 },
      ],
    );
  });

  it('has no circle', () => {
    const graph = new Map<string, string[]>(files.map((f) => [f, []]));
    for (const e of internal) if (graph.has(e.file!)) graph.get(e.from)!.push(e.file!);
    const found = cycles(graph);
    assert.deepEqual(found.map((c) => c.join(' → ')), [], `the import graph has ${found.length} circle(s)`);
  });

  it('keeps the libraries free of vscode, the LSP packages and the layers above them', () => {
    const bad = edges.filter(
      (e) =>
        LIBRARIES.some((l) => under(e.from, l)) &&
        ((e.pkg && EDITOR_PACKAGE.test(e.pkg)) || under(e.file, 'server/src/lsp/') || under(e.file, 'server/src/cli/') || under(e.file, 'client/')),
    );
    assert.deepEqual(bad.map(where), []);
  });

  it('keeps the engine free of formats and of versioning', () => {
    const bad = internal.filter((e) => under(e.from, DEFINITIONS) && (under(e.file, FORMATS) || under(e.file, VERSIONING)));
    assert.deepEqual(bad.map(where), []);
  });

  it('lets formats reach versioning only from the gate adapter, through the versioning entry', () => {
    const bad = internal.filter((e) => under(e.from, FORMATS) && under(e.file, VERSIONING) && !(e.from === GATE && GATE_IMPORTS.has(e.file!)));
    assert.deepEqual(bad.map(where), []);
  });

  it('never lets a format import another format', () => {
    const folderOf = (f: string | undefined): string | undefined => (under(f, FORMATS) ? /^server\/src\/formats\/([^/]+)\//.exec(f!)?.[1] : undefined);
    const bad = internal.filter((e) => {
      const a = folderOf(e.from);
      const b = folderOf(e.file);
      return a !== undefined && b !== undefined && a !== b;
    });
    assert.deepEqual(bad.map(where), []);
  });

  it('lets the language server and the CLI reach the libraries only through their entries', () => {
    const bad = internal.filter(
      (e) => (under(e.from, 'server/src/lsp/') || under(e.from, 'server/src/cli/')) && LIBRARIES.some((l) => under(e.file, l)) && !ENTRIES.has(e.file!),
    );
    assert.deepEqual(bad.map(where), []);
  });
});
