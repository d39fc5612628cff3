// Types of ./buildCli.mjs, for the TypeScript that imports it (the benchmarks, the tests).
export function buildCli(options: { outdir: string; production?: boolean; logLevel?: 'error' | 'warning' | 'info' | 'silent' }): Promise<{ metafile: import('esbuild').Metafile; dir: string }>;
