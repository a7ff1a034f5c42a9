import { headers } from "next/headers";
import { settings } from "@/lib/env";

/** This app's origin: AUTH_URL's when set (as in production), else the one the request was addressed to. */
export async function appOrigin(): Promise<string> {
  const configured = settings().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost";
  const protocol = requestHeaders.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${protocol}://${host}`;
}
