/**
 * What a browser without JavaScript does, for integration tests against the real server:
 * sign in through Auth.js's credentials endpoint (CSRF token and all) and submit the forms a
 * page renders, server actions included (React renders their hidden fields for exactly this).
 */

/** Cookies as a browser keeps them: name → value, updated from every response. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const separator = pair!.indexOf("=");
      const name = pair!.slice(0, separator).trim();
      const value = pair!.slice(separator + 1).trim();
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** A copy: the same session on a second device. */
  clone(): CookieJar {
    const copy = new CookieJar();
    this.cookies.forEach((value, name) => copy.cookies.set(name, value));
    return copy;
  }
}

export const SESSION_COOKIE = "authjs.session-token";

/** Signs in with email and password; returns the browser's cookies, or throws when refused. */
export async function signInWithPassword(appUrl: string, email: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrfResponse = await fetch(`${appUrl}/api/auth/csrf`);
  jar.store(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), origin: appUrl },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${appUrl}/plans` }),
  });
  jar.store(response);
  if (!jar.get(SESSION_COOKIE)) throw new Error(`sign-in of ${email} was refused (${response.status} ${response.headers.get("location")})`);
  return jar;
}

/** The page's HTML as this browser sees it. */
export async function fetchPage(appUrl: string, path: string, jar: CookieJar): Promise<Response> {
  const response = await fetch(`${appUrl}${path}`, { headers: { cookie: jar.header() }, redirect: "manual" });
  jar.store(response);
  return response;
}

const ENTITIES: Record<string, string> = { "&quot;": '"', "&#x27;": "'", "&#39;": "'", "&lt;": "<", "&gt;": ">", "&amp;": "&" };
const decode = (text: string) => text.replace(/&(?:quot|#x27|#39|lt|gt|amp);/g, (entity) => ENTITIES[entity]!);

/** The hidden fields of the first form on the page whose HTML contains `marker`. */
function hiddenFieldsOfForm(html: string, marker: string): [string, string][] {
  const form = [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)].map((match) => match[1]!).find((body) => body.includes(marker));
  if (!form) throw new Error(`no form containing ${marker} on the page`);
  return [...form.matchAll(/<input\b([^>]*)>/g)]
    .map((match) => match[1]!)
    .filter((attributes) => /type="hidden"/.test(attributes))
    .map((attributes) => [decode(/name="([^"]*)"/.exec(attributes)?.[1] ?? ""), decode(/value="([^"]*)"/.exec(attributes)?.[1] ?? "")] as [string, string])
    .filter(([name]) => name !== "");
}

/**
 * Submits a form of the page at `path` (the first one containing `marker`) with its hidden
 * fields plus `fields`, as a browser without JavaScript posts a server action's form.
 */
export async function submitForm(appUrl: string, path: string, jar: CookieJar, marker: string, fields: Record<string, string> = {}): Promise<Response> {
  const page = await fetchPage(appUrl, path, jar);
  if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
  const body = new FormData();
  for (const [name, value] of hiddenFieldsOfForm(await page.text(), marker)) body.append(name, value);
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  const response = await fetch(`${appUrl}${path}`, { method: "POST", body, redirect: "manual", headers: { cookie: jar.header(), origin: appUrl } });
  jar.store(response);
  return response;
}
