/**
 * Is a patient's story free of what could identify them? Staff write the story in their own words;
 * before it is saved or published this check refuses the identifiers most often left in by
 * accident: the patient's own names (and any "Mr./Sra. Someone"), dates (a date of birth, or any
 * day-and-month date: HIPAA Safe Harbor, 45 CFR 164.514(b)(2), treats every date element but the
 * year as identifying), phone numbers, e-mail addresses, and street addresses. It cannot prove a
 * text anonymous — a clinician reads every story before it is published — but it catches the
 * obvious. Matching ignores case and accents, so "GARCÍA" and "garcia" are both the patient's name.
 */
import type { Issue } from "../errors";

export type StoryPatient = {
  givenName: string;
  familyName: string;
  /** yyyy-mm-dd */
  birthDate: string;
  email?: string | null;
  phone?: string | null;
};

export type IdentifierKind = "name" | "date" | "phone" | "email" | "address";

export type FoundIdentifier = { kind: IdentifierKind; match: string };

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const monthsEn = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const monthsEs = [
  "enero",
  "febrero",
  "marzo",
  "abril",
  "mayo",
  "junio",
  "julio",
  "agosto",
  "septiembre",
  "octubre",
  "noviembre",
  "diciembre",
];
const monthShort = monthsEn.map((m) => m.slice(0, 3)).concat(["sept"]);
const month = `(?:${[...monthsEn, ...monthsEs, ...monthShort].join("|")})\\.?`;

/** Patterns on the folded (lower-case, accentless) text. */
const patterns: { kind: IdentifierKind; re: RegExp }[] = [
  { kind: "email", re: /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/g },
  // 12/03/1961, 3-12-61, 1961-03-12, 12.3.1961
  { kind: "date", re: /\b(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2})\b/g },
  // March 3, 1961 · March 3rd · 3 March 1961 · 3 de marzo (de 1961)
  {
    kind: "date",
    re: new RegExp(
      `\\b(?:${month}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+|de\\s+)?${month}(?:,?\\s+(?:de(?:l)?\\s+)?\\d{4})?)`,
      "g",
    ),
  },
  // Seven or more digits, optionally with +, spaces, dots, dashes and brackets between them.
  { kind: "phone", re: /\+?\(?\d(?:[\s().-]{0,2}\d){6,}/g },
  // 12 Elm Street · 4410 North Oak Ave · 221b Baker St
  {
    kind: "address",
    re: /\b\d{1,5}[a-z]?\s+(?:[a-z][a-z'.-]*\s+){1,4}(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|court|ct|way|place|pl|terrace|circle|highway|hwy)\b\.?/g,
  },
  // Calle Mayor 5 · Avenida de la Paz, 12 · c/ Alcalá 20
  {
    kind: "address",
    re: /\b(?:calle|c\/|avenida|avda\.?|plaza|paseo|camino|carretera|carrera|ronda)\s+(?:[a-z'.-]+,?\s+){1,5}(?:n[o.º°]*\s*)?\d{1,5}\b/g,
  },
  // Mr Smith · Mrs. Lee · Sra. García · Don Pedro
  { kind: "name", re: /\b(?:mr|mrs|ms|miss|sr|sra|srta|dona|don)\.?\s+[a-z][a-z'-]+/g },
];

/** The parts of a name worth looking for: the whole name, and each part of three letters or more. */
function nameParts(p: StoryPatient): string[] {
  const whole = [p.givenName, p.familyName].map((n) => fold(n).trim()).filter((n) => n.length > 0);
  const parts = whole.flatMap((n) => n.split(/[\s-]+/)).filter((n) => n.length >= 3);
  return [...new Set([...whole, ...parts])];
}

/** The date of birth written the common ways (12/03/1961, 3/12/61, 1961-03-12, "March 12, 1961"). */
function birthDateForms(birthDate: string): string[] {
  const [y, m, d] = birthDate.split("-");
  if (!y || !m || !d) return [];
  const mi = Number(m);
  const di = Number(d);
  const yy = y.slice(2);
  const forms = [birthDate];
  for (const sep of ["/", "-", "."])
    for (const [a, b] of [
      [m, d],
      [d, m],
      [String(mi), String(di)],
      [String(di), String(mi)],
    ])
      forms.push(`${a}${sep}${b}${sep}${y}`, `${a}${sep}${b}${sep}${yy}`);
  return forms;
}

const digits = (s: string) => s.replace(/\D/g, "");

/**
 * Every identifier the check finds in `text`, in the order they occur (each kind and match once).
 * The patient's own name, e-mail, phone and date of birth are looked for as they are on record.
 */
export function findIdentifiers(text: string, patient: StoryPatient): FoundIdentifier[] {
  const folded = fold(text);
  const found: (FoundIdentifier & { at: number })[] = [];
  const add = (kind: IdentifierKind, at: number, length: number) =>
    found.push({ kind, match: text.slice(at, at + length).trim(), at });
  for (const part of nameParts(patient)) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${literal(part)}(?![\\p{L}\\p{N}])`, "gu");
    for (const m of folded.matchAll(re)) add("name", m.index, m[0].length);
  }
  for (const form of birthDateForms(patient.birthDate)) {
    const re = new RegExp(`(?<!\\d)${literal(form)}(?!\\d)`, "g");
    for (const m of folded.matchAll(re)) add("date", m.index, m[0].length);
  }
  if (patient.email) {
    const at = folded.indexOf(fold(patient.email));
    if (at >= 0) add("email", at, patient.email.length);
  }
  for (const { kind, re } of patterns) for (const m of folded.matchAll(re)) add(kind, m.index, m[0].length);
  const phone = digits(patient.phone ?? "");
  if (phone.length >= 7 && digits(text).includes(phone.slice(-7)) && !found.some((f) => f.kind === "phone"))
    found.push({ kind: "phone", match: patient.phone ?? "", at: folded.length });
  // A date's digits also look like a phone number: a phone match inside a date is the date.
  const dates = found.filter((f) => f.kind === "date");
  const kept = found.filter(
    (f) =>
      f.kind !== "phone" ||
      !dates.some((d) => f.at >= d.at && f.at + f.match.length <= d.at + d.match.length + 1),
  );
  const seen = new Set<string>();
  return kept
    .sort((a, b) => a.at - b.at)
    .filter((f) => {
      const key = `${f.kind} ${fold(f.match)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(({ kind, match }) => ({ kind, match }));
}

const what: Record<IdentifierKind, string> = {
  name: "a name (the patient's, or a person named by title)",
  date: "a date (a date of birth, or a day and month)",
  phone: "a phone number",
  email: "an e-mail address",
  address: "a street address",
};

/**
 * The check as field issues: one per identifier found, under `path` (the story's text). An empty
 * list means the check passed.
 */
export function storyIdentifierIssues(text: string, patient: StoryPatient, path = "text"): Issue[] {
  return findIdentifiers(text, patient).map((f) => ({
    path,
    message: `contains ${what[f.kind]}: "${f.match}". Take it out, or write around it, so no one can tell who this is`,
  }));
}
