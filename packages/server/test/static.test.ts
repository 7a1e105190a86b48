/**
 * The web app's files as the server sends them: the precompressed copy the browser accepts, with
 * Content-Encoding and Vary; hashed assets cached for a year, index.html revalidated (ETag, 304);
 * HEAD like GET without a body; a missing asset a 404, never the app's page.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { Hono } from "hono";
import { afterAll, describe, expect, it } from "vitest";
import { accepted, serveWeb } from "../src/http/static";

const dist = mkdtempSync(path.join(tmpdir(), "evident-static-"));
const script = `export const portal = "${"answer the questions ".repeat(200)}";\n`;
const html = "<!doctype html><title>Evident</title><div id=root></div>";
mkdirSync(path.join(dist, "assets"));
mkdirSync(path.join(dist, ".vite"));
writeFileSync(path.join(dist, "index.html"), html);
writeFileSync(path.join(dist, "assets", "app-abc123.js"), script);
writeFileSync(path.join(dist, "assets", "app-abc123.js.br"), brotliCompressSync(script));
writeFileSync(path.join(dist, "assets", "app-abc123.js.gz"), gzipSync(script));
writeFileSync(path.join(dist, "assets", "logo-def456.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
writeFileSync(path.join(dist, ".vite", "manifest.json"), '{"index.html":{}}');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const app = new Hono().get("*", serveWeb(dist));
const get = (p: string, headers: Record<string, string> = {}, method = "GET") =>
  app.request(p, { method, headers });
const JS = "/assets/app-abc123.js";

describe("compressed assets", () => {
  it("sends the brotli copy to a browser that accepts brotli, marked and varied by encoding", async () => {
    const res = await get(JS, { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get("content-length")).toBe(String(body.length));
    expect(body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });

  it("sends the gzip copy when brotli is not accepted, or refused with q=0", async () => {
    for (const accept of ["gzip, deflate", "br;q=0, gzip;q=0.8", "GZIP"]) {
      const res = await get(JS, { "accept-encoding": accept });
      expect(res.headers.get("content-encoding"), accept).toBe("gzip");
      expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(script);
    }
  });

  it("sends the file itself, still varied by encoding, when no copy is acceptable", async () => {
    for (const accept of [undefined, "identity", "deflate", "br;q=0, gzip;q=0", "*;q=0"]) {
      const res = await get(JS, accept === undefined ? {} : { "accept-encoding": accept });
      expect(res.headers.get("content-encoding"), accept).toBeNull();
      expect(res.headers.get("vary")).toBe("Accept-Encoding");
      expect(await res.text()).toBe(script);
    }
  });

  it("takes * as every encoding not refused", () => {
    expect([...accepted("*")].sort()).toEqual(["br", "gzip"]);
    expect([...accepted("*, br;q=0")]).toEqual(["gzip"]);
    expect([...accepted("br;q=0.5")]).toEqual(["br"]);
  });

  it("sends a file with no compressed copy as it is, without Vary", async () => {
    const res = await get("/assets/logo-def456.png", { "accept-encoding": "br, gzip" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("vary")).toBeNull();
    expect(res.headers.get("content-type")).toBe("image/png");
  });
});

describe("caching", () => {
  it("caches hashed assets for a year without revalidation", async () => {
    const res = await get(JS, { "accept-encoding": "br" });
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("revalidates the app's page on every use, answering 304 to its own ETag", async () => {
    const res = await get("/portal/sign-in");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await res.text()).toBe(html);
    const etag = res.headers.get("etag");
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get("/portal/sign-in", { "if-none-match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await get("/portal/sign-in", { "if-none-match": 'W/"other"' })).status).toBe(200);
  });

  it("gives each encoding of a file its own ETag", async () => {
    const br = await get(JS, { "accept-encoding": "br" });
    const gz = await get(JS, { "accept-encoding": "gzip" });
    const plain = await get(JS);
    const tags = new Set([br, gz, plain].map((r) => r.headers.get("etag")));
    expect(tags.size).toBe(3);
    expect(
      (await get(JS, { "accept-encoding": "gzip", "if-none-match": br.headers.get("etag")! })).status,
    ).toBe(200);
  });
});

describe("HEAD, missing files and what is not the browser's", () => {
  it("answers HEAD with GET's headers and no body", async () => {
    const res = await get(JS, { "accept-encoding": "br" }, "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("content-length")).toBe(String(brotliCompressSync(script).length));
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it("answers a missing asset with 404, not the app's page", async () => {
    for (const p of ["/assets/app-old999.js", "/assets/", "/assets/nested/none.css"]) {
      const res = await get(p, { "accept-encoding": "br, gzip" });
      expect(res.status, p).toBe(404);
      expect(await res.text()).not.toContain("<!doctype html>");
    }
  });

  it("serves the app's page for client-side routes and for the build's own records", async () => {
    for (const p of ["/patients/123", "/portal/questionnaire/abc", "/.vite/manifest.json"]) {
      const res = await get(p);
      expect(res.status, p).toBe(200);
      expect(await res.text(), p).toBe(html);
    }
  });

  it("never serves a file outside the build folder", async () => {
    for (const p of ["/assets/..%2F..%2Fetc%2Fpasswd", "/..%2F..%2Fetc%2Fpasswd", "/assets/%E0%A4%A"]) {
      const res = await get(p);
      expect(await res.text(), p).not.toContain("root:");
    }
  });
});
