import { settings } from "@/lib/env";

/** Minimal leveled logger: one line per event on stderr/stdout, with the error's stack for errors. */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

function enabled(level: Level): boolean {
  return LEVELS[level] >= LEVELS[settings().LOG_LEVEL];
}

function write(level: Level, message: string, detail?: unknown) {
  if (!enabled(level)) return;
  const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}`;
  const extra = detail instanceof Error ? (detail.stack ?? detail.message) : detail === undefined ? "" : JSON.stringify(detail);
  (level === "error" || level === "warn" ? console.error : console.log)(extra ? `${line} ${extra}` : line);
}

export const logger = {
  debug: (message: string, detail?: unknown) => write("debug", message, detail),
  info: (message: string, detail?: unknown) => write("info", message, detail),
  warn: (message: string, detail?: unknown) => write("warn", message, detail),
  error: (message: string, detail?: unknown) => write("error", message, detail),
};
