/**
 * `evident demo`: writes the synthetic demo registry (see ../demo/seed.ts). Refuses when the demo
 * clinic exists, unless --replace; an interrupted or failed run writes nothing (one transaction).
 */
import { parseArgs } from "node:util";
import { isEvidentError } from "@evident/domain";
import { loadConfig } from "@evident/server";
import { openCommandDatabase } from "../database";
import { DEMO_CLINIC, MAX_DEMO_PATIENTS, SECOND_CLINIC, seedDemo } from "../demo/seed";
import { progressBar } from "../progress";

export const demoUsage = `Usage: evident demo [--patients N] [--seed S] [--today YYYY-MM-DD] [--replace]

Writes a synthetic registry: "${DEMO_CLINIC}" (with the demo staff sign-ins and a portal patient)
and "${SECOND_CLINIC}" (about 20% of the patients), with episodes, treatments, follow-ups,
questionnaire answers, adverse events and portal accounts, and the follow-up invitations,
reminders and "call the patient" tasks a running clinic would have behind it. Nothing in it is real.

  --patients N   how many patients, 0 to ${MAX_DEMO_PATIENTS} (default 600)
  --seed S       random seed, 0 to 4294967295 (default 1); the same N, seed and day give the
                 same rows, ids included
  --today DATE   the day the registry is "as of" (default: today); follow-ups before it are
                 answered or missed, those after it are still to come
  --replace      if the demo clinics exist, delete them and all their data first (in the same
                 transaction); without it the command refuses and changes nothing

Everything is written in one transaction: a failed, interrupted (Ctrl+C) or killed run writes
nothing and leaves the registry as it was; run the command again.
Exit codes: 0 written, 1 failure, 2 bad arguments or the demo clinics already exist,
130 interrupted.`;

function wholeNumber(s: string | undefined): number {
  return s !== undefined && /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

export async function runDemo(args: string[]): Promise<number> {
  let values: { patients?: string; seed?: string; today?: string; replace?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        patients: { type: "string", default: "600" },
        seed: { type: "string", default: "1" },
        today: { type: "string" },
        replace: { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    console.error(`evident demo: ${(e as Error).message}\n\n${demoUsage}`);
    return 2;
  }
  if (values.help) {
    console.log(demoUsage);
    return 0;
  }
  const options = {
    patients: wholeNumber(values.patients),
    seed: wholeNumber(values.seed),
    today: values.today,
    replace: values.replace === true,
  };
  // Check the arguments before starting a database, so a typo fails fast.
  const bad = [
    !Number.isSafeInteger(options.patients) || options.patients > MAX_DEMO_PATIENTS ? "--patients" : null,
    !Number.isSafeInteger(options.seed) || options.seed > 0xffffffff ? "--seed" : null,
    options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today) ? "--today" : null,
  ].filter(Boolean);
  if (bad.length > 0) {
    console.error(`evident demo: invalid ${bad.join(", ")}\n\n${demoUsage}`);
    return 2;
  }

  const config = loadConfig();
  const database = await openCommandDatabase("demo", config);
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  // `on`, not `once`: bin/evident.mjs passes on a signal the terminal also sent us directly.
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const started = Date.now();
  try {
    const bar = progressBar("demo data");
    const result = await seedDemo(database, {
      ...options,
      baseUrl: config.publicUrl,
      signal: abort.signal,
      onProgress: (d, t) => bar.update(d, t),
    });
    bar.done();
    const seconds = (Date.now() - started) / 1000;
    console.log(JSON.stringify({ ...result, seconds }));
    console.error(
      `demo registry written${result.replaced ? " (replacing the old one)" : ""}: ${result.rows.patients} patients, ` +
        `${result.rows.responses} answers in ${seconds.toFixed(1)} s`,
    );
    return 0;
  } catch (e) {
    if (abort.signal.aborted) {
      console.error("\nevident demo: interrupted; nothing was written");
      return 130;
    }
    if (isEvidentError(e) && (e.code === "conflict" || e.code === "bad-request")) {
      console.error(`evident demo: ${e.message}`);
      return 2;
    }
    throw e;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await database.close();
  }
}
