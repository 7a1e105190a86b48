/**
 * The `evident` command. Each command is a module in ./commands; this file only dispatches.
 * Exit codes: 0 success, 1 failure, 2 bad usage or invalid input (with a JSON error on stdout for
 * commands whose output is JSON).
 */
const usage = `Usage: evident <command> [options]

Commands:
  start                      Run Evident (embedded PostgreSQL unless DATABASE_URL is set);
                             seeds a demo clinic on first run
  migrate                    Apply database migrations and exit
  demo --patients N --seed S [--today D] [--replace]
                             Write a synthetic demo registry (deterministic for a given seed)
  audit verify               Check the audit trail's keyed chains against their anchors; name
                             the first broken event or anchor (exit 1)
  audit anchor               Write an anchor of the audit chains (the server does every minute)
  summaries rebuild|check    Recompute the outcome summaries, or compare them with a rebuild
                             (exit 1 naming the tables that differ)
  backup --out FILE          Consistent online backup of the database (and the audit key and
                             anchors), with its SHA-256 in FILE.sha256
  restore FILE --data-dir DIR
                             Check a backup's checksums and restore it into a new data directory
  clinic add --name NAME [--time-zone TZ] [--country CC] [--emergency-number N]
                             Create a clinic (time zone: an IANA name, UTC if not given;
                             country: ISO 3166 alpha-2, US if not given, which gives the
                             emergency number patients are told to call unless one is given)
  user add --clinic C --email E --name N --role R
                             Create a staff user (admin, clinician, coordinator, researcher);
                             the password is read from standard input
  fhir-client add --clinic C --name N (--jwks-file PATH | --jwks-url URL)
                             Register a FHIR API client (SMART backend services) of a clinic
                             with its public keys; prints {"clientId": "…"}
  fhir export --out DIR [--clinic C] [--type T,…] [--since ISO]
                             FHIR Bulk Data export: NDJSON files and manifest.json in DIR (every
                             clinic, or one), progress on stderr; prints the manifest
  quality [--clinic C]        Check every clinic's records (or one clinic's) against the
                             data-quality rules now; prints {"rules": [{"id", "title",
                             "count", …}]} with each rule's count per clinic
  export --format redcap|csv --out DIR [--cohort NAME [--cohort-version N]]
                             De-identified research export (HIPAA Safe Harbor, k-anonymity 11):
                             REDCap project files or tidy CSV with a codebook in DIR, progress
                             on stderr; prints {"files", "patients", "suppressed"}
  analyze <subcommand> …     Outcome statistics on a CSV file, as JSON (evident analyze --help)
  score <instrument> JSON    Score one questionnaire's answers, as JSON (evident score --help)
  triage JSON                Red-flag triage of one intake's answers, as JSON (evident triage --help)

Environment: PORT, HOST, DATABASE_URL, EVIDENT_MIGRATE_DATABASE_URL, EVIDENT_READ_DATABASE_URL,
EVIDENT_DATA_DIR, EVIDENT_PUBLIC_URL, EVIDENT_AUDIT_KEY, EVIDENT_AUDIT_ANCHOR_DIR,
EVIDENT_TRUST_PROXY, EVIDENT_SECRET_KEY, SMTP_URL, SMTP_FROM, EVIDENT_DEMO_PATIENTS,
EVIDENT_PG_PORT, EVIDENT_PG_RESTART_TIMEOUT_SECONDS, EVIDENT_LOG_LEVEL, EVIDENT_BULK_EXPORT_HOURS
(see README.md).`;

type Command = (args: string[]) => Promise<number>;

// Loaded on demand: `evident score` should not pay for the database and server modules.
const commands: Record<string, () => Promise<Command>> = {
  start: () => import("./commands/start").then((m) => m.runStart),
  migrate: () => import("./commands/migrate").then((m) => m.runMigrate),
  demo: () => import("./commands/demo").then((m) => m.runDemo),
  audit: () => import("./commands/audit").then((m) => m.runAudit),
  summaries: () => import("./commands/summaries").then((m) => m.runSummaries),
  backup: () => import("./commands/backup").then((m) => m.runBackup),
  restore: () => import("./commands/backup").then((m) => m.runRestore),
  clinic: () => import("./commands/accounts").then((m) => m.runClinic),
  user: () => import("./commands/accounts").then((m) => m.runUser),
  "fhir-client": () => import("./commands/fhir-client").then((m) => m.runFhirClient),
  fhir: () => import("./commands/fhir").then((m) => m.runFhir),
  quality: () => import("./commands/quality").then((m) => m.runQuality),
  export: () => import("./commands/export").then((m) => m.runExport),
  analyze: () => import("./commands/analyze").then((m) => m.runAnalyze),
  score: () => import("./commands/score").then((m) => m.runScore),
  triage: () => import("./commands/triage").then((m) => m.runTriage),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    console.log(usage);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    console.error(`evident: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  return (await load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`evident: ${(e as Error).message ?? e}`);
    process.exitCode = 1;
  },
);
