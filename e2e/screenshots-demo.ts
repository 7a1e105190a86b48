/**
 * Screenshots of what `npm start` shows (`--only demo`): the worklist and its follow-ups, the clinic
 * settings as the administrator, and the demo patient whose serious, unexpected event has its
 * reporting clock running; and an exercise programme in its second week on the portal's recovery
 * page (`--only programme`).
 */
import type { Browser } from "playwright-core";
import { signInAdmin } from "./admin";
import { portalPatient as newPortalPatient } from "./intake";
import { mailFolder } from "./mail";
import { ok, opener, type Shoot, staffPage } from "./screenshots-kit";

type Who = { clinician: string; password: string };

export async function demoScreenshots(browser: Browser, base: string, shoot: Shoot, who: Who) {
  const open = opener(browser, base);
  // What `npm start` shows: the worklist, and the demo patient whose serious, unexpected
  // event has its reporting clock running (MRN DSC-000002), with imaging and a diary.
  const desk = await staffPage(browser, base, "desktop", who.clinician, who.password);
  await desk.goto("/worklist");
  await desk.getByRole("heading", { name: "Worklist", level: 1 }).waitFor();
  await shoot(desk, "worklist-demo-desktop");
  await desk.goto("/worklist?view=follow-ups");
  await desk.getByRole("heading", { name: "Follow-ups due", level: 2 }).waitFor();
  await shoot(desk, "worklist-follow-ups-desktop");
  const phone = await staffPage(browser, base, "phone", who.clinician, who.password);
  await phone.goto("/worklist");
  await phone.getByRole("heading", { name: "Worklist", level: 1 }).waitFor();
  await shoot(phone, "worklist-demo-phone");
  for (const size of ["desktop", "phone"] as const) {
    const admin = await open(size);
    await signInAdmin(admin, base, mailFolder());
    await admin.goto("/settings");
    await admin.getByRole("heading", { name: "Clinic settings", level: 1 }).waitFor();
    await shoot(admin, `clinic-settings-${size}`);
  }
  const found = await ok<{ items: { id: string }[] }>(
    await desk.request.get(`${base}/api/v1/patients?q=DSC-000002`),
    "find the demo patient",
  );
  await desk.goto(`/patients/${found.items[0]!.id}`);
  await desk.getByRole("heading", { name: "Follow-ups" }).waitFor();
  await shoot(desk, "patient-page-demo-desktop");
}

export async function programmeScreenshots(browser: Browser, base: string, shoot: Shoot, who: Who) {
  const open = opener(browser, base);
  // An exercise programme in its second week, two sessions ticked, on the recovery page.
  const desk = await staffPage(browser, base, "desktop", who.clinician, who.password);
  const phone = await open("phone");
  const patientId = await newPortalPatient(desk, phone, `Programme-${Date.now().toString(36)}`);
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  await ok(
    await desk.request.post(`${base}/api/v1/patients/${patientId}/treatments`, {
      data: {
        kind: "exercise_physiotherapy",
        date: day(-9),
        procedure: {
          category: "conservative",
          operator: "J. Physio",
          programme: "Graded activity",
          sessionsPerWeek: 2,
          weeks: 6,
        },
      },
    }),
    "record the programme",
  );
  for (const n of [-8, -5, -1])
    await ok(
      await phone.request.put(`${base}/api/v1/portal/programme/sessions/${day(n)}`, { data: {} }),
      "tick",
    );
  await phone.goto("/portal/recovery");
  await phone.getByRole("region", { name: "Your exercise programme" }).waitFor();
  await shoot(phone, "portal-programme-phone");
}
