/** Imaging studies with findings per spinal level (Pfirrmann, disc height %, Modic): domain/api/imaging.ts. */
import { date, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics, patients } from "../schema";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export type ImagingFindingRow = {
  level: string;
  pfirrmann?: number;
  discHeightPercent?: number;
  modic?: number;
};

export const imagingStudies = pgTable(
  "imaging_studies",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    studyDate: date("study_date").notNull(),
    modality: text("modality", { enum: ["mri", "ct", "xray"] }).notNull(),
    findings: jsonb("findings").$type<ImagingFindingRow[]>().notNull(),
    notes: text("notes"),
    recordedBy: uuid("recorded_by"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index("imaging_patient_idx").on(t.clinicId, t.patientId, t.studyDate)],
);
