/**
 * The progress report (run by screenshots.ts with `--only report`, and with the rest): page 1 of
 * the report of the demo patient with the most answers after a treatment, as the clinician
 * downloads it from the patient page, in English and in Spanish, rendered to PNG with pdftoppm
 * (poppler) at 80 dpi; the patient page's header with its "Progress report (PDF)" button; and the
 * demo patient's recovery page on a phone with the link to their own report.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, newContext } from "./browser";

type Shoot = (page: Page, name: string, full?: boolean) => Promise<void>;

export async function reportScreenshots(
  browser: Browser,
  base: string,
  shoot: Shoot,
  out: string,
  accounts: { clinician: string; patient: string; password: string },
): Promise<void> {
  const page = await (await newContext(browser, base, "desktop")).newPage();
  const signIn = await page.request.post(`${base}/api/v1/auth/staff/sign-in`, {
    data: { email: accounts.clinician, password: accounts.password },
  });
  if (!signIn.ok()) throw new Error(`sign-in: HTTP ${signIn.status()}`);
  const list = await page.request.get(`${base}/api/v1/patients?limit=60`);
  let id: string | null = null;
  let most = 0;
  for (const p of ((await list.json()) as { items: { id: string }[] }).items) {
    const d = (await (await page.request.get(`${base}/api/v1/patients/${p.id}`)).json()) as {
      responses: { timepoint: string }[];
      treatments: unknown[];
    };
    const after = d.responses.filter((r) => r.timepoint !== "baseline").length;
    if (d.treatments.length > 0 && after > most) [id, most] = [p.id, after];
  }
  if (!id) throw new Error("no demo patient with answers after a treatment");
  await page.goto(`/patients/${id}`);
  await page.getByRole("link", { name: "Progress report (PDF)" }).waitFor();
  await shoot(page, "progress-report-button-desktop", false);

  const dir = await mkdtemp(path.join(tmpdir(), "report-"));
  try {
    for (const lang of ["en", "es"] as const) {
      const res = await page.request.get(`${base}/api/v1/patients/${id}/progress-report.pdf?lang=${lang}`);
      if (!res.ok()) throw new Error(`report (${lang}): HTTP ${res.status()}`);
      const file = path.join(dir, `report-${lang}.pdf`);
      await writeFile(file, await res.body());
      const stem = path.join(dir, lang);
      await promisify(execFile)("pdftoppm", [
        "-png",
        "-r",
        "80",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        file,
        stem,
      ]);
      const name = lang === "en" ? "progress-report" : "progress-report-es";
      await rename(`${stem}.png`, path.join(out, `${name}.png`));
      console.log(`  ${name}.png`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const phone = await (await newContext(browser, base, "phone")).newPage();
  const patient = await phone.request.post(`${base}/api/v1/auth/patient/sign-in`, {
    data: { email: accounts.patient, password: accounts.password },
  });
  if (!patient.ok()) throw new Error(`patient sign-in: HTTP ${patient.status()}`);
  await phone.goto("/portal/recovery");
  const link = phone.getByRole("link", { name: /progress report \(PDF\)/ });
  await link.waitFor();
  const href = await link.getAttribute("href");
  const own = await phone.request.get(`${base}${href}`);
  if (!own.ok() || own.headers()["content-type"] !== "application/pdf")
    throw new Error(`the portal's report: HTTP ${own.status()}`);
  await expectNoAxeViolations(phone, "recovery page with the report link (phone)");
  await shoot(phone, "progress-report-link-portal-phone", false);
}
