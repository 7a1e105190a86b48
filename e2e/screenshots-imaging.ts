/**
 * The patient page's imaging section: the change per level from the first study to the latest
 * (table and a chart per level) above every study, at desktop and phone width, for a patient
 * created through the API with three MRIs (two levels followed up, one graded once). Called by
 * screenshots.ts; run alone with
 *
 *   BASE_URL=http://127.0.0.1:3000 npx tsx e2e/screenshots.ts --only imaging
 */
import path from "node:path";
import type { Browser } from "playwright-core";
import { staffPage } from "./screenshots-kit";

const studies = [
  {
    date: "2025-02-10",
    modality: "mri",
    findings: [
      { level: "L3-L4", pfirrmann: 2, discHeightPercent: 96, modic: 0 },
      { level: "L4-L5", pfirrmann: 4, discHeightPercent: 64, modic: 1 },
      { level: "L5-S1", pfirrmann: 3, discHeightPercent: 78, modic: 0 },
    ],
  },
  {
    date: "2025-08-14",
    modality: "mri",
    findings: [
      { level: "L4-L5", pfirrmann: 4, discHeightPercent: 62, modic: 2 },
      { level: "L5-S1", pfirrmann: 3, discHeightPercent: 77, modic: 0 },
    ],
  },
  {
    date: "2026-02-20",
    modality: "mri",
    findings: [
      { level: "L4-L5", pfirrmann: 5, discHeightPercent: 55, modic: 2 },
      { level: "L5-S1", pfirrmann: 3, discHeightPercent: 79, modic: 0 },
    ],
  },
];

export async function imagingScreenshots(
  browser: Browser,
  base: string,
  /** The folder the pictures go to: the section alone, not the whole page. */
  out: string,
  accounts: { clinician: string; password: string },
): Promise<void> {
  const setup = await staffPage(browser, base, "desktop", accounts.clinician, accounts.password);
  const res = await setup.request.post(`${base}/api/v1/patients`, {
    data: {
      givenName: "Irene",
      familyName: "Castillo",
      birthDate: "1964-09-30",
      episode: { condition: "degenerative_disc_disease", spinalLevels: ["L4-L5", "L5-S1"] },
    },
  });
  if (!res.ok()) throw new Error(`patient: HTTP ${res.status()} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  for (const data of studies) {
    const r = await setup.request.post(`${base}/api/v1/patients/${id}/imaging`, { data });
    if (!r.ok()) throw new Error(`imaging: HTTP ${r.status()} ${await r.text()}`);
  }
  for (const size of ["desktop", "phone"] as const) {
    const page = await staffPage(browser, base, size, accounts.clinician, accounts.password);
    await page.goto(`/patients/${id}`);
    const section = page.getByRole("region", { name: "Imaging", exact: true });
    await section.getByRole("heading", { name: "Before and after, per level" }).waitFor();
    // A window as tall as the page, so the sticky header does not sit over the section.
    const width = page.viewportSize()?.width ?? 1280;
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(600);
    await section.screenshot({ path: path.join(out, `patient-imaging-${size}.png`) });
    console.log(`  patient-imaging-${size}.png`);
  }
}
