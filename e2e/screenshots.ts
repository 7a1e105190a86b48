/**
 * Takes the screenshots in docs/screenshots from a running app (not part of the test suite):
 *
 *   BASE_URL=http://127.0.0.1:3000 MAIL_DIR=… npx tsx e2e/screenshots.ts [--only outcomes]
 *
 * MAIL_DIR is the folder where the app's SMTP server files what it receives (`startMailServer` in
 * mail.ts; `npx tsx e2e/run-app.ts` starts an app with one and prints both): invitation links
 * are only ever in the e-mail, and the admin's two-step sign-in secret is kept there.
 *
 * Signs in as the demo clinician. The outcomes page's shots are in screenshots-outcomes.ts (clinic
 * benchmarking's, `--only benchmarks`, in screenshots-benchmarks.ts; the cohort panel and a
 * filtered report, `--only cohorts`, in screenshots-cohorts.ts), the care
 * pathway's (`--only pathway`; the recovery timeline of two pathways alone: `--only recovery`; the
 * worklist and a demo patient as `npm start` shows them: `--only demo`; an exercise programme on
 * the recovery page: `--only programme`) in
 * screenshots-pathway.ts, and the safety questions', triage,
 * candidacy and decision aid's (`--only intake`; the decision aid in Spanish alone: `--only aid-es`;
 * "Not sure" about an emergency sign on a phone, in English and Spanish: `--only unsure`)
 * in screenshots-intake.ts, the decision aid's glance table and balanced figures (`--only aid`) in
 * screenshots-aid.ts, and correcting saved
 * records (`--only records`) in screenshots-records.ts, the candidacy gate and the answers a
 * follow-up already holds (`--only gate`) in screenshots-gate.ts, the Messages page with a withdrawn
 * follow-up message (`--only messages`) in screenshots-messages.ts, the decision aid's clinic
 * figure with its counts and missing-data range (`--only numbers`) in screenshots-numbers.ts, the
 * patient page's imaging change per level (`--only imaging`) in screenshots-imaging.ts, the
 * Audit trail page (`--only audit`) in screenshots-audit.ts, the Data quality page (`--only
 * quality`) in screenshots-quality.ts, the research export page (`--only research`) in
 * screenshots-research.ts, the portal sign-in and a first
 * question (`--only portal`) in screenshots-portal.ts, the education library (`--only library`) in
 * screenshots-library.ts, the consent flow on a phone (`--only consent`) in screenshots-consent.ts,
 * the progress report's first page as PNG (`--only report`) in screenshots-report.ts,
 * a patient's story in the decision aid on a phone (`--only stories`) in screenshots-stories.ts,
 * a clinic's public track record and its Settings card (`--only track-record`) in
 * screenshots-track-record.ts, the clinic's FHIR API clients (`--only
 * fhir-clients`, which also needs DATA_DIR) in screenshots-fhir.ts, what `npm start` shows
 * (`--only demo`) and an exercise programme (`--only programme`) in screenshots-demo.ts. Without
 * `--only` it runs the areas in turn around its own staff and portal pictures
 * (screenshots-showcase.ts: the demo data when there is some, a patient with answers and the demo
 * portal patient; otherwise it creates a showcase patient through the API first).
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "./browser";
import { mailFolder } from "./mail";
import { aidScreenshots } from "./screenshots-aid";
import { auditScreenshots } from "./screenshots-audit";
import { benchmarkScreenshots } from "./screenshots-benchmarks";
import { cohortScreenshots } from "./screenshots-cohorts";
import { consentScreenshots } from "./screenshots-consent";
import { demoScreenshots, programmeScreenshots } from "./screenshots-demo";
import { fhirClientScreenshots } from "./screenshots-fhir";
import { gateScreenshots } from "./screenshots-gate";
import { imagingScreenshots } from "./screenshots-imaging";
import { intakeScreenshots, spanishAidScreenshots, unsureScreenshots } from "./screenshots-intake";
import { shooter } from "./screenshots-kit";
import { libraryScreenshots } from "./screenshots-library";
import { messageScreenshots } from "./screenshots-messages";
import { clinicFigureScreenshots } from "./screenshots-numbers";
import { outcomeScreenshots } from "./screenshots-outcomes";
import { pathwayScreenshots, recoveryScreenshots } from "./screenshots-pathway";
import { portalScreenshots } from "./screenshots-portal";
import { qualityScreenshots } from "./screenshots-quality";
import { recordScreenshots } from "./screenshots-records";
import { reportScreenshots } from "./screenshots-report";
import { researchScreenshots } from "./screenshots-research";
import { portalShowcaseScreenshots, staffShowcaseScreenshots } from "./screenshots-showcase";
import { storyScreenshots } from "./screenshots-stories";
import { trackRecordScreenshots } from "./screenshots-track-record";

const base = (process.env.BASE_URL ?? "http://localhost:3000").replace(/\/$/, "");
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "docs", "screenshots");
const PASSWORD = "evident-demo-password";
const CLINICIAN = "clinician@demo.evident.test";
const RESEARCHER = "researcher@demo.evident.test";
const ADMIN = "admin@demo.evident.test";
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;

const shoot = shooter(out);

async function main() {
  await mkdir(out, { recursive: true });
  const browser = await launchBrowser(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");
  const who = { clinician: CLINICIAN, password: PASSWORD };
  console.log(`screenshots of ${base} into ${path.relative(process.cwd(), out)}`);
  try {
    if (only === "pathway") {
      await pathwayScreenshots(browser, base, shoot, {
        clinician: CLINICIAN,
        admin: "admin@demo.evident.test",
        password: PASSWORD,
      });
      return;
    }
    if (only === "demo") {
      await demoScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    if (only === "programme") {
      await programmeScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    if (only === "report") {
      await reportScreenshots(browser, base, shoot, out, {
        clinician: CLINICIAN,
        patient: "patient@demo.evident.test",
        password: PASSWORD,
      });
      return;
    }
    if (only === "recovery") {
      await recoveryScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    if (only === "benchmarks") {
      await benchmarkScreenshots(browser, base, shoot, {
        clinician: CLINICIAN,
        researcher: RESEARCHER,
        password: PASSWORD,
      });
      return;
    }
    if (only === "cohorts") {
      await cohortScreenshots(browser, base, shoot, { researcher: RESEARCHER, password: PASSWORD });
      return;
    }
    if (only === "imaging") {
      await imagingScreenshots(browser, base, out, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    if (only === "outcomes") {
      await outcomeScreenshots(browser, base, shoot, {
        clinician: CLINICIAN,
        researcher: RESEARCHER,
        password: PASSWORD,
      });
      return;
    }
    if (only === "intake") {
      await intakeScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    if (only === "aid") {
      await aidScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    if (only === "unsure") {
      await unsureScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    if (only === "aid-es") {
      await spanishAidScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    if (only === "stories") {
      await storyScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    if (only === "consent") {
      await consentScreenshots(browser, base, shoot, PASSWORD);
      return;
    }
    if (only === "portal") {
      await portalScreenshots(browser, base, shoot, PASSWORD);
      return;
    }
    if (only === "library") {
      await libraryScreenshots(browser, base, shoot);
      return;
    }
    if (only === "track-record") {
      await trackRecordScreenshots(browser, base, shoot, { mailDir: mailFolder() });
      return;
    }
    if (only === "research") {
      await researchScreenshots(browser, base, shoot, { researcher: RESEARCHER, password: PASSWORD });
      return;
    }
    if (only === "audit") {
      await auditScreenshots(browser, base, shoot, {
        clinician: CLINICIAN,
        admin: ADMIN,
        password: PASSWORD,
      });
      return;
    }
    if (only === "quality") {
      await qualityScreenshots(browser, base, shoot, {
        clinician: CLINICIAN,
        researcher: RESEARCHER,
        password: PASSWORD,
        mailDir: mailFolder(),
      });
      return;
    }
    if (only === "messages") {
      await messageScreenshots(browser, base, shoot, {
        clinician: CLINICIAN,
        admin: ADMIN,
        password: PASSWORD,
      });
      return;
    }
    if (only === "numbers") {
      await clinicFigureScreenshots(browser, base, shoot, {
        clinician: CLINICIAN,
        patient: "patient@demo.evident.test",
        password: PASSWORD,
      });
      return;
    }
    if (only === "records") {
      await recordScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    if (only === "fhir-clients") {
      await fhirClientScreenshots(browser, base, shoot, {
        dataDir: process.env.DATA_DIR,
        mailDir: mailFolder(),
      });
      return;
    }
    if (only === "gate") {
      await gateScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
      return;
    }
    await staffShowcaseScreenshots(browser, base, shoot, who);
    await outcomeScreenshots(browser, base, shoot, {
      clinician: CLINICIAN,
      researcher: RESEARCHER,
      password: PASSWORD,
    });
    await cohortScreenshots(browser, base, shoot, { researcher: RESEARCHER, password: PASSWORD });
    await messageScreenshots(browser, base, shoot, {
      clinician: CLINICIAN,
      admin: ADMIN,
      password: PASSWORD,
    });
    await auditScreenshots(browser, base, shoot, { clinician: CLINICIAN, admin: ADMIN, password: PASSWORD });
    await qualityScreenshots(browser, base, shoot, {
      clinician: CLINICIAN,
      researcher: RESEARCHER,
      password: PASSWORD,
      mailDir: mailFolder(),
    });
    await researchScreenshots(browser, base, shoot, { researcher: RESEARCHER, password: PASSWORD });
    await reportScreenshots(browser, base, shoot, out, {
      clinician: CLINICIAN,
      patient: "patient@demo.evident.test",
      password: PASSWORD,
    });

    await portalShowcaseScreenshots(browser, base, shoot, who);
    await intakeScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
    await spanishAidScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
    await aidScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
    await recordScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
    await gateScreenshots(browser, base, shoot, { clinician: CLINICIAN, password: PASSWORD });
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
