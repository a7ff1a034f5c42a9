/**
 * What `preflight` exits with, so a pipeline step can branch on it. `wait` uses 0, 1 and 2
 * for "holds", "refused" (a rejection or NO-GO) and "timed out"; the other codes never mean
 * an answer about the plan.
 */
export const EXIT = {
  ok: 0,
  /** The gate was rejected, the decision was NO-GO, or the plan ended in another status. */
  refused: 1,
  /** `wait` gave up after --timeout. */
  timedOut: 2,
  /** The command line itself is wrong (unknown command, missing argument, bad flag). */
  usage: 3,
  /** The server refused the request (401, 403, 404, 409, 422, …) or no step/gate matched. */
  requestFailed: 4,
  /** The server could not be reached, or answered something that is not Preflight. */
  unreachable: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the CLI reports in one line and exits with `code`. */
export class CliError extends Error {
  constructor(
    readonly code: ExitCode,
    message: string,
  ) {
    super(message);
  }
}
