import { launchBrowser } from "./browser";
import { signedIn } from "./screenshots-outcomes";

const base = process.env.BASE_URL!;
const browser = await launchBrowser("/usr/bin/chromium");
const size = (process.argv[2] ?? "desktop") as "desktop" | "phone";
const who = process.argv[3] ?? "researcher@demo.evident.test";
const page = await signedIn(browser, base, size, who, "evident-demo-password");
page.on("console", (m) => {
  if (m.type() === "error") console.log("console:", m.text());
});
await page.goto(process.argv[4] ?? "/outcomes");
await page.waitForTimeout(5000);
await page.screenshot({ path: "/tmp/look.png", fullPage: process.argv[5] === "full" });
console.log(await page.evaluate(() => document.body.innerText.slice(0, 3000)));
await browser.close();
