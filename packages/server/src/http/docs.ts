/**
 * The API docs page (/api/docs): Swagger UI from the swagger-ui-dist package, served locally (no
 * CDN), reading /api/openapi.json. The initialiser is a separate file so the page works under a
 * Content-Security-Policy without inline scripts.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Hono } from "hono";

const require = createRequire(import.meta.url);

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Evident API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;

const init = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger", deepLinking: true });`;

export function docsRoutes(app: Hono<never>): void {
  const dist = path.dirname(require.resolve("swagger-ui-dist/package.json"));
  app.get("/api/docs", (c) => c.html(page));
  app.get("/api/docs/init.js", (c) =>
    c.body(init, 200, { "content-type": "text/javascript; charset=utf-8" }),
  );
  for (const [file, type] of [
    ["swagger-ui.css", "text/css; charset=utf-8"],
    ["swagger-ui-bundle.js", "text/javascript; charset=utf-8"],
  ] as const) {
    app.get(`/api/docs/${file}`, async (c) =>
      c.body(new Uint8Array(await readFile(path.join(dist, file))), 200, {
        "content-type": type,
        "cache-control": "public, max-age=86400",
      }),
    );
  }
}
