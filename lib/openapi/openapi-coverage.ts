import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { planChangeSchema } from "@/lib/plan-state/change-schema";

/** Test helpers: what the app really has, to check the OpenAPI document against. */

/** Every `route.ts` under app/api, with the HTTP methods it exports, as OpenAPI paths (`[planId]` → `{planId}`). */
export function routeFilesUnder(apiDirectory: string): { path: string; methods: string[] }[] {
  const found: { path: string; methods: string[] }[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const segments = relative(apiDirectory, directory).split(sep).filter(Boolean);
        const path = `/api/${segments.map((segment) => (segment.startsWith("[") ? `{${segment.replace(/^\[(\.\.\.)?/, "").replace(/\]$/, "")}}` : segment)).join("/")}`;
        const source = readFileSync(full, "utf8");
        const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((method) => source.includes(`export const ${method} `) || source.includes(`export async function ${method}(`) || source.includes(`export function ${method}(`));
        found.push({ path, methods: methods.map((method) => method.toLowerCase()) });
      }
    }
  };
  walk(apiDirectory);
  return found;
}

/** The `type` of every member of the change union. */
export function changeTypes(): string[] {
  return planChangeSchema.options.map((option) => (option.shape.type as { value: string }).value);
}
