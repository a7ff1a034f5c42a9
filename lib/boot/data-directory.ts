import path from "node:path";

/** Where the app keeps local state on a developer's machine (git-ignored). */
export const DATA_DIRECTORY = path.join(process.cwd(), ".data");
