import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import { changeTypes, routeFilesUnder } from "@/lib/openapi/openapi-coverage";

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument("http://localhost:3000");

  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every route file and method under app/api", () => {
    const routes = routeFilesUnder("app/api");
    expect(routes.length).toBeGreaterThan(15);
    for (const { path, methods } of routes) {
      expect(Object.keys(document.paths), path).toContain(path);
      for (const method of methods) expect(Object.keys(document.paths[path]!), `${method} ${path}`).toContain(method);
    }
  });

  it("gives the body of every change type", () => {
    const body = JSON.stringify(document.paths["/api/plans/{planId}/changes"]!.post);
    const types = changeTypes();
    expect(types.length).toBeGreaterThan(20);
    for (const type of types) expect(body, type).toContain(`"const":"${type}"`);
  });

  it("has the bearer scheme and the error shape", () => {
    expect(document.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(JSON.stringify(document.components.schemas.Error)).toContain('"message"');
  });
});
