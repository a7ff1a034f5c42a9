/**
 * A Preflight socket server without Next, for integration tests that need real app processes:
 * the same attachSocketServer, write path and PostgreSQL adapter as server.ts.
 *   tsx lib/testing/socket-test-server.ts <port>   (DATABASE_URL and AUTH_SECRET from the environment)
 */
import { createServer } from "node:http";
import { createClusterAdapter } from "@/lib/realtime/cluster-adapter";
import { attachSocketServer } from "@/lib/realtime/socket-server";

const port = Number(process.argv[2]);
const databaseUrl = process.env.DATABASE_URL!;
const authSecret = process.env.AUTH_SECRET!;

const httpServer = createServer((_request, response) => {
  response.writeHead(404).end();
});
const cluster = await createClusterAdapter({ databaseUrl });
// PRESENCE_REFRESH_MS: a test that watches presence beats shortens them.
const presenceRefreshMs = process.env.PRESENCE_REFRESH_MS ? Number(process.env.PRESENCE_REFRESH_MS) : undefined;
attachSocketServer(httpServer, { authSecret, adapter: cluster.adapter, presenceRefreshMs });
httpServer.listen(port, "127.0.0.1", () => console.log(`ready ${port}`));
process.on("SIGTERM", () => process.exit(0));
