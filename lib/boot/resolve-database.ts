import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "@/lib/db/embedded";
import { DATA_DIRECTORY } from "@/lib/boot/data-directory";

export interface ResolvedDatabase {
  url: string;
  /** For the start-up line: where the data is, without the password. */
  description: string;
  stop(): Promise<void>;
}

const EMBEDDED_DATABASE_NAME = "preflight";

/**
 * DATABASE_URL when given (nothing is started); otherwise an embedded PostgreSQL whose data
 * lives under .data/postgres, started now and stopped by `stop()`.
 */
export async function resolveDatabase(options: {
  databaseUrl?: string;
  embeddedPort?: number;
  log: (line: string) => void;
}): Promise<ResolvedDatabase> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, description: `external PostgreSQL at ${redact(options.databaseUrl)}`, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({ dataRoot: DATA_DIRECTORY, name: "postgres", port: options.embeddedPort, log: options.log });
  await ensureDatabase(embedded.serverUrl, EMBEDDED_DATABASE_NAME);
  return {
    url: `${embedded.serverUrl}/${EMBEDDED_DATABASE_NAME}`,
    description: `embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${shortPath(path.join(DATA_DIRECTORY, "postgres"))})`,
    stop: embedded.stop,
  };
}

/** Relative to the working directory when inside it (".data/postgres"), absolute otherwise. */
function shortPath(directory: string): string {
  const relative = path.relative(process.cwd(), directory);
  return relative.startsWith("..") || path.isAbsolute(relative) ? directory : relative;
}

export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
