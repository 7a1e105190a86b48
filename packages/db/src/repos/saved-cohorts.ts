/**
 * Saved cohorts (schema/research.ts `saved_cohorts`, domain/research/saved-cohort.ts): saving a
 * name again writes the next version beside the old ones, never over them. A clinic sees its own
 * cohorts and every network cohort (a SELECT policy of their own lets network rows through
 * row-level security); only the owning clinic adds versions. Each save is audited with the line
 * that will be printed on figures and exports.
 *
 * The command line, which runs as the system role over every clinic, finds a cohort by name with
 * `findSavedCohort`: the latest version, or a named one; a name two clinics both use is refused as
 * ambiguous rather than guessed.
 */

import { badRequest } from "@evident/domain";
import { cohortFilterSchema, cohortLine, type SaveCohort, type SavedCohort } from "@evident/domain/research";
import { and, desc, eq, inArray, max, or } from "drizzle-orm";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { clinics } from "../schema";
import { savedCohorts } from "../schema/research";
import { audit, inTx, type Scope } from "./scope";

type Row = typeof savedCohorts.$inferSelect;

export function presentSavedCohort(r: Row): SavedCohort {
  return {
    id: r.id,
    clinicId: r.clinicId,
    name: r.name,
    version: r.version,
    scope: r.scope,
    filter: cohortFilterSchema.parse(r.filter),
    createdAt: r.createdAt,
  };
}

/** The latest version of each name, first by name. */
function latestOnly(rows: Row[]): Row[] {
  const seen = new Map<string, Row>();
  for (const r of rows) {
    const key = `${r.clinicId}/${r.name}`;
    const had = seen.get(key);
    if (!had || had.version < r.version) seen.set(key, r);
  }
  return [...seen.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.clinicId.localeCompare(b.clinicId),
  );
}

export function savedCohortRepository(db: Db, scope: Scope) {
  const visible = or(eq(savedCohorts.clinicId, scope.clinicId), eq(savedCohorts.scope, "network"));

  /** Saves `input` as the next version of its name in this clinic (version 1 if new). */
  async function save(input: SaveCohort): Promise<SavedCohort> {
    const asked = input.filter.clinicIds ?? [];
    if (asked.length > 0) {
      const known = await db.select({ id: clinics.id }).from(clinics).where(inArray(clinics.id, asked));
      const unknown = asked.filter((id) => !known.some((k) => k.id === id));
      if (unknown.length > 0) throw badRequest(`no clinic with id ${unknown.join(", ")}`, "filter.clinicIds");
    }
    return inTx(db, async (tx) => {
      const [{ last } = { last: null }] = await tx
        .select({ last: max(savedCohorts.version) })
        .from(savedCohorts)
        .where(and(eq(savedCohorts.clinicId, scope.clinicId), eq(savedCohorts.name, input.name)));
      const [row] = await tx
        .insert(savedCohorts)
        .values({
          id: uuidv7(),
          clinicId: scope.clinicId,
          name: input.name,
          version: (last ?? 0) + 1,
          scope: input.scope,
          filter: input.filter,
          createdBy: scope.actor.kind === "staff" ? scope.actor.id : null,
          createdAt: scope.now(),
        })
        .returning();
      const saved = presentSavedCohort(row!);
      await audit(tx, scope, {
        action: "save",
        entityType: "cohort",
        entityId: saved.id,
        detail: { name: saved.name, version: saved.version, scope: saved.scope, line: cohortLine(saved) },
      });
      return saved;
    });
  }

  /** The latest version of every cohort this clinic can use (its own and the network's). */
  async function list(): Promise<SavedCohort[]> {
    const rows = await db.select().from(savedCohorts).where(visible);
    return latestOnly(rows).map(presentSavedCohort);
  }

  /** Every version of one of this clinic's (or the network's) cohorts, newest first. */
  async function versions(id: string): Promise<SavedCohort[]> {
    const found = await one(id);
    if (!found) return [];
    const rows = await db
      .select()
      .from(savedCohorts)
      .where(and(eq(savedCohorts.clinicId, found.clinicId), eq(savedCohorts.name, found.name)))
      .orderBy(desc(savedCohorts.version));
    return rows.map(presentSavedCohort);
  }

  /** One version, by its id (null: none this clinic can see). */
  async function one(id: string): Promise<SavedCohort | null> {
    const [row] = await db
      .select()
      .from(savedCohorts)
      .where(and(visible, eq(savedCohorts.id, id)));
    return row ? presentSavedCohort(row) : null;
  }

  return { save, list, versions, one };
}

export type CohortLookup =
  | { found: SavedCohort }
  | { problem: "unknown" | "ambiguous" | "no-such-version"; clinics?: string[] };

/**
 * Finds a cohort by name over every clinic (the system role's database): the latest version, or
 * `version` when given. A name saved by two clinics is ambiguous unless only one is network-wide.
 */
export async function findSavedCohort(db: Db, name: string, version?: number): Promise<CohortLookup> {
  const rows = await db.select().from(savedCohorts).where(eq(savedCohorts.name, name.trim()));
  if (rows.length === 0) return { problem: "unknown" };
  let owners = [...new Set(rows.map((r) => r.clinicId))];
  if (owners.length > 1) {
    const network = [...new Set(rows.filter((r) => r.scope === "network").map((r) => r.clinicId))];
    if (network.length !== 1) return { problem: "ambiguous", clinics: owners };
    owners = network;
  }
  const mine = rows.filter((r) => r.clinicId === owners[0]);
  const pick = version === undefined ? latestOnly(mine)[0] : mine.find((r) => r.version === version);
  return pick ? { found: presentSavedCohort(pick) } : { problem: "no-such-version" };
}
