/**
 * Outcomes API benchmark: how long each outcomes endpoint takes on a large registry, for a
 * clinician (their clinic) and a researcher (all clinics pooled), and the decision aid's "people
 * like you" figures (the clinic's registry matched to one patient, clinicians only), measured
 * over HTTP against a running app. Prints a Markdown table (median and each run); results are written up in
 * ./README.md. A benchmark, not a test: nothing asserts a time.
 *
 *   EVIDENT_DATA_DIR=/tmp/big EVIDENT_DEMO_PATIENTS=100000 PORT=3999 npx evident start   # once
 *   npx tsx bench/outcomes.ts --base http://127.0.0.1:3999 [--repeats 3]
 *
 * The app's PostgreSQL CPU is not separated here (the app owns its cluster); the load average
 * before and after is printed because the machine may be shared.
 */
import { parseArgs } from "node:util";
import { signIn } from "./app";
import { load, log, machine } from "./machine";

const { values } = parseArgs({
  options: {
    base: { type: "string", default: "http://127.0.0.1:3000" },
    repeats: { type: "string", default: "3" },
    password: { type: "string", default: "evident-demo-password" },
  },
});
const base = (values.base ?? "").replace(/\/$/, "");
const repeats = Number(values.repeats);

type Role = "clinician" | "researcher";
const both: readonly Role[] = ["clinician", "researcher"];
/** Path templates: {patient} is a patient of the demo clinic, looked up once. */
const endpoints: readonly (readonly [string, string, readonly Role[]])[] = [
  ["report", "/outcomes", both],
  ["distribution", "/outcomes/distribution?instrument=odi&timepoint=12m", both],
  ["survival", "/outcomes/survival", both],
  [
    "comparison",
    "/outcomes/comparison?treatment=bone_marrow_concentrate&comparator=exercise_physiotherapy&instrument=odi&timepoint=12m",
    both,
  ],
  ["people like you (every option)", "/decision-aid/registry", ["clinician"]],
  ["people like you, matched to a patient", "/decision-aid/registry?patientId={patient}", ["clinician"]],
];

async function time(path: string, cookie: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const res = await fetch(`${base}/api/v1${path}`, { headers: { cookie } });
  const body = await res.text();
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${body.slice(0, 200)}`);
  return { ms: performance.now() - started, bytes: body.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main() {
  log(`outcomes benchmark against ${base}, ${repeats} runs each; load ${load()}`);
  const before = load();
  const who = {
    clinician: await signIn(base, "clinician@demo.evident.test", values.password),
    researcher: await signIn(base, "researcher@demo.evident.test", values.password),
  };
  const patients = (await (
    await fetch(`${base}/api/v1/patients?limit=1`, { headers: { cookie: who.clinician } })
  ).json()) as { items: { id: string }[] };
  const patient = patients.items[0]?.id;
  if (!patient) throw new Error("the clinician's clinic has no patient");
  const rows: string[] = [];
  for (const [name, template, roles] of endpoints) {
    const path = template.replace("{patient}", patient);
    for (const role of roles) {
      const cookie = who[role];
      const runs: number[] = [];
      let bytes = 0;
      for (let i = 0; i < repeats; i++) {
        const r = await time(path, cookie);
        runs.push(r.ms / 1000);
        bytes = r.bytes;
        log(`  ${name} as ${role}: ${(r.ms / 1000).toFixed(2)} s`);
      }
      rows.push(
        `| ${name} | ${role === "researcher" ? "researcher (pooled)" : "clinician (own clinic)"} | ${median(runs).toFixed(2)} | ${runs.map((x) => x.toFixed(2)).join(", ")} | ${Math.round(bytes / 1024)} |`,
      );
    }
  }
  console.log(`Machine: ${machine()}. Load average before → after: ${before} → ${load()}.\n`);
  console.log("| endpoint | as | median s | each run s | response KiB |");
  console.log("| --- | --- | ---: | --- | ---: |");
  for (const r of rows) console.log(r);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
