import { isSettled, type ItemStatusName } from "@/lib/plans/progress";

/**
 * The phase being worked on: while rolling back, the first rollback section with open
 * items; otherwise the first ordinary section with an open required item.
 */
export function currentPhase<S extends { id: string; isRollback: boolean; items: { id: string; required: boolean }[] }>(
  sections: readonly S[],
  statusOf: (itemId: string) => ItemStatusName,
  rollingBack: boolean,
): S | null {
  return (
    sections.find(
      (section) =>
        section.isRollback === rollingBack && section.items.some((item) => (item.required || rollingBack) && !isSettled(statusOf(item.id))),
    ) ?? null
  );
}
