/**
 * Issue 13's weight budget for a patient's phone: the JavaScript the portal's sign-in page and a
 * questionnaire need before the first control can be used (the entry, the route's page modules,
 * and every chunk they import, from Vite's manifest) comes to at most 150 KB on the wire, as
 * brotli (what the server sends every current browser) plus ~800 bytes of response headers per
 * file, and none of it is a clinic or outcomes screen. Builds the web app first if it is stale.
 * bench/portal-weight.ts measures the same pages in Chromium.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const dist = path.join(root, "packages", "web", "dist");
const BUDGET = 150_000;
const HEADERS_PER_FILE = 800;

type Chunk = { file: string; imports?: string[]; isEntry?: boolean; isDynamicEntry?: boolean };
let manifest: Record<string, Chunk>;

beforeAll(() => {
  const built = spawnSync(process.execPath, [path.join(root, "scripts", "build-web.mjs"), "--if-stale"], {
    cwd: root,
    encoding: "utf8",
  });
  if (built.status !== 0) throw new Error(`building the web app failed:\n${built.stdout}${built.stderr}`);
  manifest = JSON.parse(readFileSync(path.join(dist, ".vite", "manifest.json"), "utf8"));
}, 300_000);

/** The manifest keys a page loads at first: the entry, its page modules, all they import. */
function firstLoad(pages: string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build's manifest`);
    seen.add(key);
    for (const next of chunk.imports ?? []) visit(next);
  };
  for (const key of ["index.html", ...pages]) visit(key);
  return [...seen];
}

const size = (file: string) => statSync(path.join(dist, file)).size;
/** What the server sends for a file: its compressed copy, or the file when compressing did not pay. */
const sent = (file: string, suffix: string) =>
  statSync(path.join(dist, file + suffix), { throwIfNoEntry: false })?.size ?? size(file);

function weigh(keys: string[]) {
  const files = keys.map((k) => manifest[k]!.file);
  const brotli = files.reduce((sum, f) => sum + sent(f, ".br"), 0);
  const gzip = files.reduce((sum, f) => sum + sent(f, ".gz"), 0);
  return { files, brotli, gzip, wire: brotli + HEADERS_PER_FILE * files.length };
}

// recharts names its SVG parts with this class, Observable Plot its figures with this one.
const CHARTS = /recharts-wrapper|plot-d6a7b5/;
const code = (keys: string[]) =>
  keys.map((k) => readFileSync(path.join(dist, manifest[k]!.file), "utf8")).join("\n");

const pages = {
  "the portal's sign-in": ["src/portal/PortalSignInPage.tsx"],
  "a questionnaire": ["src/portal/PortalLayout.tsx", "src/portal/QuestionnairePage.tsx"],
};

describe("the portal's first download", () => {
  for (const [name, modules] of Object.entries(pages)) {
    it(`keeps ${name} within 150 KB of JavaScript on the wire`, () => {
      const w = weigh(firstLoad(modules));
      const detail = `${w.files.length} files, brotli ${w.brotli} B, gzip ${w.gzip} B: ${w.files.join(", ")}`;
      expect(w.wire, detail).toBeLessThanOrEqual(BUDGET);
    });

    it(`loads no clinic or outcomes screen, and no chart library, for ${name}`, () => {
      const keys = firstLoad(modules);
      expect(keys.filter((k) => /^src\/(clinic|insights)\//.test(k))).toEqual([]);
      expect(code(keys)).not.toMatch(CHARTS);
    });
  }

  it("finds the chart libraries where they are (the check above can fail)", () => {
    expect(code(firstLoad(["src/insights/OutcomesPage.tsx"]))).toMatch(CHARTS);
  });

  it("has every page of the app in a chunk of its own, loaded when its route is opened", () => {
    const lazy = manifest["index.html"]?.imports?.map((k) => manifest[k]!.file) ?? [];
    const pageChunks = Object.entries(manifest).filter(([k, c]) => c.isDynamicEntry && /Page\.tsx$/.test(k));
    expect(pageChunks.map(([k]) => k)).toEqual(
      expect.arrayContaining([
        "src/clinic/patient/PatientPage.tsx",
        "src/insights/OutcomesPage.tsx",
        "src/portal/PortalSignInPage.tsx",
        "src/portal/QuestionnairePage.tsx",
      ]),
    );
    for (const [, c] of pageChunks) expect(lazy).not.toContain(c.file);
  });
});
