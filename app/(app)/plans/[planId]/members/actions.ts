"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { describeError } from "@/lib/describe-error";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { actorOf } from "@/lib/plan-state/plan-access";

export interface PeopleFormState {
  error?: string;
  done?: string;
  /** A share link's token, shown once right after it was created. */
  shareToken?: string;
}

const titlesOf = (formData: FormData) =>
  String(formData.get("titles") ?? "")
    .split(",")
    .map((title) => title.trim())
    .filter(Boolean);

/** What each form on the members page asks for, as a change for the one writer. */
function changeOf(intent: string, formData: FormData): unknown {
  const field = (name: string) => String(formData.get(name) ?? "");
  switch (intent) {
    case "add-member":
      return { type: "member.set", email: field("email"), role: field("role"), titles: titlesOf(formData) };
    case "update-member":
      return { type: "member.set", userId: field("userId"), role: field("role"), titles: titlesOf(formData) };
    case "remove-member":
      return { type: "member.remove", userId: field("userId") };
    case "create-share":
      return { type: "share.create" };
    case "revoke-share":
      return { type: "share.revoke", linkId: field("linkId") };
    case "configure-gate":
      return {
        type: "gate.configure",
        gateId: field("gateId"),
        requiredItemIds: formData.getAll("requiredItemIds").map(String),
        quorums: formData.getAll("quorumTitle").map((title, index) => ({ title: String(title), quorum: Number(formData.getAll("quorum")[index]) })),
        ...(formData.has("blocks") ? { blocks: field("blocks") } : {}),
      };
    case "settings":
      return {
        type: "plan.edit",
        allowSelfApproval: formData.get("allowSelfApproval") === "on",
        hideCommandsInShare: formData.get("hideCommandsInShare") === "on",
        shareShowsDiscussion: formData.get("shareShowsDiscussion") === "on",
        monitorAfterRollback: formData.get("monitorAfterRollback") === "on",
      };
    default:
      return { type: intent };
  }
}

const DONE: Record<string, string> = {
  "add-member": "Member added.",
  "update-member": "Member updated.",
  "remove-member": "Member removed.",
  "create-share": "Share link created. Copy it now: it is shown only once.",
  "revoke-share": "Share link revoked; it stopped working at once.",
  settings: "Settings saved.",
  "configure-gate": "Gate saved.",
};

export async function changePeopleAction(planId: string, _previous: PeopleFormState, formData: FormData): Promise<PeopleFormState> {
  const user = await requireUser();
  const intent = String(formData.get("intent") ?? "");
  try {
    const { shareToken } = await applyPlanChange(actorOf(user), planId, changeOf(intent, formData));
    revalidatePath(`/plans/${planId}/members`);
    return { done: DONE[intent] ?? "Saved.", shareToken };
  } catch (error) {
    return { error: describeError(error).body.error.message };
  }
}
