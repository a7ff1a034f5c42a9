import { z } from "zod";

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
  })
  .superRefine((change, ctx) => {
    if (change.status === "SKIPPED" && !change.note) ctx.addIssue({ code: "custom", path: ["note"], message: "Say why the item is skipped." });
    if (change.status === "FAILED" && !change.note) ctx.addIssue({ code: "custom", path: ["note"], message: "Describe what failed." });
  });

export const itemMeasurementSchema = z.object({
  type: z.literal("item.measurement"),
  itemId,
  value: z.number().finite(),
  expectedVersion: z.number().int().min(0),
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
  })
  .superRefine((change, ctx) => {
    const needsReason = change.action === "trigger-rollback" || change.action === "abort" || change.action === "finish-partial";
    if (needsReason && !change.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Give a reason." });
  });

export const planChangeSchema = z.union([itemStatusChangeSchema, itemMeasurementSchema, itemCommentSchema, lifecycleChangeSchema]);

export type PlanChange = z.infer<typeof planChangeSchema>;
export type ItemStatusChange = z.infer<typeof itemStatusChangeSchema>;
export type LifecycleAction = z.infer<typeof lifecycleChangeSchema>["action"];
