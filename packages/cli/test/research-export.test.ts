/**
 * `evident export`: the de-identified research export on a demo registry, through the real CLI.
 * No identifier of any seeded patient reaches a file; the REDCap files pass the import checks
 * (./redcap-validator.ts, itself shown to catch each kind of error); every records.csv column is
 * in the dictionary; the tidy files match their codebook; small classes are suppressed and
 * counted; a second export has new study ids; `evident analyze km` runs on survival.csv; bad
 * options exit 2 naming the problem; every export is audited with its files' checksums.
 */
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../db/test/database";
import { parseCsv } from "../src/analyze/csv";
import { validateRedcapProject } from "./redcap-validator";
import { type CliRun, runCli } from "./run-cli";

let db: TestDatabase;
let work: string;
type ExportOutput = {
  files: { name: string; sha256: string; bytes: number; rows: number }[];
  patients: number;
  suppressed: number;
};
let redcap: { dir: string; out: ExportOutput; run: CliRun };
let tidy: { dir: string; out: ExportOutput };

const PATIENTS = 900;

async function exportTo(
  name: string,
  format: string,
): Promise<{ dir: string; out: ExportOutput; run: CliRun }> {
  const dir = path.join(work, name);
  const run = await runCli(["export", "--format", format, "--out", dir], db.cliEnv);
  expect(run.code, run.stderr).toBe(0);
  return { dir, out: JSON.parse(run.stdout) as ExportOutput, run };
}

function table(dir: string, file: string): { header: string[]; rows: string[][] } {
  const t = parseCsv(readFileSync(path.join(dir, file), "utf8"));
  const rows: string[][] = [];
  for (let r = 0; r < t.rowCount; r++) rows.push(t.header.map((_, c) => t.cell(c, r)));
  return { header: [...t.header], rows };
}

const column = (t: { header: string[]; rows: string[][] }, name: string) => {
  const i = t.header.indexOf(name);
  expect(i, name).toBeGreaterThanOrEqual(0);
  return t.rows.map((r) => r[i]!);
};

beforeAll(async () => {
  db = await freshDatabase();
  work = mkdtempSync(path.join(tmpdir(), "research-export-"));
  const demo = await runCli(["demo", "--patients", String(PATIENTS), "--seed", "11"], db.cliEnv);
  expect(demo.code, demo.stderr).toBe(0);
  redcap = await exportTo("redcap", "redcap");
  tidy = await exportTo("tidy", "csv");
}, 300_000);
afterAll(async () => {
  await db?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("evident export: de-identification", () => {
  it("leaves no identifier of any seeded patient in any file: names, e-mail, phone, record number, birth date, any exact date", async () => {
    const { rows: people } = await db.system.pool.query<{
      given_name: string;
      family_name: string;
      email: string | null;
      phone: string | null;
      mrn: string | null;
      id: string;
    }>("select id, given_name, family_name, email, phone, mrn from patients");
    const { rows: dates } = await db.system.pool.query<{ d: string }>(`
      select birth_date::text as d from patients
      union select treatment_date::text from treatments
      union select onset_date::text from adverse_events
      union select (completed_at at time zone 'UTC')::date::text from questionnaire_responses
      union select due_date::text from follow_ups`);
    expect(people).toHaveLength(PATIENTS);
    const text = [redcap.dir, tidy.dir]
      .flatMap((dir) => readdirSync(dir).map((f) => readFileSync(path.join(dir, f), "utf8")))
      .join("\n");
    const words = new Set(text.split(/[^A-Za-z0-9@.+'-]+/));
    const cells = new Set(text.split(/[,\r\n"]+/));
    for (const p of people) {
      for (const name of [p.given_name, p.family_name]) expect(words.has(name), name).toBe(false);
      for (const id of [p.email, p.phone, p.mrn]) if (id) expect(cells.has(id), id).toBe(false);
    }
    // Nothing shaped like one either: no e-mail, phone number, record number or database id.
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.\w|\+\d{2} ?\d{4}|[A-Z]{2,}-\d{6}|[0-9a-f]{8}-[0-9a-f]{4}-/);
    // No date in any format, whoever it belongs to; and none of the registry's as 8 digits.
    expect(text).not.toMatch(/\b(19|20)\d\d[-/.]\d\d?[-/.]\d\d?\b|\b\d\d?[-/.]\d\d?[-/.](19|20)\d\d\b/);
    const compact = new Set(dates.map(({ d }) => d.replaceAll("-", "")));
    expect((text.match(/\b\d{8}\b/g) ?? []).filter((n) => compact.has(n))).toEqual([]);
  }, 60_000);

  it("groups ages over 89 as 90+ and never shows an age above 89", () => {
    const ages = column(table(tidy.dir, "patients.csv"), "age");
    for (const a of ages) expect(a === "90+" || (Number(a) >= 0 && Number(a) <= 89), a).toBe(true);
  });

  it("suppresses every class of (age band, sex, condition, clinic) under 11 and counts the patients left out", () => {
    const patients = table(tidy.dir, "patients.csv");
    expect(patients.rows).toHaveLength(tidy.out.patients);
    expect(tidy.out.patients + tidy.out.suppressed).toBe(PATIENTS);
    expect(tidy.out.suppressed, JSON.stringify(tidy.out)).toBeGreaterThan(0);
    expect(tidy.out.patients).toBeGreaterThan(0);
    const classes = new Map<string, number>();
    const key = ["age_band", "sex", "condition", "clinic"].map((c) => patients.header.indexOf(c));
    for (const r of patients.rows) {
      const k = key.map((i) => r[i]).join("|");
      classes.set(k, (classes.get(k) ?? 0) + 1);
    }
    for (const [k, n] of classes) expect(n, k).toBeGreaterThanOrEqual(11);
    expect(redcap.out.suppressed).toBe(tidy.out.suppressed);
  });

  it("makes new random study ids for each export of the same cohort", async () => {
    const again = await exportTo("again", "csv");
    const first = new Set(column(table(tidy.dir, "patients.csv"), "study_id"));
    const second = column(table(again.dir, "patients.csv"), "study_id");
    expect(second).toHaveLength(first.size);
    expect(second.filter((id) => first.has(id))).toEqual([]);
    expect(new Set(second).size).toBe(second.length);
  }, 120_000);
});

describe("evident export --format redcap", () => {
  it("writes REDCap's files and prints them with their checksums, the patients and the suppressed, with progress on stderr", () => {
    expect(redcap.run.stderr).toMatch(/export redcap: 100% /);
    expect(redcap.out.files.map((f) => f.name)).toEqual([
      "data_dictionary.csv",
      "arms.csv",
      "events.csv",
      "instrument_event_mapping.csv",
      "repeating_instruments.csv",
      "records.csv",
    ]);
    for (const f of redcap.out.files) {
      const bytes = readFileSync(path.join(redcap.dir, f.name));
      expect(createHash("sha256").update(bytes).digest("hex"), f.name).toBe(f.sha256);
      expect(bytes.length).toBe(f.bytes);
    }
  });

  it("passes the REDCap import checks", () => {
    expect(validateRedcapProject(redcap.dir)).toEqual([]);
  });

  it("defines every column of records.csv in data_dictionary.csv, record_id first", () => {
    const dictionary = table(redcap.dir, "data_dictionary.csv");
    const fields = new Set(column(dictionary, "Variable / Field Name"));
    const forms = new Set(column(dictionary, "Form Name"));
    const records = table(redcap.dir, "records.csv");
    expect(records.header.slice(0, 2)).toEqual(["record_id", "redcap_event_name"]);
    const special = ["redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance"];
    for (const c of records.header)
      expect(fields.has(c) || special.includes(c) || forms.has(c.replace(/_complete$/, "")), c).toBe(true);
    expect(new Set(column(records, "redcap_event_name"))).toEqual(
      new Set([
        "baseline_arm_1",
        "week_2_arm_1",
        "week_6_arm_1",
        "month_3_arm_1",
        "month_6_arm_1",
        "month_12_arm_1",
        "month_24_arm_1",
      ]),
    );
    expect(new Set(column(records, "record_id")).size).toBe(redcap.out.patients);
  });

  it("builds one instrument per questionnaire from its definition: item ids, coded choices, validation", () => {
    const d = table(redcap.dir, "data_dictionary.csv");
    const row = (name: string) => d.rows.find((r) => r[0] === name)!;
    expect(row("odi_day").slice(1, 3)).toEqual(["odi", "Oswestry Disability Index"]);
    expect(row("odi_1").slice(1, 6)).toEqual([
      "odi",
      "",
      "radio",
      "Pain intensity",
      expect.stringMatching(/^0, No pain right now \| 1, Very mild pain right now \|/),
    ]);
    expect(row("nrs_back").slice(7, 10)).toEqual(["integer", "0", "10"]);
    expect(row("promis29_pfa11")[1]).toBe("promis29");
    expect(row("rmdq_1")[3]).toBe("yesno");
    expect(row("sex")[5]).toBe("1, Female | 2, Male | 3, Other | 4, Unknown");
    expect(new Set(column(d, "Form Name"))).toEqual(
      new Set([
        "participant",
        "nrs_back",
        "nrs_leg",
        "odi",
        "rmdq",
        "peg",
        "pgic",
        "startback",
        "promis29",
        "eq5d5l",
        "treatment",
        "adverse_event",
      ]),
    );
    expect(column(d, "Identifier?").every((v) => v === "")).toBe(true);
  });

  it("the validator finds what REDCap's importer would refuse", () => {
    const broken = path.join(work, "broken");
    cpSync(redcap.dir, broken, { recursive: true });
    const records = readFileSync(path.join(broken, "records.csv"), "utf8").split("\r\n");
    const header = records[0]!.split(",");
    const sex = header.indexOf("sex");
    const odi = header.indexOf("odi_1");
    const base = records.findIndex((l) => l.includes(",baseline_arm_1,,,"));
    const cells = records[base]!.split(",");
    cells[sex] = "9";
    records[base] = cells.join(",");
    const later = records.findIndex((l) => /,week_2_arm_1,,,/.test(l));
    const laterCells = records[later]!.split(",");
    laterCells[header.indexOf("clinic")] = "C1";
    laterCells[odi] = "x";
    laterCells[1] = "week_3_arm_1";
    records[later] = laterCells.join(",");
    for (let i = 0; i < records.length; i++)
      if (records[i]) records[i] = `${records[i]},${i === 0 ? "nickname" : ""}`;
    writeFileSync(path.join(broken, "records.csv"), records.join("\r\n"));
    const errors = validateRedcapProject(broken);
    expect(errors).toEqual(
      expect.arrayContaining([
        "records.csv: column nickname is not a field of the data dictionary",
        expect.stringMatching(/sex="9": not one of the field's choice codes/),
        expect.stringMatching(/event "week_3_arm_1" does not exist/),
        expect.stringMatching(/odi_1="x": not one of the field's choice codes/),
        expect.stringMatching(/clinic="C1": form participant is not designated to event week_3_arm_1/),
      ]),
    );
  });
});

describe("evident export --format csv", () => {
  it("writes tidy files whose every column the codebook defines", () => {
    expect(tidy.out.files.map((f) => f.name)).toEqual([
      "codebook.csv",
      "patients.csv",
      "scores.csv",
      "subscores.csv",
      "treatments.csv",
      "adverse_events.csv",
      "survival.csv",
    ]);
    const codebook = table(tidy.dir, "codebook.csv");
    const defined = new Set(codebook.rows.map((r) => `${r[0]}:${r[1]}`));
    for (const f of tidy.out.files.slice(1)) {
      const t = table(tidy.dir, f.name);
      expect(t.rows.length, f.name).toBe(f.rows);
      expect(t.rows.length, f.name).toBeGreaterThan(0);
      for (const c of t.header) expect(defined.has(`${f.name}:${c}`), `${f.name}:${c}`).toBe(true);
      expect(codebook.rows.filter((r) => r[0] === f.name).map((r) => r[1])).toEqual(t.header);
    }
  });

  it("gives one score row per patient, timepoint and questionnaire, dated in days from the index treatment", () => {
    const scores = table(tidy.dir, "scores.csv");
    const baseline = scores.rows.filter((r) => r[1] === "baseline");
    expect(baseline.length).toBeGreaterThan(0);
    for (const r of baseline) if (r[5] !== "") expect(Number(r[5])).toBeLessThanOrEqual(0);
    const treatments = table(tidy.dir, "treatments.csv");
    for (const r of treatments.rows.filter((t) => t[1] === "1")) expect(r[4]).toBe("0");
  });

  it("runs evident analyze km on the exported survival file", async () => {
    const run = await runCli(
      [
        "analyze",
        "km",
        "--input",
        path.join(tidy.dir, "survival.csv"),
        "--time",
        "time",
        "--event",
        "event",
        "--group",
        "index_treatment",
      ],
      db.cliEnv,
    );
    expect(run.code, run.stdout).toBe(0);
    const km = JSON.parse(run.stdout) as { groups: { name: string; n: number }[] };
    expect(km.groups.length).toBeGreaterThan(0);
    expect(km.groups.reduce((n, g) => n + g.n, 0)).toBe(table(tidy.dir, "survival.csv").rows.length);
  });
});

describe("evident export: options and audit", () => {
  it("refuses bad options with exit 2 and a named error, writing nothing", async () => {
    const busy = path.join(work, "busy");
    mkdirSync(busy);
    writeFileSync(path.join(busy, "x"), "");
    const file = path.join(work, "a-file");
    writeFileSync(file, "");
    const cases: [string[], RegExp][] = [
      [["--format", "sas", "--out", path.join(work, "n1")], /--format "sas" is unknown/],
      [["--out", path.join(work, "n2")], /--format is required/],
      [["--format", "csv"], /--out is required/],
      [["--format", "csv", "--out", busy], /is not empty/],
      [["--format", "csv", "--out", path.join(file, "sub")], /cannot be created|not a directory/],
      [
        ["--format", "csv", "--out", path.join(work, "n3"), "--cohort", "Over 60s"],
        /no saved cohort named "Over 60s"/,
      ],
      [["--format", "csv", "--out", path.join(work, "n4"), "--bogus"], /Unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(["export", ...args], db.cliEnv);
      let error: string = run.stdout + run.stderr;
      try {
        error = JSON.parse(run.stdout).error;
      } catch {
        // not JSON: the assertion below shows what was printed
      }
      expect([run.code, error], args.join(" ")).toEqual([2, expect.stringMatching(message)]);
    }
    expect(readdirSync(work).filter((f) => /^n\d$/.test(f))).toEqual([]);
  }, 240_000);

  it("audits each export in every clinic's chain with its cohort and files' checksums, as the command line", async () => {
    const { rows } = await db.system.pool.query<{
      actor_id: string;
      detail: { format: string; files: { name: string; sha256: string }[]; cohort: unknown };
    }>(
      "select actor_id, detail from audit_events where action = 'export' and entity_type = 'research-export' order by seq",
    );
    const redcapEvents = rows.filter((r) => r.detail.format === "redcap");
    expect(redcapEvents).toHaveLength(2); // one per demo clinic
    for (const e of redcapEvents) {
      expect(e.actor_id).toMatch(/^evident cli/);
      expect(e.detail.cohort).toEqual({ name: null, filter: {} });
      expect(e.detail.files).toEqual(redcap.out.files.map((f) => ({ name: f.name, sha256: f.sha256 })));
    }
  });
});
