// The `botv` bundle: dist/cli.js, a two-line entry, and dist/cli/, the files it loads. A
// command loads only the code it runs (docs/architecture.md, "The CLI loads what a command
// uses"). Three kinds of import decide what goes where:
//
// - a static `import` is loaded with the module that imports it;
// - `await import('…')` of a source module is loaded when it runs;
// - `require('…')` of a source module, or of a package, from our sources, is loaded when it
//   runs, synchronously: for a part that a synchronous function needs on first use (a
//   format's analysis, the full YAML parser). In TypeScript it is typed with
//   `typeof import('…')`.
//
// esbuild splits only ES modules, so the bundle is built in two steps: the sources as ES
// modules with code splitting (each `require`d module an entry of its own, each shared
// module in one chunk only, so that a module has one instance whichever way it was
// loaded), then every file converted to CommonJS, `import()` included: Node loads CommonJS
// files several milliseconds sooner than ES modules, which is most of the start-up budget.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(repo, 'server', 'src') + sep;

/** The name a lazily required module's file takes: its path under server/src, or its package's name. */
function lazyName(path) {
  const inSources = path.startsWith(sources);
  const rel = inSources ? relative(sources, path) : relative(join(repo, 'node_modules'), path).split(sep).slice(0, 1).join(sep);
  return `lazy-${rel.replace(/\.[cm]?[jt]s$/, '').replace(/\/index$/, '').replace(/[\\/]/g, '-')}`;
}

/**
 * The modules our sources `require()`, by the file name they get. A first build without
 * output finds them (esbuild's entry points are fixed when a build starts).
 */
async function lazyModules(common) {
  const r = await esbuild.build({ ...common, entryPoints: [join(repo, 'server/src/cli/main.ts')], outdir: join(tmpdir(), 'botv-cli-scan'), write: false, metafile: true, splitting: false, format: 'esm' });
  const found = new Map();
  for (const [from, input] of Object.entries(r.metafile.inputs)) {
    if (!join(repo, from).startsWith(sources)) continue;
    for (const i of input.imports) if (i.kind === 'require-call' && !i.external) found.set(lazyName(join(repo, i.path)), { path: join(repo, i.path), spec: i.original ?? i.path });
  }
  return found;
}

/**
 * The entry of a package that our sources `require()`: its exports by name (a CommonJS
 * package bundled as an ES module would otherwise export one `default`), read from the
 * package itself.
 */
function packageEntry(spec) {
  const names = Object.keys(createRequire(join(repo, 'package.json'))(spec)).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && !n.startsWith('__'));
  return `export { ${names.join(', ')} } from ${JSON.stringify(spec)};\n`;
}

/** A relative specifier of a source file, resolved as the bundler does (`./x` → x.ts or x/index.ts). */
function sourceFile(fromFile, spec) {
  const base = resolve(dirname(fromFile), spec);
  return [`${base}.ts`, join(base, 'index.ts'), base].find((f) => existsSync(f) && statSync(f).isFile());
}

/**
 * What a library's entry (an index.ts) re-exports: exported name → the module that defines
 * it and its name there, following entries that re-export other entries.
 */
function reExports(file, cache = new Map()) {
  let map = cache.get(file);
  if (map) return map;
  map = new Map();
  cache.set(file, map);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^export\s+(type\s+)?\{([^}]*)\}\s*from\s*'([^']+)'/gm)) {
    if (m[1] || !m[3].startsWith('.')) continue;
    const target = sourceFile(file, m[3]);
    if (!target) continue;
    for (const item of m[2].split(',').map((x) => x.trim()).filter(Boolean)) {
      if (item.startsWith('type ')) continue;
      const [name, alias = name] = item.split(/\s+as\s+/);
      const deeper = target.endsWith(`${sep}index.ts`) ? reExports(target, cache).get(name) : undefined;
      map.set(alias, deeper ?? { file: target, name });
    }
  }
  return map;
}

/**
 * Imports through a library's entry, rewritten as imports of the modules that define the
 * names. esbuild's code splitting follows every re-export of an entry that a file imports,
 * used or not: without this, `import { BOT_ID } from '../definitions/index'` in the store
 * would load the whole engine with it. Lines are kept where they were, for source maps.
 */
function flattenEntries(text, file, cache) {
  return text.replace(/^import\s+\{([^}]*)\}\s*from\s*'([^']+)';/gm, (statement, list, spec) => {
    if (!spec.startsWith('.')) return statement;
    const target = sourceFile(file, spec);
    if (!target || !target.endsWith(`${sep}index.ts`)) return statement;
    const map = reExports(target, cache);
    const kept = [];
    const direct = [];
    for (const item of list.split(',').map((x) => x.trim()).filter(Boolean)) {
      const [name, local = name] = item.replace(/^type\s+/, '').split(/\s+as\s+/);
      const found = item.startsWith('type ') ? undefined : map.get(name);
      if (!found) {
        kept.push(item);
        continue;
      }
      let rel = relative(dirname(file), found.file).replace(/\.ts$/, '').split(sep).join('/');
      if (!rel.startsWith('.')) rel = `./${rel}`;
      direct.push(`import { ${found.name === local ? local : `${found.name} as ${local}`} } from '${rel}';`);
    }
    const lines = statement.split('\n').length;
    const out = [...(kept.length ? [`import { ${kept.join(', ')} } from '${spec}';`] : []), ...direct].join(' ');
    return out + '\n'.repeat(lines - 1);
  });
}

/**
 * How our sources are read and their imports resolved: imports through a library's entry
 * become imports of the defining modules (flattenEntries); a `require()` from our sources
 * becomes a require of the lazy module's own file, beside the requiring one; and our source
 * files have no side effects when imported, so that only modules whose exports are used
 * are bundled.
 */
function resolution(lazy) {
  const byPath = new Map([...lazy].map(([name, { path }]) => [path, name]));
  const entries = new Map();
  return {
    name: 'botv-cli',
    setup(b) {
      b.onResolve({ filter: /^botv-package:/ }, (args) => ({ path: args.path.slice('botv-package:'.length), namespace: 'botv-package' }));
      b.onLoad({ filter: /.*/, namespace: 'botv-package' }, (args) => ({ contents: packageEntry(args.path), loader: 'js', resolveDir: repo }));
      // node:child_process costs several milliseconds to load, and a command seldom starts a
      // process (commander only for executable subcommands, which botv has none of; the
      // store to ask git for an author or a root): it loads on the first call.
      b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
        args.namespace === 'botv-lazy' ? { path: 'node:child_process', external: true } : { path: 'child_process', namespace: 'botv-lazy' },
      );
      b.onLoad({ filter: /.*/, namespace: 'botv-lazy' }, () => ({
        contents: [
          'let real;',
          "const load = () => (real ??= require('node:child_process'));",
          ...['exec', 'execFile', 'execFileSync', 'execSync', 'fork', 'spawn', 'spawnSync'].map((f) => `export const ${f} = (...a) => load().${f}(...a);`),
        ].join('\n'),
        loader: 'js',
      }));
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!args.path.startsWith(sources)) return undefined;
        return { contents: flattenEntries(readFileSync(args.path, 'utf8'), args.path, entries), loader: 'ts' };
      });
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'botv-cli' || !args.importer.startsWith(sources)) return undefined;
        const relativePath = args.path.startsWith('.');
        if (!relativePath && args.kind !== 'require-call') return undefined;
        const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'botv-cli' });
        if (r.errors.length) return r;
        const name = args.kind === 'require-call' ? byPath.get(r.path) : undefined;
        if (name) return { path: `./${name}.js`, external: true };
        return r.path.startsWith(sources) ? { ...r, sideEffects: false } : r;
      });
    },
  };
}

/** Builds of the bundle kept beside the newest one, for the botv processes still running them (a development build). */
const KEPT_BUILDS = 3;

/**
 * Builds `botv` into `outdir` (dist/ for the package): `cli.js`, and the bundle's files in
 * `cli/<build>/`, a folder per build named by a hash of its files, so that a botv still
 * running while the bundle is rebuilt goes on loading the files of its own build.
 * `production` minifies, writes no source maps and keeps no other build.
 */
export async function buildCli({ outdir, production = false, logLevel = 'warning' }) {
  let metafile;
  const common = {
    absWorkingDir: repo,
    bundle: true,
    platform: 'node',
    target: 'node20',
    // jsonc-parser's UMD entry requires its modules dynamically, which a bundle cannot follow;
    // its ES module entry bundles cleanly.
    mainFields: ['module', 'main'],
    logLevel,
  };
  const lazy = await lazyModules(common);
  const esm = mkdtempSync(join(tmpdir(), 'botv-cli-esm-'));
  const builds = join(outdir, 'cli');
  mkdirSync(builds, { recursive: true });
  const staging = mkdtempSync(join(builds, '.new-'));
  let id;
  try {
    ({ metafile } = await esbuild.build({
      ...common,
      metafile: true,
      entryPoints: {
        main: join(repo, 'server/src/cli/main.ts'),
        ...Object.fromEntries([...lazy].map(([name, { path, spec }]) => [name, path.startsWith(sources) ? path : `botv-package:${spec}`])),
      },
      outdir: esm,
      format: 'esm',
      splitting: true,
      chunkNames: 'chunk-[hash]',
      minify: production,
      sourcemap: production ? false : 'linked',
      plugins: [resolution(lazy)],
    }));
    await esbuild.build({
      // Relative to the first step's folder, so that the files' comments name no temporary path.
      absWorkingDir: esm,
      entryPoints: readdirSync(esm).filter((f) => f.endsWith('.js')),
      outdir: staging,
      bundle: false,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      // import() as a require (a CommonJS file loaded through the ES module loader costs its start-up).
      supported: { 'dynamic-import': false },
      minify: production,
      sourcemap: production ? false : 'linked',
      logLevel,
    });
    const hash = createHash('sha256');
    // The code decides the name (source maps name the temporary folder of the first step).
    for (const f of readdirSync(staging).sort()) if (f.endsWith('.js')) hash.update(f).update(readFileSync(join(staging, f)));
    id = hash.digest('hex').slice(0, 16);
    if (existsSync(join(builds, id))) rmSync(staging, { recursive: true, force: true });
    else {
      chmodSync(staging, 0o755);
      renameSync(staging, join(builds, id));
    }
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  } finally {
    rmSync(esm, { recursive: true, force: true });
  }
  // The entry: the loader (with its code cache), pointed at this build's main.js.
  await esbuild.build({
    ...common,
    entryPoints: [join(repo, 'server/src/cli/bin.ts')],
    outfile: join(outdir, 'cli.js'),
    format: 'cjs',
    define: { BOTV_BUILD_ID: JSON.stringify(id) },
    banner: { js: '#!/usr/bin/env node' },
    minify: production,
    sourcemap: production ? false : 'linked',
  });
  // Older builds go: all of them for the package, else all but the newest few (and anything else).
  const others = readdirSync(builds)
    .filter((f) => f !== id && !f.startsWith('.new-'))
    .map((f) => ({ f, t: /^[0-9a-f]{16}$/.test(f) ? statSync(join(builds, f)).mtimeMs : 0 }))
    .sort((a, b) => b.t - a.t);
  for (const { f, t } of others.slice(production ? 0 : KEPT_BUILDS).concat(others.filter((o) => o.t === 0))) rmSync(join(builds, f), { recursive: true, force: true });
  // Which modules each file holds (esbuild's metafile of the first step), for bench/cli.ts and for people.
  return { metafile, dir: join(builds, id) };
}
