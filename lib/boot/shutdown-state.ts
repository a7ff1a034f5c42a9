/**
 * Whether this process is shutting down, for code that should take a closing connection
 * calmly then (a debug line, not a warning). On globalThis because the custom server and
 * Next's bundles each load their own copy of lib/ into the one process.
 */
const state = globalThis as unknown as { preflightShuttingDown?: boolean };

export function markShuttingDown(): void {
  state.preflightShuttingDown = true;
}

export function isShuttingDown(): boolean {
  return state.preflightShuttingDown === true;
}
