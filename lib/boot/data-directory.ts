import path from "node:path";

/**
 * Where the app keeps local state on a developer's machine (git-ignored): the embedded
 * database, the generated development secret. PREFLIGHT_DATA_DIR moves it, so that tests (or
 * a second checkout) can run `npm run dev` without touching the usual `.data`.
 */
export const DATA_DIRECTORY = process.env.PREFLIGHT_DATA_DIR ? path.resolve(process.env.PREFLIGHT_DATA_DIR) : path.join(process.cwd(), ".data");
