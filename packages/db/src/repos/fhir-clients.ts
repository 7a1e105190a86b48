/**
 * SMART Backend Services clients (schema/fhir.ts): registered per clinic with their public keys,
 * listed and revoked by the clinic's administrators, looked up by the token endpoint. Every
 * registration, revocation and token issued is an audit event in the clinic's chain.
 */
import { conflict, notFound } from "@evident/domain";
import { and, desc, eq, lt } from "drizzle-orm";
import { appendAudit } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { fhirClientAssertions, fhirClients } from "../schema/fhir";
import type { CreatedBy } from "./clinics";
import { audit, inTx, type Scope } from "./scope";

export type FhirClientRow = typeof fhirClients.$inferSelect;
export type FhirClientView = {
  clientId: string;
  name: string;
  jwksUrl: string | null;
  keys: number;
  createdAt: string;
  revokedAt: string | null;
};

const present = (r: FhirClientRow): FhirClientView => ({
  clientId: r.id,
  name: r.name,
  jwksUrl: r.jwksUrl,
  keys: r.jwks?.keys.length ?? 0,
  createdAt: r.createdAt.toISOString(),
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

/** Registers a client of `clinicId` (the command line, or an administrator). */
export async function addFhirClient(
  db: Db,
  input: {
    clinicId: string;
    name: string;
    jwks: { keys: Record<string, unknown>[] } | null;
    jwksUrl: string | null;
  },
  by: CreatedBy,
  now: Date,
): Promise<{ clientId: string }> {
  const id = uuidv7();
  await inTx(db, async (tx) => {
    await tx.insert(fhirClients).values({
      id,
      clinicId: input.clinicId,
      name: input.name,
      jwks: input.jwks,
      jwksUrl: input.jwksUrl,
      createdBy: by.actorKind === "staff" ? by.actorId : null,
      createdAt: now,
    });
    await appendAudit(tx, {
      at: now,
      actorKind: by.actorKind,
      actorId: by.actorId,
      clinicId: input.clinicId,
      patientId: null,
      action: "create",
      entityType: "fhir-client",
      entityId: id,
      requestId: by.requestId ?? null,
      detail: { name: input.name, keys: input.jwks?.keys.length ?? 0, jwksUrl: input.jwksUrl },
    });
  });
  return { clientId: id };
}

/** The client named by an assertion's `iss`, whatever its clinic (the token endpoint's lookup). */
export async function findFhirClient(db: Db, id: string): Promise<FhirClientRow | null> {
  const [r] = await db.select().from(fhirClients).where(eq(fhirClients.id, id));
  return r ?? null;
}

/**
 * Records an assertion's `jti` until it expires; a second use of the same `jti` by the client is
 * refused (409) by the primary key, on whichever server it arrives. Expired ones are cleared.
 */
export async function recordAssertion(
  db: Db,
  client: { id: string; clinicId: string },
  jti: string,
  expiresAt: Date,
  now: Date,
) {
  await db.delete(fhirClientAssertions).where(lt(fhirClientAssertions.expiresAt, now));
  const inserted = await db
    .insert(fhirClientAssertions)
    .values({ clinicId: client.clinicId, clientId: client.id, jti, expiresAt })
    .onConflictDoNothing()
    .returning({ jti: fhirClientAssertions.jti });
  if (inserted.length === 0)
    throw conflict("this client assertion (jti) was used before", "client_assertion");
}

/** Administrators' view of their clinic's clients, and the audit of tokens issued. */
export function fhirClientRepository(db: Db, scope: Scope) {
  const inClinic = eq(fhirClients.clinicId, scope.clinicId);
  return {
    async list(): Promise<FhirClientView[]> {
      const rows = await db.select().from(fhirClients).where(inClinic).orderBy(desc(fhirClients.createdAt));
      return rows.map(present);
    },
    async revoke(id: string): Promise<FhirClientView> {
      return inTx(db, async (tx) => {
        const [r] = await tx
          .update(fhirClients)
          .set({ revokedAt: scope.now(), revokedBy: scope.actor.kind === "staff" ? scope.actor.id : null })
          .where(and(inClinic, eq(fhirClients.id, id)))
          .returning();
        if (!r) throw notFound("FHIR client");
        await audit(tx, scope, { action: "revoke", entityType: "fhir-client", entityId: id });
        return present(r);
      });
    },
    async tokenIssued(scopeGranted: string, expiresAt: Date): Promise<void> {
      await inTx(db, (tx) =>
        audit(tx, scope, {
          action: "token",
          entityType: "fhir-client",
          entityId: scope.actor.id,
          detail: { scope: scopeGranted, expiresAt: expiresAt.toISOString() },
        }),
      );
    },
  };
}
