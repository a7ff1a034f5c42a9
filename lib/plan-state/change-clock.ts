import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The time a plan change happens at. Always the wall clock, except while history is being
 * replayed through the one writer (the demo data's past deployments), which runs each change
 * at the moment it is meant to have happened. Scoped with AsyncLocalStorage, so a replay
 * never moves the clock of anything else the process is doing.
 */
const replayClock = new AsyncLocalStorage<Date>();

export function changeTime(): Date {
  const replayed = replayClock.getStore();
  return replayed ? new Date(replayed) : new Date();
}

/** Runs `work` with every change it makes recorded at `at`. */
export function atTime<T>(at: Date, work: () => Promise<T>): Promise<T> {
  return replayClock.run(at, work);
}
