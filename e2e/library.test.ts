/**
 * The education library in the browser: readable without signing in, at phone and desktop widths,
 * axe clean, in English and Spanish; opened from the portal home, from an intake's result and from
 * the emergency screen, where the link comes after — never instead of — what to do and where to go.
 */
import { libraryTopics } from "@evident/domain/library";
import { describe, expect, it } from "vitest";
import { expectHeading, expectNoSideways, expectText, signInStaff, useBrowser } from "./app";
import { expectNoAxeViolations } from "./browser";
import { calmIntake, passSafetyQuestions, portalPatient } from "./intake";

describe("the library, without signing in", () => {
  const browser = useBrowser();

  it.each([
    "phone",
    "desktop",
  ] as const)("lists every page and opens one with its sources and certainty (%s)", async (size) => {
    const page = await browser.open(size);
    await page.goto("/portal/library");
    await expectHeading(page, "Learn about back pain");
    const main = page.getByRole("main");
    for (const t of libraryTopics) await main.getByRole("link", { name: t.title }).waitFor();
    await expectNoSideways(page);
    await expectNoAxeViolations(page, `the library's index (${size})`);

    await main.getByRole("link", { name: "“Stem cell” shots: what they are and are not" }).click();
    await expectHeading(page, "“Stem cell” shots: what they are and are not");
    await expectText(page, /The FDA has not approved any stem cell or other/);
    await expectText(main, "Official source");
    await expectText(main, "Very low certainty");
    await page.getByRole("heading", { name: "Sources", level: 2 }).waitFor();
    await expectText(main, /Levi D et al\. Bone marrow concentrate intradiscal injection/);
    await expectText(main, /This is version 2026\.12\.1 of the page/);
    await expectNoSideways(page);
    await expectNoAxeViolations(page, `a library page (${size})`);
  });

  it("reads in Spanish after the switch, and names the emergency number in words for a reader nobody knows", async () => {
    const page = await browser.open("phone");
    await page.goto("/portal/library/warning-signs");
    await expectHeading(page, "Warning signs: when to get help fast");
    await expectText(page, "Go to an emergency department now, or call your emergency number");
    await page.getByText("Español", { exact: true }).click();
    await expectHeading(page, "Señales de alarma: cuándo pedir ayuda ya");
    await expectText(page, "Vaya a urgencias ahora o llame al número de emergencias");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("es");
    await expectNoAxeViolations(page, "a library page in Spanish");
  });
});

describe("the library from the portal", () => {
  const browser = useBrowser();

  it("opens from the portal home", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    const page = await browser.open("phone");
    await portalPatient(staff, page);
    await passSafetyQuestions(page);
    await page.goto("/portal");
    await page.getByRole("link", { name: "Open", exact: true }).click();
    await expectHeading(page, "Learn about back pain");
    // Signed in, the frame leads back to the portal.
    await page.getByRole("link", { name: "Your portal", exact: true }).waitFor();
  });

  it("opens the warning signs from an intake's result, with the clinic's number", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    const page = await browser.open("phone");
    await portalPatient(staff, page);
    await passSafetyQuestions(page);
    await page.goto("/portal/intake/result");
    await expectHeading(page, "No warning signs");
    await page.getByRole("link", { name: "Read about warning signs" }).click();
    await expectHeading(page, "Warning signs: when to get help fast");
    await page
      .getByRole("heading", { name: "Go to an emergency department now, or call 911", level: 2 })
      .waitFor();
    await expectNoAxeViolations(page, "the warning signs, signed in");
  });

  it("links the warning signs from the emergency screen below what to do and where to go", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    const page = await browser.open("phone");
    await portalPatient(staff, page);
    const sent = await page.request.post("/api/v1/portal/intake", {
      data: { answers: calmIntake({ bladderDysfunction: true }) },
    });
    expect(sent.status()).toBe(201);
    await page.goto("/portal/intake/result");
    await expectHeading(page, "Get help now");
    const main = page.getByRole("main");
    const links = await main.getByRole("link").allTextContents();
    expect(links).toEqual(["Call 911 now", "Read about warning signs"]);
    // What to do comes first on the screen; the library link last.
    const order = await main.evaluate((el) => {
      const text = el.textContent ?? "";
      return [text.indexOf("Go to an emergency department now"), text.indexOf("Read about warning signs")];
    });
    expect(order[0]).toBeGreaterThanOrEqual(0);
    expect(order[0]).toBeLessThan(order[1] ?? -1);
    await expectNoAxeViolations(page, "the emergency screen with the library link");
    await main.getByRole("link", { name: "Read about warning signs" }).click();
    await expectHeading(page, "Warning signs: when to get help fast");
  });
});
