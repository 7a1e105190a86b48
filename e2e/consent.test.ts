/**
 * E-consent in the browser, on a phone: a new patient signs the research consent; a cell therapy
 * is refused while its procedure consent is unsigned; the patient reads the procedure consent,
 * answers the teach-back — a wrong answer is explained and asked again — types their name and
 * signs, after which the treatment is recorded; later the patient takes back research consent,
 * and the researcher's pooled outcomes no longer count them while the clinic's own still do.
 */
import { describe, expect, it } from "vitest";
import {
  expectFieldError,
  expectHeading,
  expectNoSideways,
  expectText,
  isoDaysFromToday,
  RESEARCHER,
  signInStaff,
  unique,
  useBrowser,
  visible,
} from "./app";
import { expectNoAxeViolations } from "./browser";
import { portalPatient } from "./intake";

const browser = useBrowser();

describe("e-consent", () => {
  it("a patient signs a procedure consent after the teach-back, and later withdraws research consent", async () => {
    const staff = await browser.open("desktop");
    await signInStaff(staff);
    const researcher = await browser.open("desktop");
    await signInStaff(researcher, RESEARCHER);
    const phone = await browser.open("phone");
    const family = `Consent-${unique()}`;
    const patientId = await portalPatient(staff, phone, family);
    const signIn = await phone.request.post("/api/v1/auth/patient/sign-in", {
      data: { email: await emailOf(staff, patientId), password: "a long enough patient password" },
    });
    expect(signIn.ok()).toBe(true);

    // The research consent: read and signed (no teach-back for it).
    await phone.goto("/portal/consent");
    await expectHeading(phone, "Consent forms");
    const research = await visible(
      phone.getByRole("region", { name: "Consent to the registry and research" }),
    );
    await research.getByRole("link", { name: "Read and sign" }).click();
    await expectHeading(phone, "Consent to the registry and research");
    await phone.getByLabel("Type your full name").fill(`Sam ${family}`);
    await phone.getByRole("checkbox", { name: "I have read this form and I agree to it." }).check();
    await phone.getByRole("button", { name: "Sign", exact: true }).click();
    await expectText(phone, "Thank you. Your signature is saved.");

    // A cell therapy without its procedure consent is refused, naming the consent.
    const bmc = {
      kind: "bone_marrow_concentrate",
      date: isoDaysFromToday(0),
      candidacyOverride: { reason: "Assessed by the referring surgeon" },
    };
    const refused = await staff.request.post(`/api/v1/patients/${patientId}/treatments`, { data: bmc });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe("consent");

    // The procedure consent: the document, then the teach-back.
    await phone.goto("/portal/consent");
    const procedure = await visible(phone.getByRole("region", { name: "Consent for a bone marrow shot" }));
    await procedure.getByRole("link", { name: "Read and sign" }).click();
    await expectHeading(phone, "Consent for a bone marrow shot");
    await expectText(phone, /This treatment is not FDA-approved for back pain/);
    await expectText(phone, "How sure we are: very low");
    await expect(phone.getByLabel("Type your full name").count()).resolves.toBe(0);
    const check = phone.getByRole("region", { name: "Three questions first" });
    await check.getByRole("radio", { name: /It is not FDA-approved for back pain/ }).check();
    await check.getByRole("radio", { name: "It helps most people" }).check();
    await check.getByRole("radio", { name: "I still get the rest of my care here" }).check();
    await check.getByRole("button", { name: "Check my answers" }).click();
    const why = await visible(check.getByRole("alert"));
    await expectText(why, /We do not know if it helps/);
    await expectText(why, "Please read this and answer again.");
    await expectNoAxeViolations(phone, "the teach-back with a wrong answer explained");
    await expect(phone.getByLabel("Type your full name").count()).resolves.toBe(0);
    await check.getByRole("radio", { name: /We do not know if it helps more than a fake shot/ }).check();
    await check.getByRole("button", { name: "Check my answers" }).click();
    await expectText(check, "All three answers are right. You can sign now.");
    await phone.getByLabel("Type your full name").fill(`Sam ${family}`);
    await phone.getByRole("checkbox", { name: "I have read this form and I agree to it." }).check();
    await expectNoSideways(phone);
    await phone.getByRole("button", { name: "Sign", exact: true }).click();
    await expectText(phone, "Thank you. Your signature is saved.");
    await expectNoAxeViolations(phone, "the consent forms after signing");

    const recorded = await staff.request.post(`/api/v1/patients/${patientId}/treatments`, { data: bmc });
    expect(recorded.status()).toBe(201);
    expect(((await recorded.json()) as { consent: { basis: string } }).consent.basis).toBe("signed");

    // Later: research consent taken back; pooled outcomes leave the patient out, the clinic keeps them.
    const pooled = async () =>
      ((await (await researcher.request.get("/api/v1/outcomes")).json()) as { patients: number }).patients;
    const own = async () =>
      ((await (await staff.request.get("/api/v1/outcomes")).json()) as { patients: number }).patients;
    const [pooledBefore, ownBefore] = [await pooled(), await own()];
    await phone.goto("/portal/consent");
    const again = await visible(phone.getByRole("region", { name: "Consent to the registry and research" }));
    await again.getByRole("button", { name: "Take back my consent" }).click();
    const dialog = await visible(phone.getByRole("dialog", { name: "Take back your consent?" }));
    await expectText(dialog, /your data will not be used in shared results or research files/);
    await dialog.getByRole("button", { name: "Yes, take it back" }).click();
    await expectText(phone, /You took back your research consent/);
    expect(await pooled()).toBe(pooledBefore - 1);
    expect(await own()).toBe(ownBefore);

    await staff.goto(`/patients/${patientId}`);
    const consents = await visible(staff.getByRole("region", { name: "Consents" }));
    await expectText(consents, "Research consent withdrawn");
  }, 240_000);

  it("staff record a paper consent with its witness on the patient's page, at phone and desktop widths", async () => {
    for (const width of ["desktop", "phone"] as const) {
      const staff = await browser.open(width);
      await signInStaff(staff);
      const family = `Paper-${unique()}`;
      const created = await staff.request.post("/api/v1/patients", {
        data: {
          givenName: "Rosa",
          familyName: family,
          birthDate: "1975-04-02",
          sex: "female",
          episode: { condition: "nonspecific_low_back_pain" },
        },
      });
      expect(created.status()).toBe(201);
      const patientId = ((await created.json()) as { id: string }).id;
      await staff.goto(`/patients/${patientId}`);
      const consents = await visible(staff.getByRole("region", { name: "Consents" }));
      await expectText(consents, "No consent signed yet.");
      await consents.getByRole("button", { name: "Record paper consent" }).click();
      const dialog = await visible(staff.getByRole("dialog", { name: "Record a paper consent" }));
      await expectNoAxeViolations(staff, `the paper consent form (${width})`);

      // Nothing chosen, no witness: each field says what is missing, and nothing is recorded.
      await dialog.getByRole("button", { name: "Record consent" }).click();
      await expectFieldError(dialog.getByLabel("Form signed"), "Choose the form the patient signed.");
      await expectFieldError(dialog.getByLabel("Witness"), /./);
      await expectNoAxeViolations(staff, `the paper consent form with its errors (${width})`);

      const form = dialog.getByLabel("Form signed");
      const option = await form
        .locator("option")
        .filter({ hasText: /^Registry and research · v\d+ · ES$/ })
        .getAttribute("value");
      await form.selectOption(option ?? "");
      await dialog.getByLabel("Witness").fill("Nurse Grace Okafor");
      await dialog.getByLabel("Signed on").fill(isoDaysFromToday(-1));
      await dialog.getByRole("button", { name: "Record consent" }).click();
      await expect(dialog.waitFor({ state: "hidden" })).resolves.toBeUndefined();

      const row = await visible(consents.getByRole("row", { name: /Registry and research/ }));
      await expectText(row, /ES/);
      await expectText(row, /Paper, witness Nurse Grace Okafor/);
      await expectText(row, "In force");
      if (width === "phone") await expectNoSideways(staff);
      await expectNoAxeViolations(staff, `the patient's consents after a paper consent (${width})`);

      // The record keeps who recorded it and the witness, with the document's hash as signed.
      const record = (await (await staff.request.get(`/api/v1/patients/${patientId}/consents`)).json()) as {
        consents: { method: string; witnessName: string; sha256: string; recordedBy: { name: string } }[];
      };
      expect(record.consents).toHaveLength(1);
      expect(record.consents[0]).toMatchObject({ method: "paper", witnessName: "Nurse Grace Okafor" });
      expect(record.consents[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
      await staff.close();
    }
  }, 240_000);
});

async function emailOf(staff: import("playwright-core").Page, patientId: string): Promise<string> {
  const p = (await (await staff.request.get(`/api/v1/patients/${patientId}`)).json()) as { email: string };
  return p.email;
}
