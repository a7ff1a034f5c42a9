import { z } from "zod";
import { httpCheckResultSchema, httpCheckSchema } from "@/lib/checks/check-spec";
import { isValidTimeZone } from "@/lib/time/window";
import { itemPlanningFieldsSchema } from "@/lib/planning/planning-schema";
import {
  itemAddSchema,
  itemEditSchema,
  itemMoveSchema,
  itemRemoveSchema,
  planUndoSchema,
  sectionAddSchema,
  sectionEditSchema,
  sectionMoveSchema,
  sectionRemoveSchema,
} from "@/lib/plan-editing/edit-change-schema";
import {
  commsAddSchema,
  commsEditSchema,
  commsRemoveSchema,
  gateEditSchema,
  tableAddSchema,
  tableEditSchema,
  tableRemoveSchema,
  gateAddSchema,
  gateRemoveSchema,
  triggerAddSchema,
  triggerEditSchema,
  triggerRemoveSchema,
} from "@/lib/document-parts/part-change-schema";

/**
 * Every change a participant can make to a running plan, as one validated union. The HTTP
 * route, the socket handler and the CLI all parse with this schema before calling
 * applyPlanChange, so they accept exactly the same input.
 */
const itemId = z.string().min(1).max(64);
const reason = z.string().trim().max(2000);

export const itemStatusChangeSchema = z
  .object({
    type: z.literal("item.status"),
    itemId,
    status: z.enum(["PENDING", "DONE", "SKIPPED", "FAILED", "NOT_APPLICABLE"]),
    note: reason.optional(),
    /** The item version the client saw; a newer one on the server means someone else changed it first. */
    expectedVersion: z.number().int().min(0),
    /** A measured step's value, recorded with the status in one change ("2.5, done"). */
    measuredValue: z.number().finite().optional(),
    /** The person saw that the value misses the target and marks it done anyway. */
    confirmOutsideTarget: z.boolean().optional(),
    /** Tick a step Done although steps it waits for are open, saying why (the lead only). */
    override: z.object({ reason: z.string().trim().min(1, { error: "Say why the step is done before the steps it waits for." }).max(1000) }).optional(),
    /** What the step's HTTP check found; only the Automation actor sends it (lib/checks/automation-rules.ts). */
    checkResult: httpCheckResultSchema.optional(),
  })
  .superRefine((change, ctx) => {
    if (change.override && change.status !== "DONE") ctx.addIssue({ code: "custom", path: ["override"], message: "Only ticking a step Done can override what it waits for." });
    if (change.status === "SKIPPED" && !change.note) ctx.addIssue({ code: "custom", path: ["note"], message: "Say why the item is skipped." });
    if (change.status === "FAILED" && !change.note) ctx.addIssue({ code: "custom", path: ["note"], message: "Describe what failed." });
  });

export const itemMeasurementSchema = z.object({
  type: z.literal("item.measurement"),
  itemId,
  value: z.number().finite(),
  expectedVersion: z.number().int().min(0),
  /** For a step already done: the new value misses the target, and the person knows. */
  confirmOutsideTarget: z.boolean().optional(),
});

export const itemCommentSchema = z.object({
  type: z.literal("item.comment"),
  itemId,
  body: z.string().trim().min(1, { error: "Write a comment first." }).max(4000),
});

export const lifecycleChangeSchema = z
  .object({
    type: z.literal("plan.lifecycle"),
    action: z.enum(["schedule", "start", "complete", "finish-partial", "abort", "trigger-rollback", "finish-rollback"]),
    reason: reason.optional(),
    /** For trigger-rollback: the rollback trigger that fired, as listed in the plan. */
    trigger: z.string().trim().max(500).optional(),
    /** For schedule, start and complete: go ahead although sign-off gates or the readiness check hold the action back, saying why (the lead only). */
    override: z.object({ reason: z.string().trim().min(1, { error: "Say why you go ahead without the sign-off." }).max(1000) }).optional(),
  })
  .superRefine((change, ctx) => {
    if (change.override && change.action !== "schedule" && change.action !== "start" && change.action !== "complete") {
      ctx.addIssue({ code: "custom", path: ["override"], message: "Only Schedule, Start and Complete can be done over a sign-off gate or the readiness check." });
    }
    const needsReason = change.action === "trigger-rollback" || change.action === "abort" || change.action === "finish-partial";
    if (needsReason && !change.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Give a reason." });
  });

const id = z.string().min(1).max(64);
const signOffTitle = z.string().trim().min(1, { error: "Name the sign-off title." }).max(100);

export const planEditSchema = z
  .object({
    type: z.literal("plan.edit"),
    title: z.string().trim().min(1, { error: "A plan needs a title." }).max(200).optional(),
    allowSelfApproval: z.boolean().optional(),
    hideCommandsInShare: z.boolean().optional(),
    shareShowsDiscussion: z.boolean().optional(),
    /** After a rollback: checks that the rollback holds (true) or none (false). */
    monitorAfterRollback: z.boolean().optional(),
    /** While the plan runs, remind the lead after this many minutes without a status update (null: never). */
    updateReminderMinutes: z.number().int().min(5, { error: "Remind at most every 5 minutes." }).max(1440, { error: "Remind at least once a day." }).nullable().optional(),
    /** The document's message (by name) posted as a status update by itself on start, completion, rollback (null: none). */
    autoUpdateOnStart: z.string().trim().min(1).max(200).nullable().optional(),
    autoUpdateOnComplete: z.string().trim().min(1).max(200).nullable().optional(),
    autoUpdateOnRollback: z.string().trim().min(1).max(200).nullable().optional(),
  })
  .refine((change) => [change.title, change.allowSelfApproval, change.hideCommandsInShare, change.shareShowsDiscussion, change.monitorAfterRollback,
    change.updateReminderMinutes, change.autoUpdateOnStart, change.autoUpdateOnComplete, change.autoUpdateOnRollback].some((value) => value !== undefined), {
    error: "Say what to change.",
  });

export const gateConfigureSchema = z.object({
  type: z.literal("gate.configure"),
  gateId: id,
  requiredItemIds: z.array(id).max(500).optional(),
  quorums: z.array(z.object({ title: signOffTitle, quorum: z.number().int().min(1).max(20) })).max(50).optional(),
  /** Which lifecycle action the gate holds back until it is satisfied. */
  blocks: z.enum(["START", "COMPLETE"]).optional(),
});

export const gateSignSchema = z
  .object({
    type: z.literal("gate.sign"),
    gateId: id,
    title: signOffTitle,
    decision: z.enum(["APPROVE", "REJECT"]),
    comment: reason.optional(),
  })
  .superRefine((change, ctx) => {
    if (change.decision === "REJECT" && !change.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "Say why you reject it." });
  });

export const gateDecideSchema = z.object({
  type: z.literal("gate.decide"),
  gateId: id,
  decision: z.enum(["GO", "NO_GO", "DEFER"]),
  rationale: reason.min(1, { error: "Give the rationale for the decision." }),
});

export const memberSetSchema = z
  .object({
    type: z.literal("member.set"),
    /** An existing member, or the email of an account to add. */
    userId: id.optional(),
    email: z.email({ error: "Enter the email address of an account." }).max(320).optional(),
    role: z.enum(["LEAD", "EXECUTOR", "APPROVER", "VIEWER"]),
    titles: z.array(signOffTitle).max(20).default([]),
  })
  .refine((change) => Boolean(change.userId) !== Boolean(change.email), { error: "Name the member by account or by email, not both.", path: ["email"] });

export const memberRemoveSchema = z.object({ type: z.literal("member.remove"), userId: id });
export const shareCreateSchema = z.object({ type: z.literal("share.create") });
export const shareRevokeSchema = z.object({ type: z.literal("share.revoke"), linkId: id });

const minutes = z.number().int().min(0).max(100_000).nullable();

export const planWindowSchema = z.object({
  type: z.literal("plan.window"),
  /** The scheduled start as an instant (ISO 8601 with offset), or null to unschedule. */
  windowStart: z.iso.datetime({ offset: true, error: "Give the start as a date and time." }).nullable(),
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .refine(isValidTimeZone, { error: "Choose a known time zone, like Europe/Berlin or UTC." }),
  expectedDurationMinutes: minutes,
  expectedDowntimeMinutes: minutes,
});

export const downtimeChangeSchema = z.object({ type: z.literal("downtime"), action: z.enum(["start", "end"]) });

export const itemFlagSchema = z.object({ type: z.literal("item.flag"), itemId, downtimeMarker: z.enum(["START", "END"]).nullable() });

export const checkStatusSchema = z
  .object({ type: z.literal("check.status"), checkId: itemId, status: z.enum(["PENDING", "DONE", "SKIPPED"]), note: reason.optional() })
  .superRefine((change, ctx) => {
    if (change.status === "SKIPPED" && !change.note) ctx.addIssue({ code: "custom", path: ["note"], message: "Say why the check is skipped." });
  });


/**
 * A step's owners (plan members or sign-off titles), what it waits for (steps or whole
 * sections of the plan) and its planned minutes; each field replaces what was there, and an
 * absent one stays as it was. Refused with 409 when the dependencies would make a loop.
 */
export const itemPlanSchema = z
  .object({ type: z.literal("item.plan"), itemId, expectedVersion: z.number().int().min(0) })
  .extend(itemPlanningFieldsSchema.shape)
  .refine((change) => change.owners !== undefined || change.dependsOn !== undefined || change.plannedMinutes !== undefined, { error: "Say what to change." });

/** A step's HTTP check set, changed or removed (null) by the lead (lib/checks/). */
export const itemCheckSchema = z.object({ type: z.literal("item.check"), itemId, expectedVersion: z.number().int().min(0), check: httpCheckSchema.nullable() });

/** A status update for stakeholders (lib/status-updates/): the lead's own words, or one of the document's messages by name, filled from the live state. */
export const statusUpdatePostSchema = z
  .object({
    type: z.literal("status-update.post"),
    text: z.string().trim().min(1, { error: "Write the update." }).max(4000, { error: "Keep the update under 4 000 characters." }).optional(),
    messageName: z.string().trim().min(1).max(200).optional(),
  })
  .refine((change) => (change.text === undefined) !== (change.messageName === undefined), { error: "Send either the update's text or the name of one of the plan's messages." });

export const planChangeSchema = z.union([
  itemStatusChangeSchema,
  itemMeasurementSchema,
  itemCommentSchema,
  lifecycleChangeSchema,
  planEditSchema,
  gateConfigureSchema,
  gateSignSchema,
  gateDecideSchema,
  memberSetSchema,
  memberRemoveSchema,
  shareCreateSchema,
  shareRevokeSchema,
  planWindowSchema,
  downtimeChangeSchema,
  itemFlagSchema,
  checkStatusSchema,
  itemPlanSchema,
  // The plan's structure (lib/plan-editing/edit-change-schema.ts).
  sectionAddSchema,
  sectionEditSchema,
  sectionMoveSchema,
  sectionRemoveSchema,
  itemAddSchema,
  itemEditSchema,
  itemMoveSchema,
  itemRemoveSchema,
  planUndoSchema,
  // The document's gates, rollback triggers, tables and messages (lib/document-parts/part-change-schema.ts).
  gateEditSchema,
  triggerAddSchema,
  triggerEditSchema,
  triggerRemoveSchema,
  tableEditSchema,
  commsAddSchema,
  commsEditSchema,
  commsRemoveSchema,
  itemCheckSchema,
  tableAddSchema,
  tableRemoveSchema,
  gateAddSchema,
  gateRemoveSchema,
  statusUpdatePostSchema,
]);

export type PlanChange = z.infer<typeof planChangeSchema>;
export type ItemStatusChange = z.infer<typeof itemStatusChangeSchema>;
export type LifecycleAction = z.infer<typeof lifecycleChangeSchema>["action"];
