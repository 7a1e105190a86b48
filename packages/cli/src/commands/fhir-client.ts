/**
 * Registering a FHIR API client (SMART Backend Services) for a clinic:
 *   evident fhir-client add --clinic "<clinic name>" --name "<client name>" --jwks-file <path>
 *   (or --jwks-url <https URL> instead of a file)
 * prints one JSON object, {"clientId": "…"}: the client puts it in its assertions' iss and sub.
 * The file is a JSON Web Key Set of public keys (RS384 or ES384); a private key in it is refused.
 * Works while the server runs (it opens the server's database). Audited in the clinic's chain as
 * the command line run by this operating-system user; administrators list and revoke clients on
 * the Clinic settings page or with the /api/v1/fhir-clients API.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { addFhirClient, findClinicByName } from "@evident/db";
import { withCommandDatabase } from "../database";
import { cliActor } from "./accounts";

const usage =
  'usage: evident fhir-client add --clinic "<clinic name>" --name "<client name>" (--jwks-file <path> | --jwks-url <url>)';

function fail(message: string): number {
  console.log(JSON.stringify({ error: message }));
  console.error(`evident: ${message}`);
  return 2;
}

/** The public keys of a JWKS file, or the problem with it. */
export function checkJwks(text: string): { keys: Record<string, unknown>[] } | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return "--jwks-file is not JSON";
  }
  const keys = (parsed as { keys?: unknown }).keys;
  if (!Array.isArray(keys) || keys.length === 0) return '--jwks-file must be a JWKS: {"keys": [ … ]}';
  for (const [i, k] of keys.entries()) {
    const key = k as Record<string, unknown>;
    if (key.kty !== "RSA" && key.kty !== "EC") return `--jwks-file keys[${i}]: kty must be RSA or EC`;
    if ("d" in key) return `--jwks-file keys[${i}] is a private key: register the public key only`;
  }
  return { keys: keys as Record<string, unknown>[] };
}

export async function runFhirClient(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "add") return fail(usage);
  let values: { clinic?: string; name?: string; "jwks-file"?: string; "jwks-url"?: string };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        clinic: { type: "string" },
        name: { type: "string" },
        "jwks-file": { type: "string" },
        "jwks-url": { type: "string" },
      },
    }));
  } catch (e) {
    return fail(`${(e as Error).message}; ${usage}`);
  }
  const problems: string[] = [];
  const name = values.name?.trim();
  if (!values.clinic) problems.push("--clinic is required");
  if (!name || name.length > 200) problems.push("--name is required (at most 200 characters)");
  if (!values["jwks-file"] === !values["jwks-url"]) problems.push("give one of --jwks-file or --jwks-url");
  let jwks: { keys: Record<string, unknown>[] } | null = null;
  if (values["jwks-file"]) {
    let text = "";
    try {
      text = await readFile(values["jwks-file"], "utf8");
    } catch {
      problems.push(`--jwks-file cannot be read: ${values["jwks-file"]}`);
    }
    if (text) {
      const checked = checkJwks(text);
      if (typeof checked === "string") problems.push(checked);
      else jwks = checked;
    }
  }
  const jwksUrl = values["jwks-url"] ?? null;
  if (jwksUrl && !/^https:\/\//.test(jwksUrl)) problems.push("--jwks-url must be an https URL");
  if (problems.length > 0 || !name) return fail(problems.join("; "));
  return withCommandDatabase("fhir-client add", async (database) => {
    const clinic = await findClinicByName(database.system.db, values.clinic!);
    if (!clinic) return fail(`no clinic named "${values.clinic}"`);
    const { clientId } = await addFhirClient(
      database.system.db,
      { clinicId: clinic.id, name, jwks, jwksUrl },
      cliActor(),
      new Date(),
    );
    console.log(JSON.stringify({ clientId }));
    return 0;
  });
}
