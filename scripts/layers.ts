/**
 * The dependency rules of ARCHITECTURE.md, checked on every import (`npm run lint` runs
 * check-layers.ts): domain imports nothing of ours; db imports domain; server imports db and
 * domain; web imports domain only (it talks to the server over HTTP); cli imports server, db and
 * domain. A package is reached by its name and its `exports`, never by a relative path into its
 * sources; only a test may reach another package's test helpers (`../../db/test/database`).
 * Biome has no rule for this, so the imports are read with a regular expression: enough for our
 * own code, where every import is a static `import … from "…"`, `export … from "…"` or `import("…")`.
 */
import path from "node:path";

export const layers = ["domain", "db", "server", "web", "cli"] as const;
export type Layer = (typeof layers)[number];

/** Which of our packages each package may import. */
export const allowed: Record<Layer, readonly Layer[]> = {
  domain: [],
  db: ["domain"],
  server: ["db", "domain"],
  web: ["domain"],
  cli: ["server", "db", "domain"],
};

/** The package a file (relative to the repository's root, with "/") belongs to, if any. */
export function layerOf(file: string): Layer | null {
  const m = /^packages\/([^/]+)\//.exec(file);
  return m && (layers as readonly string[]).includes(m[1]!) ? (m[1] as Layer) : null;
}

const isTest = (file: string) => /(^|\/)test\/|\.test\.tsx?$/.test(file);

/** Every module specifier a source file imports or re-exports. */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  const re =
    /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,]+?\s+from\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;
  for (const m of source.matchAll(re)) out.push((m[1] ?? m[2])!);
  return out;
}

export type Violation = { file: string; specifier: string; why: string };

/** What is wrong with `file` (repository-relative) importing `specifier`, or null. */
export function check(file: string, specifier: string): Violation | null {
  const from = layerOf(file);
  if (!from) return null;
  if (from === "domain" && specifier.startsWith("node:") && !isTest(file))
    return { file, specifier, why: "domain is pure: no Node modules" };
  let target: Layer | null = null;
  let relativeInto: string | null = null;
  const named = /^@evident\/([^/]+)/.exec(specifier);
  if (named) target = (layers as readonly string[]).includes(named[1]!) ? (named[1] as Layer) : null;
  else if (specifier.startsWith(".")) {
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    target = layerOf(resolved);
    if (target && target !== from) relativeInto = resolved;
  }
  if (!target || target === from) return null;
  if (!allowed[from].includes(target))
    return {
      file,
      specifier,
      why: `${from} may not import ${target} (allowed: ${allowed[from].join(", ") || "none"})`,
    };
  if (relativeInto && !(isTest(file) && /^packages\/[^/]+\/test\//.test(relativeInto)))
    return { file, specifier, why: `import @evident/${target} by its name, not a path into its sources` };
  return null;
}

/** Every violation in the given files: [repository-relative path, source text]. */
export function violations(files: Iterable<[string, string]>): Violation[] {
  const out: Violation[] = [];
  for (const [file, source] of files)
    for (const specifier of importsOf(source)) {
      const v = check(file, specifier);
      if (v) out.push(v);
    }
  return out;
}
