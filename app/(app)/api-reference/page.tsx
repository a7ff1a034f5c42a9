import type { Metadata } from "next";
import { ApiReference } from "@/components/api-reference/api-reference";
import { requireUser } from "@/lib/auth/current-user";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";

export const metadata: Metadata = { title: "API reference" };

/** The HTTP API, rendered on the server from the same document `/api/openapi.json` serves (no script, nothing from elsewhere). */
export default async function ApiReferencePage() {
  await requireUser();
  return <ApiReference document={buildOpenApiDocument()} />;
}
