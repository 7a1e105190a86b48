/**
 * Statistics benchmark: Kaplan–Meier by arm + log-rank on 1,000,000 rows and Cox (Efron ties) on
 * 100,000 rows × 5 covariates, synthetic and seeded, timed in-process; then, when Rscript is
 * installed, R's survfit/survdiff/coxph on the same data (./stats.R), with the ratio and a check
 * that both give the same answers (medians and their limits, χ², coefficients and standard
 * errors at 1e-6 relative). Results are written up in ./stats.md.
 *
 *   npx tsx bench/stats.ts [--km-rows N] [--cox-rows N] [--repeats R] [--seed S] [--skip-r]
 *
 * Times are medians of the --repeats runs, wall-clock and CPU (after one unmeasured warm-up run for ours, so
 * the JIT has compiled the hot loops; R's byte-compiled code needs none). "With reading the CSV"
 * adds reading the file once: for us the file read, the CLI's parser and column extraction
 * (packages/cli/src/analyze), for R read.csv with colClasses given. Exits 1 if the answers differ.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { labels, numbers, type Table, times, zeroOne } from "@evident/cli/analyze/columns";
import { parseCsv } from "@evident/cli/analyze/csv";
import {
  coxRegression,
  kaplanMeierByGroup,
  logRankTest,
  type Random,
  seededRandom,
} from "@evident/domain/stats";

const { values } = parseArgs({
  options: {
    "km-rows": { type: "string", default: "1000000" },
    "cox-rows": { type: "string", default: "100000" },
    repeats: { type: "string", default: "5" },
    seed: { type: "string", default: "20240901" },
    "skip-r": { type: "boolean", default: false },
  },
});
const kmRows = Number(values["km-rows"]);
const coxRows = Number(values["cox-rows"]);
const repeats = Number(values.repeats);
const seed = Number(values.seed);
const log = (line: string) => process.stderr.write(`${line}\n`);

// --- synthetic data ---------------------------------------------------------------------------
// Follow-up in whole days, as a registry records dates: many tied times, as in real data.
const exponential = (random: Random, rate: number) => -Math.log(1 - random.next()) / rate;
const normal = (random: Random) =>
  Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());

function kmData(n: number, random: Random) {
  const time = new Array<number>(n);
  const status = new Array<number>(n);
  const arm = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const treated = random.next() < 0.4;
    const event = Math.ceil(exponential(random, treated ? 1 / 900 : 1 / 600));
    const censor = Math.ceil(30 + random.next() * 1065);
    time[i] = Math.min(event, censor);
    status[i] = event <= censor ? 1 : 0;
    arm[i] = treated ? "injection" : "conventional";
  }
  return { time, status, arm };
}

const COX_COVARIATES = ["age", "female", "baseline_odi", "opioid", "duration"] as const;

function coxData(n: number, random: Random) {
  const columns = Object.fromEntries(COX_COVARIATES.map((c) => [c, new Array<number>(n)])) as Record<
    (typeof COX_COVARIATES)[number],
    number[]
  >;
  const time = new Array<number>(n);
  const status = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const age = Math.round(50 + 12 * normal(random));
    const female = random.next() < 0.55 ? 1 : 0;
    const odi = 2 * Math.round((45 + 14 * normal(random)) / 2);
    const opioid = random.next() < 0.3 ? 1 : 0;
    const duration = Math.round(exponential(random, 1 / 40)) + 3;
    const hazard = Math.exp(
      0.02 * (age - 50) - 0.1 * female + 0.015 * (odi - 45) + 0.4 * opioid + 0.004 * duration,
    );
    const event = Math.ceil(exponential(random, hazard / 700));
    const censor = Math.ceil(30 + random.next() * 700);
    time[i] = Math.min(event, censor);
    status[i] = event <= censor ? 1 : 0;
    columns.age[i] = age;
    columns.female[i] = female;
    columns.baseline_odi[i] = odi;
    columns.opioid[i] = opioid;
    columns.duration[i] = duration;
  }
  return { time, status, covariates: columns };
}

function toCsv(columns: Record<string, readonly (number | string)[]>): string {
  const names = Object.keys(columns);
  const cols = Object.values(columns);
  const n = cols[0]?.length ?? 0;
  const lines = [names.join(",")];
  for (let i = 0; i < n; i++) lines.push(cols.map((c) => c[i]).join(","));
  return `${lines.join("\n")}\n`;
}

// --- timing -----------------------------------------------------------------------------------
// Wall-clock and CPU seconds (process.cpuUsage: user + system, all threads, as R's system.time
// counts its process). On a shared machine CPU time is the steadier of the two.
type Seconds = { readonly wall: number; readonly cpu: number };

function time<T>(f: () => T): { result: T } & Seconds {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = f();
  const wall = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { result, wall, cpu: (used.user + used.system) / 1e6 };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const show = (xs: readonly number[]) => xs.map((x) => x.toFixed(3)).join(", ");

/** One unmeasured warm-up run, then `repeats` measured runs: medians and the last result. */
function bench<T>(label: string, f: () => T): { result: T } & Seconds {
  const cold = time(f);
  const runs = Array.from({ length: repeats }, () => time(f));
  const wall = median(runs.map((r) => r.wall));
  const cpu = median(runs.map((r) => r.cpu));
  log(
    `  ${label}: wall ${wall.toFixed(3)} s (${show(runs.map((r) => r.wall))}), CPU ${cpu.toFixed(3)} s; ` +
      `first, cold run: wall ${cold.wall.toFixed(3)} s, CPU ${cold.cpu.toFixed(3)} s`,
  );
  return { result: (runs.at(-1) as { result: T }).result, wall, cpu };
}

const sum = (...xs: Seconds[]): Seconds => ({
  wall: xs.reduce((s, x) => s + x.wall, 0),
  cpu: xs.reduce((s, x) => s + x.cpu, 0),
});

function readTable(file: string): Table {
  return { ...parseCsv(readFileSync(file, "utf8")), source: file };
}

type RResult = {
  r: string;
  survival: string;
  wall: Record<"readKm" | "readCox", number> & Record<"survfit" | "survdiff" | "coxph", number[]>;
  cpu: Record<"readKm" | "readCox", number> & Record<"survfit" | "survdiff" | "coxph", number[]>;
  km: {
    medians: { name: string; median: number | null; lower: number | null; upper: number | null }[];
    chisq: number;
    df: number;
  };
  cox: { names: string[]; beta: number[]; se: number[]; iterations: number };
};

function runR(kmCsv: string, coxCsv: string, dir: string): { result: RResult; wall: number } | null {
  const out = path.join(dir, "r.json");
  const script = fileURLToPath(new URL("./stats.R", import.meta.url));
  log("R (Rscript bench/stats.R)…");
  const start = performance.now();
  try {
    execFileSync("Rscript", [script, kmCsv, coxCsv, String(repeats), out], {
      stdio: ["ignore", "inherit", "inherit"],
    });
  } catch (e) {
    log(
      `R did not run (${(e as Error).message.split("\n")[0]}); install R and its survival package to compare.`,
    );
    return null;
  }
  return { result: JSON.parse(readFileSync(out, "utf8")), wall: (performance.now() - start) / 1000 };
}

/** Differences beyond 1e-6 relative between our results and R's, named. */
function disagreements(
  r: RResult,
  curves: ReturnType<typeof kaplanMeierByGroup>,
  logRank: ReturnType<typeof logRankTest>,
  cox: ReturnType<typeof coxRegression>,
): string[] {
  const problems: string[] = [];
  const close = (what: string, a: number | null, b: number | null) => {
    const ok = a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6 * Math.abs(b);
    if (!ok) problems.push(`${what}: Evident ${a}, R ${b}`);
  };
  for (const m of r.km.medians) {
    const mine = curves.find((c) => c.group === m.name)?.curve.median;
    if (mine === undefined) problems.push(`no curve for ${m.name}`);
    close(`median ${m.name}`, mine?.estimate ?? null, m.median);
    close(`median lower limit ${m.name}`, mine?.lower ?? null, m.lower);
    close(`median upper limit ${m.name}`, mine?.upper ?? null, m.upper);
  }
  close("log-rank χ²", logRank.chiSquare, r.km.chisq);
  close("log-rank df", logRank.df, r.km.df);
  r.cox.names.forEach((name, j) => {
    const c = cox.coefficients.find((x) => x.name === name);
    close(`Cox β ${name}`, c?.estimate ?? null, r.cox.beta[j] ?? null);
    close(`Cox se ${name}`, c?.se ?? null, r.cox.se[j] ?? null);
  });
  return problems;
}

// --- run --------------------------------------------------------------------------------------
const dir = mkdtempSync(path.join(tmpdir(), "evident-bench-"));
try {
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(1))
      .join(" ");
  log(`${cpus().length} CPUs (${cpus()[0]?.model ?? "unknown"}); load average ${load()}`);
  log(`Generating ${kmRows} Kaplan–Meier rows and ${coxRows} Cox rows (seed ${seed})…`);
  const random = seededRandom(seed);
  const km = kmData(kmRows, random);
  const cx = coxData(coxRows, random);
  const kmCsv = path.join(dir, "km.csv");
  const coxCsv = path.join(dir, "cox.csv");
  writeFileSync(kmCsv, toCsv(km));
  writeFileSync(coxCsv, toCsv({ time: cx.time, status: cx.status, ...cx.covariates }));

  log(`Evident (in-process, Node ${process.version}):`);
  const kmInput = { time: km.time, event: km.status.map((s) => s === 1), group: km.arm };
  const curves = bench("Kaplan–Meier by arm", () => kaplanMeierByGroup(kmInput));
  const logRank = bench("log-rank", () => logRankTest(kmInput));
  const coxInput = { time: cx.time, event: cx.status.map((s) => s === 1), covariates: cx.covariates };
  const cox = bench("Cox", () => coxRegression(coxInput));
  const readKm = time(() => {
    const table = readTable(kmCsv);
    return {
      time: times(table, "time", "--time"),
      event: zeroOne(table, "status", "--event"),
      arm: labels(table, "arm", "--group"),
    };
  });
  const readCox = time(() => {
    const table = readTable(coxCsv);
    const covariates = Object.fromEntries(COX_COVARIATES.map((c) => [c, numbers(table, c, "--covariates")]));
    return { time: times(table, "time", "--time"), event: zeroOne(table, "status", "--event"), covariates };
  });
  log(
    `  reading the CSVs as the CLI does: wall ${readKm.wall.toFixed(3)} s (KM), ${readCox.wall.toFixed(3)} s (Cox)`,
  );
  if (readKm.result.time.length !== kmRows || readCox.result.time.length !== coxRows)
    throw new Error("CSV misread");

  const rows: [string, Seconds, Seconds | null][] = [];
  const r = values["skip-r"] ? null : runR(kmCsv, coxCsv, dir);
  const theirs = (name: "survfit" | "survdiff" | "coxph"): Seconds | null =>
    r === null ? null : { wall: median(r.result.wall[name]), cpu: median(r.result.cpu[name]) };
  const read = (name: "readKm" | "readCox"): Seconds | null =>
    r === null ? null : { wall: r.result.wall[name], cpu: r.result.cpu[name] };
  const add = (...xs: (Seconds | null)[]) => (xs.includes(null) ? null : sum(...(xs as Seconds[])));
  rows.push(
    [`Kaplan–Meier by arm, ${kmRows} rows (survfit)`, curves, theirs("survfit")],
    [`log-rank, ${kmRows} rows (survdiff)`, logRank, theirs("survdiff")],
    ["KM + log-rank", sum(curves, logRank), add(theirs("survfit"), theirs("survdiff"))],
    [`Cox, ${coxRows} rows × 5 covariates (coxph)`, cox, theirs("coxph")],
    [
      "KM + log-rank, with reading the CSV",
      sum(readKm, curves, logRank),
      add(read("readKm"), theirs("survfit"), theirs("survdiff")),
    ],
    ["Cox, with reading the CSV", sum(readCox, cox), add(read("readCox"), theirs("coxph"))],
  );
  const cell = (x: number) => `${x.toFixed(3)} s`;
  const ratio = (a: number, b: number | undefined) => (b === undefined ? "" : `${(b / a).toFixed(1)}×`);
  console.log("| step | Evident wall | R wall | R ÷ Evident | Evident CPU | R CPU | R ÷ Evident |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const [step, ours, other] of rows) {
    const o = other ?? undefined;
    console.log(
      `| ${step} | ${cell(ours.wall)} | ${o ? cell(o.wall) : "–"} | ${ratio(ours.wall, o?.wall)} | ${cell(ours.cpu)} | ${o ? cell(o.cpu) : "–"} | ${ratio(ours.cpu, o?.cpu)} |`,
    );
  }

  if (r !== null) {
    const { result } = r;
    log(
      `Rscript process, start to finish (${repeats} runs of each fit): ${r.wall.toFixed(1)} s; ${result.r}, survival ${result.survival}`,
    );
    const medians = result.km.medians.map((m) => `${m.name} ${m.median} (${m.lower}–${m.upper})`).join("; ");
    log(
      `Medians ${medians}; χ² ${result.km.chisq.toFixed(4)}; Cox iterations: R ${result.cox.iterations}, Evident ${cox.result.iterations}`,
    );
    const problems = disagreements(result, curves.result, logRank.result, cox.result);
    log(
      problems.length === 0
        ? "Results agree with R (1e-6 relative)."
        : `Results DIFFER from R:\n  ${problems.join("\n  ")}`,
    );
    process.exitCode = problems.length === 0 ? 0 : 1;
  }
  log(`Load average at the end: ${load()} (other work on the machine slows both sides' wall times)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
