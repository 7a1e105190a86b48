/**
 * Treatment names in Spanish, kind for kind (the English ones are the catalogue's labels): the
 * portal's recovery page and the printed progress report read them.
 */
import type { TreatmentKind } from "./treatments";

export const treatmentNamesEs: Record<TreatmentKind, string> = {
  exercise_physiotherapy: "Ejercicio / fisioterapia",
  medication: "Medicinas",
  epidural_steroid_injection: "Inyección epidural de corticoides",
  bone_marrow_concentrate: "Inyección de concentrado de médula ósea",
  adipose_derived_cells: "Inyección de células de grasa",
  discectomy: "Discectomía",
  fusion: "Fusión de columna",
  other: "Otro tratamiento",
  advice_self_management: "Consejos y autocuidado",
  pilates_yoga: "Pilates o yoga",
  psychological_programme: "Programa psicológico (p. ej., terapia cognitivo-conductual)",
  spinal_manipulation: "Manipulación de la columna",
  massage: "Masaje",
  acupuncture: "Acupuntura",
  heat_therapy: "Tratamiento con calor",
  radiofrequency_denervation: "Tratamiento con calor de los nervios (radiofrecuencia)",
  platelet_rich_plasma: "Inyección de plasma rico en plaquetas (PRP)",
  cultured_or_donor_cells: "Inyección de células de cultivo o de donante",
};
