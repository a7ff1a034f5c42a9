#!/usr/bin/env node
// `npx preflight …`: runs the TypeScript command line (scripts/preflight-cli.ts) through tsx,
// from the repository root so that .data/ and the migrations are found, while file
// arguments stay relative to where the command was typed.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.PREFLIGHT_INVOCATION_DIR ??= process.cwd();
process.chdir(root);
register({ tsconfig: path.join(root, "tsconfig.json") });
await import(path.join(root, "scripts", "preflight-cli.ts"));
