/**
 * Compares the Prisma schema (as DMMF) with what the migrated database really has, so a
 * change to schema.prisma without its migration fails CI. Pure: the caller supplies both
 * sides (see schema-agreement.integration.test.ts).
 */

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}

export interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string }[];
}

export interface DmmfDatamodel {
  models: DmmfModel[];
  enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
  indexes: DmmfIndex[];
}

export interface DatabaseColumn {
  table: string;
  column: string;
  dataType: string;
  udtName: string;
  nullable: boolean;
  characterMaximumLength: number | null;
}

export interface DatabaseIndex {
  table: string;
  columns: string[];
  unique: boolean;
  primary: boolean;
}

export interface DatabaseCatalog {
  columns: DatabaseColumn[];
  indexes: DatabaseIndex[];
  enums: { name: string; values: string[] }[];
  foreignKeys: { table: string; columns: string[]; referencedTable: string }[];
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Float: "double precision",
  Decimal: "numeric",
  Json: "jsonb",
  Bytes: "bytea",
};

const NATIVE_TYPES: Record<string, string> = {
  VarChar: "character varying",
  Char: "character",
  Text: "text",
  Timestamptz: "timestamp with time zone",
  Timestamp: "timestamp without time zone",
  Uuid: "uuid",
  SmallInt: "smallint",
  Integer: "integer",
  BigInt: "bigint",
  DoublePrecision: "double precision",
  Real: "real",
  JsonB: "jsonb",
  Json: "json",
  Date: "date",
  Time: "time without time zone",
  Boolean: "boolean",
};

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((column, index) => column === b[index]);
}

export function findSchemaDrift(datamodel: DmmfDatamodel, catalog: DatabaseCatalog): string[] {
  const problems: string[] = [];
  const tableOf = new Map(datamodel.models.map((model) => [model.name, model.dbName ?? model.name]));
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    return field?.dbName ?? fieldName;
  };

  for (const model of datamodel.models) {
    const table = model.dbName ?? model.name;
    const columns = catalog.columns.filter((column) => column.table === table);
    if (!columns.length) {
      problems.push(`model ${model.name}: table "${table}" is missing`);
      continue;
    }
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (field.relationFromFields?.length) {
          const fkColumns = field.relationFromFields.map((name) => columnOf(model, name));
          const referenced = tableOf.get(field.type);
          const found = catalog.foreignKeys.some(
            (key) => key.table === table && key.referencedTable === referenced && sameColumns(key.columns, fkColumns),
          );
          if (!found) problems.push(`${model.name}.${field.name}: foreign key (${fkColumns.join(", ")}) → "${referenced}" is missing`);
        }
        continue;
      }
      const columnName = field.dbName ?? field.name;
      const column = columns.find((candidate) => candidate.column === columnName);
      if (!column) {
        problems.push(`${model.name}.${field.name}: column "${table}"."${columnName}" is missing`);
        continue;
      }
      // Prisma creates scalar lists (TEXT[]) without NOT NULL, whatever the schema says.
      if (!field.isList && column.nullable === field.isRequired) {
        problems.push(`${model.name}.${field.name}: ${field.isRequired ? "required" : "optional"} in the schema but the column is ${column.nullable ? "NULL" : "NOT NULL"}`);
      }
      const expected = expectedType(field);
      const actual = field.isList ? column.udtName.replace(/^_/, "") : column.dataType === "USER-DEFINED" ? column.udtName : column.dataType;
      if (expected && actual !== expected) {
        problems.push(`${model.name}.${field.name}: type ${field.type}${field.isList ? "[]" : ""} expects ${expected}, the column is ${actual}`);
      }
      const length = field.nativeType?.[1]?.[0];
      if (length && field.nativeType?.[0] === "VarChar" && column.characterMaximumLength !== Number(length)) {
        problems.push(`${model.name}.${field.name}: VarChar(${length}) but the column holds ${column.characterMaximumLength}`);
      }
    }
  }

  for (const index of datamodel.indexes) {
    const model = datamodel.models.find((candidate) => candidate.name === index.model);
    if (!model || index.type === "fulltext") continue;
    const table = model.dbName ?? model.name;
    const columns = index.fields.map((field) => columnOf(model, field.name));
    const found = catalog.indexes.some(
      (candidate) =>
        candidate.table === table &&
        sameColumns(candidate.columns, columns) &&
        (index.type === "id" ? candidate.primary : index.type === "unique" ? candidate.unique : true),
    );
    if (!found) problems.push(`${model.name}: ${index.type === "normal" ? "index" : index.type === "id" ? "primary key" : "unique index"} on (${columns.join(", ")}) is missing`);
  }

  for (const enumeration of datamodel.enums) {
    const name = enumeration.dbName ?? enumeration.name;
    const actual = catalog.enums.find((candidate) => candidate.name === name);
    if (!actual) {
      problems.push(`enum ${enumeration.name}: type "${name}" is missing`);
      continue;
    }
    const expected = enumeration.values.map((value) => value.dbName ?? value.name);
    const missing = expected.filter((value) => !actual.values.includes(value));
    if (missing.length) problems.push(`enum ${enumeration.name}: values ${missing.join(", ")} are missing`);
  }
  return problems;
}

function expectedType(field: DmmfField): string | undefined {
  if (field.kind === "enum") return field.type;
  if (field.nativeType) return NATIVE_TYPES[field.nativeType[0]];
  return SCALAR_TYPES[field.type];
}
