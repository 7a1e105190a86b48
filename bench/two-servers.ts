/**
 * Two app servers on one PostgreSQL: does the work still happen once? The script starts its own
 * PostgreSQL cluster in a temporary directory (deleted afterwards), seeds a demo registry into it
 * with `evident demo` (today's invitations and reminders are left waiting in the outbox, as the
 * contacts job leaves them), then starts two `evident start` processes against it through
 * DATABASE_URL, at the same moment, with the same audit and secret keys, each handing its e-mail
 * to its own SMTP sink. Staff sign in once (on the first server) and their session works on both.
 * For `--seconds`, writers alternate between the servers — registering a patient on one (every fifth
 * with a portal invitation: a new message), entering their baseline answer on the other, recording
 * a treatment on the first (a clinician's; it queues the clinic's outcome summaries) — while readers ask both
 * for the outcomes report (a clinic's and a researcher's) and survival.
 *
 * Then it counts: job runs (both servers queue each hour's run at start and every minute, and
 * claim with SKIP LOCKED: one row per key, each claimed once), messages (each handed to SMTP by
 * one server exactly once: Message-ID is the outbox id, counted over both sinks), whether the
 * summaries both servers kept current equal a full rebuild (`evident summaries check`), and
 * whether both servers answer the same outcomes report. Prints Markdown; a benchmark, not a test.
 *
 *   npx tsx bench/two-servers.ts [--patients 2000] [--workers 8] [--readers 2] [--seconds 70]
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { freePort, startEmbedded } from "@evident/db";
import pg from "pg";
import { startSmtp } from "../packages/server/test/smtp";
import { cli, type RunningApp, signIn, startEvident } from "./app";
import { quantile } from "./load";
import { load, log, machine } from "./machine";

const { values } = parseArgs({
  options: {
    patients: { type: "string", default: "2000" },
    workers: { type: "string", default: "8" },
    readers: { type: "string", default: "2" },
    seconds: { type: "string", default: "70" },
  },
});
const seconds = Number(values.seconds);
const PASSWORD = "evident-demo-password";

/** Per server and request: the times of those that succeeded, and the others by HTTP status. */
type Timing = { ms: number[]; errors: Map<number, number>; example?: string };
type Timings = Map<string, Timing>;
/** Times one request under `key`; resolves with its JSON body, or null if it failed. */
const timed = async (t: Timings, key: string, request: () => Promise<Response>): Promise<unknown> => {
  const started = performance.now();
  const res = await request();
  const body = await res.text();
  const entry: Timing = t.get(key) ?? { ms: [], errors: new Map() };
  t.set(key, entry);
  if (res.ok) {
    entry.ms.push(performance.now() - started);
    return JSON.parse(body);
  }
  entry.errors.set(res.status, (entry.errors.get(res.status) ?? 0) + 1);
  entry.example ??= body.slice(0, 300);
  return null;
};

const dir = mkdtempSync(path.join(tmpdir(), "evident-bench-two-"));
const dataDirs = [0, 1, 2].map(() => mkdtempSync(path.join(tmpdir(), "evident-bench-two-app-")));
const cluster = await startEmbedded({ dataDir: dir, port: await freePort(), database: "postgres", log });
const admin = new pg.Client({ connectionString: cluster.url });
await admin.connect();
const sinks = [await startSmtp(), await startSmtp()];
const servers: RunningApp[] = [];
const loadBefore = load();
try {
  await admin.query("create database bench_two");
  const url = new URL(cluster.url);
  url.pathname = "/bench_two";
  const env = {
    DATABASE_URL: url.toString(),
    EVIDENT_AUDIT_KEY: randomBytes(32).toString("hex"),
    EVIDENT_SECRET_KEY: randomBytes(32).toString("hex"),
    EVIDENT_DEMO_PATIENTS: "0",
    EVIDENT_LOG_LEVEL: "warn",
  };
  log(`seeding ${values.patients} demo patients…`);
  await cli(["demo", "--patients", values.patients], { ...env, EVIDENT_DATA_DIR: dataDirs[2]! });
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  const count = async (q: string) => (await db.query<{ n: number }>(q)).rows[0]?.n ?? 0;
  const waitingBefore = await count(
    "select count(*)::int as n from outbox_messages where status = 'pending'",
  );
  const messagesBefore = await count("select count(*)::int as n from outbox_messages");

  log("starting two servers…");
  const started = performance.now();
  servers.push(
    ...(await Promise.all(
      [0, 1].map((i) => startEvident({ ...env, EVIDENT_DATA_DIR: dataDirs[i]!, SMTP_URL: sinks[i]!.url })),
    )),
  );
  const [a, b] = servers as [RunningApp, RunningApp];
  const nameOf = (server: RunningApp) => (server === a ? "A" : "B");
  const who = {
    coordinator: await signIn(a.base, "coordinator@demo.evident.test", PASSWORD),
    clinician: await signIn(a.base, "clinician@demo.evident.test", PASSWORD),
    researcher: await signIn(a.base, "researcher@demo.evident.test", PASSWORD),
  };
  const timings: Timings = new Map();
  const until = performance.now() + seconds * 1000;
  let registered = 0;
  const today = new Date().toISOString().slice(0, 10);
  const post =
    (server: RunningApp, p: string, body: unknown, cookie: string = who.coordinator) =>
    () =>
      fetch(`${server.base}/api/v1${p}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify(body),
      });
  // Each round registers a patient on one server (every fifth with a portal invitation: a message
  // to send), enters their baseline answer on the other, and records a treatment on the first.
  const writer = async (w: number) => {
    for (let i = 0; performance.now() < until; i++) {
      const [s, t] = (w + i) % 2 === 0 ? [a, b] : [b, a];
      const n = ++registered;
      const created = (await timed(
        timings,
        `${nameOf(s)} register a patient`,
        post(s, "/patients", {
          givenName: "Bench",
          familyName: `Patient ${n}`,
          birthDate: "1970-01-01",
          sex: "female",
          ...(n % 5 === 0 ? { email: `bench${n}@two.test`, invite: true } : {}),
          episode: { condition: "degenerative_disc_disease" },
        }),
      )) as { id: string } | null;
      if (!created) continue;
      await timed(
        timings,
        `${nameOf(t)} enter answers`,
        post(t, `/patients/${created.id}/responses`, {
          responses: [{ instrument: "nrs_back", answers: { nrs_back: n % 11 } }],
        }),
      );
      await timed(
        timings,
        `${nameOf(s)} record a treatment`,
        post(
          s,
          `/patients/${created.id}/treatments`,
          { kind: "exercise_physiotherapy", date: today },
          who.clinician,
        ),
      );
    }
  };
  const reads = [
    ["report, clinic", "/outcomes", who.clinician],
    ["report, pooled", "/outcomes", who.researcher],
    ["survival, clinic", "/outcomes/survival", who.clinician],
  ] as const;
  const reader = async (r: number) => {
    for (let i = 0; performance.now() < until; i++) {
      const s = servers[(r + i) % 2]!;
      const [what, p, cookie] = reads[i % reads.length]!;
      await timed(timings, `${nameOf(s)} ${what}`, () =>
        fetch(`${s.base}/api/v1${p}`, { headers: { cookie } }),
      );
    }
  };
  log(`load for ${seconds} s…`);
  await Promise.all([
    ...Array.from({ length: Number(values.workers) }, (_, w) => writer(w)),
    ...Array.from({ length: Number(values.readers) }, (_, r) => reader(r)),
  ]);
  const loadAfter = load();

  // Let the dispatchers (every 5 s) empty the outbox, the job runs finish, and both runners tick
  // at least twice.
  const settle = Date.now() + 120_000;
  while (
    Date.now() < settle &&
    ((await count("select count(*)::int as n from outbox_messages where status = 'pending'")) > 0 ||
      (await count("select count(*)::int as n from jobs where status = 'running'")) > 0 ||
      performance.now() - started < 65_000)
  )
    await new Promise((r) => setTimeout(r, 1000));

  // Each runner ticks at its start and then every minute.
  const ticks = 2 * (1 + Math.floor((performance.now() - started) / 60_000));
  const jobs = await db.query<{ kind: string; key: string; status: string; attempts: number }>(
    "select kind, key, status, attempts from jobs order by created_at",
  );
  const messages = await count("select count(*)::int as n from outbox_messages");
  const sent = await count("select count(*)::int as n from outbox_messages where status = 'sent'");
  const withdrawn = await count("select count(*)::int as n from outbox_messages where status = 'withdrawn'");
  const ids = new Map<string, number>();
  const bySink = sinks.map((sink) => {
    for (const m of sink.received) {
      const id = /^Message-ID: <([^@>]+)@/im.exec(m.raw)?.[1] ?? "?";
      ids.set(id, (ids.get(id) ?? 0) + 1);
    }
    return sink.received.length;
  });
  const twice = [...ids.values()].filter((n) => n > 1).length;
  const audit = (
    await db.query<{ n: number; bytes: number }>(
      "select count(*)::int as n, pg_total_relation_size('audit_events')::bigint as bytes from audit_events",
    )
  ).rows[0]!;
  const check = (await cli(["summaries", "check"], { ...env, EVIDENT_DATA_DIR: dataDirs[2]! }).then(
    (out) => JSON.parse(out),
    (e: Error) => ({ ok: false, differing: [e.message.split("\n").at(-2)] }),
  )) as { ok: boolean; differing: string[] };
  const reports = await Promise.all(
    servers.map(async (s) => {
      const r = (await (
        await fetch(`${s.base}/api/v1/outcomes`, { headers: { cookie: who.clinician } })
      ).json()) as Record<string, unknown>;
      return JSON.stringify({ ...r, generatedAt: null, dataAsOf: null });
    }),
  );

  console.log(`Machine: ${machine()}; load average ${loadBefore} → ${loadAfter} (end of load) → ${load()}\n`);
  console.log(
    `${values.patients} demo patients; ${values.workers} writers and ${values.readers} readers alternating between servers A and B for ${seconds} s.\n`,
  );
  console.log("| server | request | done | per second | median ms | p95 ms | errors |");
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
  for (const [key, t] of [...timings].sort(
    ([x], [y]) => x.slice(2).localeCompare(y.slice(2)) || x.localeCompare(y),
  )) {
    const ms = [...t.ms].sort((x, y) => x - y);
    console.log(
      `| ${key.slice(0, 1)} | ${key.slice(2)} | ${ms.length} | ${(ms.length / seconds).toFixed(1)} | ${quantile(ms, 0.5).toFixed(0)} | ${quantile(ms, 0.95).toFixed(0)} | ${[...t.errors].map(([status, n]) => `${n} × ${status}`).join(", ") || 0} |`,
    );
    if (t.example) log(`${key}: ${t.example}`);
  }
  console.log(
    `\nJob runs: each server queued each kind's run for the hour at start and every minute, ${ticks} asks per kind from the two; ${jobs.rows.length} runs exist (${jobs.rows.map((j) => `${j.key} ${j.status}, claimed ${j.attempts}×`).join("; ")}): ${jobs.rows.reduce((s, j) => s + j.attempts, 0)} executions.`,
  );
  console.log(
    `Messages: ${waitingBefore} waiting from the demo and ${messages - messagesBefore} made during the run; of all ${messages}, ${sent} sent and ${withdrawn} withdrawn (answered first). SMTP received ${bySink[0]} from A and ${bySink[1]} from B: ${ids.size} distinct Message-IDs, ${twice} received twice.`,
  );
  console.log(
    `Summaries after the run equal a full rebuild: ${check.ok} (${check.differing.length} tables differ). Both servers answer the same outcomes report: ${reports[0] === reports[1]}.`,
  );
  console.log(
    `Audit trail: ${audit.n} events, ${Math.round(audit.bytes / Math.max(1, audit.n))} bytes each on disk (indexes included).`,
  );
  await db.end();
} finally {
  for (const s of servers) await s.stop();
  for (const s of sinks) await s.close();
  await admin.end();
  await cluster.stop();
  for (const d of [dir, ...dataDirs]) rmSync(d, { recursive: true, force: true });
}
