/**
 * The Messages page with a withdrawn follow-up message (run by screenshots.ts with
 * `--only messages`, and with the rest), on an app without an e-mail server (`npm start`): a
 * patient treated a week ago activates the portal, the jobs queue the 2-week invitation, and the
 * clinic enters the answers by phone, which withdraws it. Shot at desktop width, with the
 * message opened, and the patient's portal invitation opened (its sign-in link hidden from staff).
 */
import { getInstrument } from "@evident/domain/instruments";
import type { APIRequestContext, Browser, Page } from "playwright-core";
import { signInAdmin } from "./admin";
import { expectNoAxeViolations, newContext } from "./browser";
import { linkTokenFor, mailFolder } from "./mail";

type Shoot = (page: Page, name: string, full?: boolean) => Promise<void>;

async function ok<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<T> {
  if (!res.ok()) throw new Error(`${what}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Every item answered in the middle of its scale. */
function answers(instrument: string): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  for (const item of getInstrument(instrument).items) {
    if (item.type === "boolean") out[item.id] = false;
    else if (item.type === "integer") out[item.id] = Math.round((item.min! + item.max!) / 2);
    else out[item.id] = item.options![Math.floor((item.options!.length - 1) / 2)]!.value;
  }
  return out;
}

export async function messageScreenshots(
  browser: Browser,
  base: string,
  shoot: Shoot,
  accounts: { clinician: string; admin: string; password: string },
): Promise<void> {
  const desk = await (await newContext(browser, base, "desktop")).newPage();
  const signIn = (email: string) =>
    desk.request.post(`${base}/api/v1/auth/staff/sign-in`, { data: { email, password: accounts.password } });
  await ok(await signIn(accounts.clinician), "staff sign-in");
  const suffix = Date.now().toString(36);
  const email = `ines.moreau.${suffix}@example.test`;
  const p = await ok<{ id: string }>(
    await desk.request.post(`${base}/api/v1/patients`, {
      data: {
        givenName: "Inès",
        familyName: "Moreau",
        birthDate: "1969-04-22",
        sex: "female",
        email,
        invite: true,
        mrn: `MSG-${suffix}`,
        episode: { condition: "degenerative_disc_disease", spinalLevels: ["L5-S1"] },
      },
    }),
    "patient",
  );
  const outbox = async () =>
    (
      await ok<{
        items: { id: string; patientId: string | null; kind: string; body: string; status: string }[];
      }>(await desk.request.get(`${base}/api/v1/outbox`), "outbox")
    ).items.filter((m) => m.patientId === p.id);
  const token = await linkTokenFor(email);
  await ok(
    await desk.request.post(`${base}/api/v1/invitations/accept`, {
      data: { token, password: "a long enough patient password" },
    }),
    "accept",
  );
  await ok(await signIn(accounts.clinician), "staff sign-in");
  const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  await ok(
    await desk.request.post(`${base}/api/v1/patients/${p.id}/treatments`, {
      data: { kind: "exercise_physiotherapy", date: weekAgo },
    }),
    "treatment",
  );
  await signInAdmin(desk, base, mailFolder());
  await ok(await desk.request.post(`${base}/api/v1/jobs/run`, { data: {} }), "jobs");
  await ok(await signIn(accounts.clinician), "staff sign-in");
  const detail = await ok<{ followUps: { id: string; timepoint: string; instruments: string[] }[] }>(
    await desk.request.get(`${base}/api/v1/patients/${p.id}`),
    "patient",
  );
  const twoWeeks = detail.followUps.find((f) => f.timepoint === "2w")!;
  await ok(
    await desk.request.post(`${base}/api/v1/patients/${p.id}/responses`, {
      data: {
        followUpId: twoWeeks.id,
        responses: twoWeeks.instruments.map((instrument) => ({ instrument, answers: answers(instrument) })),
      },
    }),
    "answers",
  );
  if (!(await outbox()).some((m) => m.status === "withdrawn"))
    throw new Error("the invitation was not withdrawn (is an e-mail server configured?)");

  await desk.goto("/messages");
  await desk.getByRole("heading", { name: "Messages", level: 1 }).waitFor();
  await expectNoAxeViolations(desk, "messages with a withdrawn one");
  await shoot(desk, "messages-withdrawn-desktop", false);
  await desk
    .getByRole("table", { name: "Messages" })
    .getByRole("row")
    .filter({ hasText: "Not sent: the patient answered" })
    .getByRole("button")
    .first()
    .click();
  await desk.getByRole("dialog").waitFor();
  await expectNoAxeViolations(desk, "a withdrawn message");
  await shoot(desk, "messages-withdrawn-open-desktop", false);
  await desk.keyboard.press("Escape");
  await desk
    .getByRole("table", { name: "Messages" })
    .getByRole("row")
    .filter({ hasText: email })
    .getByRole("button", { name: /your Evident patient portal/ })
    .first()
    .click();
  await desk.getByRole("dialog").getByText("The sign-in link is in the e-mail only").waitFor();
  await expectNoAxeViolations(desk, "an invitation with its link hidden");
  await shoot(desk, "messages-invitation-open-desktop", false);
}
