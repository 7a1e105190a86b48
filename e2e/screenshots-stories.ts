/**
 * Screenshots of a patient's story in the decision aid at phone width (`--only stories`), as the
 * demo patient: if no story of theirs is published yet, the demo patient signs the story consent,
 * the demo coordinator drafts a story of their latest treatment and the demo clinician approves it
 * (through the API, as the patient page would); then the portal's decision aid with that option
 * opened at the stories, and the clinic's patient page with the story.
 */

import type { Browser } from "playwright-core";
import { newContext } from "./browser";
import type { Shoot } from "./screenshots-intake";
import { staffPage } from "./screenshots-kit";

type Who = { clinician: string; password: string };

export async function storyScreenshots(browser: Browser, base: string, shoot: Shoot, who: Who) {
  const phone = await (await newContext(browser, base, "phone")).newPage();
  const signIn = await phone.request.post(`${base}/api/v1/auth/patient/sign-in`, {
    data: { email: "patient@demo.evident.test", password: who.password },
  });
  if (!signIn.ok()) throw new Error(`demo patient sign-in: HTTP ${signIn.status()}`);
  const me = (await (await phone.request.get(`${base}/api/v1/auth/me`)).json()) as {
    patientId: string;
    name: string;
  };
  const clinician = await staffPage(browser, base, "desktop", who.clinician, who.password);
  const coordinator = await staffPage(
    browser,
    base,
    "desktop",
    "coordinator@demo.evident.test",
    who.password,
  );
  const patient = (await (await clinician.request.get(`${base}/api/v1/patients/${me.patientId}`)).json()) as {
    familyName: string;
    givenName: string;
    treatments: { id: string; kind: string; date: string }[];
  };
  const latest = [...patient.treatments].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  if (!latest) throw new Error("the demo patient has no treatment to tell a story of");
  const mine = (await (
    await clinician.request.get(`${base}/api/v1/patients/${me.patientId}/stories`)
  ).json()) as {
    items: { status: string }[];
    consented: boolean;
  };
  if (!mine.items.some((s) => s.status === "published")) {
    if (!mine.consented) {
      const consents = (await (await phone.request.get(`${base}/api/v1/portal/consents?lang=en`)).json()) as {
        documents: { id: string; purpose: string }[];
      };
      const doc = consents.documents.find((d) => d.purpose === "story");
      if (!doc) throw new Error("the demo clinic has no story consent");
      const signed = await phone.request.post(`${base}/api/v1/portal/consents`, {
        data: {
          documentId: doc.id,
          typedName: `${patient.givenName} ${patient.familyName}`,
          confirmed: true,
        },
      });
      if (!signed.ok()) throw new Error(`story consent: ${await signed.text()}`);
    }
    const drafted = await coordinator.request.post(`${base}/api/v1/patients/${me.patientId}/stories`, {
      data: {
        treatmentId: latest.id,
        language: "en",
        text: "A woman in her fifties had low back pain for three years and had tried pills and physiotherapy. After the treatment she felt a little better for a few weeks, then the pain came back much as before. She said she was glad she tried, but would not pay for it again.",
      },
    });
    if (!drafted.ok()) throw new Error(`draft: ${await drafted.text()}`);
    const { id } = (await drafted.json()) as { id: string };
    const approved = await clinician.request.post(`${base}/api/v1/stories/${id}/approval`);
    if (!approved.ok()) throw new Error(`approval: ${await approved.text()}`);
  }

  const stories = (await (await phone.request.get(`${base}/api/v1/decision-aid/stories?lang=en`)).json()) as {
    items: { optionIds: string[]; treatmentKind: string }[];
  };
  const optionId = stories.items.find((s) => s.treatmentKind === latest.kind)?.optionIds[0];
  if (!optionId) throw new Error(`no option shows stories of ${latest.kind}`);
  await phone.goto("/portal/choices");
  const card = phone.locator(`[data-option="${optionId}"]`);
  await card.waitFor();
  await phone.getByRole("heading", { name: "Each choice in detail" }).scrollIntoViewIfNeeded();
  await phone.evaluate(() => window.scrollBy(0, 300));
  await shoot(phone, "aid-folded-phone", false);
  await card.getByRole("button", { expanded: false }).click();
  const story = card.locator("[data-story]").first();
  await story.waitFor();
  await story.evaluate((el) => el.scrollIntoView({ block: "end" }));
  await phone.evaluate(() => window.scrollBy(0, 40));
  await shoot(phone, "story-in-decision-aid-phone", false);

  await clinician.goto(`/patients/${me.patientId}`);
  const section = clinician.getByRole("region", { name: "Stories" });
  await section.waitFor();
  await section.scrollIntoViewIfNeeded();
  await shoot(clinician, "story-on-patient-page", false);
  // Changing a story's words (not saved: the demo story stays as it was).
  await section.getByRole("button", { name: "Change the text" }).first().click();
  const edit = section.getByRole("form", { name: "Change the story" });
  await edit.waitFor();
  await edit.scrollIntoViewIfNeeded();
  await shoot(clinician, "story-edit-on-patient-page", false);
  await edit.getByRole("button", { name: "Cancel" }).click();
}
