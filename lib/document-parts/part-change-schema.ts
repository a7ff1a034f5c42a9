import { z } from "zod";

/**
 * Edits of the plan document's other parts: sign-off gates, rollback triggers, the tables
 * (timeline, risks, contacts, monitoring, any other) and the comms templates, as members of
 * the one change union in lib/plan-state/change-schema.ts. Sizes are limited here, so every
 * transport refuses oversized input the same way.
 *
 * Concurrency: a gate, a table and a template are named with `expectedHash`, the hash of the
 * part as the editor loaded it (lib/document-parts/part-hash.ts); a trigger, which has no id,
 * with its place in the list and `expectedText`. Someone else's edit in between is a 409 with
 * the part's fresh state, as for item versions.
 */
const id = z.string().min(1).max(64);
const expectedHash = z.string().min(1).max(64);
const signOffTitle = z.string().trim().min(1, { error: "Name the sign-off title." }).max(100);
const triggerText = z.string().trim().min(1, { error: "Describe when to roll back." }).max(1000);
const triggerIndex = z.number().int().min(0).max(499);

export const MAX_TABLE_COLUMNS = 20;
export const MAX_TABLE_ROWS = 200;

export const gateEditSchema = z
  .object({
    type: z.literal("gate.edit"),
    gateId: id,
    expectedHash,
    title: z.string().trim().min(1, { error: "A gate needs a title." }).max(200).optional(),
    /** The sign-off titles the gate needs, in order, each with how many holders must sign. */
    roles: z
      .array(z.object({ title: signOffTitle, quorum: z.number().int().min(1, { error: "At least one person must sign." }).max(20) }))
      .max(20, { error: "A gate needs at most 20 sign-off titles." })
      .refine((roles) => new Set(roles.map((role) => role.title.toLowerCase())).size === roles.length, { error: "Each sign-off title can be listed once." })
      .optional(),
    /** The title that decides Go/No-Go; null leaves the decision to the lead. */
    decisionMaker: z.string().trim().max(100).nullable().optional(),
  })
  .refine((change) => change.title !== undefined || change.roles !== undefined || change.decisionMaker !== undefined, { error: "Say what to change." });

export const triggerAddSchema = z.object({ type: z.literal("trigger.add"), text: triggerText });

export const triggerEditSchema = z.object({ type: z.literal("trigger.edit"), index: triggerIndex, expectedText: z.string().max(1000), text: triggerText });

export const triggerRemoveSchema = z.object({ type: z.literal("trigger.remove"), index: triggerIndex, expectedText: z.string().max(1000) });

const cellText = z.string().max(2000, { error: "A cell holds at most 2,000 characters." });

/** The whole table, as a grid: its header and its rows, each as long as the header. */
export const tableEditSchema = z
  .object({
    type: z.literal("table.edit"),
    tableId: id,
    expectedHash,
    header: z
      .array(z.string().trim().min(1, { error: "Every column needs a name." }).max(200))
      .min(1, { error: "A table needs at least one column." })
      .max(MAX_TABLE_COLUMNS, { error: `A table holds at most ${MAX_TABLE_COLUMNS} columns.` }),
    rows: z.array(z.array(cellText).max(MAX_TABLE_COLUMNS)).max(MAX_TABLE_ROWS, { error: `A table holds at most ${MAX_TABLE_ROWS} rows.` }),
  })
  .superRefine((change, ctx) => {
    change.rows.forEach((row, index) => {
      if (row.length !== change.header.length) ctx.addIssue({ code: "custom", path: ["rows", index], message: `Row ${index + 1} has ${row.length} cells for ${change.header.length} columns.` });
    });
  });

/** The kinds of table the editor can add; "generic" is any other table, with the columns given. */
export const ADDABLE_TABLE_KINDS = ["contacts", "risks", "timeline", "monitoring", "generic"] as const;

/**
 * A new, empty table of a kind, with its usual columns (or, for "generic", the columns
 * given). It goes where its kind belongs (lib/document-parts/place-new-table.ts).
 */
export const tableAddSchema = z
  .object({
    type: z.literal("table.add"),
    kind: z.enum(ADDABLE_TABLE_KINDS, { error: "Choose the kind of table: contacts, risks, timeline, monitoring or other." }),
    header: z
      .array(z.string().trim().min(1, { error: "Every column needs a name." }).max(200))
      .max(MAX_TABLE_COLUMNS, { error: `A table holds at most ${MAX_TABLE_COLUMNS} columns.` })
      .optional(),
  })
  .refine((change) => change.kind !== "generic" || (change.header?.length ?? 0) > 0, { error: "Name the columns of the new table.", path: ["header"] });

export const tableRemoveSchema = z.object({ type: z.literal("table.remove"), tableId: id, expectedHash });

const templateName = z.string().trim().min(1, { error: "A message needs a name." }).max(200);
const audience = z.string().trim().max(200);
const subject = z.string().trim().max(500);
const body = z.string().max(20_000, { error: "A message holds at most 20,000 characters." });

export const commsAddSchema = z.object({ type: z.literal("comms.add"), name: templateName, audience: audience.optional(), subject: subject.optional(), body });

export const commsEditSchema = z
  .object({
    type: z.literal("comms.edit"),
    templateId: id,
    expectedHash,
    name: templateName.optional(),
    audience: audience.optional(),
    subject: subject.optional(),
    body: body.optional(),
  })
  .refine((change) => [change.name, change.audience, change.subject, change.body].some((value) => value !== undefined), { error: "Say what to change." });

export const commsRemoveSchema = z.object({ type: z.literal("comms.remove"), templateId: id, expectedHash });

/** The kinds of gate the editor can add: one that sign-off titles sign, or a Go/No-Go decision. */
export const ADDABLE_GATE_KINDS = ["sign-off", "go-no-go"] as const;

/**
 * A new gate: a sign-off gate with the titles that must sign (and how many of each), or a
 * Go/No-Go gate with the title that decides. It goes in a section without a gate
 * (lib/document-parts/place-new-gate.ts), so the export writes it where the importer reads it back.
 */
export const gateAddSchema = z
  .object({
    type: z.literal("gate.add"),
    kind: z.enum(ADDABLE_GATE_KINDS, { error: "Choose the kind of gate: sign-off or Go/No-Go." }),
    title: z.string().trim().min(1, { error: "A gate needs a title." }).max(200),
    roles: z
      .array(z.object({ title: signOffTitle, quorum: z.number().int().min(1, { error: "At least one person must sign." }).max(20) }))
      .max(20, { error: "A gate needs at most 20 sign-off titles." })
      .refine((roles) => new Set(roles.map((role) => role.title.toLowerCase())).size === roles.length, { error: "Each sign-off title can be listed once." })
      .optional(),
    decisionMaker: z.string().trim().min(1, { error: "Name the title that decides Go or No-Go." }).max(100).optional(),
  })
  .refine((change) => change.kind !== "sign-off" || (change.roles?.length ?? 0) > 0, { error: "Name at least one sign-off title.", path: ["roles"] })
  .refine((change) => change.kind !== "go-no-go" || change.decisionMaker !== undefined, { error: "Name the title that decides Go or No-Go.", path: ["decisionMaker"] });

export const gateRemoveSchema = z.object({ type: z.literal("gate.remove"), gateId: id, expectedHash });

export const DOCUMENT_PART_CHANGE_TYPES = ["gate.edit", "trigger.add", "trigger.edit", "trigger.remove", "table.edit", "comms.add", "comms.edit", "comms.remove", "table.add", "table.remove", "gate.add", "gate.remove"] as const;
export type DocumentPartChangeType = (typeof DOCUMENT_PART_CHANGE_TYPES)[number];

export type GateEdit = z.infer<typeof gateEditSchema>;
export type TriggerAdd = z.infer<typeof triggerAddSchema>;
export type TriggerEdit = z.infer<typeof triggerEditSchema>;
export type TriggerRemove = z.infer<typeof triggerRemoveSchema>;
export type TableEdit = z.infer<typeof tableEditSchema>;
export type TableAdd = z.infer<typeof tableAddSchema>;
export type TableRemove = z.infer<typeof tableRemoveSchema>;
export type CommsAdd = z.infer<typeof commsAddSchema>;
export type CommsEdit = z.infer<typeof commsEditSchema>;
export type CommsRemove = z.infer<typeof commsRemoveSchema>;
export type GateAdd = z.infer<typeof gateAddSchema>;
export type GateRemove = z.infer<typeof gateRemoveSchema>;
export type DocumentPartChange = GateEdit | TriggerAdd | TriggerEdit | TriggerRemove | TableEdit | CommsAdd | CommsEdit | CommsRemove | TableAdd | TableRemove | GateAdd | GateRemove;
