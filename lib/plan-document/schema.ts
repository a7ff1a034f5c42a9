/**
 * PlanDocument: the structure of a deployment plan (or a template, which is the same
 * structure without state) as imported from Markdown and edited in the app.
 *
 * Conventions used throughout:
 * - A string value of "" means "the document declares this but leaves it blank to fill in"
 *   (e.g. `**Deploy Lead**: _____`); an absent (undefined) value means "not declared".
 * - Ids are positional ("s2.1", "s2.1:i3", "t1") so re-importing an exported plan yields the
 *   same ids; they are stable within one document, not across edits.
 * - `line` fields are 1-based source line numbers, for messages only.
 */
import { httpCheckSchema } from "@/lib/checks/check-spec";
import { z } from "zod";

export const DEPLOYMENT_STRATEGIES = ["blue-green", "rolling", "canary", "feature-flag", "recreate", "other"] as const;
export const deploymentStrategySchema = z.enum(DEPLOYMENT_STRATEGIES);

/** A `Key: value` pair the document declares; options come from `[ ] A  [x] B` choices. */
export const fieldSchema = z.object({
  key: z.string(),
  value: z.string(),
  options: z.array(z.object({ label: z.string(), selected: z.boolean() })).optional(),
});

/** A time relative to the start of the deployment ("T-24h" → -1440). */
export const timeOffsetSchema = z.object({ raw: z.string(), minutes: z.number() });

/** A planned duration ("15 min" → 15; ranges keep their upper bound). */
export const plannedDurationSchema = z.object({ raw: z.string(), minutes: z.number() });

export const codeBlockSchema = z.object({
  language: z.string(),
  /** Rest of the fence's info string ("```bash title=deploy.sh" → "title=deploy.sh"). */
  meta: z.string().optional(),
  code: z.string(),
  line: z.number().int().optional(),
});

export const METRIC_COMPARATORS = ["<", "<=", ">", ">=", "="] as const;
export const metricComparatorSchema = z.enum(METRIC_COMPARATORS);

/** A value to measure during the run, with its target ("p95: __ ms (<200ms target)"). */
export const metricSchema = z.object({
  label: z.string(),
  unit: z.string(),
  comparator: metricComparatorSchema,
  target: z.number(),
});

export const ITEM_STATUSES = ["pending", "done", "skipped", "failed", "not_applicable"] as const;
export const itemStatusSchema = z.enum(ITEM_STATUSES);

/** Run state of an item; absent on templates. `[x]` imports as { status: "done", by: "import" }. */
export const itemStateSchema = z.object({
  status: itemStatusSchema,
  by: z.string().optional(),
  at: z.iso.datetime().optional(),
  note: z.string().optional(),
  measuredValue: z.number().optional(),
});

export const planItemSchema = z.object({
  id: z.string(),
  /** Inline Markdown as written (markers such as "(optional)" stay in the text). */
  text: z.string(),
  details: z.string().optional(),
  commands: z.array(codeBlockSchema),
  get items() {
    return z.array(planItemSchema);
  },
  required: z.boolean(),
  critical: z.boolean(),
  expected: z.string().optional(),
  assignee: z.string().optional(),
  /** Caption the item was listed under (e.g. "**Checklist**:" or a bold role name). */
  group: z.string().optional(),
  metric: metricSchema.optional(),
  state: itemStateSchema.optional(),
  /** Who does the step, as written ("Owner: Eve; DevOps Lead"): member names or emails, or sign-off titles. */
  owners: z.array(z.string()).optional(),
  /** What the step waits for, as written ("Depends on: Deploy; section Verify"): step texts or ids, or sections. */
  dependsOn: z.array(z.string()).optional(),
  /** How long the step is planned to take ("Duration: 15 min"). */
  plannedMinutes: z.number().optional(),
  /** The step's HTTP check ("Check: GET https://x/health expect 200"; lib/checks/check-line.ts). */
  check: httpCheckSchema.optional(),
  line: z.number().int().optional(),
});

export const planSectionSchema = z.object({
  id: z.string(),
  /** Heading as written (inline Markdown); "" for the implicit section before the first heading. */
  heading: z.string(),
  /** Heading without its time offset / duration annotation. */
  title: z.string(),
  /** Heading depth 1–6; 0 for the implicit section holding items that precede any heading. */
  level: z.number().int().min(0).max(6),
  offset: timeOffsetSchema.optional(),
  duration: plannedDurationSchema.optional(),
  /** Paragraphs and quotes that are not items, as Markdown separated by blank lines. */
  notes: z.string(),
  codeBlocks: z.array(codeBlockSchema),
  fields: z.array(fieldSchema),
  items: z.array(planItemSchema),
  get sections() {
    return z.array(planSectionSchema);
  },
  line: z.number().int().optional(),
});

const tableBase = { id: z.string(), sectionId: z.string().nullable() };
const extraColumns = z.array(fieldSchema);

export const timelineRowSchema = z.object({
  time: z.string().optional(),
  offset: timeOffsetSchema.optional(),
  activity: z.string(),
  duration: z.string().optional(),
  durationMinutes: z.number().optional(),
  owner: z.string().optional(),
  status: z.string().optional(),
  extra: extraColumns,
});

export const riskRowSchema = z.object({
  risk: z.string(),
  probability: z.string().optional(),
  impact: z.string().optional(),
  mitigation: z.string().optional(),
  owner: z.string().optional(),
  extra: extraColumns,
});

export const contactRowSchema = z.object({
  order: z.number().int().optional(),
  role: z.string(),
  name: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  responsibility: z.string().optional(),
  extra: extraColumns,
});

export const monitoringRowSchema = z.object({
  window: z.string().optional(),
  frequency: z.string().optional(),
  owner: z.string().optional(),
  checks: z.string().optional(),
  extra: extraColumns,
});

export const planTableSchema = z.discriminatedUnion("kind", [
  z.object({ ...tableBase, kind: z.literal("timeline"), rows: z.array(timelineRowSchema) }),
  z.object({ ...tableBase, kind: z.literal("risks"), rows: z.array(riskRowSchema) }),
  z.object({ ...tableBase, kind: z.literal("contacts"), rows: z.array(contactRowSchema) }),
  z.object({ ...tableBase, kind: z.literal("monitoring"), rows: z.array(monitoringRowSchema) }),
  z.object({
    ...tableBase,
    kind: z.literal("generic"),
    header: z.array(z.string()),
    rows: z.array(z.array(z.string())),
    line: z.number().int().optional(),
  }),
]);

export const commsTemplateSchema = z.object({
  id: z.string(),
  sectionId: z.string().nullable(),
  name: z.string(),
  audience: z.string().optional(),
  subject: z.string().optional(),
  /** Body with blanks normalised to `{{name}}` placeholders. */
  body: z.string(),
  placeholders: z.array(z.string()),
});

export const GATE_KINDS = ["go-no-go", "pre-deployment", "post-deployment", "sign-off"] as const;
export const gateKindSchema = z.enum(GATE_KINDS);

export const gateRoleSchema = z.object({
  role: z.string(),
  required: z.boolean(),
  signed: z.boolean(),
  /** Who signed, "" while blank. */
  signedBy: z.string(),
  /** Sign-off date when the document asks for one ("" while blank). */
  signedAt: z.string().optional(),
});

export const gateSchema = z.object({
  id: z.string(),
  sectionId: z.string().nullable(),
  kind: gateKindSchema,
  /** Caption the role list was written under (e.g. "Sign-Off"). */
  label: z.string().optional(),
  decisionMaker: z.string().optional(),
  /** Choices from a "Decision: GO / NO-GO / DEFER" line; empty when there is none. */
  decisionOptions: z.array(z.string()),
  decision: z.string().optional(),
  roles: z.array(gateRoleSchema),
});

export const ROLLBACK_TRIGGER_MODES = ["automatic", "manual", "unspecified"] as const;

export const rollbackSchema = z.object({
  triggers: z.array(
    z.object({ text: z.string(), sectionId: z.string().nullable(), mode: z.enum(ROLLBACK_TRIGGER_MODES) }),
  ),
  /** Sections that hold the rollback procedure itself (not the triggers). */
  procedureSectionIds: z.array(z.string()),
});

export const unrecognizedBlockSchema = z.object({
  sectionId: z.string().nullable(),
  kind: z.string(),
  raw: z.string(),
  startLine: z.number().int(),
  endLine: z.number().int(),
});

export const planMetadataSchema = z.object({
  feature: z.string().optional(),
  service: z.string().optional(),
  version: z.string().optional(),
  environment: z.string().optional(),
  strategy: deploymentStrategySchema.optional(),
  /** The strategy as written, when it says more than the enum ("Blue/green via ALB"). */
  strategyText: z.string().optional(),
  expectedDowntime: z.string().optional(),
  riskLevel: z.string().optional(),
  window: z.object({
    date: z.string().optional(),
    start: z.string().optional(),
    end: z.string().optional(),
    estimatedDuration: z.string().optional(),
  }),
  deployLead: z.string().optional(),
  /** Anything else the document declares, in document order. */
  extra: z.array(fieldSchema),
});

export const planDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  title: z.string(),
  metadata: planMetadataSchema,
  /** Text before the first section. */
  overview: z.string(),
  /** Trailing text after the last horizontal rule (e.g. "Generated by …"). */
  notes: z.string(),
  sections: z.array(planSectionSchema),
  tables: z.array(planTableSchema),
  rollback: rollbackSchema,
  commsTemplates: z.array(commsTemplateSchema),
  gates: z.array(gateSchema),
  unrecognized: z.array(unrecognizedBlockSchema),
});

export type DeploymentStrategy = z.infer<typeof deploymentStrategySchema>;
export type Field = z.infer<typeof fieldSchema>;
export type TimeOffset = z.infer<typeof timeOffsetSchema>;
export type PlannedDuration = z.infer<typeof plannedDurationSchema>;
export type CodeBlock = z.infer<typeof codeBlockSchema>;
export type MetricComparator = z.infer<typeof metricComparatorSchema>;
export type Metric = z.infer<typeof metricSchema>;
export type ItemStatus = z.infer<typeof itemStatusSchema>;
export type ItemState = z.infer<typeof itemStateSchema>;
export type PlanItem = z.infer<typeof planItemSchema>;
export type PlanSection = z.infer<typeof planSectionSchema>;
export type TimelineRow = z.infer<typeof timelineRowSchema>;
export type RiskRow = z.infer<typeof riskRowSchema>;
export type ContactRow = z.infer<typeof contactRowSchema>;
export type MonitoringRow = z.infer<typeof monitoringRowSchema>;
export type PlanTable = z.infer<typeof planTableSchema>;
export type PlanTableKind = PlanTable["kind"];
export type CommsTemplate = z.infer<typeof commsTemplateSchema>;
export type GateKind = z.infer<typeof gateKindSchema>;
export type GateRole = z.infer<typeof gateRoleSchema>;
export type Gate = z.infer<typeof gateSchema>;
export type RollbackTrigger = z.infer<typeof rollbackSchema>["triggers"][number];
export type RollbackTriggerMode = RollbackTrigger["mode"];
export type Rollback = z.infer<typeof rollbackSchema>;
export type UnrecognizedBlock = z.infer<typeof unrecognizedBlockSchema>;
export type PlanMetadata = z.infer<typeof planMetadataSchema>;
export type PlanDocument = z.infer<typeof planDocumentSchema>;
