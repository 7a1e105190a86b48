/**
 * The `evident` command. Each command is a module in ./commands; this file only dispatches.
 * Exit codes: 0 success, 1 failure, 2 bad usage or invalid input (with a JSON error on stdout for
 * commands whose output is JSON).
 */
import { runClinic, runUser } from "./commands/accounts";
import { runAnalyze } from "./commands/analyze";
import { runAudit } from "./commands/audit";
import { runDemo } from "./commands/demo";
import { runMigrate } from "./commands/migrate";
import { runScore } from "./commands/score";
import { runStart } from "./commands/start";

const usage = `Usage: evident <command> [options]

Commands:
  start                      Run Evident (embedded PostgreSQL unless DATABASE_URL is set);
                             seeds a demo clinic on first run
  migrate                    Apply database migrations and exit
  demo --patients N --seed S Write a synthetic demo registry (deterministic for a given seed)
  audit verify               Recompute the audit hash chain and name the first broken event
  clinic add --name NAME     Create a clinic
  user add --clinic C --email E --name N --role R
                             Create a staff user (admin, clinician, coordinator, researcher);
                             the password is read from standard input
  analyze <subcommand> …     Outcome statistics on a CSV file, as JSON (evident analyze --help)
  score <instrument> JSON    Score one questionnaire's answers, as JSON (evident score --help)

Environment: PORT, HOST, DATABASE_URL, EVIDENT_DATA_DIR, EVIDENT_PUBLIC_URL, SMTP_URL, SMTP_FROM,
EVIDENT_DEMO_PATIENTS, EVIDENT_PG_PORT (see README.md).`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  start: runStart,
  migrate: runMigrate,
  demo: runDemo,
  audit: runAudit,
  clinic: runClinic,
  user: runUser,
  analyze: runAnalyze,
  score: runScore,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    console.log(usage);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`evident: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  return command(rest);
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
