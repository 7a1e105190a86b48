/**
 * Serves the built web app: files under the dist folder, and index.html for any other non-API
 * path so client-side routes (/portal, /patients/…) load the app. Hashed assets are cached for a
 * year; index.html never is, so a new build is picked up at once.
 */
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

async function fileIn(root: string, urlPath: string): Promise<string | null> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = path.resolve(root, `.${path.posix.normalize(`/${rel}`)}`);
  if (!full.startsWith(root + path.sep)) return null;
  try {
    return (await stat(full)).isFile() ? full : null;
  } catch {
    return null;
  }
}

export function serveWeb(root: string) {
  const dist = path.resolve(root);
  return async (c: Context): Promise<Response> => {
    const file = (await fileIn(dist, c.req.path)) ?? path.join(dist, "index.html");
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return c.text("The web app is not built. Run `npm run build`.", 503);
    }
    const ext = path.extname(file);
    const immutable = c.req.path.startsWith("/assets/");
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": types[ext] ?? "application/octet-stream",
        "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      },
    });
  };
}
