import { describe, expect, it } from "vitest";
import { findSchemaDrift } from "@/lib/db/schema-drift";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { loadSchemaDatamodel, readDatabaseCatalog } from "@/lib/testing/schema-introspection";

// The integration database was created by applying prisma/migrations with our runner. If
// schema.prisma says anything the migrations do not create, this lists it.
describe("prisma/schema.prisma and prisma/migrations", () => {
  it("agree on every model, field, type, nullability, unique, index, enum and foreign key", async () => {
    const datamodel = await loadSchemaDatamodel();
    const catalog = await readDatabaseCatalog(integrationDatabase().url);
    expect(datamodel.models.length).toBeGreaterThan(0);
    expect(findSchemaDrift(datamodel, catalog)).toEqual([]);
  });
});
