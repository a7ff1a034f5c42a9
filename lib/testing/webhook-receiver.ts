import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** One request a receiver got, with its body exactly as sent (what the signature covers). */
export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  rawBody: string;
  receivedAt: number;
}

/** How the receiver answers its nth request (0-based): a status, or "hang" to hold the request open. */
export type Responder = (index: number, request: ReceivedRequest) => number | "hang";

/**
 * A local HTTP server standing in for a webhook receiver (a CI system, Slack, a test's own
 * endpoint). It keeps every request and answers as the test says.
 */
export async function startWebhookReceiver(respond: Responder = () => 200) {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const held: ServerResponse[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const request = { headers: incoming.headers, rawBody: Buffer.concat(chunks).toString("utf8"), receivedAt: Date.now() };
      const index = requests.push(request) - 1;
      const answer = respond(index, request);
      if (answer === "hang") held.push(response);
      else response.writeHead(answer, { "content-type": "text/plain" }).end(answer < 300 ? "thanks" : `failing on purpose (${answer})`);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    requests,
    /** Request bodies parsed as JSON. */
    bodies: () => requests.map((request) => JSON.parse(request.rawBody) as Record<string, unknown>),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
