import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

/**
 * Writes `file.br` and `file.gz` beside every text file of the build, compressed once at their
 * best (brotli 11, gzip 9) instead of on every request, for the server to send the best one a
 * browser accepts (packages/server/src/http/static.ts). A file that compression would not shrink
 * gets none. Vite's own records (`.vite/`) are not served, so not compressed.
 */
function precompress(): Plugin {
  return {
    name: "evident-precompress",
    apply: "build",
    async writeBundle(options, bundle) {
      const dir = options.dir ?? "dist";
      await Promise.all(
        Object.values(bundle)
          .filter((out) => COMPRESSIBLE.test(out.fileName) && !out.fileName.startsWith(".vite/"))
          .map(async (out) => {
            const body = Buffer.from(out.type === "chunk" ? out.code : out.source);
            const file = path.join(dir, out.fileName);
            const [br, gzipped] = await Promise.all([
              brotli(body, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                  [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
                },
              }),
              gz(body, { level: 9 }),
            ]);
            if (br.length < body.length) await writeFile(`${file}.br`, br);
            if (gzipped.length < body.length) await writeFile(`${file}.gz`, gzipped);
          }),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // dist/.vite/manifest.json: which files each page's code needs, read by the weight budget test.
    manifest: true,
    // How the code is cut into files, for a phone on the portal (issue 13: at most 150 KB of
    // JavaScript on the wire for the sign-in and a questionnaire). Pages are loaded on demand
    // (router.tsx); React, the router and React Query, which every page needs, make one file. Left to itself
    // the bundler cuts what pages share into dozens of small chunks, and over HTTP/1.1 every file
    // costs a round trip and ~800 bytes of headers.
    rolldownOptions: {
      // Required by the inlining below; nothing imports the entry's exports.
      preserveEntrySignatures: false,
      output: {
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](query-core|react-query))[\\/]/,
              priority: 2,
            },
          ],
          // Shared chunks under 80 kB (before minifying) are copied into each chunk that needs them
          // rather than fetched apart: a few more bytes in all, far fewer requests per page.
          experimentalInlineCommonChunks: { maxSize: 80_000 },
        },
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
