import Link from "next/link";
import { cardStyles } from "@/components/ui/styles";
import type { OpenApiDocument } from "@/lib/openapi/build-openapi-document";

interface Operation {
  summary: string;
  description?: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { description: string }>;
}

const METHOD_STYLES: Record<string, string> = {
  get: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100",
  post: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  delete: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
};

function accessOf(security: Operation["security"]): string {
  if (!security.length) return "No sign-in needed";
  return security.some((scheme) => "bearerToken" in scheme) ? "API token or session" : "Session only";
}

function Schema({ schema }: { schema: Record<string, unknown> }) {
  return <pre className="mt-1 max-h-96 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(schema, null, 2)}</pre>;
}

/** The change union's members, one per `type`, so each body can be read on its own. */
function changeVariants(schema: Record<string, unknown>): { type: string; schema: Record<string, unknown> }[] | null {
  const variants = schema.anyOf as Record<string, unknown>[] | undefined;
  if (!variants) return null;
  return variants.map((variant) => ({ type: String((variant.properties as { type?: { const?: unknown } } | undefined)?.type?.const ?? "?"), schema: variant }));
}

function RequestBody({ body }: { body: NonNullable<Operation["requestBody"]> }) {
  return (
    <div>
      {Object.entries(body.content).map(([mediaType, { schema }]) => {
        const variants = changeVariants(schema);
        return (
          <div key={mediaType}>
            <h4 className="text-sm font-medium">Body ({mediaType})</h4>
            {variants ? (
              <ul className="mt-1 space-y-1">
                {variants.map((variant) => (
                  <li key={variant.type}>
                    <details>
                      <summary className="cursor-pointer font-mono text-sm">{variant.type}</summary>
                      <Schema schema={variant.schema} />
                    </details>
                  </li>
                ))}
              </ul>
            ) : (
              <details>
                <summary className="cursor-pointer text-sm">Schema</summary>
                <Schema schema={schema} />
              </details>
            )}
          </div>
        );
      })}
    </div>
  );
}

function OperationCard({ method, path, operation }: { method: string; path: string; operation: Operation }) {
  return (
    <article className={`${cardStyles} space-y-3 p-4`} aria-label={`${method.toUpperCase()} ${path}`}>
      <h3 className="flex flex-wrap items-center gap-2">
        <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold uppercase ${METHOD_STYLES[method] ?? ""}`}>{method}</span>
        <code className="text-sm">{path}</code>
        <span className="text-sm text-slate-600 dark:text-slate-400">— {operation.summary}</span>
      </h3>
      {operation.description ? <p className="text-sm">{operation.description}</p> : null}
      <p className="text-xs text-slate-600 dark:text-slate-400">{accessOf(operation.security)}</p>
      {operation.parameters.length ? (
        <table className="text-sm">
          <caption className="sr-only">Parameters</caption>
          <tbody>
            {operation.parameters.map((parameter) => (
              <tr key={`${parameter.in}-${parameter.name}`}>
                <td className="pr-3 font-mono">{parameter.name}</td>
                <td className="pr-3 text-slate-600 dark:text-slate-400">{parameter.in}</td>
                <td className="pr-3">{parameter.required ? "required" : "optional"}</td>
                <td className="font-mono text-xs">{String(parameter.schema.type ?? "")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {operation.requestBody ? <RequestBody body={operation.requestBody} /> : null}
      <ul className="text-sm">
        {Object.entries(operation.responses).map(([status, response]) => (
          <li key={status}>
            <span className="font-mono">{status}</span> {response.description}
          </li>
        ))}
      </ul>
    </article>
  );
}

/** The OpenAPI document as a page: operations grouped by tag, each change type's body on its own. */
export function ApiReference({ document }: { document: OpenApiDocument }) {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation: operation as Operation })),
  );
  const tags = [...new Set(operations.map(({ operation }) => operation.tags[0] ?? "Other"))];
  return (
    <main className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">API reference</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {document.info.description} The machine-readable document is at <a href="/api/openapi.json" className="text-indigo-700 underline dark:text-indigo-300">/api/openapi.json</a>;
          make a token on the <Link href="/tokens" className="text-indigo-700 underline dark:text-indigo-300">API tokens</Link> page.
        </p>
      </div>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-3">
          <h2 id={`tag-${tag}`} className="text-lg font-semibold">
            {tag}
          </h2>
          {operations
            .filter(({ operation }) => (operation.tags[0] ?? "Other") === tag)
            .map(({ path, method, operation }) => (
              <OperationCard key={`${method} ${path}`} method={method} path={path} operation={operation} />
            ))}
        </section>
      ))}
    </main>
  );
}
