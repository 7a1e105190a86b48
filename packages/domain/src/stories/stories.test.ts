import { describe, expect, it } from "vitest";
import { readingGrade, SPANISH_MIN_PERSPICUITY, spanishPerspicuity } from "../readability";
import { findIdentifiers, storyIdentifierIssues } from "./deidentify";
import { storyOrder, storyOutcomeWords, storyWords } from "./selection";

const patient = {
  givenName: "María José",
  familyName: "García-Núñez",
  birthDate: "1961-03-12",
  email: "mj.garcia@example.test",
  phone: "+1 (555) 201-7788",
};
const kinds = (text: string) => findIdentifiers(text, patient).map((f) => f.kind);

describe("the story de-identification check", () => {
  it("passes a story that tells what happened without saying who", () => {
    const text =
      "A woman in her sixties had back pain for three years. After the injection her pain went from 7 to 6 out of 10 at 12 months, and she still could not garden. She said: I hoped for more.";
    expect(findIdentifiers(text, patient)).toEqual([]);
    expect(storyIdentifierIssues(text, patient)).toEqual([]);
  });

  it("refuses the patient's own given or family name, whatever the case and accents", () => {
    expect(kinds("Maria had pain for years.")).toEqual(["name"]);
    expect(kinds("The GARCIA family helped.")).toEqual(["name"]);
    expect(kinds("Nuñez went back to work.")).toEqual(["name"]);
    expect(kinds("María José García-Núñez")).toContain("name");
    // A name inside another word is not the name.
    expect(kinds("Marianne's garden")).toEqual([]);
  });

  it("refuses a person named by title", () => {
    expect(kinds("Mr. Hollis drove her to the clinic.")).toEqual(["name"]);
    expect(kinds("La Sra. Pérez la acompañó.")).toEqual(["name"]);
  });

  it("refuses the date of birth in any common form, and any day-and-month date", () => {
    expect(kinds("born 12/03/1961")).toContain("date");
    expect(kinds("born 3/12/61")).toContain("date");
    expect(kinds("born 1961-03-12")).toEqual(["date"]);
    expect(kinds("on March 12, 1961")).toEqual(["date"]);
    expect(kinds("el 12 de marzo de 1961")).toEqual(["date"]);
    expect(kinds("treated on 4th June")).toEqual(["date"]);
    // A year alone, a month alone, or a duration is not an identifying date.
    expect(kinds("In 2023 the pain got worse in May, for 6 weeks.")).toEqual([]);
  });

  it("refuses phone numbers and e-mail addresses", () => {
    expect(kinds("Call me on 555-201-7788")).toEqual(["phone"]);
    expect(kinds("call +34 612 34 56 78")).toEqual(["phone"]);
    expect(kinds("write to someone@mail.example.org")).toEqual(["email"]);
    expect(kinds("Pain 7 to 3, ODI 48 to 22, 12 months")).toEqual([]);
  });

  it("refuses street addresses, in English and Spanish", () => {
    expect(kinds("She lives at 42 Old Mill Road now.")).toEqual(["address"]);
    expect(kinds("Vive en la Calle Mayor 5.")).toEqual(["address"]);
    expect(kinds("en Avenida de la Paz, 12")).toEqual(["address"]);
  });

  it("names the field and what was found in each issue", () => {
    const issues = storyIdentifierIssues("Maria, 555 201 7788", patient);
    expect(issues.map((i) => i.path)).toEqual(["text", "text"]);
    expect(issues[0]?.message).toMatch(/a name .*"Maria"/);
    expect(issues[1]?.message).toMatch(/a phone number/);
  });
});

describe("the stories' stated order", () => {
  it("is by publication time, oldest first, the id breaking ties, never the result", () => {
    const s = [
      { id: "b", publishedAt: "2026-02-01T10:00:00.000Z", good: true },
      { id: "c", publishedAt: "2026-01-01T10:00:00.000Z", good: false },
      { id: "a", publishedAt: "2026-02-01T10:00:00.000Z", good: false },
    ];
    expect(storyOrder(s).map((x) => x.id)).toEqual(["c", "a", "b"]);
  });
});

describe("the words patients read above and beside the stories", () => {
  it("read at grade 8 or below in English, and at INFLESZ 55 or above in Spanish", () => {
    // The label ("One person's experience, not evidence") is a fixed phrase of five words, too short
    // for a reading formula to mean anything; the rule and the empty message are sentences.
    for (const key of ["rule", "none"] as const) {
      expect(readingGrade(storyWords.en[key]), key).toBeLessThanOrEqual(8);
      expect(spanishPerspicuity(storyWords.es[key]), key).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY);
    }
  });

  it("say the numbers as the patient's own, before and after, with when", () => {
    const o = { baseline: { score: 6, timepoint: "baseline" }, latest: { score: 8, timepoint: "3m" } };
    expect(storyOutcomeWords(o, "en")).toBe("6 before treatment → 8 at 3 months");
    expect(storyOutcomeWords(o, "es")).toBe("6 antes del tratamiento → 8 a los 3 meses");
    expect(storyOutcomeWords({ ...o, latest: null }, "en")).toBe(
      "6 before treatment → no answer after treatment yet",
    );
  });
});
