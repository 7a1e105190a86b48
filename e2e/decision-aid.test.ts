/**
 * The decision aid in the browser: after the safety questions, a patient on a phone sees every
 * option in the same template (icon arrays with their time frame, certainty, cost, status and
 * sources; every cell therapy marked experimental and not FDA-approved), rates what matters,
 * leans toward a choice, and gets a one-page summary that prints without the portal's frame; the
 * clinician sees the choice with the guide version on the patient page.
 */
import { decisionOptions } from "@evident/domain/evidence";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectHeading, expectNoSideways, expectText, signInStaff, unique, useBrowser, visible } from "./app";
import { expectNoAxeViolations } from "./browser";
import { answerIntake, passSafetyQuestions } from "./intake";
import { linkTokenFor } from "./mail";

async function portalPatient(staff: Page, page: Page, familyName: string): Promise<string> {
  const email = `choices.${unique()}@example.test`;
  const created = await staff.request.post("/api/v1/patients", {
    data: { givenName: "Dee", familyName, birthDate: "1969-09-09", email, episode: { condition: "other" } },
  });
  expect(created.status()).toBe(201);
  const token = await linkTokenFor(email);
  expect(
    (
      await page.request.post("/api/v1/invitations/accept", {
        data: { token, password: "a long enough patient password" },
      })
    ).status(),
  ).toBe(200);
  return ((await created.json()) as { id: string }).id;
}

describe("the decision aid", () => {
  const browser = useBrowser();

  it("stays closed until the safety questions, then shows every option the same way", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    const page = await browser.open("phone");
    const family = `Choices-${unique()}`;
    const patientId = await portalPatient(staff, page, family);

    await page.goto("/portal/choices");
    await expectHeading(page, "Your choices open after a check");

    await page.goto("/portal/intake");
    await answerIntake(page, { weeks: 40, yes: [] });
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.getByRole("link", { name: "See your choices" }).click();
    await expectHeading(page, "Your choices of care");
    const cards = page.getByRole("article");
    await visible(cards);
    expect(await cards.count()).toBe(decisionOptions.length);
    // On a phone each card is folded to its heading (still marked experimental where it is).
    const firstFold = page.getByRole("button", { name: decisionOptions[0]!.name, exact: true });
    expect(await firstFold.getAttribute("aria-expanded")).toBe("false");
    await expectText(page.getByRole("article", { name: /Bone marrow shot/ }), "Experimental");
    await firstFold.press("Enter");
    expect(await firstFold.getAttribute("aria-expanded")).toBe("true");
    await page.getByRole("button", { name: "Open every choice" }).click();
    for (const o of decisionOptions.filter((x) => x.investigational)) {
      const card = page.getByRole("article", { name: o.name });
      await expectText(card, "Experimental");
      await expectText(card, /not FDA-approved for back pain/i);
    }
    const bmc = page.getByRole("article", { name: /Bone marrow shot/ });
    await visible(
      bmc.getByRole("img", {
        name: "Bone marrow shot: 44 out of 100 people had their pain cut by half or more, after 12 months; 56 did not.",
      }),
    );
    await expectText(bmc, /Very low certainty/);
    await expectText(bmc, "18 people in this group, likely 34 to 75");
    // At a glance: a sham-controlled figure with both groups, both ways; no before-and-after
    // figure; averages for care that has them; a reason wherever there is no number or rating.
    const glance = (id: string) => page.locator(`[data-glance="${id}"]`);
    await expectText(
      glance("bone-marrow-concentrate"),
      "After 12 months, how many had their pain cut by half or more:",
    );
    await expectText(glance("bone-marrow-concentrate"), "Bone marrow shot: 44 of 100 (56 did not)");
    await expectText(glance("bone-marrow-concentrate"), "Fake shot: 56 of 100 (44 did not)");
    await expectText(glance("discectomy"), "Non-surgical care first: 95 of 100 (5 did not)");
    await expectText(glance("platelet-rich-plasma"), "No comparison group, so no fair number");
    await expectText(glance("opioids"), "3.4 with opioid pills and 3.3 with other pain pills");
    await expectText(glance("natural-course"), "Not rated: not a treatment");
    expect(await page.locator("[data-glance]").count()).toBe(decisionOptions.length);
    await expectNoSideways(page);
    await expectNoAxeViolations(page, "the decision aid on a phone");

    await page.getByRole("link", { name: "Next: what matters to you" }).click();
    await expectHeading(page, "What matters to you");
    await page.getByRole("button", { name: "Save and see my summary" }).click();
    await expectText(page, "6 to answer");
    for (const [statement, label] of [
      ["Avoiding an operation", "Very much"],
      ["Getting relief fast", "Somewhat"],
      ["Avoiding needles and shots", "A lot"],
      ["Keeping costs low", "A little"],
      ["Choosing care that has been well tested", "Very much"],
    ] as const)
      await page.getByRole("group", { name: statement }).getByRole("radio", { name: label }).check();
    await page.getByLabel("Which choice are you leaning toward?").selectOption("exercise-physiotherapy");
    await page.getByLabel("Questions for your visit").fill("Can I keep working while I do this?");
    await expectNoAxeViolations(page, "the values step");
    await page.getByRole("button", { name: "Save and see my summary" }).click();

    await expectHeading(page, "My back pain choices: summary");
    await expectText(page, /The choice I am leaning toward: Exercise/);
    await expectText(page, "Can I keep working while I do this?");
    await expectText(page, /guide version \d/);
    await expectNoAxeViolations(page, "the summary");
    const href = await page.getByRole("link", { name: "Download PDF" }).getAttribute("href");
    const pdf = await page.request.get(href ?? "");
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header").first().isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Print" }).isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });

    await staff.goto(`/patients/${patientId}`);
    const section = staff.getByRole("region", { name: "Decision aid" });
    await expectText(section, /Leaning toward: .*Exercise/);
    await expectText(section, /avoiding an operation/);
  });

  it("shows the clinic's numbers for people like the patient, and says who they are", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    // A demo patient for whom some option has 30 people like them, and some has fewer.
    const list = (await (await staff.request.get("/api/v1/patients?limit=60")).json()) as {
      items: { id: string }[];
    };
    type Registry = {
      criteria: { words: string }[];
      items: {
        optionId: string;
        figure: {
          treated: number;
          due: number;
          n: number;
          responders: number;
          range: { missing: number };
        } | null;
        widened: string[];
      }[];
    };
    let chosen: { id: string; registry: Registry } | null = null;
    for (const p of list.items) {
      const r = (await (
        await staff.request.get(`/api/v1/decision-aid/registry?patientId=${p.id}`)
      ).json()) as Registry;
      if (r.items.some((i) => i.figure) && r.items.some((i) => !i.figure)) {
        chosen = { id: p.id, registry: r };
        break;
      }
    }
    expect(chosen, "a demo patient with and without enough people like them").not.toBeNull();
    const { id, registry } = chosen!;
    await staff.goto(`/patients/${id}`);
    await staff.getByRole("link", { name: "Open the decision aid for this patient" }).click();
    await expectHeading(staff, "Decision aid");
    const likeYou = staff.getByRole("region", { name: "Who are people like you?" });
    for (const c of registry.criteria) await expectText(likeYou, c.words);
    await expectText(likeYou, "at least 30");
    for (const item of registry.items) {
      const card = staff.locator(`[data-option="${item.optionId}"]`);
      if (item.figure) {
        const f = item.figure;
        // Who was counted, how many answered, both ways round, and what the missing could change.
        await expectText(card, `${f.treated} people like you were treated here`);
        await expectText(card, `${f.n} of those ${f.due}`);
        await expectText(card, `${f.responders} of ${f.n} people`);
        await expectText(card, `${f.n - f.responders} (`);
        await expectText(
          card,
          f.range.missing > 0
            ? `We do not know about the other ${f.range.missing} of the ${f.due}`
            : "no one is missing",
        );
        await expectText(card, "Matched on: same care");
        if (item.widened.length > 0) await expectText(card, "not matched on");
      } else await expectText(card, "Fewer than 30 people like you");
    }
    await expectNoAxeViolations(staff, "the decision aid for one patient");

    // A new patient with no daily-life score yet: nobody is called "like" them.
    const page = await browser.open("phone");
    await portalPatient(staff, page, `NoScore-${unique()}`);
    await passSafetyQuestions(page);
    await page.goto("/portal/choices");
    await expectText(page.getByRole("region", { name: "Who are people like you?" }), "we need your answers");
  });

  it("is there for clinicians to go through with a patient", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    await staff.getByRole("link", { name: "Decision aid" }).click();
    await expectHeading(staff, "Decision aid");
    expect(await staff.getByRole("article").count()).toBe(decisionOptions.length);
    await expectNoAxeViolations(staff, "the decision aid in the clinic");
  });
});
