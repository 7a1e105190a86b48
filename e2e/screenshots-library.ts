/**
 * Screenshots of the education library (`--only library`): the index and the page on "stem cell"
 * shots, signed out, at phone and desktop widths; the warning-signs page in Spanish on a phone.
 * Whole pages, so a reader can check every paragraph's certainty label and sources.
 */
import type { Browser } from "playwright-core";
import { newContext } from "./browser";
import type { Shoot } from "./screenshots-intake";

export async function libraryScreenshots(browser: Browser, base: string, shoot: Shoot) {
  for (const size of ["phone", "desktop"] as const) {
    const page = await (await newContext(browser, base, size)).newPage();
    await page.goto("/portal/library");
    await page.getByRole("heading", { name: "Learn about back pain", level: 1 }).waitFor();
    await shoot(page, `library-index-${size}`);
    await page.goto("/portal/library/stem-cell-shots");
    await page.getByRole("heading", { name: "Sources", level: 2 }).waitFor();
    await shoot(page, `library-stem-cell-shots-${size}`);
    await page.context().close();
  }
  const page = await (await newContext(browser, base, "phone")).newPage();
  await page.goto("/portal/library/warning-signs");
  await page.getByText("Español", { exact: true }).click();
  await page.getByRole("heading", { name: "Señales de alarma: cuándo pedir ayuda ya", level: 1 }).waitFor();
  await shoot(page, "library-warning-signs-es-phone");
  await page.context().close();
}
