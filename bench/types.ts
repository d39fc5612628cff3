/** The shape every benchmark module of `npm run bench` shares. */

/** One measured row: our figure beside the reference (git, or a fixed goal). */
export interface BenchRow {
  /** What was measured. */
  operation: string;
  /** Our figure, formatted (e.g. "41 ms", "11.9 MB"). */
  ours: string;
  /** The reference figure, formatted, or "" when there is none. */
  reference: string;
  /** ours / reference, when both are numbers. */
  ratio: number | null;
  /** The goal, e.g. "≤ 0.5× git" or "≤ 100 ms". */
  goal: string;
  /** Whether the goal is met (null: no goal). */
  pass: boolean | null;
  /** Raw numbers for machines. */
  raw: Record<string, number>;
}

/** A benchmark module: a name, a title and a run that returns rows. */
export interface BenchModule {
  name: string;
  title: string;
  /** The heading of the reference column (the peer's name), e.g. "git". */
  reference: string;
  run(options: { workDir: string; log: (line: string) => void }): Promise<{ context: string[]; rows: BenchRow[] }>;
}
