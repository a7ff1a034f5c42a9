import { CliError, EXIT } from "@/lib/cli/exit-codes";

/**
 * Finds the one step (or gate) a person named on the command line: by its id, else by its
 * whole text, else by a part of its text — in any case. More than one match at the first
 * level that matches is an error listing the candidates, so a pipeline never ticks a
 * step it merely guessed.
 */
export interface Named {
  id: string;
  text: string;
}

export type MatchResult<T extends Named> = { ok: true; match: T } | { ok: false; reason: "none" } | { ok: false; reason: "ambiguous"; candidates: T[] };

const fold = (text: string) => text.trim().toLowerCase().split(/\s+/).join(" ");

export function matchByIdOrText<T extends Named>(entries: readonly T[], query: string): MatchResult<T> {
  const byId = entries.find((entry) => entry.id === query.trim());
  if (byId) return { ok: true, match: byId };
  const wanted = fold(query);
  if (!wanted) return { ok: false, reason: "none" };
  for (const matches of [entries.filter((entry) => fold(entry.text) === wanted), entries.filter((entry) => fold(entry.text).includes(wanted))]) {
    if (matches.length === 1) return { ok: true, match: matches[0]! };
    if (matches.length > 1) return { ok: false, reason: "ambiguous", candidates: matches };
  }
  return { ok: false, reason: "none" };
}

/** The match, or a CliError a person can act on ("kind" is "step" or "gate"). */
export function requireMatch<T extends Named>(entries: readonly T[], query: string, kind: string): T {
  const result = matchByIdOrText(entries, query);
  if (result.ok) return result.match;
  if (result.reason === "none") throw new CliError(EXIT.requestFailed, `No ${kind} matches "${query}". Give its id or a part of its text.`);
  const shown = result.candidates.slice(0, 20).map((entry) => `  ${entry.id}  ${entry.text}`);
  const more = result.candidates.length > 20 ? [`  … and ${result.candidates.length - 20} more`] : [];
  throw new CliError(EXIT.requestFailed, [`"${query}" matches ${result.candidates.length} ${kind}s; give the id or more of the text:`, ...shown, ...more].join("\n"));
}
