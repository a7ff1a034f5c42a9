import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, expect, it } from "vitest";
import { changeTypes, routeFilesUnder } from "@/lib/openapi/openapi-coverage";
import { startAppProcess, type AppProcess } from "@/lib/testing/app-process";
import { integrationDatabase } from "@/lib/testing/integration-env";

let app: AppProcess;
beforeAll(async () => {
  app = await startAppProcess(integrationDatabase().url);
}, 90_000);
afterAll(async () => {
  await app?.stop();
});

it("GET /api/openapi.json serves valid OpenAPI 3.1 naming every route, method and change type, without signing in", async () => {
  const response = await fetch(`${app.url}/api/openapi.json`);
  expect(response.status).toBe(200);
  const served = (await response.json()) as { openapi: string; servers: { url: string }[]; paths: Record<string, Record<string, unknown>> };

  const validator = new Validator();
  const result = await validator.validate(structuredClone(served));
  expect(result.errors ?? []).toEqual([]);
  expect(validator.version).toBe("3.1");
  expect(served.servers[0]!.url).toBe(app.url);

  for (const { path, methods } of routeFilesUnder("app/api")) {
    for (const method of methods) expect(Object.keys(served.paths[path] ?? {}), `${method} ${path}`).toContain(method);
  }
  const changes = JSON.stringify(served.paths["/api/plans/{planId}/changes"]);
  for (const type of changeTypes()) expect(changes, type).toContain(`"const":"${type}"`);
});
