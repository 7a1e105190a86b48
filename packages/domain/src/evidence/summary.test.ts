import { describe, expect, it } from "vitest";
import { findOption } from "./catalogue";
import { decisionSummary, fittingOptions, importantValues } from "./summary";
import { isWellTested, valuesClarification, valuesServedBy } from "./values";

const values = { "avoid-surgery": 4, "fast-relief": 1, "avoid-procedures": 3, "low-cost": 0, certainty: 2 };

describe("the decision summary", () => {
  it("counts 'a lot' and 'very much' as what matters most", () => {
    expect(importantValues(values)).toEqual(["avoid-surgery", "avoid-procedures"]);
  });
  it("lines up only options that fit every important value, and none when nothing is important", () => {
    const fits = fittingOptions(values);
    expect(fits.length).toBeGreaterThan(0);
    for (const o of fits)
      expect(valuesServedBy(o)).toEqual(expect.arrayContaining(["avoid-surgery", "avoid-procedures"]));
    expect(fits.some((o) => o.group === "surgery" || o.group === "cell-therapy")).toBe(false);
    expect(fittingOptions({ "avoid-surgery": 2 })).toEqual([]);
  });
  it("never lines opioids up as well-tested care, whatever the values chosen", () => {
    const ids = valuesClarification.values.map((v) => v.id);
    let withCertainty = 0;
    // Every one of the 5^5 ways to rate the five values.
    for (let code = 0; code < 5 ** ids.length; code++) {
      const rated = Object.fromEntries(ids.map((id, i) => [id, Math.floor(code / 5 ** i) % 5]));
      if (!importantValues(rated).includes("certainty")) continue;
      withCertainty++;
      const fits = fittingOptions(rated).map((o) => o.id);
      expect(fits).not.toContain("opioids");
      for (const id of fits) expect(isWellTested(findOption(id)!), id).toBe(true);
    }
    expect(withCertainty).toBe(2 * 5 ** 4);
  });

  it("names the choice with its numbers, and says nothing of an option for 'not sure'", () => {
    const base = {
      values,
      questions: null,
      contentVersion: "c1",
      valuesVersion: "v1",
      decidedAt: "2026-11-22T10:00:00Z",
    };
    const bmc = decisionSummary({ ...base, choice: "bone-marrow-concentrate" });
    expect(bmc.choice?.frequencies).toMatch(
      /After 12 months: Bone marrow shot: 44 of 100 had their pain cut by half or more; 56 did not \(45 people in this group, likely 31 to 59\)\. Fake shot: 56 of 100 .*; 44 did not \(18 people/,
    );
    expect(bmc.choice?.status).toMatch(/not FDA-approved for back pain/i);
    expect(bmc.values[0]).toEqual({ statement: "Avoiding an operation", rating: "Very much" });
    expect(decisionSummary({ ...base, choice: "unsure" }).choice).toBeNull();
  });
  it("says the same in Spanish: the same choice, numbers and fitting options, in Spanish words", () => {
    const base = {
      values,
      questions: "¿Es seguro?",
      contentVersion: "c1",
      valuesVersion: "v1",
      decidedAt: "2026-11-22T10:00:00Z",
    };
    const en = decisionSummary({ ...base, choice: "bone-marrow-concentrate" });
    const es = decisionSummary({ ...base, choice: "bone-marrow-concentrate" }, "es");
    expect(es.lang).toBe("es");
    expect(es.title).toBe("Mis opciones para el dolor de espalda: resumen");
    expect(es.choice?.frequencies).toMatch(
      /A los 12 meses: Inyección de médula ósea: 44 de cada 100 vieron bajar su dolor a la mitad o más; 56 no \(45 personas en este grupo, lo más probable, de 31 a 59\)\. Inyección falsa: 56 de cada 100 .*; 44 no/,
    );
    expect(es.choice?.status).toMatch(/No está aprobado por la FDA para el dolor de espalda/);
    expect(es.values[0]).toEqual({ statement: "No tener que operarme", rating: "Muchísimo" });
    expect(es.fitting).toHaveLength(en.fitting.length);
    expect(es.fitting).not.toEqual(en.fitting);
    expect(es.versions).toBe("Guardado el 2026-11-22 · versión de la guía c1 · versión de las preguntas v1");
    expect(es.questions).toBe("¿Es seguro?");
    expect(decisionSummary({ ...base, choice: "unsure" }, "es").leaning).toBe("Aún no lo sé");
  });
});
