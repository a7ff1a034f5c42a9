import { settings } from "@/lib/env";

/**
 * The app's public origin for links that leave it (emails): AUTH_URL when set, as in
 * production; otherwise this machine on PORT, which is right for a local run and the tests.
 * Mail is written by workers, outside any request, so the request's host is not available.
 */
export function appBaseUrl(): string {
  const { AUTH_URL, PORT } = settings();
  return AUTH_URL ? new URL(AUTH_URL).origin : `http://localhost:${PORT}`;
}

/** An app path ("/plans/abc#gate-1") as an absolute URL for an email. */
export function absoluteAppUrl(path: string): string {
  return new URL(path, appBaseUrl()).toString();
}
