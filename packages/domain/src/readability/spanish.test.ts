import { describe, expect, it } from "vitest";
import {
  countSyllablesEs,
  SPANISH_MIN_PERSPICUITY,
  spanishPerspicuity,
  spanishReadingStats,
} from "./spanish";

describe("countSyllablesEs", () => {
  // Dictionary syllabification (RAE); each line exercises one rule.
  it.each([
    ["y", 1], // the conjunction is a vowel
    ["sol", 1],
    ["dolor", 2], // do-lor
    ["espalda", 3], // es-pal-da
    ["murciélago", 4], // mur-cié-la-go: closed + accented open is a diphthong
    ["ciudad", 2], // ciu-dad: two different closed vowels
    ["cuidado", 3], // cui-da-do
    ["país", 2], // pa-ís: accented í breaks it
    ["día", 2], // dí-a
    ["leer", 2], // le-er: two open vowels
    ["aéreo", 4], // a-é-re-o
    ["que", 1], // silent u
    ["guitarra", 3], // gui-ta-rra
    ["agua", 2], // a-gua: u sounds before a
    ["pingüino", 3], // pin-güi-no
    ["hoy", 1], // final y after a vowel
    ["muy", 1],
    ["ayuda", 3], // a-yu-da: y before a vowel is a consonant
    ["buey", 1], // triphthong
    ["ahora", 3], // a-ho-ra: h separates
    ["emergencia", 4], // e-mer-gen-cia
    ["inyección", 3], // in-yec-ción
    ["autoayuda", 5], // au-to-a-yu-da: o-a is a hiatus
    ["24", 2], // numbers as in English
  ] as const)("%s has %i", (word, n) => {
    expect(countSyllablesEs(word)).toBe(n);
  });
});

describe("spanishReadingStats", () => {
  it("applies the Szigriszt-Pazos formula to the counts", () => {
    // "El sol sale hoy." 4 words, 1 sentence, syllables 1+1+2+1 = 5.
    const s = spanishReadingStats("El sol sale hoy.");
    expect(s).toMatchObject({ sentences: 1, words: 4, syllables: 5 });
    expect(s.perspicuity).toBeCloseTo(206.835 - 62.3 * (5 / 4) - 4, 10);
  });

  it("is NaN without words", () => {
    expect(spanishPerspicuity(" … ")).toBeNaN();
  });

  it("scores plain patient text above the threshold and dense clinical prose below it", () => {
    const plain = "Si tiene fiebre, llame a su clínica hoy. No espere a su próxima cita.";
    const dense =
      "La administración intradiscal de concentrado de aspirado medular autólogo constituye una intervención " +
      "experimental cuya eficacia terapéutica comparativa permanece indeterminada según la evidencia disponible.";
    expect(spanishPerspicuity(plain)).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY);
    expect(spanishPerspicuity(dense)).toBeLessThan(40);
  });
});
