// Turns failures of the libraries into LSP errors the client can act on: the message says
// what to do, `data.code` says which kind of failure it was.
import { ResponseError } from 'vscode-languageserver/node';
import { isBotvError } from '../versioning/index';
import type { BotvErrorCode } from '../versioning/index';
import type { ErrorCode, ErrorData, GateProblem } from './protocol';
import { gateRunInfo } from './viewModels';

/** JSON-RPC's range for server-defined errors starts here. */
const SERVER_ERROR = -32000;

const CODES: Partial<Record<BotvErrorCode, ErrorCode>> = {
  NO_BOT: 'NOT_FOUND',
  NO_VERSION: 'NOT_FOUND',
  NO_RELEASE: 'NOT_FOUND',
  UNKNOWN_ENVIRONMENT: 'NOT_FOUND',
  AMBIGUOUS_VERSION: 'AMBIGUOUS',
  AMBIGUOUS_RELEASE: 'AMBIGUOUS',
  NO_SCHEDULE: 'NOT_FOUND',
  AMBIGUOUS_SCHEDULE: 'AMBIGUOUS',
  GATE_REFUSED: 'GATE_REFUSED',
  NOT_APPROVED: 'NOT_APPROVED',
  CANCELLED: 'CANCELLED',
  PROTECTED: 'PROTECTED',
  VERSION_IN_USE: 'IN_USE',
  LOCKED: 'LOCKED',
  CORRUPT: 'CORRUPT',
  MISSING_OBJECT: 'CORRUPT',
  CHANGED_DURING_OPERATION: 'CONFLICT',
  READ_ONLY: 'READ_ONLY',
};

/** Raised by the server itself for a request it refuses (untrusted workspace, bad parameters). */
export class RefusedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Any thrown value as a ResponseError carrying ErrorData. */
export function toResponseError(e: unknown): ResponseError<ErrorData> {
  if (e instanceof ResponseError) return e as ResponseError<ErrorData>;
  if (e instanceof RefusedError) return new ResponseError(SERVER_ERROR, e.message, { code: e.code });
  if (isBotvError(e)) {
    const data: ErrorData = { code: CODES[e.code] ?? 'INVALID' };
    const problems = e.details?.problems;
    if (Array.isArray(problems)) data.problems = problems as GateProblem[];
    if (typeof e.details?.gate === 'string') data.gate = e.details.gate;
    else if (e.details?.gate && typeof (e.details.gate as { command?: unknown }).command === 'string') {
      const g = e.details.gate as { name: string; command: string };
      data.command = g.command;
      data.gate = g.name;
    }
    if (Array.isArray(e.details?.gates)) data.gates = (e.details.gates as Parameters<typeof gateRunInfo>[0][]).map(gateRunInfo);
    return new ResponseError(SERVER_ERROR, e.message, data);
  }
  const message = e instanceof Error ? e.message : String(e);
  return new ResponseError(SERVER_ERROR, `Bot Versions hit an internal error: ${message}. See the "Bot Versions" output for details, and report it if it persists.`, {
    code: 'INTERNAL',
  });
}
