/**
 * Runs one plan's changes one after another within this process, from the transaction to
 * the broadcast. The database's row lock already serialises the writes; this also keeps the
 * broadcasts in sequence order, which the lock cannot (it is released at COMMIT, before the
 * event goes out). Different plans do not wait for each other.
 */
const tails = new Map<string, Promise<unknown>>();

export function runInPlanQueue<T>(planId: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(planId) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => {});
  tails.set(planId, tail);
  void tail.then(() => {
    if (tails.get(planId) === tail) tails.delete(planId);
  });
  return run;
}
