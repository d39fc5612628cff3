/**
 * The promotion gate's validator: the one the CLI and the language server both pass to
 * the versioning core (`openWorkspace(root, { validate: gateValidator })`). It checks the
 * files of a stored version with the definitions library, configured only by what the
 * core hands it from the store's configuration — the pipeline and `gates.severities` of
 * `.botversions/config.json` — so a version passes or fails the gate alike from every
 * editor, the command line and CI. A user's editor settings (`botVersions.validation.*`)
 * shape the diagnostics they see while editing, never the gate.
 */
import type { CodeTable } from '../definitions/index';
import { BotvError } from '../versioning/index';
import type { BotInfo, GateCheck, GateProblem, GateValidator } from '../versioning/index';

/** Refuses a `gates.severities` entry naming a code the validator does not have. */
function checkCodes(codes: CodeTable, check: GateCheck): void {
  const known = Object.keys(codes);
  const unknown = Object.keys(check.severities).filter((c) => !known.includes(c));
  if (unknown.length === 0) return;
  const code = unknown[0]!;
  const group = code.split('/')[0];
  const near = known.filter((c) => c.split('/')[0] === group);
  throw new BotvError(
    'BAD_CONFIG',
    `.botversions/config.json: "gates.severities" names "${code}", which is no diagnostic code${near.length ? ` (codes of "${group}": ${near.join(', ')})` : ''}. Fix the code (docs/diagnostics.md lists them) or remove the entry, then try again.`,
    { file: '.botversions/config.json', codes: unknown },
  );
}

/** Validates a stored version's files (paths relative to the bot folder) for the gate `check`. */
export const gateValidator: GateValidator = async (_bot: BotInfo, files: Map<string, Uint8Array>, check: GateCheck): Promise<GateProblem[]> => {
  // The definitions library and every format's rules, loaded when a gate first checks.
  const { CODES, validateVersion } = await import('./index');
  checkCodes(CODES, check);
  return validateVersion(files, { environments: check.pipeline, severities: { ...check.severities } }).map((d) => ({
    file: d.file,
    line: d.range.start.line,
    character: d.range.start.character,
    severity: d.severity,
    code: d.code,
    message: d.message,
  }));
};
