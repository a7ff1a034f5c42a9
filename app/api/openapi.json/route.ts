import { NextResponse } from "next/server";
import { appOrigin } from "@/lib/auth/app-origin";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";

/** The OpenAPI 3.1 document of the HTTP API, generated from the routes' own zod schemas. Public: it describes, it grants nothing. */
export async function GET() {
  return NextResponse.json(buildOpenApiDocument(await appOrigin()), { headers: { "Cache-Control": "no-store" } });
}
