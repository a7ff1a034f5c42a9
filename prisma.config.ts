// Configuration for the Prisma CLI (generate; `migrate deploy` where its engine can be downloaded).
// The app itself connects through @prisma/adapter-pg and applies migrations with
// scripts/db-migrate.ts, which keeps `_prisma_migrations` exactly as Prisma does.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/preflight" },
});
