/**
 * The gate validator the CLI passes to the versioning core. The `validate` command's
 * module (server/src/cli/commands/validate.ts) registers the definitions library's
 * validator here with {@link setGateValidator}; until then gated environments are entered
 * unchecked and the environment event records `gate.checked: false`.
 */
import type { GateValidator } from '../versioning/types';

let validator: GateValidator | undefined;

/** Sets the validator run before a version enters a gated environment. */
export function setGateValidator(v: GateValidator | undefined): void {
  validator = v;
}

/** The validator set with {@link setGateValidator}, if any. */
export function getGateValidator(): GateValidator | undefined {
  return validator;
}
