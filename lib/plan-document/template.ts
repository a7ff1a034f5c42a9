import type { PlanDocument, PlanItem, PlanSection } from "@/lib/plan-document/schema";

/**
 * The template behind a plan: the same structure with all run state removed (item states,
 * signatures, the go/no-go decision). Declared blanks stay declared ("" rather than absent)
 * so the template still shows where a name or date goes.
 */
export function toTemplate(document: PlanDocument): PlanDocument {
  const stripItem = (item: PlanItem): PlanItem => {
    const { state: _state, ...rest } = item;
    return { ...rest, items: item.items.map(stripItem) };
  };
  const stripSection = (section: PlanSection): PlanSection => ({
    ...section,
    items: section.items.map(stripItem),
    sections: section.sections.map(stripSection),
  });
  return {
    ...document,
    sections: document.sections.map(stripSection),
    gates: document.gates.map(({ decision: _decision, ...gate }) => ({
      ...gate,
      roles: gate.roles.map((role) => ({
        ...role,
        signed: false,
        signedBy: "",
        ...(role.signedAt === undefined ? {} : { signedAt: "" }),
      })),
    })),
  };
}
