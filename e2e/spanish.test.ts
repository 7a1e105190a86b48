/**
 * The portal in Spanish, where safety depends on it: a patient who switches to Español answers the
 * safety questions in Spanish, and a red flag stops the portal with what to do now in Spanish
 * while the clinic is told; the pain diary and "report a problem" work in Spanish; and the recovery
 * timeline shows the phases of the patient's own treatment in Spanish. The page's
 * language is "es" throughout, so screen readers read it with Spanish voices; axe checks each screen.
 */
import { describe, expect, it } from "vitest";
import { expectHeading, expectNoSideways, expectText, signInStaff, useBrowser, visible } from "./app";
import { expectNoAxeViolations } from "./browser";
import { answerIntake, portalPatient } from "./intake";

describe("the portal in Spanish", () => {
  const browser = useBrowser();

  it("a red flag answered in Spanish stops the portal with Spanish advice, and the clinic is told", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    const page = await browser.open("phone");
    const patientId = await portalPatient(staff, page);

    await page.goto("/portal");
    await page.getByText("Español", { exact: true }).click();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("es");
    await page.getByRole("link", { name: "Ir a las preguntas de seguridad" }).click();
    await expectHeading(page, "Preguntas de seguridad");
    await expectNoAxeViolations(page, "the safety questions in Spanish");
    await expectNoSideways(page);

    await page.getByRole("button", { name: "Enviar mis respuestas" }).click();
    await expectText(page, "Le faltan 26 respuestas. Las marcamos abajo.");
    await answerIntake(page, { weeks: 6, yes: ["saddleNumbness"], lang: "es" });
    await page.getByRole("button", { name: "Enviar mis respuestas" }).click();

    await expectHeading(page, "Busque ayuda ahora");
    await expectText(page, /Vaya a urgencias ahora/);
    expect(await page.getByRole("link", { name: "Llame al 911 ahora" }).getAttribute("href")).toBe("tel:911");
    await expectNoAxeViolations(page, "the emergency screen in Spanish");
    expect(await page.getByRole("main").getByRole("link").allTextContents()).toEqual([
      "Llame al 911 ahora",
      "Lea sobre las señales de alarma",
    ]);

    const tasks = (await (await staff.request.get(`/api/v1/tasks?patientId=${patientId}`)).json()) as {
      items: { priority: string; kind: string }[];
    };
    expect(tasks.items).toEqual([
      expect.objectContaining({ priority: "emergency", kind: "triage_emergency" }),
    ]);
  });

  it("the pain diary and a problem report work in Spanish", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    const page = await browser.open("phone");
    await portalPatient(staff, page);
    await page.goto("/portal");
    await page.getByText("Español", { exact: true }).click();

    await page.goto("/portal/diary");
    await expectHeading(page, "Diario del dolor");
    await page.getByRole("button", { name: "Guardar el diario de hoy" }).click();
    await expectText(page, "Elija un número para el dolor de espalda.");
    await page
      .getByRole("group", { name: "Dolor de espalda hoy" })
      .getByRole("radio", { name: /^6(,|$)/ })
      .check();
    await page
      .getByRole("group", { name: "Dolor de pierna hoy" })
      .getByRole("radio", { name: /^2(,|$)/ })
      .check();
    await page.getByRole("button", { name: "Añadir una medicina" }).click();
    await page.getByLabel("Medicina 1", { exact: true }).selectOption({ label: "Tramadol (mg)" });
    await page.getByLabel("Dosis (mg)").fill("50");
    await page.getByLabel("Veces hoy").fill("2");
    await expectText(page, "= 20 MME: la dosis como si fuera morfina");
    await expectNoAxeViolations(page, "the pain diary in Spanish");
    await page.getByRole("button", { name: "Guardar el diario de hoy" }).click();
    await expectText(page, "Su diario de hoy está guardado. Opioides hoy: 20 MME.");
    await visible(page.getByRole("table", { name: "Días del diario" }));

    await page.goto("/portal/problem");
    await expectHeading(page, "Avisar de un problema");
    await page.getByRole("checkbox", { name: "Mucho más dolor que antes" }).check();
    await expectNoAxeViolations(page, "report a problem in Spanish");
    await page.getByRole("button", { name: "Enviar a la clínica" }).click();
    await expectText(page, "Gracias, la clínica lo va a mirar");
    await expectText(page, /Es un consejo, no un diagnóstico/);
  });

  it("the recovery timeline shows the phases of the patient's own treatment, in Spanish", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    const page = await browser.open("phone");
    const patientId = await portalPatient(staff, page);
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    const treated = await staff.request.post(`/api/v1/patients/${patientId}/treatments`, {
      data: { kind: "epidural_steroid_injection", date: tenDaysAgo },
    });
    expect(treated.status()).toBe(201);
    await page.goto("/portal/recovery");
    await expectHeading(page, "Your recovery");
    await expectText(page, "Weeks 1–2: the first days");
    await page.getByText("Español", { exact: true }).click();
    await expectHeading(page, "Su recuperación");
    await expectText(page, /^Inyección epidural de corticoides el .* · día 10$/);
    await expectText(page, "Semanas 1 y 2: los primeros días");
    await expectText(page, "Usted está aquí");
    await expectText(page, "Cuándo llamar");
    // An injection without a harvest: nothing about a harvest site.
    expect(await page.getByText(/toma|sacaron células/).count()).toBe(0);
    await expectNoAxeViolations(page, "the recovery timeline in Spanish");
    await expectNoSideways(page);
  });
});
