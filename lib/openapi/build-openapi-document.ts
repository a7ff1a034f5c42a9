import { z } from "zod";
import { ERROR_DESCRIPTIONS, errorBodySchema } from "@/lib/openapi/error-body";
import { API_OPERATIONS, type ApiOperation } from "@/lib/openapi/api-operations";

type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as the server reads input. */
function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name: name!, in: "path", required: true, schema: { type: "string" } }));
}

function queryParameters(query: z.ZodObject | undefined) {
  if (!query) return [];
  return Object.entries(query.shape).map(([name, field]) => {
    const schema = field as z.ZodType;
    return { name, in: "query", required: !schema.safeParse(undefined).success, schema: jsonSchemaOf(schema) };
  });
}

function securityOf(access: ApiOperation["access"]) {
  if (access === "public") return [];
  if (access === "session") return [{ sessionCookie: [] }];
  return [{ bearerToken: [] }, { sessionCookie: [] }];
}

function requestBodyOf(body: ApiOperation["body"]) {
  if (!body) return undefined;
  if ("mediaType" in body) return { required: true, description: body.description, content: { [body.mediaType]: { schema: { type: "string" } } } };
  return { required: true, content: { "application/json": { schema: jsonSchemaOf(body) } } };
}

function responsesOf(operation: ApiOperation) {
  const { success } = operation;
  const successContent = success.schema
    ? { "application/json": { schema: jsonSchemaOf(success.schema) } }
    : success.mediaType
      ? { [success.mediaType]: { schema: { type: "string" } } }
      : undefined;
  const errors = new Set(operation.errors);
  if (operation.access !== "public") [401, 403].forEach((status) => errors.add(status));
  return {
    [String(success.status)]: { description: success.description, ...(successContent ? { content: successContent } : {}) },
    ...Object.fromEntries(
      [...errors].sort().map((status) => [String(status), { description: ERROR_DESCRIPTIONS[status] ?? "Refused", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
    ),
  };
}

/** The OpenAPI 3.1 document of the HTTP API, generated from the schemas the routes validate with. */
export function buildOpenApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of API_OPERATIONS) {
    paths[operation.path] ??= {};
    const requestBody = requestBodyOf(operation.body);
    paths[operation.path]![operation.method] = {
      operationId: `${operation.method}${operation.path.replace(/[^A-Za-z0-9]+(.)?/g, (_match, next: string | undefined) => (next ?? "").toUpperCase())}`,
      tags: [operation.tag],
      summary: operation.summary,
      ...(operation.description ? { description: operation.description } : {}),
      security: securityOf(operation.access),
      parameters: [...pathParameters(operation.path), ...queryParameters(operation.query)],
      ...(requestBody ? { requestBody } : {}),
      responses: responsesOf(operation),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Preflight API",
      version: "1",
      description:
        "Everything the UI does with plans, with `Authorization: Bearer <token>` (an API token from the Tokens page) or a session. Errors are `{\"error\":{\"code\",\"message\"}}`; lists are `{items, nextCursor}`.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal access token (`pfl_…`) from the Tokens page or `POST /api/tokens`." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "The browser session of a signed-in person." },
      },
      schemas: { Error: jsonSchemaOf(errorBodySchema) },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
