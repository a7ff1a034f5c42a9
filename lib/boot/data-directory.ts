import path from "node:path";
import { dataDirectorySetting } from "@/lib/env";

/**
 * Where the app keeps local state on a developer's machine (git-ignored): the embedded
 * database, the generated development secret. DATA_DIRECTORY moves it, so that tests (or a
 * second checkout) can run `npm run dev` without touching the usual `.data`.
 */
export const DATA_DIRECTORY = path.resolve(dataDirectorySetting() ?? path.join(process.cwd(), ".data"));
