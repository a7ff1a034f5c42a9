import { CliError, EXIT } from "@/lib/cli/exit-codes";

/**
 * The HTTP API as the CLI sees it: every request carries `Authorization: Bearer` with
 * PREFLIGHT_TOKEN, and every refusal becomes a CliError carrying the server's own message.
 * The CLI talks to nothing else.
 */
export interface ApiClient {
  json<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T>;
  text(method: "GET" | "POST", path: string, body?: string, contentType?: string): Promise<string>;
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<Response>;

/** The HTTP failure as the server described it: status, error code and message. */
export class ApiError extends CliError {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(EXIT.requestFailed, message);
  }
}

export function apiClient(options: { baseUrl: string; token: string | undefined; fetch: FetchLike }): ApiClient {
  const base = withoutTrailingSlashes(options.baseUrl);
  async function send(method: string, path: string, body: string | undefined, contentType: string | undefined, accept: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (contentType) headers["Content-Type"] = contentType;
    let response: Response;
    try {
      response = await options.fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    } catch (error) {
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new CliError(EXIT.unreachable, `Cannot reach Preflight at ${base} (${cause}). Check PREFLIGHT_URL.`);
    }
    if (!response.ok) throw await apiErrorOf(response, Boolean(options.token));
    return response;
  }
  return {
    async json<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
      const response = await send(method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : "application/json", "application/json");
      try {
        return (await response.json()) as T;
      } catch {
        throw new CliError(EXIT.unreachable, `${base}${path} did not answer JSON; is PREFLIGHT_URL the address of a Preflight server?`);
      }
    },
    async text(method: "GET" | "POST", path: string, body?: string, contentType?: string): Promise<string> {
      return (await send(method, path, body, contentType, "*/*")).text();
    },
  };
}

async function apiErrorOf(response: Response, hadToken: boolean): Promise<ApiError> {
  let code = "http_error";
  let message = `The server answered ${response.status} ${response.statusText}.`;
  let details: Record<string, unknown> = {};
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } & Record<string, unknown> };
    if (body.error?.message) {
      code = body.error.code ?? code;
      message = body.error.message;
      details = body.error;
    }
  } catch {
    // Not Preflight's error shape (a proxy's page, say): the status line is all there is.
  }
  const hint = response.status === 401 ? (hadToken ? " The token was refused: it may be expired or revoked." : " Set PREFLIGHT_TOKEN to an API token.") : "";
  return new ApiError(response.status, code, `${message} (HTTP ${response.status})${hint}`, details);
}

/** "https://x/" → "https://x", by a plain scan (a pattern like /\/+$/ backtracks on long runs of slashes). */
export function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === "/") end -= 1;
  return url.slice(0, end);
}
