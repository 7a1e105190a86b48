/**
 * Portal weight and throttled start: what a patient's phone downloads and how soon it can act on
 * the portal's sign-in page and on a questionnaire's first question. Chromium (playwright-core,
 * the system's browser) loads each page with an empty cache in a fresh context, with the CPU
 * slowed 4× through the DevTools protocol (`Emulation.setCPUThrottlingRate`) and no network
 * throttling (the local network). It sums the bytes each script took on the wire
 * (`Network.loadingFinished` `encodedDataLength`: compressed body plus headers) and times, from
 * the start of navigation, the moment the page's first control is on screen and enabled (the
 * e-mail field; the first answer of the first question). A reload with a warm cache shows what the
 * long-lived caching saves. Goal (issue 13): ≤ 150 KB of JavaScript and usable within 1.5 s.
 *
 *   npx tsx bench/portal-weight.ts [--repeats 5] [--base http://127.0.0.1:3000] [--cpu 4]
 *
 * Without --base it starts `evident start` with the demo clinic in a temporary data directory;
 * with --base the app must hold the demo patient (patient@demo.evident.test), who has a
 * follow-up due. A benchmark, not a test: nothing asserts a time.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { freePort } from "@evident/db";
import { type Browser, chromium, type Page } from "playwright-core";
import { evidentBin, healthy } from "./app";
import { load, log, machine } from "./machine";

const { values } = parseArgs({
  options: {
    repeats: { type: "string", default: "5" },
    base: { type: "string" },
    cpu: { type: "string", default: "4" },
    "demo-patients": { type: "string", default: "60" },
  },
});
const repeats = Number(values.repeats);
const cpuRate = Number(values.cpu);
const PASSWORD = "evident-demo-password";

type Load = { jsBytes: number; jsFiles: number; cssBytes: number; allBytes: number; usableMs: number };

/** Starts the app with the demo clinic; returns its address and a stop function. */
async function startApp(): Promise<{ base: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "evident-bench-portal-"));
  const port = await freePort();
  const child = spawn(process.execPath, [evidentBin, "start"], {
    env: {
      ...process.env,
      EVIDENT_DATA_DIR: dir,
      PORT: String(port),
      EVIDENT_DEMO_PATIENTS: values["demo-patients"],
      EVIDENT_LOG_LEVEL: "warn",
      DATABASE_URL: "",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  await healthy(base, child, 180_000);
  return {
    base,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Loads `url` in `page` with the CPU throttled, counting bytes per resource type, and returns
 * when `usable` (run in the page) gives the time the first control appeared.
 */
async function measure(page: Page, url: string, usable: () => number | null): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuRate });
  const types = new Map<string, string>();
  const totals = { jsBytes: 0, jsFiles: 0, cssBytes: 0, allBytes: 0 };
  cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
  cdp.on("Network.loadingFinished", (e) => {
    const type = types.get(e.requestId);
    totals.allBytes += e.encodedDataLength;
    if (type === "Script") {
      totals.jsBytes += e.encodedDataLength;
      totals.jsFiles += 1;
    }
    if (type === "Stylesheet") totals.cssBytes += e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: "commit" });
  const at = await page.waitForFunction(usable, undefined, { polling: 10, timeout: 60_000 });
  const usableMs = (await at.jsonValue()) as number;
  // Scripts asked for after the first control appeared (lazy pages, prefetches) count too.
  await page.waitForLoadState("networkidle");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await cdp.detach();
  return { ...totals, usableMs };
}

const emailFieldReady = () => {
  const input = document.querySelector<HTMLInputElement>('input[type="email"]');
  return input && !input.disabled && input.offsetParent !== null ? performance.now() : null;
};
const firstAnswerReady = () => {
  const radio = document.querySelector<HTMLInputElement>('main input[type="radio"]');
  return radio && !radio.disabled && radio.closest("fieldset, [role=radiogroup]") ? performance.now() : null;
};

async function run(browser: Browser, base: string, page: "sign-in" | "questionnaire", warm: boolean) {
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  try {
    const tab = await context.newPage();
    let url = "/portal/sign-in";
    if (page === "questionnaire") {
      const signIn = await tab.request.post(`${base}/api/v1/auth/patient/sign-in`, {
        data: { email: "patient@demo.evident.test", password: PASSWORD },
      });
      if (!signIn.ok()) throw new Error(`demo patient sign-in: HTTP ${signIn.status()}`);
      const home = (await (await tab.request.get(`${base}/api/v1/portal/home`)).json()) as {
        due: { id: string }[];
      };
      if (!home.due[0]) throw new Error("the demo patient has no questionnaire due");
      url = `/portal/questionnaire/${home.due[0].id}`;
    }
    const usable = page === "sign-in" ? emailFieldReady : firstAnswerReady;
    if (warm) {
      await tab.goto(url);
      await tab.waitForFunction(usable, undefined, { polling: 10 });
      await tab.waitForLoadState("networkidle");
      const again = await context.newPage();
      await tab.close();
      return await measure(again, url, usable);
    }
    return await measure(tab, url, usable);
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => (n / 1000).toFixed(1);

log(`${machine()}; load average ${load()}`);
const app = values.base ? { base: values.base.replace(/\/$/, ""), stop: async () => {} } : await startApp();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
const rows: string[] = [];
try {
  for (const page of ["sign-in", "questionnaire"] as const) {
    for (const warm of [false, true]) {
      const runs: Load[] = [];
      await run(browser, app.base, page, warm); // a first load that warms the server, not counted
      for (let i = 0; i < repeats; i++) runs.push(await run(browser, app.base, page, warm));
      const m = (k: keyof Load) => median(runs.map((r) => r[k]));
      const times = runs.map((r) => Math.round(r.usableMs));
      log(`${page} ${warm ? "warm" : "cold"}: usable ${times.join(", ")} ms`);
      rows.push(
        `| ${page} | ${warm ? "warm" : "empty"} | ${m("jsFiles")} | ${kb(m("jsBytes"))} | ${kb(m("cssBytes"))} | ${kb(m("allBytes"))} | ${Math.round(m("usableMs"))} (${Math.min(...times)}–${Math.max(...times)}) |`,
      );
    }
  }
} finally {
  await browser.close();
  await app.stop();
}
console.log(
  `${machine()}; load average after the run ${load()}; CPU slowed ${cpuRate}×, ${repeats} loads each\n`,
);
console.log(
  "| page | cache | scripts | JS on the wire, KB | CSS, KB | everything, KB | first control usable, ms: median (range) |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const r of rows) console.log(r);
