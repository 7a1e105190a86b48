/**
 * A FHIR Bulk Data export to a directory, for the operator (no client or token needed):
 *   evident fhir export --out DIR [--clinic "<clinic name>"] [--type Patient,Observation,…] [--since ISO]
 * writes the same NDJSON files the API's `$export` does (`<Type>-<n>.ndjson`) and `manifest.json`
 * into DIR (new or empty), shows a progress bar on stderr, and prints the manifest as one JSON
 * object on stdout (file URLs, `requiresAccessToken: false`). With --clinic, that clinic only,
 * read as the app's role scoped to it (row-level security); without, every clinic through the
 * system role. One snapshot either way, so it runs beside a serving server. Audited in each
 * clinic's chain as the command line's export.
 */
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { auditCommandExport, findClinicByName, tables, writeBulkExport } from "@evident/db";
import { bulkManifest, bulkTypes, parseExportParams } from "@evident/domain/fhir";
import { loadConfig } from "@evident/server";
import { asc } from "drizzle-orm";
import { withCommandDatabase } from "../database";
import { progressBar } from "../progress";
import { cliActor } from "./accounts";

const usage =
  'usage: evident fhir export --out DIR [--clinic "<clinic name>"] [--type Patient,Observation,…] [--since 2026-03-01T00:00:00Z]';

function fail(message: string): number {
  console.log(JSON.stringify({ error: message }));
  console.error(`evident: ${message}`);
  return 2;
}

const optionOf: Record<string, string> = { _type: "--type", _since: "--since" };

/** The problem with writing into `dir` (it must be new or empty), or null. */
async function notEmpty(dir: string): Promise<string | null> {
  try {
    if ((await readdir(dir)).length > 0) return `--out ${dir} is not empty: give a new or empty directory`;
    return null;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT" ? null : `--out ${dir} cannot be read`;
  }
}

export async function runFhir(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "export") return fail(usage);
  let values: { out?: string; clinic?: string; type?: string; since?: string };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        out: { type: "string" },
        clinic: { type: "string" },
        type: { type: "string" },
        since: { type: "string" },
      },
    }));
  } catch (e) {
    return fail(`${(e as Error).message}; ${usage}`);
  }
  const params: [string, string][] = [];
  if (values.type !== undefined) params.push(["_type", values.type]);
  if (values.since !== undefined) params.push(["_since", values.since]);
  const parsed = parseExportParams("system", params);
  const problems = "issues" in parsed ? parsed.issues.map((i) => `${optionOf[i.path]} ${i.message}`) : [];
  if (!values.out) problems.push("--out is required");
  if ("issues" in parsed || problems.length > 0 || !values.out) return fail(problems.join("; "));
  const out = path.resolve(values.out);
  const dirProblem = await notEmpty(out);
  if (dirProblem) return fail(dirProblem);
  const types = parsed.request.types ?? [...bulkTypes];
  const since = parsed.request.since;

  return withCommandDatabase("fhir export", async (database) => {
    const clinic = values.clinic ? await findClinicByName(database.system.db, values.clinic) : null;
    if (values.clinic && !clinic) return fail(`no clinic named "${values.clinic}"`);
    const clinicIds = clinic
      ? [clinic.id]
      : (
          await database.system.db
            .select({ id: tables.clinics.id })
            .from(tables.clinics)
            .orderBy(asc(tables.clinics.createdAt))
        ).map((c) => c.id);
    const bar = progressBar("fhir export");
    const result = await writeBulkExport({
      // One clinic: the app's role, held to it by row-level security; every clinic: the system role.
      pool: clinic ? database.pool : database.system.pool,
      scopedClinicId: clinic?.id ?? null,
      clinicIds,
      types,
      since,
      groupKind: null,
      dir: out,
      now: () => new Date(),
      onProgress: (p) => bar.update(p.done, p.total),
    });
    bar.done();
    const query = new URLSearchParams([
      ...(values.type !== undefined ? [["_type", types.join(",")]] : []),
      ...(since ? [["_since", since.toISOString()]] : []),
    ]).toString();
    const manifest = bulkManifest({
      transactionTime: result.transactionTime.toISOString(),
      request: `${loadConfig().publicUrl}/api/fhir/$export${query ? `?${query}` : ""}`,
      requiresAccessToken: false,
      output: result.files.map((f) => ({
        type: f.type,
        url: pathToFileURL(path.join(out, f.file)).href,
        count: f.count,
      })),
    });
    await writeFile(path.join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`, {
      mode: 0o600,
    });
    const resources = result.files.reduce((n, f) => n + f.count, 0);
    for (const id of clinicIds)
      await auditCommandExport(
        database.system.db,
        id,
        cliActor(),
        {
          via: "command line",
          types,
          since: since?.toISOString() ?? null,
          clinics: clinicIds.length,
          resourcesInExport: resources,
        },
        new Date(),
      );
    console.log(JSON.stringify(manifest));
    return 0;
  });
}
