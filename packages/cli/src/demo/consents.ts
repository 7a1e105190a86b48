/**
 * The demo's e-consent (domain/consent): each clinic published version 1 of its consent documents
 * when it opened — a procedure consent for every investigational kind, with a demo price, and the
 * registry/research and story consents, in English and Spanish — and every demo patient who had a
 * cell therapy or PRP signed its procedure consent in the portal a week before the first one, so
 * each such treatment rests on a signed consent as the app's consent gate asks. Every patient
 * signed the research consent when they joined; none has withdrawn it, so no demo figure moves.
 * Ids are derived from what they name (md5), so the same demo gives the same rows.
 * Run after the bulk load (its triggers back on): the treatments' update queues their slices,
 * which the demo's summary rebuild then empties.
 */

import { createHash } from "node:crypto";
import { consentHash } from "@evident/db";
import {
  type ConsentPurpose,
  canonicalText,
  consentDocument,
  consentKinds,
  consentLanguages,
} from "@evident/domain/consent";
import type pg from "pg";

/**
 * A UUID derived from a name: its MD5 with the version (5, name-based) and RFC 9562 variant bits
 * set, so it is a valid UUID; the SQL below derives the consents' ids the same way (`nameUuidSql`).
 */
const nameUuid = (name: string) => {
  const h = createHash("md5").update(name).digest("hex");
  const v = `${h.slice(0, 12)}5${h.slice(13, 16)}8${h.slice(17)}`;
  return v.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");
};
const nameUuidSql = (expr: string) =>
  `overlay(overlay(md5(${expr}) placing '5' from 13) placing '8' from 17)::uuid`;

/** Demo prices (US dollars), in the range the decision aid's sources report for such clinics. */
const DEMO_PRICES: Record<string, number> = {
  bone_marrow_concentrate: 6500,
  adipose_derived_cells: 8900,
  cultured_or_donor_cells: 15000,
  platelet_rich_plasma: 1200,
};

export async function writeDemoConsents(
  client: pg.PoolClient,
  clinicIds: readonly string[],
): Promise<number> {
  const documents: { purpose: ConsentPurpose; kind: string | null }[] = [
    ...consentKinds.map((kind) => ({ purpose: "procedure" as const, kind })),
    { purpose: "research", kind: null },
    { purpose: "story", kind: null },
  ];
  for (const clinicId of clinicIds) {
    const { rows } = await client.query<{ name: string; created_at: Date }>(
      "select name, created_at from clinics where id = $1",
      [clinicId],
    );
    const clinic = rows[0]!;
    for (const d of documents)
      for (const language of consentLanguages) {
        const price = d.kind ? { amount: DEMO_PRICES[d.kind] ?? 5000, currency: "USD" } : null;
        const content = consentDocument({
          purpose: d.purpose,
          treatmentKind: d.kind,
          language,
          clinicName: clinic.name,
          price,
        });
        const canonical = canonicalText(content);
        await client.query(
          `insert into consent_documents (id, clinic_id, purpose, treatment_kind, language, version, template_version,
             content, canonical_text, sha256, price, published_by, published_at)
           values ($11, $1, $2, $3, $4, 1, $5, $6, $7, $8, $9, null, $10)`,
          [
            clinicId,
            d.purpose,
            d.kind,
            language,
            content.templateVersion,
            JSON.stringify(content),
            canonical,
            consentHash(canonical),
            price ? JSON.stringify(price) : null,
            clinic.created_at,
            nameUuid(`consent-document:${clinicId}:${d.purpose}:${d.kind ?? ""}:${language}`),
          ],
        );
      }
  }
  const signed = await client.query(
    `with first as (
       select t.clinic_id, t.patient_id, t.kind,
              min(least(t.created_at, t.treatment_date::timestamp at time zone c.time_zone)) - interval '7 days' as at
       from treatments t join clinics c on c.id = t.clinic_id
       where t.kind = any($1::text[]) and t.clinic_id = any($2::uuid[])
       group by 1, 2, 3
     )
     insert into consents (id, clinic_id, patient_id, document_id, purpose, treatment_kind, version, language, sha256,
                           method, typed_name, teach_back_rounds, signed_at)
     select ${nameUuidSql("'consent:' || f.patient_id || f.kind")}, f.clinic_id, f.patient_id, d.id, 'procedure', f.kind, 1, 'en', d.sha256,
            'portal', p.given_name || ' ' || p.family_name, 1, f.at
     from first f
     join patients p on p.id = f.patient_id
     join consent_documents d on d.clinic_id = f.clinic_id and d.purpose = 'procedure'
       and d.treatment_kind = f.kind and d.language = 'en' and d.version = 1`,
    [consentKinds, clinicIds],
  );
  await client.query(
    `update treatments t set consent = jsonb_build_object(
       'basis', 'signed', 'consentId', c.id, 'version', c.version, 'method', c.method,
       'signedOn', (c.signed_at at time zone k.time_zone)::date::text)
     from consents c, clinics k
     where c.patient_id = t.patient_id and c.purpose = 'procedure' and c.treatment_kind = t.kind
       and k.id = t.clinic_id and t.clinic_id = any($1::uuid[])`,
    [clinicIds],
  );
  const research = await client.query(
    `insert into consents (id, clinic_id, patient_id, document_id, purpose, treatment_kind, version, language, sha256,
                           method, typed_name, signed_at)
     select ${nameUuidSql("'consent:' || p.id || 'research'")}, p.clinic_id, p.id, d.id, 'research', null, 1, 'en', d.sha256,
            'portal', p.given_name || ' ' || p.family_name, greatest(p.created_at, d.published_at)
     from patients p
     join consent_documents d on d.clinic_id = p.clinic_id and d.purpose = 'research' and d.language = 'en'
     where p.clinic_id = any($1::uuid[])`,
    [clinicIds],
  );
  return (signed.rowCount ?? 0) + (research.rowCount ?? 0);
}
