/**
 * The decision aid in Spanish: a patient who reads the portal in Español and has no red flag sees
 * every option in Spanish in the same template (the same numbers in the icon arrays, every cell
 * therapy experimental and not approved by the FDA for back pain), rates what matters in Spanish,
 * and gets the summary on screen and as a PDF in Spanish; the page's language is "es" and axe finds
 * nothing on each screen. The clinic keeps seeing the decision aid in English, and the patient
 * page says the choice was read in Spanish.
 */

import { inflateSync } from "node:zlib";
import { decisionOptions, localizedOptions } from "@evident/domain/evidence";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { expectHeading, expectNoSideways, expectText, signInStaff, useBrowser, visible } from "./app";
import { expectNoAxeViolations } from "./browser";
import { answerIntake, portalPatient } from "./intake";

/** The PDF's drawn text as upper-case hex WinAnsi codes (Latin-1 for every letter used here). */
function pdfText(bytes: Buffer): string {
  const file = bytes.toString("latin1");
  return [...file.matchAll(/stream\r?\n([\s\S]*?)endstream/g)]
    .map((m) => {
      try {
        return inflateSync(Buffer.from(m[1] ?? "", "latin1")).toString("latin1");
      } catch {
        return "";
      }
    })
    .join("")
    .toUpperCase();
}
const hex = (t: string) => Buffer.from(t, "latin1").toString("hex").toUpperCase();

describe("the decision aid in Spanish", () => {
  const browser = useBrowser();

  it("shows the options, the values step and the summary in Spanish, and the PDF too", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    const page = await browser.open("phone");
    const patientId = await portalPatient(staff, page);

    await page.goto("/portal");
    await page.getByText("Español", { exact: true }).click();
    await page.goto("/portal/intake");
    await answerIntake(page, { weeks: 30, yes: [], lang: "es" });
    await page.getByRole("button", { name: "Enviar mis respuestas" }).click();
    await page.getByRole("link", { name: "Ver sus opciones" }).click();

    await expectHeading(page, "Sus opciones de tratamiento");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("es");
    const cards = page.getByRole("article");
    await visible(cards);
    expect(await cards.count()).toBe(decisionOptions.length);
    await page.getByRole("button", { name: "Abrir todas las opciones" }).click();
    const es = localizedOptions("es");
    for (const o of es.filter((x) => x.investigational)) {
      const card = page.getByRole("article", { name: o.name });
      await expectText(card, "Experimental");
      await expectText(card, /No está aprobado por la FDA para el dolor de espalda/);
      await expectText(card, "Tras una inyección falsa");
    }
    const bmc = page.getByRole("article", { name: /Inyección de médula ósea/ });
    await visible(
      bmc.getByRole("img", {
        name: "Inyección de médula ósea: 44 de cada 100 personas vieron bajar su dolor a la mitad o más, a los 12 meses; 56 no.",
      }),
    );
    await expectText(bmc, "Certeza muy baja");
    await expectText(bmc, "Inyección falsa, 12 meses");
    await expectText(bmc, "18 personas en este grupo, lo más probable, de 34 a 75");
    // At a glance, the bone marrow shot has the fake shot beside it, both ways.
    const glance = page.locator("[data-glance='bone-marrow-concentrate']");
    await expectText(glance, "Inyección falsa: 56 de cada 100 (44 no)");
    await expectText(glance, "Inyección de médula ósea: 44 de cada 100 (56 no)");
    // Nothing of the options is left in English.
    const main = await page.getByRole("main").innerText();
    for (const o of decisionOptions) expect(main, o.id).not.toContain(o.name);
    for (const english of [
      "What fair tests found",
      "did not",
      "What can go wrong",
      "not FDA-approved",
      "How sure are",
    ])
      expect(main).not.toContain(english);
    await expectNoSideways(page);
    await expectNoAxeViolations(page, "the decision aid in Spanish on a phone");

    await page.getByRole("link", { name: "Siguiente: lo que le importa" }).click();
    await expectHeading(page, "Lo que le importa");
    await expectText(page, "¿Cuánto le importa cada una de estas cosas?");
    await page.getByRole("button", { name: "Guardar y ver mi resumen" }).click();
    await expectText(page, "Faltan 6 respuestas");
    for (const [statement, label] of [
      ["No tener que operarme", "Muchísimo"],
      ["Sentir alivio pronto", "Algo"],
      ["No tener agujas ni inyecciones", "Mucho"],
      ["Gastar poco", "Un poco"],
      ["Elegir un cuidado bien estudiado", "Muchísimo"],
    ] as const)
      await page.getByRole("group", { name: statement }).getByRole("radio", { name: label }).check();
    await page
      .getByLabel("¿Qué opción prefiere por ahora?")
      .selectOption({ label: "Ejercicio y fisioterapia" });
    await page.getByLabel("Preguntas para su cita").fill("¿Puedo seguir trabajando mientras lo hago?");
    await expectNoAxeViolations(page, "the values step in Spanish");
    await page.getByRole("button", { name: "Guardar y ver mi resumen" }).click();

    await expectHeading(page, "Mis opciones para el dolor de espalda: resumen");
    await expectText(page, "La opción que prefiero por ahora: Ejercicio y fisioterapia");
    await expectText(page, "¿Puedo seguir trabajando mientras lo hago?");
    await expectText(page, /versión de la guía \d/);
    await expectText(page, /Nadie que fabrique o venda un tratamiento/);
    const values = page.getByRole("region", { name: "Lo que me importa" });
    await expectText(values, "No tener que operarme");
    await expectText(values, "Muchísimo");
    await expectNoAxeViolations(page, "the summary in Spanish");

    const href = await page.getByRole("link", { name: "Descargar PDF" }).getAttribute("href");
    expect(href).toMatch(/summary\.pdf\?lang=es$/);
    const pdf = await page.request.get(href ?? "");
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const bytes = await pdf.body();
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe("Mis opciones para el dolor de espalda: resumen");
    const text = pdfText(bytes);
    for (const t of [
      "Lo que me importa",
      "Ejercicio y fisioterapia",
      "¿Puedo seguir trabajando mientras lo hago?",
    ])
      expect(text, t).toContain(hex(t));
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header").first().isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });

    // The clinic: the choice in English, with the language it was read in; the aid stays English
    // even in a browser that chose Spanish in the portal.
    await staff.goto(`/patients/${patientId}`);
    const section = staff.getByRole("region", { name: "Decision aid" });
    await expectText(section, /Leaning toward: .*Exercise and physical therapy/);
    await expectText(section, /read in Spanish/);
    await staff.evaluate(() => localStorage.setItem("evident.portal.language", "es"));
    await staff.goto("/decision-aid");
    await visible(staff.getByRole("article", { name: /Bone marrow shot/ }));
    expect(await staff.evaluate(() => document.documentElement.lang)).not.toBe("es");
  });
});
