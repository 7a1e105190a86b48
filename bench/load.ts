/**
 * A closed-loop load driver for the benchmarks: `connections` workers, each on its own kept-alive
 * HTTP/1.1 connection, send a request, read the whole answer and send the next, until time runs
 * out. Node's own `http` module (lighter than fetch, so the driver takes less of the CPU it
 * shares with what it measures). Latency is from writing the request to the end of the body.
 */
import http from "node:http";

export type Request = { method: string; path: string; body: string; headers?: Record<string, string> };

export type Drive = {
  /** Requests answered with the expected status. */
  ok: number;
  /** Any other status, or a failed connection; the first few are kept to be shown. */
  failed: number;
  failures: string[];
  seconds: number;
  /** Latencies of the answered requests, in milliseconds, sorted. */
  latencies: number[];
};

function send(agent: http.Agent, base: URL, r: Request): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: r.method,
        path: r.path,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(r.body),
          origin: base.origin,
          "sec-fetch-site": "same-origin",
          ...r.headers,
        },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => {
          body += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(r.body);
  });
}

/**
 * Drives `base` for `seconds` with `connections` workers; `next(worker)` gives each worker's next
 * request (or null when it has nothing left to send), `expect` the status that counts as done.
 */
export async function drive(
  base: string,
  connections: number,
  seconds: number,
  next: (worker: number) => Request | null,
  expect: number,
): Promise<Drive> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const failures: string[] = [];
  let failed = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, w) => {
      while (performance.now() < until) {
        const r = next(w);
        if (!r) return;
        const t0 = performance.now();
        try {
          const res = await send(agent, url, r);
          if (res.status === expect) latencies.push(performance.now() - t0);
          else {
            failed += 1;
            if (failures.length < 3) failures.push(`${res.status} ${res.body.slice(0, 300)}`);
          }
        } catch (e) {
          failed += 1;
          if (failures.length < 3) failures.push((e as Error).message);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { ok: latencies.length, failed, failures, seconds: elapsed, latencies };
}

/** The q-quantile of sorted values (nearest rank). */
export const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
