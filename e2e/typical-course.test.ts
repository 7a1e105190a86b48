/**
 * The typical course on the recovery page, on a phone: the demo patient sees the back pain of the
 * clinic's patients like them — per time point the middle value, its interval and how many of
 * those due answered — in English and in Spanish. (Below 30 like them the page says so instead:
 * server/test/diary.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, expectHeading, expectNoSideways, expectText, useBrowser, visible } from "./app";
import { expectNoAxeViolations } from "./browser";

const browser = useBrowser();

type Typical = {
  treated: number | null;
  points: { timepoint: string; due: number; n: number; median: number }[];
} | null;

describe("the typical course of people like you", () => {
  it("shows the demo patient what the registry holds for people like them, in English and Spanish", async () => {
    const phone = await browser.open("phone");
    const signIn = await phone.request.post("/api/v1/auth/patient/sign-in", {
      data: { email: "patient@demo.evident.test", password: DEMO_PASSWORD },
    });
    expect(signIn.ok()).toBe(true);
    const typical = (
      (await (await phone.request.get("/api/v1/portal/recovery")).json()) as { typical: Typical }
    ).typical;
    expect(typical?.treated, "30 or more like the demo patient in the 1,500-patient demo").toBeTruthy();

    await phone.goto("/portal/recovery");
    await expectHeading(phone, "Your recovery");
    const course = phone.getByRole("region", { name: "Your back pain and the typical course" });
    await visible(course);
    const table = course.getByRole("table", { name: "Back pain (0 to 10) of people like you" });
    for (const p of typical!.points)
      await visible(table.getByRole("row").filter({ hasText: `${p.n} of ${p.due} (` }));
    await expectText(course, `middle value of ${typical!.treated} people like you`);
    await expectText(course, "It is not a forecast for you.");
    await expectNoSideways(phone);
    await expectNoAxeViolations(phone, "the typical course on the recovery page");

    await phone.evaluate(() => localStorage.setItem("evident.portal.language", "es"));
    await phone.goto("/portal/recovery");
    await expectHeading(phone, "Su recuperación");
    const curso = phone.getByRole("region", { name: "Su dolor de espalda y el curso típico" });
    if (typical?.treated)
      await visible(
        curso.getByRole("table", { name: "Dolor de espalda (de 0 a 10) de personas como usted" }),
      );
    else await expectText(curso, "Aún no hay bastantes personas como usted aquí");
    await expectNoAxeViolations(phone, "the typical course in Spanish");
  });
});
