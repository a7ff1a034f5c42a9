/**
 * Just enough of a browser for flows across servers in tests: a cookie jar per origin (names and
 * values; paths and expiry beyond deletion are ignored) and requests that do not follow redirects
 * by themselves, so a test sees every hop. Loopback servers listen on 127.0.0.1, but Next reports a
 * loopback request's host as "localhost" (so Auth.js redirects there): both name the same server here.
 */
function loopback(url: string): string {
  return url.replace(/^http:\/\/localhost:/, "http://127.0.0.1:");
}

export class HttpBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  cookieHeader(url: string): string {
    url = loopback(url);
    const jar = this.jars.get(new URL(url).origin);
    return jar ? [...jar].map(([name, value]) => `${name}=${value}`).join("; ") : "";
  }

  private remember(url: string, response: Response): void {
    const origin = new URL(url).origin;
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || (attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)));
      if (!value || expired) jar.delete(name);
      else jar.set(name, value);
    }
  }

  async request(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    url = loopback(url);
    const headers: Record<string, string> = { ...init.headers };
    const cookie = this.cookieHeader(url);
    if (cookie) headers.cookie = cookie;
    if (init.form) headers["content-type"] = "application/x-www-form-urlencoded";
    const response = await fetch(url, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      headers,
      body: init.form ? new URLSearchParams(init.form) : undefined,
      redirect: "manual",
    });
    this.remember(url, response);
    return response;
  }
}

/** Where a redirect leads, as an absolute URL. */
export function locationOf(response: Response, base: string): string | null {
  const location = response.headers.get("location");
  return location ? loopback(new URL(location, base).href) : null;
}
