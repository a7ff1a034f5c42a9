import type { ComparisonOperator, HttpCheck, JsonScalar } from "@/lib/checks/check-spec";

/**
 * Whether an HTTP answer passes a step's check, and if not, why, in words the run's feed can
 * show. Pure; the runner (run-item-check.ts) only fetches.
 */
export type Judgement = { ok: true } | { ok: false; reason: string };

export function judgeResponse(check: Pick<HttpCheck, "expectedStatus" | "bodyContains" | "json">, response: { status: number; body: string }): Judgement {
  if (response.status !== check.expectedStatus) return { ok: false, reason: `Expected status ${check.expectedStatus}, got ${response.status}.` };
  if (check.bodyContains !== undefined && !response.body.includes(check.bodyContains)) return { ok: false, reason: `The response does not contain "${check.bodyContains}".` };
  if (check.json) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body);
    } catch {
      return { ok: false, reason: "The response is not JSON." };
    }
    const found = valueAtPointer(parsed, check.json.pointer);
    const where = check.json.pointer || "the body";
    if (!found.found) return { ok: false, reason: `The response has nothing at ${where}.` };
    if (!compare(found.value, check.json.operator, check.json.value)) {
      return { ok: false, reason: `${where} is ${JSON.stringify(found.value) ?? "undefined"}; expected ${check.json.operator} ${JSON.stringify(check.json.value)}.` };
    }
  }
  return { ok: true };
}

/** RFC 6901: "/a/0/b~1c" → body.a[0]["b/c"]. */
export function valueAtPointer(document: unknown, pointer: string): { found: true; value: unknown } | { found: false } {
  if (pointer === "") return { found: true, value: document };
  let current: unknown = document;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.split("~1").join("/").split("~0").join("~");
    if (Array.isArray(current)) {
      const index = Number(key);
      if (key === "" || !Number.isInteger(index) || index < 0 || index >= current.length || String(index) !== key) return { found: false };
      current = current[index];
    } else if (current !== null && typeof current === "object" && Object.hasOwn(current, key)) {
      current = (current as Record<string, unknown>)[key];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}

export function compare(actual: unknown, operator: ComparisonOperator, expected: JsonScalar): boolean {
  if (operator === "==") return actual === expected;
  if (operator === "!=") return actual !== expected;
  if (typeof actual !== "number" || typeof expected !== "number") return false;
  switch (operator) {
    case "<":
      return actual < expected;
    case "<=":
      return actual <= expected;
    case ">":
      return actual > expected;
    case ">=":
      return actual >= expected;
  }
}
