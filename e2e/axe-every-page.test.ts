/**
 * axe on every page a person can reach from the navigation, at phone and desktop width: signed in
 * as each staff role (clinician, coordinator, administrator, researcher) and as the demo portal
 * patient, and signed out. No serious or critical violation anywhere; every page's findings are
 * gathered first, so one run lists them all.
 *
 * Which pages: a role's navigation links read off its own menu (so a new page in the menu is
 * checked without touching this file), its account page, the views inside a page that have their
 * own address (the worklist's and the outcomes page's tabs), adding a patient, and a demo patient
 * with answers, a diary and imaging (the patient page's charts). To keep the run to a few minutes,
 * pages are opened one after another in one window per role and size, and a page another role has
 * already had checked is not checked again (the researcher's outcomes are pooled data, so they
 * count as pages of their own).
 */
import { libraryTopics } from "@evident/domain/library";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { ADMIN, signInAdmin } from "./admin";
import { CLINICIAN, DEMO_PASSWORD, RESEARCHER, useBrowser } from "./app";
import { axeViolations, describeViolations, type ViewportName } from "./browser";

const COORDINATOR = "coordinator@demo.evident.test";
const PATIENT = "patient@demo.evident.test";
/** The demo patient whose page has every chart: answers over time, a pain diary and imaging. */
const CHARTED_PATIENT = "DSC-000002";

/** Views with their own address inside a page. */
const views: Record<string, string[]> = {
  "/worklist": ["everything", "triage", "follow-ups", "tasks"],
  "/outcomes": ["change", "distribution", "survival", "comparison", "benchmarks"],
};

/** Outcomes analyses on the 1,500-patient demo can take a while on a busy machine. */
const SETTLE = 30_000;

/** Waits until the page's own content is in: no spinner left, the network quiet. False if it never is. */
async function settle(page: Page): Promise<boolean> {
  try {
    await page.locator("main, [role=main]").first().waitFor({ timeout: SETTLE });
    await page.waitForFunction(() => document.querySelectorAll(".mantine-Loader-root").length === 0, null, {
      timeout: SETTLE,
    });
  } catch {
    return false;
  }
  await page.waitForLoadState("networkidle", { timeout: 1_500 }).catch(() => undefined);
  // Plots draw once their container has been measured.
  await page.waitForTimeout(200);
  return true;
}

/** The serious and critical violations on one page (or that it never loaded), each naming the page. */
async function serious(page: Page, url: string, who: string, size: ViewportName): Promise<string[]> {
  await page.goto(url);
  const where = `${url} as ${who} at ${size}`;
  if (!(await settle(page))) return [`${where}: still loading after ${SETTLE / 1000} s`];
  const found = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
  return found.length === 0 ? [] : [`${where}:`, ...describeViolations(found)];
}

async function signIn(page: Page, email: string): Promise<void> {
  if (email === ADMIN) return signInAdmin(page, inject("baseUrl"), inject("mailDir"));
  const res = await page.request.post("/api/v1/auth/staff/sign-in", {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(res.ok(), `sign-in as ${email}`).toBe(true);
}

/** Every address the signed-in staff member's navigation leads to, with the views inside pages. */
async function staffPages(page: Page): Promise<string[]> {
  await page.goto("/account");
  const links = page.locator("#clinic-nav a[href]");
  await links.first().waitFor();
  const nav = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const pages = ["/account"];
  for (const path of nav) {
    pages.push(...(views[path]?.map((v) => `${path}?view=${v}`) ?? [path]));
    if (path === "/patients") {
      const found = await page.request.get(`/api/v1/patients?q=${CHARTED_PATIENT}`);
      const id = ((await found.json()) as { items: { id: string }[] }).items[0]?.id;
      expect(id, `demo patient ${CHARTED_PATIENT}`).toBeTruthy();
      pages.push(`/patients/${id}`);
      const me = (await (await page.request.get("/api/v1/auth/me")).json()) as { permissions?: string[] };
      if (me.permissions?.includes("patients:write")) pages.push("/patients/new");
    }
  }
  return pages;
}

/** Every portal page the demo patient can open from the portal's home and its links. */
async function portalPages(page: Page): Promise<string[]> {
  const home = (await (await page.request.get("/api/v1/portal/home")).json()) as { due?: { id: string }[] };
  const due = home.due?.[0]?.id;
  return [
    "/portal",
    ...(due ? [`/portal/questionnaire/${due}`] : []),
    "/portal/intake",
    "/portal/intake/result",
    "/portal/choices",
    "/portal/choices/values",
    "/portal/choices/summary",
    "/portal/diary",
    "/portal/recovery",
    "/portal/consent",
    "/portal/consent/bone_marrow_concentrate",
    "/portal/problem",
    "/portal/password",
    "/portal/library",
    ...libraryTopics.map((t) => `/portal/library/${t.id}`),
  ];
}

const signedOutPages = ["/sign-in", "/forgot-password", "/portal/sign-in", "/portal/forgot-password"];

describe("axe on every page", () => {
  const browser = useBrowser();

  /** Pages already checked, by address and by whose data they show (one clinic's or pooled). */
  const checked = new Set<string>();
  const staff = [
    ["clinician", CLINICIAN],
    ["coordinator", COORDINATOR],
    ["administrator", ADMIN],
    ["researcher", RESEARCHER],
  ] as const;

  /** A role's pages, read off its navigation once and shared by its desktop and phone runs. */
  const pagesOf = new Map<string, string[]>();

  describe.each(staff)("a %s's pages", (who, email) => {
    it.each(["desktop", "phone"] as const)("have no serious or critical violation at %s width", {
      timeout: 4 * 60_000,
    }, async (size) => {
      const page = await browser.open(size);
      await signIn(page, email);
      let pages = pagesOf.get(who);
      if (!pages) {
        // The researcher's outcomes are pooled data: pages of their own. Anything else another
        // role has had checked is not checked again.
        pages = (await staffPages(page)).filter((url) => {
          const key = `${who === "researcher" && url.startsWith("/outcomes") ? "pooled" : "clinic"} ${url}`;
          if (checked.has(key)) return false;
          checked.add(key);
          return true;
        });
        pagesOf.set(who, pages);
      }
      const problems: string[] = [];
      for (const url of pages) problems.push(...(await serious(page, url, who, size)));
      expect(problems.join("\n")).toBe("");
    });
  });

  it("finds no serious or critical violation on any portal page or sign-in page, at phone and desktop width", {
    timeout: 6 * 60_000,
  }, async () => {
    const problems: string[] = [];
    for (const size of ["phone", "desktop"] as const) {
      const out = await browser.open(size);
      for (const url of signedOutPages) problems.push(...(await serious(out, url, "nobody", size)));
      const page = await browser.open(size);
      const res = await page.request.post("/api/v1/auth/patient/sign-in", {
        data: { email: PATIENT, password: DEMO_PASSWORD },
      });
      expect(res.ok(), "demo patient sign-in").toBe(true);
      for (const url of await portalPages(page))
        problems.push(...(await serious(page, url, "the patient", size)));
    }
    expect(problems.join("\n")).toBe("");
  });
});
