import { chromium } from "playwright-core";
const base = process.env.BASE_URL!;
const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const ctx = await b.newContext({ baseURL: base, viewport: { width: 390, height: 844 } });
const page = await ctx.newPage();
const list = await (await page.request.get(`${base}/api/v1/public/track-records`)).json();
console.log(JSON.stringify(list));
await b.close();
