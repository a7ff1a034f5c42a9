import { describe, expect, it } from "vitest";
import { findSchemaDrift, type DatabaseCatalog, type DmmfDatamodel } from "@/lib/db/schema-drift";

const field = (overrides: Partial<DmmfDatamodel["models"][number]["fields"][number]>) => ({
  name: "x",
  kind: "scalar" as const,
  type: "String",
  isList: false,
  isRequired: true,
  isUnique: false,
  isId: false,
  ...overrides,
});

const datamodel: DmmfDatamodel = {
  models: [
    {
      name: "Widget",
      dbName: null,
      fields: [
        field({ name: "id", isId: true }),
        field({ name: "label", isRequired: false }),
        field({ name: "code", nativeType: ["VarChar", ["20"]], isUnique: true }),
        field({ name: "kind", kind: "enum", type: "WidgetKind" }),
        field({ name: "ownerId" }),
        field({ name: "owner", kind: "object", type: "Owner", relationFromFields: ["ownerId"] }),
      ],
    },
    { name: "Owner", dbName: "owners", fields: [field({ name: "id", isId: true })] },
  ],
  enums: [{ name: "WidgetKind", values: [{ name: "SMALL" }, { name: "LARGE" }] }],
  indexes: [
    { model: "Widget", type: "id", fields: [{ name: "id" }] },
    { model: "Widget", type: "unique", fields: [{ name: "code" }] },
    { model: "Widget", type: "normal", fields: [{ name: "kind" }, { name: "label" }] },
    { model: "Owner", type: "id", fields: [{ name: "id" }] },
  ],
};

const column = (table: string, name: string, dataType = "text", nullable = false, extra: Partial<DatabaseCatalog["columns"][number]> = {}) => ({
  table,
  column: name,
  dataType,
  udtName: dataType,
  nullable,
  characterMaximumLength: null,
  ...extra,
});

function matchingCatalog(): DatabaseCatalog {
  return {
    columns: [
      column("Widget", "id"),
      column("Widget", "label", "text", true),
      column("Widget", "code", "character varying", false, { characterMaximumLength: 20 }),
      column("Widget", "kind", "USER-DEFINED", false, { udtName: "WidgetKind" }),
      column("Widget", "ownerId"),
      column("owners", "id"),
    ],
    indexes: [
      { table: "Widget", columns: ["id"], unique: true, primary: true },
      { table: "Widget", columns: ["code"], unique: true, primary: false },
      { table: "Widget", columns: ["kind", "label"], unique: false, primary: false },
      { table: "owners", columns: ["id"], unique: true, primary: true },
    ],
    enums: [{ name: "WidgetKind", values: ["SMALL", "LARGE"] }],
    foreignKeys: [{ table: "Widget", columns: ["ownerId"], referencedTable: "owners" }],
  };
}

describe("findSchemaDrift", () => {
  it("finds nothing when the database matches the schema", () => {
    expect(findSchemaDrift(datamodel, matchingCatalog())).toEqual([]);
  });

  it("reports a missing table, column, index, unique, enum value and foreign key", () => {
    const catalog = matchingCatalog();
    catalog.columns = catalog.columns.filter((c) => c.table !== "owners" && c.column !== "label");
    catalog.indexes = catalog.indexes.filter((i) => i.columns[0] !== "kind");
    catalog.indexes = catalog.indexes.map((i) => (i.columns[0] === "code" ? { ...i, unique: false } : i));
    catalog.enums = [{ name: "WidgetKind", values: ["SMALL"] }];
    catalog.foreignKeys = [];
    expect(findSchemaDrift(datamodel, catalog)).toEqual([
      'Widget.label: column "Widget"."label" is missing',
      'Widget.owner: foreign key (ownerId) → "owners" is missing',
      'model Owner: table "owners" is missing',
      "Widget: unique index on (code) is missing",
      "Widget: index on (kind, label) is missing",
      "enum WidgetKind: values LARGE are missing",
    ]);
  });

  it("reports nullability, type and length that differ", () => {
    const catalog = matchingCatalog();
    catalog.columns = catalog.columns.map((c) => {
      if (c.column === "label") return { ...c, nullable: false };
      if (c.column === "ownerId") return { ...c, dataType: "integer", udtName: "int4" };
      if (c.column === "code") return { ...c, characterMaximumLength: 10 };
      return c;
    });
    expect(findSchemaDrift(datamodel, catalog)).toEqual([
      "Widget.label: optional in the schema but the column is NOT NULL",
      "Widget.code: VarChar(20) but the column holds 10",
      "Widget.ownerId: type String expects text, the column is integer",
    ]);
  });
});
