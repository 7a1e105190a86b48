/**
 * Synthetic people: names drawn from a mixed list (a clinic's patients come from everywhere),
 * contact details that cannot reach anyone (example.net addresses, the UK's 07700 900xxx range
 * reserved for drama), and a birth date that fits the age the clinical model asks for.
 */
import type { Random } from "./random";

const femaleNames = (
  "Amara Anna Aisha Beatriz Chloe Claire Dana Elena Emily Fatima Grace Hannah Ingrid Isabel " +
  "Jasmine Julia Karen Leila Linda Lucy Maria Mei Nadia Niamh Olivia Priya Rosa Ruth Sarah " +
  "Sofia Susan Tamar Yuki Zoe"
).split(" ");

const maleNames = (
  "Adam Ahmed Andrew Ben Carlos Daniel David Emeka Finn George Hiro Ibrahim Jack James Jonas " +
  "Kwame Liam Luca Mark Mateo Michael Noah Omar Paul Peter Rahul Robert Samuel Stefan Thomas " +
  "Tom Wei Yusuf"
).split(" ");

const neutralNames = "Alex Jordan Kai Morgan Robin Sam Taylor".split(" ");

const familyNames = (
  "Adeyemi Ahmed Andersen Baker Brown Campbell Chen Clarke Costa Davies Dubois Evans Fernandez " +
  "Fischer Garcia Green Gupta Hall Hughes Ivanova Jensen Johnson Kaur Khan Kim Kowalski Lee " +
  "Lopez Martin Mensah Moore Murphy Nakamura Nguyen Novak O'Brien Okafor Patel Petrov Robinson " +
  "Rossi Santos Schmidt Silva Singh Smith Taylor Thomas Walker Wang Williams Wilson Wright " +
  "Yilmaz Zhang"
).split(" ");

export type Sex = "female" | "male" | "other" | "unknown";

export type Person = {
  givenName: string;
  familyName: string;
  sex: Sex;
  email: string | null;
  phone: string | null;
};

export function drawSex(rng: Random): Sex {
  return rng.weighted({ female: 52, male: 47, other: 0.5, unknown: 0.5 });
}

/** An address at a reserved domain, unique through the patient number. */
export function emailFor(givenName: string, familyName: string, n: number): string {
  const local = `${givenName}.${familyName}`.toLowerCase().replace(/[^a-z.]/g, "");
  return `${local}.${n}@example.net`;
}

export function drawPerson(rng: Random, sex: Sex, n: number): Person {
  const givenName =
    sex === "female" ? rng.pick(femaleNames) : sex === "male" ? rng.pick(maleNames) : rng.pick(neutralNames);
  const familyName = rng.pick(familyNames);
  return {
    givenName,
    familyName,
    sex,
    email: rng.chance(0.85) ? emailFor(givenName, familyName, n) : null,
    phone: rng.chance(0.7) ? `+44 7700 900${String(rng.int(0, 999)).padStart(3, "0")}` : null,
  };
}

/** A birth day (days since 1970-01-01) for someone `age` whole years old on `onDay`. */
export function birthDayFor(rng: Random, age: number, onDay: number): number {
  return onDay - Math.floor(age * 365.25) - rng.int(1, 364);
}
