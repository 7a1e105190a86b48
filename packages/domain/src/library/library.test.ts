import { describe, expect, it } from "vitest";
import { citations } from "../citations";
import { isIsoDate } from "../dates";
import { EMERGENCY_NUMBER } from "../emergency-number";
import { findOption } from "../evidence";
import { triageRules } from "../triage/rules";
import {
  findLibraryTopic,
  libraryCertainties,
  libraryCertaintyLabels,
  libraryTopicIds,
  libraryTopics,
  libraryWordsEs,
  localizedTopic,
} from "./index";

const paragraphs = libraryTopics.flatMap((t) =>
  t.sections.flatMap((s, i) => s.paragraphs.map((p, j) => ({ where: `${t.id}.${i}.${j}`, ...p }))),
);

describe("the education library", () => {
  it("has the six pages the issue asks for, in one order", () => {
    expect(libraryTopics.map((t) => t.id)).toEqual([...libraryTopicIds]);
  });

  it.each(
    libraryTopics.map((t) => [t.id, t] as const),
  )("%s has a version, a review date and content", (_, t) => {
    expect(t.version).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(isIsoDate(t.reviewedOn)).toBe(true);
    expect(t.title.length).toBeGreaterThan(0);
    expect(t.summary.length).toBeGreaterThan(0);
    expect(t.sections.length).toBeGreaterThan(0);
    for (const s of t.sections) expect(s.paragraphs.length).toBeGreaterThan(0);
  });

  it("gives every paragraph a source that resolves and a certainty label", () => {
    for (const p of paragraphs) {
      expect(p.sources.length, p.where).toBeGreaterThan(0);
      for (const k of p.sources) expect(citations[k], `${p.where}: ${k}`).toBeDefined();
      expect(libraryCertainties, p.where).toContain(p.certainty);
    }
    for (const lang of ["en", "es"] as const)
      for (const c of libraryCertainties) expect(libraryCertaintyLabels[lang][c].length).toBeGreaterThan(0);
  });

  it("never claims more than the decision aid's cards: same certainty, sources among theirs", () => {
    const linked = paragraphs.filter((p) => p.options !== undefined);
    expect(linked.length).toBeGreaterThanOrEqual(10);
    for (const p of linked)
      for (const id of p.options ?? []) {
        const o = findOption(id);
        expect(o, `${p.where}: ${id}`).toBeDefined();
        if (!o) continue;
        expect(p.certainty, `${p.where}: ${id}`).toBe(o.certainty ?? "not-rated");
        for (const k of p.sources) expect(o.sources, `${p.where}: ${id} cites ${k}`).toContain(k);
      }
  });

  it("sums up every decision-aid option on the treatments page", () => {
    const covered = new Set(
      findLibraryTopic("treatments")?.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.options ?? [])),
    );
    const missing = [
      "natural-course",
      "exercise-physiotherapy",
      "opioids",
      "discectomy",
      "fusion",
      "platelet-rich-plasma",
    ].filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
  });
});

describe("the warning-signs page follows the intake's triage rules", () => {
  const page = findLibraryTopic("warning-signs");
  const sections = page?.sections.filter((s) => s.triage) ?? [];

  it("names only rules that exist, each under its own tier", () => {
    expect(sections.map((s) => s.triage?.tier)).toEqual(["emergency", "urgent", "soon"]);
    for (const s of sections)
      for (const id of s.triage?.rules ?? []) {
        const rule = triageRules.find((r) => r.id === id);
        expect(rule, id).toBeDefined();
        expect(rule?.tier, id).toBe(s.triage?.tier);
      }
  });

  it("names every emergency rule, under a heading that says where to go and the number to call", () => {
    const emergency = sections.find((s) => s.triage?.tier === "emergency");
    const named = new Set(emergency?.triage?.rules);
    expect(triageRules.filter((r) => r.tier === "emergency" && !named.has(r.id)).map((r) => r.id)).toEqual(
      [],
    );
    expect(emergency?.heading).toContain("emergency department");
    expect(emergency?.heading).toContain(EMERGENCY_NUMBER);
    expect(findLibraryTopic("warning-signs", "es")?.sections[1]?.heading).toContain(EMERGENCY_NUMBER);
  });
});

describe("the Spanish library", () => {
  it.each(
    libraryTopics.map((t) => [t.id, t] as const),
  )("%s has every section and paragraph of the English", (id, t) => {
    const w = libraryWordsEs[id];
    expect(w.sections.map((s) => s.paragraphs.length)).toEqual(t.sections.map((s) => s.paragraphs.length));
    const es = localizedTopic(t, "es");
    expect(es.version).toBe(t.version);
    expect(es.sections.flatMap((s) => s.paragraphs.map((p) => [p.sources, p.certainty]))).toEqual(
      t.sections.flatMap((s) => s.paragraphs.map((p) => [p.sources, p.certainty])),
    );
    expect(es.title).not.toBe(t.title);
  });
});

describe("the claims pages", () => {
  const cited = (id: string, key: string) =>
    findLibraryTopic(id)?.sections.flatMap((s) =>
      s.paragraphs.filter((p) => p.sources.some((k) => k === key)),
    ) ?? [];

  it("the stem cell page says none is approved for back pain, and gives the sham-controlled trial", () => {
    expect(
      cited("stem-cell-shots", "fdaConsumer2021")
        .map((p) => p.text)
        .join(" "),
    ).toMatch(/has not approved any stem cell .* for back pain/);
    expect(
      cited("stem-cell-shots", "levi2025")
        .map((p) => p.text)
        .join(" "),
    ).toMatch(/fake shot/);
    expect(
      cited("stem-cell-shots", "pittenger2004")
        .map((p) => p.text)
        .join(" "),
    ).toMatch(/1 in 10,000/);
  });

  it("the page on judging a clinic rests on the FDA's and the FTC's consumer advice", () => {
    expect(cited("judging-a-clinic", "fdaStemCellClaims").length).toBeGreaterThan(0);
    expect(cited("judging-a-clinic", "ftcRegenerativeMedical2018").length).toBeGreaterThan(0);
  });
});
