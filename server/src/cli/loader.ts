/**
 * How dist/cli.js loads the bundle's files (dist/cli/*.js, scripts/buildCli.mjs): each file
 * once, by its name in that folder, compiled with a V8 code cache, without Node's module
 * resolution. Both were measured on `botv status` (docs/performance.md, "The CLI"): Node's
 * resolution costs about half a millisecond per file (paths, links, package scopes), and
 * compiling costs a third of the time botv takes beyond Node's own start-up, which the code
 * of the last run, kept on disk, saves.
 *
 * The files are CommonJS, and require one another as `./<name>.js` and Node's built-ins by
 * name: nothing else. The cache sits beside them (`.cache/`, in the build's own folder), in
 * a folder named by the Node that made it: whoever may write there may change the bundle
 * itself, so the cache lets nobody in, and another build or Node starts afresh (V8 also
 * refuses data made by another version or with other flags). A file's cache is written once, at exit, with the
 * functions the command compiled; where the folder cannot be written botv runs without one.
 * `BOTV_NO_CODE_CACHE=1` turns the cache off.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

interface BundleModule {
  exports: unknown;
  id: string;
  filename: string;
  loaded: boolean;
}

type Wrapper = (exports: unknown, require: (id: string) => unknown, module: BundleModule, filename: string, dirname: string) => void;

/** A loader of the bundle's files in `dir` (the folder of one build); `load('main.js')` runs the CLI. */
export function bundleLoader(dir: string, nodeRequire: (id: string) => unknown): (name: string) => unknown {
  const useCache = !process.env.BOTV_NO_CODE_CACHE;
  const cacheDir = join(dir, '.cache', `${process.version}-${process.arch}`);
  const modules = new Map<string, BundleModule>();
  const unsaved: { file: string; script: Script }[] = [];

  const require = (id: string): unknown => (id.startsWith('./') ? load(id.slice(2)) : nodeRequire(id));

  function load(name: string): unknown {
    const known = modules.get(name);
    if (known) return known.exports;
    const filename = join(dir, name);
    const module: BundleModule = { exports: {}, id: filename, filename, loaded: false };
    modules.set(name, module);
    const source = readFileSync(filename, 'utf8');
    const cacheFile = join(cacheDir, `${name}.v8`);
    let cachedData: Buffer | undefined;
    if (useCache) {
      try {
        cachedData = readFileSync(cacheFile);
      } catch {
        // Not cached yet.
      }
    }
    // The wrapper Node puts around a CommonJS file, on one line, so that positions stay.
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename, ...(cachedData ? { cachedData } : {}) });
    if (useCache && (!cachedData || script.cachedDataRejected)) unsaved.push({ file: cacheFile, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as Wrapper;
    wrapper.call(module.exports, module.exports, require, module, filename, dir);
    module.loaded = true;
    return module.exports;
  }

  process.once('exit', () => {
    if (unsaved.length === 0) return;
    try {
      mkdirSync(cacheDir, { recursive: true });
      for (const { file, script } of unsaved) {
        // Another botv may be writing the same file: each writes its own and renames it in place.
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, file);
      }
    } catch {
      // A read-only install: no cache.
    }
  });
  return load;
}
