/**
 * Audited-write throughput: do clinics wait on each other's audit trail? Staff at 1 and at 8
 * clinics enter questionnaire answers (`POST /api/v1/patients/{id}/responses`, one write and its
 * audit event in one transaction) as fast as the running app accepts them, with the same number of
 * concurrent sessions either way. If every audit append takes one global lock until commit, 8
 * clinics go no faster than 1; with a chain per clinic they commit side by side.
 *
 *   npx tsx bench/audit-throughput.ts [--clinics 1,8] [--workers 16] [--seconds 20]
 *
 * The script starts its own PostgreSQL cluster in a temporary directory (deleted afterwards), a
 * fresh database per run, and the real `evident start` against it through DATABASE_URL; clinics
 * and staff are made with the real `evident clinic add` / `user add`. While the load runs it
 * samples pg_stat_activity every 50 ms: of the app's connections busy in a statement, the share
 * waiting on an advisory lock (the audit chain's lock) is reported. A benchmark, not a test.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { freePort, startEmbedded } from "@evident/db";
import pg from "pg";
import { cli, signIn, startEvident } from "./app";
import { quantile } from "./load";
import { load, log, machine } from "./machine";

const { values } = parseArgs({
  options: {
    clinics: { type: "string", default: "1,8" },
    workers: { type: "string", default: "16" },
    seconds: { type: "string", default: "20" },
  },
});
const clinicCounts = values.clinics.split(",").map(Number);
const workers = Number(values.workers);
const seconds = Number(values.seconds);
const PASSWORD = "bench password that is long enough";

type Result = {
  clinics: number;
  submissions: number;
  perSecond: number;
  medianMs: number;
  p95Ms: number;
  errors: number;
  waitingShare: number | null;
};

async function run(adminUrl: string, clinics: number): Promise<Result> {
  const dbName = `bench_audit_${clinics}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "evident-bench-app-"));
  const env = { DATABASE_URL: u.toString(), EVIDENT_DATA_DIR: dataDir, EVIDENT_DEMO_PATIENTS: "0" };
  await cli(["migrate"], env);
  const emails: string[] = [];
  for (let c = 0; c < clinics; c++) {
    const name = `Bench clinic ${c + 1}`;
    await cli(["clinic", "add", "--name", name], env);
    const email = `coordinator${c + 1}@bench.test`;
    await cli(
      [
        "user",
        "add",
        "--clinic",
        name,
        "--email",
        email,
        "--name",
        `Coordinator ${c + 1}`,
        "--role",
        "coordinator",
      ],
      {
        ...env,
        EVIDENT_NEW_PASSWORD: PASSWORD,
      },
    );
    emails.push(email);
  }

  const app = await startEvident(env);
  const base = app.base;
  try {
    const cookies: string[] = [];
    for (const email of emails) cookies.push(await signIn(base, email, PASSWORD));
    // One patient per worker, the workers spread evenly over the clinics.
    const patients: { cookie: string; id: string }[] = [];
    for (let w = 0; w < workers; w++) {
      const cookie = cookies[w % clinics]!;
      const res = await fetch(`${base}/api/v1/patients`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({
          givenName: "Bench",
          familyName: `Patient ${w}`,
          birthDate: "1970-01-01",
          sex: "female",
          episode: { condition: "degenerative_disc_disease" },
        }),
      });
      if (res.status !== 201) throw new Error(`create patient: ${res.status} ${await res.text()}`);
      patients.push({ cookie, id: ((await res.json()) as { id: string }).id });
    }

    const submit = async (p: { cookie: string; id: string }, i: number) => {
      const res = await fetch(`${base}/api/v1/patients/${p.id}/responses`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: p.cookie },
        body: JSON.stringify({ responses: [{ instrument: "nrs_back", answers: { nrs_back: i % 11 } }] }),
      });
      await res.arrayBuffer();
      return res.status === 201;
    };
    // Warm up (connections, JIT), not counted.
    await Promise.all(patients.map((p, i) => submit(p, i)));

    const sampler = new pg.Client({ connectionString: u.toString() });
    await sampler.connect();
    let busy = 0;
    let waiting = 0;
    let sampling = true;
    const sampling$ = (async () => {
      while (sampling) {
        const { rows } = await sampler.query<{ busy: number; waiting: number }>(
          `select count(*)::int as busy,
                  count(*) filter (where wait_event_type = 'Lock' and wait_event = 'advisory')::int as waiting
             from pg_stat_activity
            where application_name = 'evident' and state = 'active' and pid <> pg_backend_pid()`,
        );
        busy += rows[0]?.busy ?? 0;
        waiting += rows[0]?.waiting ?? 0;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    const latencies: number[] = [];
    let errors = 0;
    const until = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      patients.map(async (p) => {
        let i = 0;
        while (performance.now() < until) {
          const t0 = performance.now();
          const ok = await submit(p, i++);
          if (ok) latencies.push(performance.now() - t0);
          else errors += 1;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    sampling = false;
    await sampling$;
    await sampler.end();
    latencies.sort((a, b) => a - b);
    return {
      clinics,
      submissions: latencies.length,
      perSecond: latencies.length / elapsed,
      medianMs: quantile(latencies, 0.5),
      p95Ms: quantile(latencies, 0.95),
      errors,
      waitingShare: busy > 0 ? waiting / busy : null,
    };
  } catch (e) {
    throw new Error(`${(e as Error).message}\n${app.output()}`);
  } finally {
    await app.stop();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const dir = mkdtempSync(path.join(tmpdir(), "evident-bench-audit-"));
const cluster = await startEmbedded({ dataDir: dir, port: await freePort(), database: "postgres" });
const results: Result[] = [];
const loadBefore = load();
try {
  for (const clinics of clinicCounts) {
    log(`${clinics} clinic(s), ${workers} sessions, ${seconds} s…`);
    results.push(await run(cluster.url, clinics));
  }
} finally {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}

console.log(`Machine: ${machine()}; load average ${loadBefore} → ${load()}\n`);
console.log(
  "| clinics | concurrent sessions | submissions | per second | median ms | p95 ms | errors | busy connections waiting on an advisory lock |",
);
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of results)
  console.log(
    `| ${r.clinics} | ${workers} | ${r.submissions} | ${r.perSecond.toFixed(1)} | ${r.medianMs.toFixed(1)} | ${r.p95Ms.toFixed(1)} | ${r.errors} | ${r.waitingShare === null ? "–" : `${Math.round(r.waitingShare * 100)}%`} |`,
  );
