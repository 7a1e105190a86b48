/**
 * Clinic tasks through the API: the queue's order (emergency and urgent first, then deadline),
 * scoping to the clinic, who may close a task, tasks that close with their source, idempotent
 * creation, bad input named with nothing written, and every read and write in the audit trail.
 * Tasks are created as features do, with `createTask` inside a transaction.
 */
import { createTask, type NewTask, type Scope } from "@evident/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const systemScope = (clinicId: string): Scope => ({
  clinicId,
  actor: { kind: "system", id: "test" },
  requestId: null,
  now: () => h.clock.now(),
});

function open(clinicId: string, input: Partial<NewTask> & Pick<NewTask, "priority">) {
  return h.database.db.transaction((tx) =>
    createTask(tx, systemScope(clinicId), {
      kind: "call_patient",
      title: `${input.priority} task`,
      assignedRole: "clinician",
      ...input,
    }),
  );
}

const hours = (n: number) => new Date(h.clock.now().getTime() + n * 3_600_000);
const list = (cookie: string, q = "") => h.call("GET", `/api/v1/tasks${q}`, { cookie });
const complete = (cookie: string, id: string, body?: unknown) =>
  h.call("POST", `/api/v1/tasks/${id}/complete`, { cookie, ...(body === undefined ? {} : { body }) });

async function newClinic() {
  const clinic = await h.clinic(`Clinic ${Math.random()}`);
  return {
    clinic,
    clinician: await h.staff("clinician", clinic.id),
    coordinator: await h.staff("coordinator", clinic.id),
  };
}

describe("the task queue", () => {
  it("lists open tasks emergency and urgent first, then by deadline, with the patient's name", async () => {
    const { clinic, clinician } = await newClinic();
    const p = await h.patient(clinician.cookie, { givenName: "Grace", familyName: "Hopper" });
    await open(clinic.id, { priority: "routine", dueAt: hours(1), title: "routine, due first" });
    await open(clinic.id, { priority: "urgent", dueAt: hours(20), title: "urgent later" });
    await open(clinic.id, { priority: "soon", title: "soon, no deadline" });
    await open(clinic.id, { priority: "urgent", dueAt: hours(2), title: "urgent sooner", patientId: p.id });
    await open(clinic.id, { priority: "emergency", dueAt: hours(0), title: "emergency" });
    const res = await list(clinician.cookie);
    expect(res.status).toBe(200);
    expect(res.json.items.map((t: { title: string }) => t.title)).toEqual([
      "emergency",
      "urgent sooner",
      "urgent later",
      "soon, no deadline",
      "routine, due first",
    ]);
    expect(res.json.items[1]).toMatchObject({
      patientId: p.id,
      patientName: "Grace Hopper",
      priority: "urgent",
      dueAt: hours(2).toISOString(),
      assignedRole: "clinician",
      status: "open",
      completedBy: null,
    });
  });

  it("shows only the signed-in user's clinic, and nothing to researchers or patients", async () => {
    const a = await newClinic();
    const b = await newClinic();
    await open(a.clinic.id, { priority: "urgent", title: "clinic A's" });
    const other = await list(b.clinician.cookie);
    expect(other.json.items).toEqual([]);
    const researcher = await h.staff("researcher", a.clinic.id);
    expect((await list(researcher.cookie)).status).toBe(403);
    const patient = await h.portalPatient(a.clinician.cookie);
    expect((await list(patient.cookie)).status).toBe(403);
    expect((await h.call("GET", "/api/v1/tasks")).status).toBe(401);
  });

  it("filters by patient and status", async () => {
    const { clinic, clinician } = await newClinic();
    const p = await h.patient(clinician.cookie);
    const mine = await open(clinic.id, { priority: "soon", patientId: p.id });
    await open(clinic.id, { priority: "soon" });
    const forPatient = await list(clinician.cookie, `?patientId=${p.id}`);
    expect(forPatient.json.items.map((t: { id: string }) => t.id)).toEqual([mine.id]);
    await complete(clinician.cookie, mine.id);
    expect((await list(clinician.cookie, `?patientId=${p.id}`)).json.items).toEqual([]);
    const done = await list(clinician.cookie, `?patientId=${p.id}&status=done`);
    expect(done.json.items.map((t: { id: string }) => t.id)).toEqual([mine.id]);
  });

  it("gives the triage queue alone: the red-flag tasks, emergency and urgent first", async () => {
    const { clinic, clinician } = await newClinic();
    await open(clinic.id, { priority: "emergency", title: "not a red flag" });
    await open(clinic.id, { priority: "soon", kind: "triage_review", title: "review" });
    await open(clinic.id, {
      priority: "emergency",
      kind: "triage_emergency",
      dueAt: hours(0),
      title: "cauda",
    });
    await open(clinic.id, { priority: "urgent", kind: "triage_urgent", dueAt: hours(24), title: "cancer" });
    const res = await list(clinician.cookie, "?queue=triage");
    expect(res.json.items.map((t: { title: string }) => t.title)).toEqual(["cauda", "cancer", "review"]);
  });

  it("names each bad query field", async () => {
    const { clinician } = await newClinic();
    const res = await list(clinician.cookie, "?status=later&patientId=nope&limit=0&queue=mine");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "limit",
      "patientId",
      "queue",
      "status",
    ]);
  });
});

describe("closing a task", () => {
  it("records who closed it, when and why, in the task and in the audit trail", async () => {
    const { clinic, clinician } = await newClinic();
    const p = await h.patient(clinician.cookie);
    const t = await open(clinic.id, { priority: "urgent", patientId: p.id, dueAt: hours(24) });
    h.clock.set(new Date(h.clock.now().getTime() + 60_000));
    const res = await complete(clinician.cookie, t.id, { note: "Spoke to the patient; MRI booked" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      status: "done",
      completedAt: h.clock.now().toISOString(),
      completedBy: { id: clinician.id, name: "Test clinician" },
      completionNote: "Spoke to the patient; MRI booked",
    });
    const { rows } = await h.database.pool.query(
      "select action, actor_id, patient_id from audit_events where entity_type = 'task' and entity_id = $1 order by seq",
      [t.id],
    );
    expect(rows).toEqual([
      { action: "create", actor_id: "test", patient_id: p.id },
      { action: "complete", actor_id: clinician.id, patient_id: p.id },
    ]);
  });

  it("keeps a clinician's task from a coordinator, and lets either close a coordinator's", async () => {
    const { clinic, clinician, coordinator } = await newClinic();
    const forClinician = await open(clinic.id, { priority: "urgent", assignedRole: "clinician" });
    const forCoordinator = await open(clinic.id, { priority: "routine", assignedRole: "coordinator" });
    const refused = await complete(coordinator.cookie, forClinician.id);
    expect(refused.status).toBe(403);
    expect(refused.json.detail).toMatch(/for a clinician/);
    expect((await complete(coordinator.cookie, forCoordinator.id)).status).toBe(200);
    const again = await complete(clinician.cookie, forCoordinator.id);
    expect(again.status).toBe(409);
    expect(again.json.issues).toEqual([{ path: "status", message: "this task is already done" }]);
  });

  it("refuses a task that closes with its source, and changes nothing", async () => {
    const { clinic, clinician } = await newClinic();
    const t = await open(clinic.id, {
      priority: "emergency",
      kind: "triage_emergency",
      source: { type: "intake", id: "0190a2b4-0000-7000-8000-000000000001" },
      closesWithSource: true,
    });
    const audits = await h.count("audit_events");
    const res = await complete(clinician.cookie, t.id);
    expect(res.status).toBe(409);
    expect(res.json.detail).toMatch(/intake/);
    expect(await h.count("audit_events")).toBe(audits);
    expect((await list(clinician.cookie)).json.items[0]).toMatchObject({ id: t.id, status: "open" });
  });

  it("is 404 for another clinic's task, 400 naming a bad id or note, with nothing written", async () => {
    const a = await newClinic();
    const b = await newClinic();
    const t = await open(a.clinic.id, { priority: "soon" });
    expect((await complete(b.clinician.cookie, t.id)).status).toBe(404);
    const badId = await complete(a.clinician.cookie, "not-a-uuid");
    expect(badId.status).toBe(400);
    expect(badId.json.issues.map((i: { path: string }) => i.path)).toEqual(["id"]);
    const badNote = await complete(a.clinician.cookie, t.id, { note: "x".repeat(2001), extra: 1 });
    expect(badNote.status).toBe(400);
    expect(badNote.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(["extra", "note"]);
    expect((await list(a.clinician.cookie)).json.items[0]).toMatchObject({ id: t.id, status: "open" });
  });
});

describe("creating a task from a feature", () => {
  it("opens one task per dedupe key, even when asked twice", async () => {
    const { clinic, clinician } = await newClinic();
    const first = await open(clinic.id, { priority: "routine", dedupeKey: "follow-up:42:missed" });
    const second = await open(clinic.id, { priority: "routine", dedupeKey: "follow-up:42:missed" });
    expect(second.id).toBe(first.id);
    expect((await list(clinician.cookie)).json.items).toHaveLength(1);
  });

  it("writes nothing when the caller's transaction fails afterwards", async () => {
    const { clinic, clinician } = await newClinic();
    await expect(
      h.database.db.transaction(async (tx) => {
        await createTask(tx, systemScope(clinic.id), {
          kind: "adverse_event",
          title: "rolled back",
          priority: "urgent",
          assignedRole: "clinician",
        });
        throw new Error("the feature's own write failed");
      }),
    ).rejects.toThrow(/own write failed/);
    expect((await list(clinician.cookie)).json.items).toEqual([]);
  });
});
