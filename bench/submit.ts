/**
 * Submissions against a bare route (issue 13, "Submissions"): staff enter a patient's baseline
 * questionnaires (`POST /api/v1/patients/{id}/responses`: the clinic's baseline — back pain, leg
 * pain and the PEG, which a new clinic's plan asks — scored, stored, the follow-up completed, its
 * queued reminders withdrawn, every answer set audited, in one transaction under row-level
 * security) beside a bare Hono route that stores the same JSON body with one INSERT
 * (`bench/bare-route.ts`), on the same PostgreSQL, with a pool of the same size and settings.
 * The two are driven in alternating rounds at the same concurrency, so both see the same machine.
 *
 *   npx tsx bench/submit.ts [--connections 50] [--rounds 3] [--seconds 15] [--clinics 4]
 *                           [--patients 60000] [--profile DIR]
 *
 * It starts its own PostgreSQL cluster in a temporary directory (deleted afterwards), migrates a
 * fresh database with the real `evident migrate`, makes clinics and a coordinator in each with
 * `evident clinic add` / `user add`, and starts the real `evident start` and the bare route as
 * processes of their own. Each clinic gets one patient through the API; it is then copied in SQL
 * (patient, episode, open baseline) so that every submission answers a fresh patient's baseline.
 * Connections are spread evenly over the clinics. CPU per request is read from /proc: the app's
 * process, the bare route's, and PostgreSQL's (all backends) over each round. With `--profile`,
 * the app runs with `node --cpu-prof` and writes its profile there when it stops. With
 * `--statements`, PostgreSQL loads pg_stat_statements (nested statements too: triggers) and the
 * statements of the measured submit rounds are listed by total time, with calls per submission.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { freePort, startEmbedded } from "@evident/db";
import { getInstrument } from "@evident/domain/instruments";
import pg from "pg";
import { cli, evidentBin, healthy } from "./app";
import { type Drive, drive, quantile, type Request } from "./load";
import { load, log, machine, treeCpuMs } from "./machine";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "50" },
    rounds: { type: "string", default: "3" },
    seconds: { type: "string", default: "15" },
    warmup: { type: "string", default: "5" },
    clinics: { type: "string", default: "4" },
    patients: { type: "string", default: "60000" },
    profile: { type: "string" },
    statements: { type: "boolean", default: false },
  },
});
const connections = Number(values.connections);
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const clinicCount = Number(values.clinics);
const patientsPerClinic = Math.ceil(Number(values.patients) / clinicCount);
const PASSWORD = "bench password that is long enough";
const INSTRUMENTS = ["nrs_back", "nrs_leg", "peg"];

/** Every item of each instrument answered at random (integer items only, as these three are). */
function answers(): Record<string, unknown>[] {
  return INSTRUMENTS.map((id) => ({
    instrument: id,
    answers: Object.fromEntries(
      getInstrument(id).items.map((item) => [
        item.id,
        item.min! + Math.floor(Math.random() * (item.max! - item.min! + 1)),
      ]),
    ),
  }));
}

function startProcess(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => {
    output = (output + d).slice(-20_000);
  });
  child.stderr!.on("data", (d) => {
    output = (output + d).slice(-20_000);
  });
  return { child, output: () => output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

async function json(base: string, method: string, p: string, body: unknown, cookie?: string) {
  const res = await fetch(`${base}${p}`, {
    method,
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { res, body: (await res.json()) as Record<string, unknown> };
}

/** Copies the clinic's one patient (with its episode and open baseline) `n` times, in SQL. */
async function copyPatients(admin: pg.Client, template: string, n: number) {
  await admin.query("begin");
  await admin.query(
    `create temp table copies on commit drop as
       select gen_random_uuid() as pid, gen_random_uuid() as eid, gen_random_uuid() as fid, g
         from generate_series(1, $1::int) g`,
    [n],
  );
  const copy = (table: string, over: string, from: string) =>
    admin.query(
      `insert into ${table} select (jsonb_populate_record(null::${table}, to_jsonb(t) || ${over})).*
         from copies c, ${table} t where ${from}`,
      [template],
    );
  await copy(
    "patients",
    "jsonb_build_object('id', c.pid, 'family_name', 'Patient ' || c.g, 'mrn', null)",
    "t.id = $1",
  );
  await copy("episodes", "jsonb_build_object('id', c.eid, 'patient_id', c.pid)", "t.patient_id = $1");
  await copy(
    "follow_ups",
    "jsonb_build_object('id', c.fid, 'patient_id', c.pid, 'episode_id', c.eid)",
    "t.patient_id = $1 and t.timepoint = 'baseline'",
  );
  const { rows } = await admin.query<{ pid: string; fid: string }>("select pid, fid from copies order by g");
  await admin.query("commit");
  return rows;
}

/** The statements PostgreSQL ran (top level and nested), by total time, per submission. */
async function topStatements(client: pg.Client, submissions: number): Promise<string[]> {
  const { rows } = await client.query<{ calls: number; ms: number; query: string }>(
    `select calls::int, total_exec_time + total_plan_time as ms, query from pg_stat_statements
      where dbid = (select oid from pg_database where datname = current_database())
      order by ms desc limit 25`,
  );
  return rows.map(
    (r) =>
      `| ${(r.calls / submissions).toFixed(2)} | ${((1000 * r.ms) / submissions).toFixed(0)} | \`${r.query.replace(/\s+/g, " ").slice(0, 160)}\` |`,
  );
}

const statementRows: string[] = [];

type Round = {
  target: "submit" | "bare";
  round: number;
  drive: Drive;
  cpuMs: number | null;
  pgCpuMs: number | null;
};

const dir = mkdtempSync(path.join(tmpdir(), "evident-bench-submit-"));
let cluster = await startEmbedded({ dataDir: dir, port: await freePort(), database: "postgres" });
if (values.statements) {
  const c = new pg.Client({ connectionString: cluster.url });
  await c.connect();
  await c.query("alter system set shared_preload_libraries = 'pg_stat_statements'");
  await c.query("alter system set pg_stat_statements.track = 'all'");
  await c.query("alter system set pg_stat_statements.track_planning = on");
  await c.end();
  await cluster.stop();
  cluster = await startEmbedded({ dataDir: dir, port: cluster.port, database: "postgres" });
}
const postmaster = Number(readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
const dataDir = mkdtempSync(path.join(tmpdir(), "evident-bench-app-"));
const processes: ChildProcess[] = [];
const results: Round[] = [];
const loadBefore = load();
let appOutput = () => "";
try {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query("create database bench_submit");
  await admin.end();
  const u = new URL(cluster.url);
  u.pathname = "/bench_submit";
  const dbUrl = u.toString();
  const env = { DATABASE_URL: dbUrl, EVIDENT_DATA_DIR: dataDir, EVIDENT_DEMO_PATIENTS: "0" };
  log("migrating, making clinics…");
  await cli(["migrate"], env);
  const emails: string[] = [];
  for (let c = 1; c <= clinicCount; c++) {
    await cli(["clinic", "add", "--name", `Bench clinic ${c}`], env);
    const email = `coordinator${c}@bench.test`;
    const who = ["--email", email, "--name", `Coordinator ${c}`, "--role", "coordinator"];
    await cli(["user", "add", "--clinic", `Bench clinic ${c}`, ...who], {
      ...env,
      EVIDENT_NEW_PASSWORD: PASSWORD,
    });
    emails.push(email);
  }

  const appPort = await freePort();
  const appBase = `http://127.0.0.1:${appPort}`;
  const profile = values.profile ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(values.profile)] : [];
  const app = startProcess([...profile, evidentBin, "start"], {
    ...env,
    PORT: String(appPort),
    EVIDENT_PUBLIC_URL: appBase,
    EVIDENT_LOG_LEVEL: "warn",
  });
  appOutput = app.output;
  processes.push(app.child);
  const barePort = await freePort();
  const bareBase = `http://127.0.0.1:${barePort}`;
  const bareScript = path.join(path.dirname(new URL(import.meta.url).pathname), "bare-route.ts");
  const bare = startProcess(["--import", "tsx", bareScript], { DATABASE_URL: dbUrl, PORT: String(barePort) });
  processes.push(bare.child);
  await healthy(appBase, app.child, 120_000);
  await healthy(bareBase, bare.child, 60_000);

  log(`signing in, copying ${patientsPerClinic} patients into each of ${clinicCount} clinic(s)…`);
  const queues: { cookie: string; todo: { pid: string; fid: string }[] }[] = [];
  const owner = new pg.Client({ connectionString: dbUrl });
  await owner.connect();
  for (const email of emails) {
    const { res } = await json(appBase, "POST", "/api/v1/auth/staff/sign-in", { email, password: PASSWORD });
    const m = /evident_session=([^;]*)/.exec(res.headers.get("set-cookie") ?? "");
    if (!m) throw new Error(`sign-in failed: ${res.status}`);
    const cookie = `evident_session=${m[1]}`;
    const patient = { givenName: "Bench", familyName: "Template", birthDate: "1970-01-01", sex: "female" };
    const created = await json(
      appBase,
      "POST",
      "/api/v1/patients",
      { ...patient, episode: { condition: "degenerative_disc_disease" } },
      cookie,
    );
    if (created.res.status !== 201) throw new Error(`create patient: ${JSON.stringify(created.body)}`);
    queues.push({ cookie, todo: await copyPatients(owner, created.body.id as string, patientsPerClinic) });
  }
  await owner.query("analyze");
  await owner.end();

  const submitNext = (w: number): Request | null => {
    const q = queues[w % queues.length]!;
    const p = q.todo.pop();
    if (!p) return null;
    return {
      method: "POST",
      path: `/api/v1/patients/${p.pid}/responses`,
      body: JSON.stringify({ followUpId: p.fid, responses: answers() }),
      headers: { cookie: q.cookie },
    };
  };
  const bareNext = (): Request => ({
    method: "POST",
    path: "/bare",
    body: JSON.stringify({ followUpId: crypto.randomUUID(), responses: answers() }),
  });
  const targets = {
    submit: { base: appBase, next: submitNext, status: 201, pid: app.child.pid! },
    bare: { base: bareBase, next: bareNext, status: 201, pid: bare.child.pid! },
  } as const;
  const stats = new pg.Client({ connectionString: dbUrl });
  await stats.connect();
  if (values.statements) await stats.query("create extension if not exists pg_stat_statements");
  const run = async (target: "submit" | "bare", round: number, secs: number) => {
    const t = targets[target];
    if (values.statements && target === "submit") await stats.query("select pg_stat_statements_reset()");
    const cpu0 = treeCpuMs(t.pid);
    const pg0 = treeCpuMs(postmaster);
    const d = await drive(t.base, connections, secs, t.next, t.status);
    const cpu1 = treeCpuMs(t.pid);
    const pg1 = treeCpuMs(postmaster);
    const cpuMs = cpu0 === null || cpu1 === null ? null : cpu1 - cpu0;
    const pgCpuMs = pg0 === null || pg1 === null ? null : pg1 - pg0;
    if (values.statements && target === "submit") statementRows.push(...(await topStatements(stats, d.ok)));
    log(
      `${target} round ${round}: ${(d.ok / d.seconds).toFixed(0)}/s, p50 ${quantile(d.latencies, 0.5).toFixed(1)} ms, p99 ${quantile(d.latencies, 0.99).toFixed(1)} ms, ${d.failed} failed ${d.failures.join(" | ")}`,
    );
    return { target, round, drive: d, cpuMs, pgCpuMs };
  };
  log(`warming up (${values.warmup} s each, not counted)…`);
  await run("bare", 0, Number(values.warmup));
  await run("submit", 0, Number(values.warmup));
  for (let r = 1; r <= rounds; r++) {
    const order: ("submit" | "bare")[] = r % 2 === 1 ? ["bare", "submit"] : ["submit", "bare"];
    for (const target of order) results.push(await run(target, r, seconds));
  }
  await stats.end();
} catch (e) {
  log(appOutput());
  throw e;
} finally {
  for (const p of processes) await stop(p);
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}

const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "–");
const summary = (target: "submit" | "bare") => {
  const rs = results.filter((r) => r.target === target);
  const latencies = rs.flatMap((r) => r.drive.latencies).sort((a, b) => a - b);
  const ok = rs.reduce((s, r) => s + r.drive.ok, 0);
  const secs = rs.reduce((s, r) => s + r.drive.seconds, 0);
  const cpu = rs.every((r) => r.cpuMs !== null) ? rs.reduce((s, r) => s + r.cpuMs!, 0) / ok : Number.NaN;
  const pgCpu = rs.every((r) => r.pgCpuMs !== null)
    ? rs.reduce((s, r) => s + r.pgCpuMs!, 0) / ok
    : Number.NaN;
  const failed = rs.reduce((s, r) => s + r.drive.failed, 0);
  return {
    ok,
    failed,
    perSecond: ok / secs,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    cpu,
    pgCpu,
  };
};

console.log(`Machine: ${machine()}; load average ${loadBefore} → ${load()}`);
console.log(
  `${connections} connections, ${clinicCount} clinic(s), ${rounds} rounds of ${seconds} s per route, alternating\n`,
);
console.log(
  "| route | round | requests | failed | per second | p50 ms | p99 ms | route's Node CPU ms/request | PostgreSQL CPU ms/request |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of results)
  console.log(
    `| ${r.target} | ${r.round} | ${r.drive.ok} | ${r.drive.failed} | ${fmt(r.drive.ok / r.drive.seconds)} | ${fmt(quantile(r.drive.latencies, 0.5))} | ${fmt(quantile(r.drive.latencies, 0.99))} | ${r.cpuMs === null ? "–" : fmt(r.cpuMs / r.drive.ok, 2)} | ${r.pgCpuMs === null ? "–" : fmt(r.pgCpuMs / r.drive.ok, 2)} |`,
  );
const s = summary("submit");
const b = summary("bare");
for (const [name, x] of [
  ["submit, all rounds", s],
  ["bare, all rounds", b],
] as const)
  console.log(
    `| ${name} | | ${x.ok} | ${x.failed} | ${fmt(x.perSecond)} | ${fmt(x.p50)} | ${fmt(x.p99)} | ${fmt(x.cpu, 2)} | ${fmt(x.pgCpu, 2)} |`,
  );
console.log(
  `\nThroughput: submit ${fmt(s.perSecond)}/s is ${fmt((100 * s.perSecond) / b.perSecond, 0)}% of bare ${fmt(b.perSecond)}/s (goal ≥ 50%).`,
);
console.log(`p99: submit ${fmt(s.p99)} ms is ${fmt(s.p99 / b.p99, 2)}× bare ${fmt(b.p99)} ms (goal ≤ 2×).`);
if (statementRows.length > 0) {
  console.log("\nStatements in PostgreSQL during the submit rounds (each round listed):\n");
  console.log("| calls per submission | µs per submission | statement |\n| ---: | ---: | --- |");
  for (const row of statementRows) console.log(row);
}
