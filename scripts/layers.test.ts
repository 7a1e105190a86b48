import { describe, expect, it } from "vitest";
import { check, importsOf, layerOf, violations } from "./layers";

describe("the layer rule", () => {
  it("reads static imports, re-exports, type imports and dynamic imports", () => {
    const source = [
      'import { a } from "@evident/domain";',
      'import type { B } from "@evident/db";',
      'export * from "./local";',
      'export { c } from "../other";',
      'import "side-effect";',
      'const m = await import("@evident/server");',
      'import {\n  d,\n  e,\n} from "@evident/domain/api";',
    ].join("\n");
    expect(importsOf(source)).toEqual([
      "@evident/domain",
      "@evident/db",
      "./local",
      "../other",
      "side-effect",
      "@evident/server",
      "@evident/domain/api",
    ]);
  });

  it("names the package of a file", () => {
    expect(layerOf("packages/web/src/App.tsx")).toBe("web");
    expect(layerOf("packages/db/test/database.ts")).toBe("db");
    expect(layerOf("e2e/app.test.ts")).toBeNull();
  });

  it("refuses web importing the server or the database", () => {
    expect(check("packages/web/src/App.tsx", "@evident/server")?.why).toMatch(/web may not import server/);
    expect(check("packages/web/src/App.tsx", "@evident/db")?.why).toMatch(/web may not import db/);
    expect(check("packages/web/src/App.tsx", "@evident/domain/api")).toBeNull();
  });

  it("refuses domain importing any package of ours or a Node module", () => {
    expect(check("packages/domain/src/x.ts", "@evident/db")?.why).toMatch(/domain may not import db/);
    expect(check("packages/domain/src/x.ts", "node:fs")?.why).toMatch(/no Node modules/);
    expect(check("packages/domain/src/x.ts", "zod")).toBeNull();
  });

  it("refuses db importing the server, and the server importing the command line", () => {
    expect(check("packages/db/src/repos/x.ts", "@evident/server")).not.toBeNull();
    expect(check("packages/server/src/app.ts", "@evident/cli/main")).not.toBeNull();
    expect(check("packages/server/src/app.ts", "@evident/db")).toBeNull();
    expect(check("packages/cli/src/main.ts", "@evident/server")).toBeNull();
  });

  it("refuses a relative path into another package's sources, but lets a test use another's test helpers", () => {
    expect(check("packages/server/src/app.ts", "../../db/src/connect")?.why).toMatch(/by its name/);
    expect(check("packages/server/test/harness.ts", "../../db/test/database")).toBeNull();
    expect(check("packages/web/src/x.ts", "../../server/src/app")?.why).toMatch(/web may not import server/);
  });

  it("lists every violation of a set of files", () => {
    const found = violations([
      ["packages/web/src/a.ts", 'import { x } from "@evident/db";\nimport { y } from "@evident/domain";'],
      ["packages/db/src/b.ts", 'import { z } from "@evident/domain";'],
    ]);
    expect(found.map((v) => `${v.file} ${v.specifier}`)).toEqual(["packages/web/src/a.ts @evident/db"]);
  });
});
