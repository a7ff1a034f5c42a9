import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import type { DatabaseCatalog, DmmfDatamodel } from "@/lib/db/schema-drift";

const require = createRequire(import.meta.url);

/** The Prisma schema as DMMF, from Prisma's own schema parser (WebAssembly, no engine download). */
export async function loadSchemaDatamodel(schemaFile = path.join(process.cwd(), "prisma", "schema.prisma")): Promise<DmmfDatamodel> {
  const wasm = require("@prisma/prisma-schema-wasm") as { get_dmmf(params: string): string };
  const schema = await readFile(schemaFile, "utf8");
  const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))) as { datamodel: DmmfDatamodel };
  return dmmf.datamodel;
}

/** Tables, columns, indexes, enums and foreign keys of the `public` schema. */
export async function readDatabaseCatalog(connectionString: string): Promise<DatabaseCatalog> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const columns = await client.query(`
      SELECT table_name AS "table", column_name AS "column", data_type AS "dataType", udt_name AS "udtName",
             is_nullable = 'YES' AS nullable, character_maximum_length AS "characterMaximumLength"
        FROM information_schema.columns WHERE table_schema = 'public'`);
    const indexes = await client.query(`
      SELECT t.relname AS "table", ix.indisunique AS "unique", ix.indisprimary AS "primary",
             array_agg(a.attname::text ORDER BY k.ord) AS columns
        FROM pg_index ix
        JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE n.nspname = 'public'
       GROUP BY ix.indexrelid, t.relname, ix.indisunique, ix.indisprimary`);
    const enums = await client.query(`
      SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' GROUP BY t.typname`);
    const foreignKeys = await client.query(`
      SELECT src.relname AS "table", dst.relname AS "referencedTable",
             array_agg(a.attname::text ORDER BY k.ord) AS columns
        FROM pg_constraint c
        JOIN pg_class src ON src.oid = c.conrelid
        JOIN pg_class dst ON dst.oid = c.confrelid
        JOIN pg_namespace n ON n.oid = src.relnamespace
        CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = src.oid AND a.attnum = k.attnum
       WHERE c.contype = 'f' AND n.nspname = 'public'
       GROUP BY c.oid, src.relname, dst.relname`);
    return {
      columns: columns.rows,
      indexes: indexes.rows,
      enums: enums.rows,
      foreignKeys: foreignKeys.rows,
    } as DatabaseCatalog;
  } finally {
    await client.end();
  }
}
