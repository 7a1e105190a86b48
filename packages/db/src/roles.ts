/**
 * The app's database role. The app connects as a role that is neither a superuser nor the owner of
 * the tables (`evident_app` by default), with only the privileges it needs: it reads and writes
 * the clinical tables, may only INSERT and SELECT `audit_events`, may only read `audit_key`, and
 * can change no schema. Migrations, this setup and the demo's bulk load run as the owner.
 *
 * Embedded mode: the role logs in with its own password, kept in credentials.json beside the
 * owner's. External mode: DATABASE_URL names the app's role and EVIDENT_MIGRATE_DATABASE_URL the
 * owner; with DATABASE_URL alone (an owner), the app switches to a NOLOGIN `evident_app` on each
 * connection (`-c role=evident_app` at connect) — weaker, since a session of the owner can switch
 * back (SET ROLE), so an injected statement is not held by the role; README says so.
 * Privileges are granted again at every start, so tables added by a migration are covered.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";

export const APP_ROLE = "evident_app";
/**
 * The NOLOGIN role that sees every clinic (row-level security, migration 0019): jobs, the command
 * line and sign-in lookups switch to it by name (tenancy.ts `Database.system`). The app's role is a
 * member without inheriting it, so it holds only when a connection asks for it.
 */
export const SYSTEM_ROLE = "evident_system";

/**
 * The NOLOGIN role a researcher's pooled reads run as (migration 0022): it may read the outcome
 * summaries, the pooled comparisons' cache and the data-quality counts (migration 0025) — tallies
 * and estimates — and no table that holds a patient's row or names a record, so the pooled path can return nothing but aggregates whatever query it runs.
 */
export const RESEARCH_ROLE = "evident_research";

/** What the research role may read: the aggregate tables, and nothing else. */
export const AGGREGATE_TABLES = [
  "summary_clinics",
  "summary_slices",
  "outcome_follow_up_summary",
  "outcome_answer_summary",
  "survival_summary",
  "comparison_cache",
  "quality_counts",
] as const;

type Queryable = Pick<pg.ClientBase, "query" | "escapeIdentifier" | "escapeLiteral">;

/** Grants `role` what the app needs on every table of the current schema, and no more. */
export async function grantAppPrivileges(db: Queryable, role: string): Promise<void> {
  const r = db.escapeIdentifier(role);
  const [{ schema } = { schema: "public" }] = (
    await db.query<{ schema: string }>("select current_schema() as schema")
  ).rows;
  const s = db.escapeIdentifier(schema);
  await db.query(`grant usage on schema ${s} to ${r}`);
  await db.query(`grant select, insert, update, delete on all tables in schema ${s} to ${r}`);
  await db.query(`grant usage, select on all sequences in schema ${s} to ${r}`);
  await db.query(`revoke update, delete, truncate, references, trigger on ${s}.audit_events from ${r}`);
  await db.query(`revoke insert, update, delete, truncate, references, trigger on ${s}.audit_key from ${r}`);
}

async function roleExists(db: Queryable, role: string): Promise<boolean> {
  const { rowCount } = await db.query("select 1 from pg_roles where rolname = $1", [role]);
  return (rowCount ?? 0) > 0;
}

/**
 * Lets `member` switch to the system role (SET ROLE / `-c role=`) without inheriting it, so the
 * policy for `evident_system` never applies to `member` by itself. `member` null: the current user
 * (the owner), which may inherit it. The role's own privileges: `grantAppPrivileges(db, SYSTEM_ROLE)`.
 */
export async function grantSystemRole(db: Queryable, member: string | null): Promise<void> {
  const sys = db.escapeIdentifier(SYSTEM_ROLE);
  if (member === null) {
    const [me] = (
      await db.query<{ su: boolean }>("select rolsuper as su from pg_roles where rolname = current_user")
    ).rows;
    if (!me?.su) await db.query(`grant ${sys} to current_user`);
  } else {
    const m = db.escapeIdentifier(member);
    const [{ v } = { v: 0 }] = (
      await db.query<{ v: number }>("select current_setting('server_version_num')::int as v")
    ).rows;
    if (v >= 160000) await db.query(`grant ${sys} to ${m} with inherit false, set true`);
    else {
      await db.query(`grant ${sys} to ${m}`);
      await db.query(`alter role ${m} noinherit`);
    }
  }
}

/**
 * The research role's privileges, granted afresh at every start: SELECT on the aggregate tables
 * only (every other privilege revoked), and `member` may switch to it (as to the system role,
 * without inheriting it); `member` null: the current user.
 */
export async function grantResearchRole(db: Queryable, member: string | null): Promise<void> {
  const r = db.escapeIdentifier(RESEARCH_ROLE);
  const [{ schema } = { schema: "public" }] = (
    await db.query<{ schema: string }>("select current_schema() as schema")
  ).rows;
  const s = db.escapeIdentifier(schema);
  await db.query(`revoke all on all tables in schema ${s} from ${r}`);
  await db.query(`revoke all on all sequences in schema ${s} from ${r}`);
  await db.query(`grant usage on schema ${s} to ${r}`);
  for (const t of AGGREGATE_TABLES) await db.query(`grant select on ${s}.${db.escapeIdentifier(t)} to ${r}`);
  if (member === null) {
    // The owner's own sessions switch to it (DATABASE_URL alone); a superuser needs no grant.
    const [me] = (
      await db.query<{ su: boolean }>("select rolsuper as su from pg_roles where rolname = current_user")
    ).rows;
    if (!me?.su) await db.query(`grant ${r} to current_user`);
    return;
  }
  const m = db.escapeIdentifier(member);
  const [{ v } = { v: 0 }] = (
    await db.query<{ v: number }>("select current_setting('server_version_num')::int as v")
  ).rows;
  if (v >= 160000) await db.query(`grant ${r} to ${m} with inherit false, set true`);
  else await db.query(`grant ${r} to ${m}`);
}

/** Creates (or updates the password of) a login role with no special attributes. */
export async function ensureLoginRole(db: Queryable, role: string, password: string): Promise<void> {
  const r = db.escapeIdentifier(role);
  const verb = (await roleExists(db, role)) ? "alter" : "create";
  await db.query(
    `${verb} role ${r} with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password ${db.escapeLiteral(password)}`,
  );
}

/**
 * For DATABASE_URL alone: a NOLOGIN role the owner's sessions switch to. Returns false (the app
 * then runs as the owner, and says so) when the owner may not create roles.
 */
export async function ensureSwitchRole(db: Queryable, role: string): Promise<boolean> {
  const r = db.escapeIdentifier(role);
  try {
    if (!(await roleExists(db, role)))
      await db.query(
        `create role ${r} nologin nosuperuser nocreatedb nocreaterole noreplication nobypassrls`,
      );
    const [me] = (
      await db.query<{ su: boolean }>("select rolsuper as su from pg_roles where rolname = current_user")
    ).rows;
    if (!me?.su) await db.query(`grant ${r} to current_user`);
    return true;
  } catch {
    return false;
  }
}

/** What the app connects as is not a superuser and owns no table: checked at start. */
export async function checkAppRole(db: Queryable): Promise<string | null> {
  const { rows } = await db.query<{ role: string; su: boolean; owns: boolean }>(
    `select current_user as role, r.rolsuper as su,
            exists (select 1 from pg_tables t where t.schemaname = current_schema() and t.tableowner = current_user) as owns
       from pg_roles r where r.rolname = current_user`,
  );
  const me = rows[0];
  if (!me) return null;
  if (me.su) return `the app's database role ${me.role} is a superuser`;
  if (me.owns) return `the app's database role ${me.role} owns the tables`;
  const { rows: sys } = await db.query<{ all: boolean }>(
    `select pg_has_role(current_user, $1, 'USAGE') as all`,
    [SYSTEM_ROLE],
  );
  if (sys[0]?.all)
    return `the app's database role ${me.role} inherits ${SYSTEM_ROLE}, so it sees every clinic's rows`;
  return null;
}

export type AppCredentials = { user: string; password: string };

/**
 * The embedded app role's credentials, kept in credentials.json (mode 0600) beside the owner's;
 * made on first use.
 */
export async function embeddedAppCredentials(dataDir: string): Promise<AppCredentials> {
  const file = path.join(path.resolve(dataDir), "credentials.json");
  const all = existsSync(file)
    ? (JSON.parse(await readFile(file, "utf8")) as Record<string, unknown> & { app?: AppCredentials })
    : {};
  if (all.app?.user && all.app.password) return all.app;
  const app = { user: APP_ROLE, password: randomBytes(24).toString("base64url") };
  await writeFile(file, `${JSON.stringify({ ...all, app })}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return app;
}

/** `url` with another user and password. */
export function withCredentials(url: string, c: AppCredentials): string {
  const u = new URL(url);
  u.username = encodeURIComponent(c.user);
  u.password = encodeURIComponent(c.password);
  return u.toString();
}
