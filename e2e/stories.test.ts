/**
 * Patients' stories in the browser: a coordinator drafts a story on the patient's page (the patient
 * has signed the story consent in the portal), a clinician approves it, and the patient's decision
 * aid on a phone shows it beside the option's data, under the stated rule, labelled "One person's
 * experience, not evidence", with the patient's own numbers; axe finds nothing serious. When the
 * patient takes back the story consent in the portal, the story is gone from the decision aid.
 */
import { describe, expect, it } from "vitest";
import { expectText, isoDaysFromToday, signInStaff, unique, useBrowser, visible } from "./app";
import { expectNoAxeViolations } from "./browser";
import { passSafetyQuestions, portalPatient } from "./intake";

const COORDINATOR = "coordinator@demo.evident.test";

describe("patients' stories", () => {
  const browser = useBrowser();

  it("are drafted by staff, approved by a clinician, and shown in the portal's decision aid with the label", async () => {
    const coordinator = await browser.open("desktop");
    await signInStaff(coordinator, COORDINATOR);
    const phone = await browser.open("phone");
    const patientId = await portalPatient(coordinator, phone, `Story-${unique()}`);
    await passSafetyQuestions(phone);

    // The patient signs the consent to share a story, in the portal.
    const docs = (await (await phone.request.get("/api/v1/portal/consents?lang=en")).json()) as {
      documents: { id: string; purpose: string; title: string }[];
    };
    const storyDoc = docs.documents.find((d) => d.purpose === "story");
    expect(storyDoc, "the demo clinic's story consent").toBeDefined();
    const signed = await phone.request.post("/api/v1/portal/consents", {
      data: { documentId: storyDoc!.id, typedName: "Sam Story", confirmed: true },
    });
    // The typed name must hold the family name as the clinic has it.
    if (signed.status() !== 201) {
      const family = (
        (await (await coordinator.request.get(`/api/v1/patients/${patientId}`)).json()) as {
          familyName: string;
        }
      ).familyName;
      const again = await phone.request.post("/api/v1/portal/consents", {
        data: { documentId: storyDoc!.id, typedName: `Sam ${family}`, confirmed: true },
      });
      expect(again.status(), await again.text()).toBe(201);
    }
    // A baseline answer and a treatment, as the clinic would record them.
    const baseline = await coordinator.request.post(`/api/v1/patients/${patientId}/responses`, {
      data: { responses: [{ instrument: "nrs_back", answers: { nrs_back: 7 } }] },
    });
    expect(baseline.status(), await baseline.text()).toBe(201);
    const clinician = await browser.open("desktop");
    await signInStaff(clinician);
    const treated = await clinician.request.post(`/api/v1/patients/${patientId}/treatments`, {
      data: { kind: "heat_therapy", date: isoDaysFromToday(0) },
    });
    expect(treated.status(), await treated.text()).toBe(201);

    // The coordinator drafts it; a name in the text is refused, naming what to take out.
    await coordinator.goto(`/patients/${patientId}`);
    const section = coordinator.getByRole("region", { name: "Stories" });
    await visible(section);
    const text = coordinator.getByLabel("The story");
    await text.fill("Sam had back pain for a year and tried heat at home every evening for six weeks.");
    await section.getByRole("button", { name: "Save draft" }).click();
    await expectText(section, /contains a name/i);
    const first = `A person in their sixties used heat pads every evening for six weeks. ${unique()}`;
    await text.fill(first);
    await section.getByRole("button", { name: "Save draft" }).click();
    await expectText(section, "Draft: waits for a clinician");
    // The coordinator changes the draft's words before a clinician sees it.
    await section.getByRole("button", { name: "Change the text" }).click();
    const edit = section.getByRole("form", { name: "Change the story" });
    const story = `A person in their sixties used heat pads every evening for six weeks. The pain eased for an hour or two each time, and came back by morning. ${unique()}`;
    await edit.getByLabel("The story").fill(story);
    await edit.getByRole("button", { name: "Save the change" }).click();
    await edit.waitFor({ state: "detached" });
    await expectText(section, story);
    expect(await section.getByRole("button", { name: "Approve and publish" }).count()).toBe(0);
    await expectNoAxeViolations(coordinator, "the patient page with a story draft");

    // The clinician approves it.
    await clinician.goto(`/patients/${patientId}`);
    const clinicianSection = clinician.getByRole("region", { name: "Stories" });
    await clinicianSection.getByRole("button", { name: "Approve and publish" }).click();
    await expectText(clinicianSection, "Published");

    // The patient sees it on a phone, under the heat option, with the rule and the label.
    await phone.goto("/portal/choices");
    const card = phone.getByRole("article", { name: "Heat", exact: true });
    await visible(card);
    await card.getByRole("button", { expanded: false }).click();
    const shown = card.locator("[data-story]").filter({ hasText: story });
    await visible(shown);
    await expectText(shown, "One person's experience, not evidence");
    await expectText(shown, /Back pain \(0 to 10, lower is better\): 7 before treatment/);
    await expectText(
      card,
      /We show every story a patient of this clinic agreed to share about this treatment/,
    );
    await expectNoAxeViolations(phone, "a story in the decision aid on a phone");

    // The demo's own stories include poor results: a story whose pain got worse is served too.
    const served = (await (await phone.request.get("/api/v1/decision-aid/stories")).json()) as {
      items: { outcomes: { baseline: { score: number } | null; latest: { score: number } | null }[] }[];
    };
    expect(
      served.items.some((s) =>
        s.outcomes.some((o) => o.baseline && o.latest && o.latest.score > o.baseline.score),
      ),
    ).toBe(true);

    // The patient takes back the story consent in the portal: the story is gone at once.
    await phone.goto("/portal/consent");
    const form = phone.getByRole("region", { name: storyDoc!.title });
    await form.getByRole("button", { name: "Take back my consent" }).click();
    await phone.getByRole("dialog").getByRole("button", { name: "Yes, take it back" }).click();
    await expectText(phone, "Your consent is taken back.");
    await phone.goto("/portal/choices");
    const again = phone.getByRole("article", { name: "Heat", exact: true });
    await again.getByRole("button", { expanded: false }).click();
    await expectText(again, "Stories from patients here");
    expect(await again.locator("[data-story]").filter({ hasText: story }).count()).toBe(0);
    const after = (await (await phone.request.get("/api/v1/decision-aid/stories")).json()) as {
      items: { text: string }[];
    };
    expect(after.items.some((s) => s.text === story)).toBe(false);
  }, 240_000);
});
