/**
 * dist/cli.js, the file the package's `bin` names: it loads ./main.ts, bundled in dist/cli/
 * with the files it loads on demand (scripts/buildCli.mjs), through ./loader.ts.
 */
import { join } from 'node:path';
import { bundleLoader } from './loader';

/** Set by the build: a hash of the bundle's files, and the name of their folder. */
declare const BOTV_BUILD_ID: string;

bundleLoader(join(__dirname, 'cli', BOTV_BUILD_ID), require)('main.js');
