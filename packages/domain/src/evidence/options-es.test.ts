import { describe, expect, it } from "vitest";
import { decisionAidContent, decisionOptions } from "./catalogue";
import { aidContent, decisionAidContentEs, localizedValues, valuesClarificationEs } from "./content-es";
import { decisionOptionsEs, localizedOption, localizedOptions } from "./options-es";
import type { DecisionOption, OutOf100 } from "./types";
import { valuesClarification } from "./values";

type Pair = { where: string; en: string; es: string };

const tableTexts = (at: string, t: OutOf100): [string, string][] => [
  [`${at}.peopleLike`, t.peopleLike],
  [`${at}.timeFrame`, t.timeFrame],
  [`${at}.outcome`, t.outcome],
  ...t.rows.map((r, i): [string, string] => [`${at}.rows.${i}`, r.label]),
  [`${at}.note`, t.note],
];

/** Every patient text of an option, one field or list item at a time, by where it sits. */
function optionTexts(o: DecisionOption): [string, string][] {
  const at = `option.${o.id}`;
  const out: [string, string][] = [
    [`${at}.name`, o.name],
    [`${at}.whatItIs`, o.whatItIs],
    [`${at}.whatItIsLike`, o.whatItIsLike],
    ...o.benefits.map((b, i): [string, string] => [`${at}.benefits.${i}`, b]),
    ...o.harms.map((h, i): [string, string] => [`${at}.harms.${i}`, h]),
    ...o.outOf100.flatMap((t, i) => tableTexts(`${at}.outOf100.${i}`, t)),
    ...o.averages.flatMap((a, i): [string, string][] => [
      [`${at}.averages.${i}.peopleLike`, a.peopleLike],
      [`${at}.averages.${i}.timeFrame`, a.timeFrame],
      [`${at}.averages.${i}.measure`, a.measure],
      ...a.rows.map((r, j): [string, string] => [`${at}.averages.${i}.rows.${j}`, r.label]),
      [`${at}.averages.${i}.summary`, a.summary],
      [`${at}.averages.${i}.note`, a.note],
    ]),
    ...o.otherNumbers.map((n, i): [string, string] => [`${at}.otherNumbers.${i}`, n.text]),
    [`${at}.certaintyNote`, o.certaintyNote],
    [`${at}.timeToEffect`, o.timeToEffect],
    [`${at}.visits`, o.visits.text],
    [`${at}.cost`, o.cost.text],
    [`${at}.regulatoryStatus`, o.regulatoryStatus],
  ];
  if (o.suitableFor !== undefined) out.push([`${at}.suitableFor`, o.suitableFor]);
  if (o.noNumbers !== undefined) out.push([`${at}.noNumbers`, o.noNumbers]);
  if (o.shamResponse) out.push(...tableTexts(`${at}.shamResponse`, o.shamResponse));
  return out;
}

function pairs(): Pair[] {
  const list: Pair[] = [];
  for (const o of decisionOptions) {
    const es = new Map(optionTexts(localizedOption(o, "es")));
    for (const [where, en] of optionTexts(o)) list.push({ where, en, es: es.get(where) ?? "" });
  }
  const content = aidContent("es");
  for (const key of Object.keys(decisionAidContentEs) as (keyof typeof decisionAidContentEs)[])
    list.push({ where: `content.${key}`, en: decisionAidContent[key], es: content[key] });
  const values = localizedValues("es");
  list.push({ where: "values.prompt", en: valuesClarification.prompt, es: values.prompt });
  for (const [i, en] of valuesClarification.scale.labels.entries())
    list.push({ where: `values.scale.${i}`, en, es: values.scale.labels[i] ?? "" });
  valuesClarification.values.forEach((v, i) => {
    list.push({ where: `values.${v.id}.statement`, en: v.statement, es: values.values[i]?.statement ?? "" });
    list.push({ where: `values.${v.id}.help`, en: v.help, es: values.values[i]?.help ?? "" });
  });
  return list;
}

/**
 * The numbers in a text as written, separators removed: English groups thousands with commas
 * ("11,000"), the Spanish with a no-break space ("11 000", as the RAE advises); both write
 * decimals with a point. Four-digit numbers have no separator in Spanish ("8900").
 */
const numbersIn = (text: string, lang: "en" | "es") =>
  [...text.matchAll(lang === "en" ? /\d+(?:,\d{3})*(?:\.\d+)?/g : /\d+(?:\u00a0\d{3})*(?:\.\d+)?/g)]
    .map((m) => m[0].replace(/[,\u00a0]/g, ""))
    .sort();
const distinct = (xs: string[]) => [...new Set(xs)];

describe("the decision aid in Spanish", () => {
  it("has Spanish for every option and no option the English lacks", () => {
    expect(Object.keys(decisionOptionsEs).sort()).toEqual(decisionOptions.map((o) => o.id).sort());
  });

  it.each(
    decisionOptions.map((o) => [o.id, o] as const),
  )("%s: has a Spanish twin for every list item, table, row and optional field", (id, o) => {
    const es = decisionOptionsEs[id];
    if (!es) throw new Error(`no Spanish for ${id}`);
    expect(es.benefits.length).toBe(o.benefits.length);
    expect(es.harms.length).toBe(o.harms.length);
    expect(es.outOf100.length).toBe(o.outOf100.length);
    for (const [i, t] of o.outOf100.entries()) expect(es.outOf100[i]?.rows.length).toBe(t.rows.length);
    expect(es.otherNumbers.length).toBe(o.otherNumbers.length);
    expect(es.averages.length).toBe(o.averages.length);
    for (const [i, a] of o.averages.entries()) expect(es.averages[i]?.rows.length).toBe(a.rows.length);
    expect(es.suitableFor === undefined).toBe(o.suitableFor === undefined);
    expect(es.noNumbers === undefined).toBe(o.noNumbers === undefined);
    expect(es.shamResponse === undefined).toBe(o.shamResponse === undefined);
    expect(es.shamResponse?.rows.length).toBe(o.shamResponse?.rows.length);
  });

  it("has a Spanish twin for every framing text and values question, and the five scale labels", () => {
    const patientKeys = Object.keys(decisionAidContent).filter(
      (k) => !["version", "publishedOn", "reviewBy"].includes(k),
    );
    expect(Object.keys(decisionAidContentEs).sort()).toEqual(patientKeys.sort());
    expect(Object.keys(valuesClarificationEs.values).sort()).toEqual(
      valuesClarification.values.map((v) => v.id).sort(),
    );
    expect(valuesClarificationEs.labels).toHaveLength(valuesClarification.scale.labels.length);
  });

  it("translates every text rather than copying the English", () => {
    const copies = pairs().filter((p) => p.es === "" || (p.es === p.en && !/^[A-Z]{2,}$/.test(p.en)));
    expect(copies.map((p) => `${p.where}: ${p.en}`)).toEqual([]);
  });

  it("keeps every number: each number in an English text is in its Spanish twin, and no other", () => {
    const all = pairs();
    expect(all.length).toBeGreaterThan(300);
    const differ = all
      .map((p) => ({ ...p, nEn: distinct(numbersIn(p.en, "en")), nEs: distinct(numbersIn(p.es, "es")) }))
      .filter((p) => p.nEn.join(" ") !== p.nEs.join(" "))
      .map((p) => `${p.where}: en [${p.nEn.join(", ")}] es [${p.nEs.join(", ")}]`);
    expect(differ).toEqual([]);
    // The check sees the numbers it is meant to see, thousands and decimals included.
    expect(numbersIn("over 11,000 people; from 46.5 to 34.0; $8,900", "en")).toEqual(
      ["11000", "34.0", "46.5", "8900"].sort(),
    );
    expect(numbersIn("más de 11\u00a0000 personas; de 46.5 a 34.0; 8900 dólares", "es")).toEqual(
      ["11000", "34.0", "46.5", "8900"].sort(),
    );
  });

  it("changes only the words: ids, groups, counts, ratings, speed, costs and sources stay the English", () => {
    const strip = (o: DecisionOption) => ({
      id: o.id,
      group: o.group,
      certainty: o.certainty,
      speed: o.speed,
      investigational: o.investigational,
      sources: o.sources,
      visits: o.visits.estimate,
      cost: { band: o.cost.band, estimate: o.cost.estimate, source: o.cost.source },
      tables: [...o.outOf100, ...(o.shamResponse ? [o.shamResponse] : [])].map((t) => ({
        design: t.design,
        sources: t.sources,
        rows: t.rows.map((r) => [r.arm, r.count, r.countHigh, r.armSize, r.events]),
      })),
      averages: o.averages.map((a) => ({
        sources: a.sources,
        difference: a.difference,
        rows: a.rows.map((r) => [r.arm, r.armSize, r.mean]),
      })),
      noComparison: o.noComparison,
      noRating: o.noRating,
      guideline: o.guideline,
      otherNumbers: o.otherNumbers.map((n) => n.sources),
    });
    const es = localizedOptions("es");
    expect(es.map(strip)).toEqual(decisionOptions.map(strip));
    expect(localizedOptions("en")).toBe(decisionOptions);
  });

  it("says of every cell therapy that it is experimental and not approved by the FDA for back pain", () => {
    for (const o of localizedOptions("es").filter((x) => x.group === "cell-therapy")) {
      expect(o.whatItIs, o.id).toMatch(/\bexperimental\b/);
      expect(o.regulatoryStatus, o.id).toMatch(/No está aprobado por la FDA para el dolor de espalda/);
      expect(o.shamResponse?.outcome, o.id).toMatch(/inyección falsa/);
    }
  });
});
