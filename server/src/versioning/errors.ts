/**
 * Errors the versioning core throws when the caller cannot go on. Each has a stable `code`
 * (the CLI maps codes to exit statuses, the editor to messages) and a message that says what
 * is wrong and what to do. Bad input that a caller can show as a list (gate problems,
 * verify findings, discovery problems) is returned as values instead.
 */

/** Every code a {@link BotvError} can carry. */
export type BotvErrorCode =
  | 'NO_BOT' // no bot with that id in the workspace
  | 'DUPLICATE_BOT' // two folders declare the same bot id
  | 'BAD_MANIFEST' // a bot manifest cannot be read
  | 'NO_VERSION' // a version reference matches nothing
  | 'AMBIGUOUS_VERSION' // a version reference matches several versions
  | 'NO_RELEASE'
  | 'AMBIGUOUS_RELEASE'
  | 'RELEASE_RESOLVED' // accept/reject of a release that is no longer pending
  | 'UNKNOWN_ENVIRONMENT'
  | 'EMPTY_ENVIRONMENT' // promote from an environment that holds nothing
  | 'SKIP_NOT_ALLOWED' // promote that skips a stage without being asked to
  | 'NOTHING_TO_ROLL_BACK'
  | 'GATE_REFUSED' // validation found errors before the last environment
  | 'PROTECTED' // a protected bot refuses an edit outside a release
  | 'VERSION_IN_USE' // delete of a version an environment or release needs
  | 'UNSAFE_PATH' // a path that would escape the bot, collide, or cannot exist everywhere
  | 'CORRUPT' // a stored file does not match its hash or its format
  | 'MISSING_OBJECT' // a record needs a blob that is not in the store
  | 'LOCKED' // another writer holds the store lock
  | 'BAD_CONFIG' // .botversions/config.json is invalid
  | 'BAD_ARGUMENT' // an option value the caller passed is invalid
  | 'UNRESOLVED_VARIABLES' // export found ${VAR} with no value for the environment
  | 'OUTPUT_NOT_EMPTY' // export into a folder that holds other files
  | 'CHANGED_DURING_OPERATION' // a working file changed while it was being saved
  | 'READ_ONLY' // a write in a workspace opened read-only (untrusted)
  | 'CANCELLED' // the caller cancelled a change while its gates ran; nothing was written
  | 'NOT_APPROVED' // a gate command the caller did not approve (the editor asks first); nothing ran
  | 'NO_SCHEDULE' // a schedule reference matches nothing
  | 'AMBIGUOUS_SCHEDULE' // a schedule reference matches several schedules
  | 'SCHEDULE_RESOLVED' // cancel of a schedule that was carried out or ended already
  | 'IO'; // a file-system call failed

/** An error the caller cannot recover from without doing something else first. */
export class BotvError extends Error {
  override readonly name = 'BotvError';
  constructor(
    readonly code: BotvErrorCode,
    message: string,
    /** Extra plain data for machines (candidates of an ambiguous ref, gate problems, …). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** True when `e` is a {@link BotvError}, optionally of one code. */
export function isBotvError(e: unknown, code?: BotvErrorCode): e is BotvError {
  return e instanceof BotvError && (code === undefined || e.code === code);
}

const ERRNO_ADVICE: Record<string, string> = {
  ENOSPC: 'the disk is full; free some space and try again',
  EDQUOT: 'the disk quota is exhausted; free some space and try again',
  EACCES: 'permission denied; check the permissions of the folder and try again',
  EPERM: 'the operation is not permitted (a file may be open in another program or read-only); close it and try again',
  EIO: 'the disk reported an input/output error; check the disk and try again',
  EROFS: 'the file system is read-only; work in a writable folder',
  EMFILE: 'too many files are open; close some programs and try again',
  ENAMETOOLONG: 'a path is too long for this file system; use a shorter folder path',
  EBUSY: 'the file is busy; close programs that use it and try again',
};

/** Wraps a failed file-system call into a BotvError that names the file and the remedy. */
export function ioError(action: string, path: string, cause: unknown): BotvError {
  if (cause instanceof BotvError) return cause;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? 'UNKNOWN';
  const advice = ERRNO_ADVICE[code] ?? `${(cause as Error | undefined)?.message ?? String(cause)}; try again`;
  return new BotvError('IO', `Could not ${action} ${path}: ${code}: ${advice}.`, { errno: code, path });
}

/** The errno code of a Node file-system error, if any. */
export function errnoOf(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}
