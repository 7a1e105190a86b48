/**
 * An exercise programme in the portal, on a phone: a clinician records physiotherapy with its
 * plan (2 sessions a week for 6 weeks, started 10 days ago); the patient opens their recovery page,
 * sees which programme week they are in, ticks today's session, and the count holds after a
 * reload; the clinic sees the same count under the treatment.
 */
import { describe, expect, it } from "vitest";
import {
  expectHeading,
  expectNoSideways,
  expectText,
  isoDaysFromToday,
  signInStaff,
  unique,
  useBrowser,
  visible,
} from "./app";
import { expectNoAxeViolations } from "./browser";
import { portalPatient } from "./intake";

const browser = useBrowser();

describe("an exercise programme's sessions", () => {
  it("the patient ticks today's session on the recovery page, and the clinic sees it", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    const phone = await browser.open("phone");
    const family = `Programme-${unique()}`;
    const patientId = await portalPatient(staff, phone, family);
    const treated = await staff.request.post(`/api/v1/patients/${patientId}/treatments`, {
      data: {
        kind: "exercise_physiotherapy",
        date: isoDaysFromToday(-10),
        procedure: {
          category: "conservative",
          operator: "J. Physio",
          programme: "Graded activity",
          sessionsPerWeek: 2,
          weeks: 6,
        },
      },
    });
    expect(treated.status()).toBe(201);

    await phone.goto("/portal/recovery");
    await expectHeading(phone, "Your recovery");
    const card = await visible(phone.getByRole("region", { name: "Your exercise programme" }));
    await expectText(card, "Graded activity: 2 sessions a week for 6 weeks");
    await expectText(card, "Week 2 of 6");
    await expectText(card, "This week: 0 of 2 sessions");
    const days = card.getByRole("group", { name: /Tick each day/ });
    expect(await days.getByRole("checkbox").count()).toBe(7);
    const today = days.getByRole("checkbox").last();
    expect(await today.isChecked()).toBe(false);
    await days.locator("label").last().click();
    await expectText(card, "This week: 1 of 2 sessions");
    await expectText(card, "So far: 1 of 12 sessions");
    await expectNoSideways(phone);
    await expectNoAxeViolations(phone, "the recovery page with a programme");

    await phone.reload();
    const again = await visible(phone.getByRole("region", { name: "Your exercise programme" }));
    await expectText(again, "This week: 1 of 2 sessions");
    expect(
      await again
        .getByRole("group", { name: /Tick each day/ })
        .getByRole("checkbox")
        .last()
        .isChecked(),
    ).toBe(true);

    await staff.goto(`/patients/${patientId}`);
    await expectHeading(staff, new RegExp(family));
    const treatments = staff.getByRole("region", { name: "Treatments" });
    await expectText(treatments, /Sessions logged by the patient: 1 of 12 · week 2 of 6, 1 of 2 this week/);
  });
});
