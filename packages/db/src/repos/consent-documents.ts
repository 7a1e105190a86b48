/**
 * A clinic's consent documents (schema/consent.ts, domain/consent): publishing the next version
 * of a document renders it in every language from the template in force, the clinic's name and
 * price, and stores each with its canonical text and that text's SHA-256 — new rows, never an
 * update (a trigger refuses one). The current version of a document is its highest.
 */
import { createHash } from "node:crypto";
import { notFound } from "@evident/domain";
import type { ConsentDocumentView } from "@evident/domain/api";
import {
  type ConsentDocumentContent,
  type ConsentLanguage,
  type ConsentPrice,
  type ConsentPurpose,
  canonicalText,
  consentDocument,
  consentLanguages,
} from "@evident/domain/consent";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { clinics } from "../schema";
import { consentDocuments } from "../schema/consent";
import { whereClinic } from "../tenancy";
import { audit, inTx, type Scope } from "./scope";

/** SHA-256 of a document's canonical text (UTF-8), as hex. */
export const consentHash = (canonical: string): string =>
  createHash("sha256").update(canonical, "utf8").digest("hex");

type DocumentRow = typeof consentDocuments.$inferSelect;

export function presentDocument(d: DocumentRow): ConsentDocumentView {
  const c = d.content as unknown as ConsentDocumentContent;
  return {
    id: d.id,
    purpose: d.purpose,
    treatmentKind: d.treatmentKind,
    language: d.language,
    version: d.version,
    templateVersion: d.templateVersion,
    title: c.title,
    sections: c.sections.map((s) => ({ ...s, sources: [...s.sources] })),
    confirmation: c.confirmation,
    sha256: d.sha256,
    price: d.price ?? null,
    publishedAt: d.publishedAt.toISOString(),
  };
}

/** The clinic's current documents (the highest version of each purpose, kind and language). */
export async function currentDocuments(tx: Executor, clinicId: string, language?: ConsentLanguage) {
  const rows = await tx
    .selectDistinctOn([consentDocuments.purpose, consentDocuments.treatmentKind, consentDocuments.language])
    .from(consentDocuments)
    .where(
      and(
        eq(consentDocuments.clinicId, clinicId),
        language ? eq(consentDocuments.language, language) : undefined,
      ),
    )
    .orderBy(
      consentDocuments.purpose,
      consentDocuments.treatmentKind,
      consentDocuments.language,
      sql`${consentDocuments.version} desc`,
    );
  return rows;
}

/** The current version of a procedure consent for `kind` (null: none published). */
export async function currentVersion(
  tx: Executor,
  clinicId: string,
  purpose: ConsentPurpose,
  kind: string | null,
): Promise<number | null> {
  const { rows } = await tx.execute<{ v: number | null }>(sql`
    select max(d.version)::int as v from consent_documents d
    where d.clinic_id = ${clinicId} and d.purpose = ${purpose}
      and d.treatment_kind is not distinct from ${kind}`);
  return rows[0]?.v ?? null;
}

export function consentDocumentRepository(db: Db, scope: Scope) {
  /** The next version of one document, in every language; audited. */
  async function publish(input: {
    purpose: ConsentPurpose;
    treatmentKind?: string | undefined;
    price?: ConsentPrice | undefined;
  }): Promise<ConsentDocumentView[]> {
    return inTx(db, async (tx) => {
      const [clinic] = await tx
        .select({ name: clinics.name })
        .from(clinics)
        .where(eq(clinics.id, scope.clinicId));
      if (!clinic) throw notFound("clinic");
      const kind = input.purpose === "procedure" ? (input.treatmentKind ?? null) : null;
      // One publisher at a time per clinic, so two cannot take the same version number.
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext('consent-documents:' || ${scope.clinicId}))`,
      );
      const version = ((await currentVersion(tx, scope.clinicId, input.purpose, kind)) ?? 0) + 1;
      const now = scope.now();
      const rows = consentLanguages.map((language) => {
        const content = consentDocument({
          purpose: input.purpose,
          treatmentKind: kind,
          language,
          clinicName: clinic.name,
          price: input.price ?? null,
        });
        const canonical = canonicalText(content);
        return {
          id: uuidv7(),
          clinicId: scope.clinicId,
          purpose: input.purpose,
          treatmentKind: kind,
          language,
          version,
          templateVersion: content.templateVersion,
          content: content as unknown as Record<string, unknown>,
          canonicalText: canonical,
          sha256: consentHash(canonical),
          price: input.price ?? null,
          publishedBy: scope.actor.kind === "staff" ? scope.actor.id : null,
          publishedAt: now,
        };
      });
      const inserted = await tx.insert(consentDocuments).values(rows).returning();
      await audit(tx, scope, {
        action: "publish",
        entityType: "consent-document",
        entityId: inserted[0]!.id,
        detail: {
          purpose: input.purpose,
          treatmentKind: kind,
          version,
          documents: inserted.map((d) => ({ id: d.id, language: d.language, sha256: d.sha256 })),
          ...(input.price ? { price: input.price } : {}),
        },
      });
      return inserted.map(presentDocument);
    });
  }

  async function current(): Promise<ConsentDocumentView[]> {
    return inTx(db, async (tx) => (await currentDocuments(tx, scope.clinicId)).map(presentDocument));
  }

  /** One document, any version (a signature names the version it was given). */
  async function get(id: string): Promise<ConsentDocumentView> {
    const [d] = await db
      .select()
      .from(consentDocuments)
      .where(and(whereClinic(consentDocuments, scope), eq(consentDocuments.id, id)));
    if (!d) throw notFound("consent document");
    return presentDocument(d);
  }

  return { publish, current, get };
}
