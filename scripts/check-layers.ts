/**
 * `npm run lint`'s layer check (rules in layers.ts): reads every TypeScript file of the packages
 * and exits 1 naming each import that crosses a layer the architecture forbids.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { violations } from "./layers";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function* sources(dir: string): Generator<[string, string]> {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "dist") yield* sources(rel);
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
      yield [rel, readFileSync(path.join(root, rel), "utf8")];
  }
}

const found = violations(sources("packages"));
for (const v of found) console.error(`${v.file}: imports "${v.specifier}": ${v.why}`);
if (found.length > 0) {
  console.error(`${found.length} import(s) cross a layer (ARCHITECTURE.md, "Dependency rules")`);
  process.exit(1);
}
console.log("layers: every import follows the dependency rules");
