import { parseArgs } from "node:util";
import { openDatabase } from "@evident/db";
import { loadConfig } from "@evident/server";
import { seedDemo } from "../demo/seed";
import { progressBar } from "../progress";

export async function runDemo(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { patients: { type: "string", default: "300" }, seed: { type: "string", default: "1" } },
  });
  const patients = Number(values.patients);
  const seed = Number(values.seed);
  if (!Number.isInteger(patients) || patients < 0 || !Number.isInteger(seed)) {
    console.error("Usage: evident demo --patients N --seed S  (whole numbers)");
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    embeddedPort: config.embeddedPgPort,
    log: (l) => console.error(l),
  });
  try {
    const bar = progressBar("demo data");
    await seedDemo(database, { patients, seed, onProgress: (d, t) => bar.update(d, t) });
    bar.done();
    return 0;
  } finally {
    await database.close();
  }
}
