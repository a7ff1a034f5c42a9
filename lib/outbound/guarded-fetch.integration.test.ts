import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parseAllowedHosts } from "@/lib/outbound/address-policy";
import { checkOutboundUrl, guardedFetch, OutboundRefusedError, OutboundRequestError } from "@/lib/outbound/guarded-fetch";

const servers: Server[] = [];

async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const LOOPBACK_ALLOWED = parseAllowedHosts("127.0.0.1");
const NOTHING_ALLOWED = parseAllowedHosts("");

describe("guardedFetch against a local HTTP server", () => {
  it("refuses the loopback server without an allow-list, before any connection", async () => {
    let requests = 0;
    const url = await serve((_request, response) => {
      requests += 1;
      response.end("ok");
    });
    await expect(guardedFetch(url, { allowedHosts: NOTHING_ALLOWED })).rejects.toThrow(OutboundRefusedError);
    await expect(guardedFetch(url, { allowedHosts: NOTHING_ALLOWED })).rejects.toThrow(/127\.0\.0\.1 is a loopback address/);
    expect(requests).toBe(0);
  });

  it("reaches it when 127.0.0.1 is allow-listed, sending the method, headers and body", async () => {
    const url = await serve((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => response.writeHead(201, { "content-type": "text/plain" }).end(`${request.method} ${request.headers["x-test"]} ${body}`));
    });
    const response = await guardedFetch(`${url}/hook`, { method: "POST", headers: { "x-test": "yes" }, body: "hello", allowedHosts: LOOPBACK_ALLOWED });
    expect(response).toMatchObject({ status: 201, excerpt: "POST yes hello", truncated: false, url: `${url}/hook` });
    expect(response.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("checks every redirect: a hop to a refused address stops the request", async () => {
    const target = await serve((_request, response) => response.end("should not be reached"));
    const port = new URL(target).port;
    const url = await serve((_request, response) => response.writeHead(302, { location: `http://[::1]:${port}/` }).end());
    await expect(guardedFetch(url, { allowedHosts: LOOPBACK_ALLOWED })).rejects.toThrow(/::1 is a loopback address/);
  });

  it("follows allowed redirects, turning a POST into a GET on 303, and stops after five", async () => {
    const final = await serve((request, response) => response.end(`${request.method} at the end`));
    const redirecting = await serve((_request, response) => response.writeHead(303, { location: final }).end());
    const response = await guardedFetch(redirecting, { method: "POST", body: "x", allowedHosts: LOOPBACK_ALLOWED });
    expect(response).toMatchObject({ status: 200, excerpt: "GET at the end", url: `${final}/` });

    const loop = await serve((request, response) => response.writeHead(307, { location: request.url === "/" ? "/again" : "/" }).end());
    await expect(guardedFetch(loop, { allowedHosts: LOOPBACK_ALLOWED })).rejects.toThrow(/More than 5 redirects/);
  });

  it("reads only an excerpt of a large response", async () => {
    const url = await serve((_request, response) => {
      response.write("a".repeat(64 * 1024));
      // Never ends: the client must stop reading on its own.
    });
    const response = await guardedFetch(url, { maxResponseBytes: 1000, allowedHosts: LOOPBACK_ALLOWED });
    expect(response.excerpt).toBe("a".repeat(1000));
    expect(response.truncated).toBe(true);
  });

  it("gives up on a server that does not answer in time", async () => {
    const url = await serve(() => {
      // Holds the request open.
    });
    await expect(guardedFetch(url, { timeoutMs: 200, allowedHosts: LOOPBACK_ALLOWED })).rejects.toThrow(new OutboundRequestError("The request timed out."));
  });

  it("refuses other schemes, credentials in the URL and names that do not resolve", async () => {
    await expect(checkOutboundUrl("file:///etc/passwd", LOOPBACK_ALLOWED)).rejects.toThrow(/Only http/);
    await expect(checkOutboundUrl("http://user:pw@127.0.0.1/", LOOPBACK_ALLOWED)).rejects.toThrow(/user name or password/);
    await expect(checkOutboundUrl("not a url", LOOPBACK_ALLOWED)).rejects.toThrow(/not a valid URL/);
    await expect(checkOutboundUrl("http://does-not-exist.invalid/", LOOPBACK_ALLOWED)).rejects.toThrow(/could not be resolved/);
    await expect(checkOutboundUrl("http://169.254.169.254/latest/meta-data", LOOPBACK_ALLOWED)).rejects.toThrow(/cloud metadata service/);
  });
});
