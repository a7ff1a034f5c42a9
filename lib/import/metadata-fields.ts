import type { DeploymentStrategy, Field, PlanMetadata } from "@/lib/plan-document/schema";
import { normalizeKey } from "@/lib/import/field-line";

/**
 * Where a declared `Key: value` goes in PlanMetadata. Keys are matched by meaning (several
 * spellings each); anything unknown is kept in `extra`, in document order.
 */

type NamedKey =
  | "feature"
  | "service"
  | "version"
  | "environment"
  | "strategy"
  | "expectedDowntime"
  | "riskLevel"
  | "window.date"
  | "window.start"
  | "window.end"
  | "window.estimatedDuration"
  | "deployLead";

const KEY_PATTERNS: [NamedKey, RegExp][] = [
  ["feature", /^(feature|feature name|project|application|app|system|product|change|change title)$/],
  ["service", /^(service|services|component|service name|affected services?)$/],
  ["version", /^(version|release|release version|version deployed|build|tag|release tag)$/],
  ["environment", /^(environment|env|target environment|target)$/],
  ["strategy", /^(deployment strategy|strategy|deployment type|deployment method|rollout strategy|deploy strategy)$/],
  ["expectedDowntime", /^(downtime|expected downtime|downtime expected|maximum downtime|max downtime|estimated downtime)$/],
  ["riskLevel", /^(risk|risk level|overall risk|risk rating)$/],
  ["window.date", /^(scheduled date|deployment date|window date|date of deployment|planned date|launch date|release date|go-live date|go live date)$/],
  ["window.start", /^(start time|start|scheduled start|window start|deployment time|planned start|window|deployment window|maintenance window|scheduled window|scheduled|zeitfenster|wartungsfenster)$/],
  ["window.end", /^(end time|end|scheduled end|window end|planned end)$/],
  ["window.estimatedDuration", /^(estimated duration|duration|expected duration|total deployment time|deployment duration)$/],
  ["deployLead", /^(deploy lead|deployment lead|release manager|release lead|deployment owner|release owner|deployment manager|change owner|plan owner|launch lead|verantwortlich)$/],
];

export function namedMetadataKey(key: string): NamedKey | undefined {
  const normalized = normalizeKey(key);
  return KEY_PATTERNS.find(([, pattern]) => pattern.test(normalized))?.[0];
}

export function strategyFromText(text: string): DeploymentStrategy {
  const normalized = text.toLowerCase();
  if (/blue[\s/-]*green/.test(normalized)) return "blue-green";
  if (/canary/.test(normalized)) return "canary";
  if (/rolling/.test(normalized)) return "rolling";
  if (/feature[\s-]*(flag|toggle)|dark launch/.test(normalized)) return "feature-flag";
  if (/recreate|big[\s-]*bang|stop[\s-]*(and|&)[\s-]*start/.test(normalized)) return "recreate";
  return "other";
}

function getNamed(metadata: PlanMetadata, key: NamedKey): string | undefined {
  if (key === "strategy") return metadata.strategyText ?? metadata.strategy;
  if (key.startsWith("window.")) return metadata.window[key.slice(7) as keyof PlanMetadata["window"]];
  return metadata[key as Exclude<NamedKey, "strategy" | `window.${string}`>];
}

function setNamed(metadata: PlanMetadata, key: NamedKey, value: string): void {
  if (key === "strategy") {
    metadata.strategy = strategyFromText(value);
    metadata.strategyText = value;
  } else if (key.startsWith("window.")) {
    metadata.window[key.slice(7) as keyof PlanMetadata["window"]] = value;
  } else {
    metadata[key as Exclude<NamedKey, "strategy" | `window.${string}`>] = value;
  }
}

/**
 * Records one declaration. The first declaration of a named property wins; repeats (a
 * "Version" in the header and again in the footer) go to `extra` so nothing is lost.
 */
export function assignMetadataField(metadata: PlanMetadata, field: Field): void {
  const named = namedMetadataKey(field.key);
  if (named && getNamed(metadata, named) === undefined && !field.options) {
    setNamed(metadata, named, field.value);
    return;
  }
  metadata.extra.push(field);
}

export const METADATA_LABELS: [NamedKey, string][] = [
  ["feature", "Feature"],
  ["service", "Service"],
  ["version", "Version"],
  ["environment", "Environment"],
  ["strategy", "Deployment Strategy"],
  ["expectedDowntime", "Expected Downtime"],
  ["riskLevel", "Risk Level"],
  ["window.date", "Scheduled Date"],
  ["window.start", "Start Time"],
  ["window.end", "End Time"],
  ["window.estimatedDuration", "Estimated Duration"],
  ["deployLead", "Deploy Lead"],
];

/** Named properties as `[label, value]` pairs, for the exporter. */
export function namedMetadataEntries(metadata: PlanMetadata): [string, string][] {
  const entries: [string, string][] = [];
  for (const [key, label] of METADATA_LABELS) {
    const value = getNamed(metadata, key);
    if (value !== undefined) entries.push([label, value]);
  }
  return entries;
}

export function emptyMetadata(): PlanMetadata {
  return { window: {}, extra: [] };
}
