/**
 * Serves the built web app: files under the dist folder, and index.html for any other non-API
 * path so client-side routes (/portal, /patients/…) load the app.
 *
 * The build writes a brotli and a gzip copy beside each text file (packages/web/vite.config.ts);
 * each request gets the smallest the browser accepts (`Accept-Encoding`, q-values honoured), with
 * `Content-Encoding` and `Vary: Accept-Encoding`, or the file itself. Files under /assets have a
 * content hash in their name, so they are cached for a year and never revalidated; anything else
 * (index.html) is revalidated on every use (`no-cache`, an ETag and 304), so a new build is picked
 * up at once. A file missing under /assets is a 404: answering with the app's page would hand a
 * browser HTML where it asked for a script.
 */
import type { Stats } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Context } from "hono";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/** The precompressed copies, best first: their encoding and file suffix. */
const encodings = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

async function statFile(file: string): Promise<Stats | null> {
  try {
    const s = await stat(file);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

/** The file a URL path names inside root; null outside it, for a dotfile or folder, or if absent. */
async function fileIn(root: string, urlPath: string): Promise<string | null> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const normal = path.posix.normalize(`/${rel}`);
  // Dotfiles and folders (Vite's .vite/manifest.json) are the build's business, not the browser's.
  if (normal.split("/").some((part) => part.startsWith("."))) return null;
  const full = path.resolve(root, `.${normal}`);
  if (!full.startsWith(root + path.sep)) return null;
  return (await statFile(full)) ? full : null;
}

/** The encodings a request accepts, from its Accept-Encoding header (q=0 refuses one). */
export function accepted(header: string | undefined): Set<string> {
  const ok = new Set<string>();
  let star = false;
  const refused = new Set<string>();
  for (const part of (header ?? "").split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const zero = q !== undefined && Number(q) === 0;
    if (name === "*") star = !zero;
    else if (zero) refused.add(name);
    else ok.add(name);
  }
  if (star) for (const e of encodings) if (!refused.has(e.name)) ok.add(e.name);
  return ok;
}

export function serveWeb(root: string) {
  const dist = path.resolve(root);
  return async (c: Context): Promise<Response> => {
    const asset = c.req.path.startsWith("/assets/");
    let file = await fileIn(dist, c.req.path);
    if (!file && asset) return c.text("Not found", 404, { "cache-control": "no-cache" });
    file ??= path.join(dist, "index.html");

    const wanted = accepted(c.req.header("accept-encoding"));
    let chosen: { file: string; stats: Stats; encoding: string | null } | null = null;
    let variants = false;
    for (const e of encodings) {
      const s = await statFile(file + e.suffix);
      if (!s) continue;
      variants = true;
      if (!chosen && wanted.has(e.name)) chosen = { file: file + e.suffix, stats: s, encoding: e.name };
    }
    if (!chosen) {
      const s = await statFile(file);
      if (!s) return c.text("The web app is not built. Run `npm run build`.", 503);
      chosen = { file, stats: s, encoding: null };
    }

    const etag = `W/"${chosen.stats.size.toString(16)}-${Math.floor(chosen.stats.mtimeMs).toString(16)}${chosen.encoding ? `-${chosen.encoding}` : ""}"`;
    const headers: Record<string, string> = {
      "content-type": types[path.extname(file)] ?? "application/octet-stream",
      "cache-control": asset ? "public, max-age=31536000, immutable" : "no-cache",
      etag,
    };
    if (variants) headers.vary = "Accept-Encoding";
    if (chosen.encoding) headers["content-encoding"] = chosen.encoding;

    const match = c.req.header("if-none-match");
    if (match?.split(",").some((t) => t.trim() === etag || t.trim() === "*"))
      return new Response(null, { status: 304, headers });
    let body: Buffer;
    try {
      body = await readFile(chosen.file);
    } catch {
      return c.text("The web app is not built. Run `npm run build`.", 503);
    }
    headers["content-length"] = String(body.length);
    return new Response(c.req.method === "HEAD" ? null : new Uint8Array(body), { headers });
  };
}
