/**
 * GET /outcomes/benchmarks: clinic benchmarking, one measure's funnel plot over the whole network
 * (domain/outcomes/benchmarking.ts). The risk model needs every clinic's patients' rows, so, like
 * the pooled comparison, it is computed as maintenance by the system role and cached (aggregates
 * only: per clinic its id, n, counts and limits); the read itself then runs as the research role,
 * which can read nothing but the aggregate tables, for staff and researchers alike.
 *
 * Who is named: staff see their own clinic's name and every other clinic by its label; researchers
 * see a clinic's name only when its administrators have agreed (PUT /clinic/benchmark-naming,
 * audited), read at request time, so withdrawing takes effect at once. The cache holds no names.
 *
 * A cohort (./cohort.ts): its filters other than clinic narrow every clinic's patients (their
 * episodes whose first treatment is of its kinds and dates), and the model is fitted on those;
 * `clinicIds` only picks which clinics are shown, so a clinic is always judged against the whole
 * network's patients of the cohort.
 */
import {
  benchmarkCandidates,
  benchmarkClinics,
  cacheComparison,
  cachedComparison,
  cohortRestriction,
  type Db,
  type Executor,
  inTx,
  refreshSummaries,
  summaryVersion,
} from "@evident/db";
import { isSurgery, toIsoDate, treatmentKindIds } from "@evident/domain";
import { type BenchmarkClinic, BenchmarkQuery, BenchmarkReport } from "@evident/domain/api";
import {
  BENCHMARK_ADJUSTMENT,
  type Benchmark,
  type BenchmarkMeasure,
  clinicBenchmark,
  MINIMUM_PER_CLINIC,
  smallCellNote,
} from "@evident/domain/outcomes";
import type { CohortFilter } from "@evident/domain/research";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";
import { viewCohort } from "./cohort";
import { cohortCaption, cohortDetail } from "./cohort-read";
import { StaleCache, untilFresh } from "./read";

const benchmarks = createRoute({
  method: "get",
  path: "/outcomes/benchmarks",
  tags: ["Outcomes"],
  summary: "Clinic benchmarking: a funnel plot of risk-adjusted outcomes per clinic (Spiegelhalter 2005)",
  description: `One measure (\`odi\` or \`nrs_back\`: responders at 12 months; \`surgery\`: surgery within 12 months) per clinic over the whole network: observed ÷ expected, the expected count from one logistic model fitted on every clinic's patients (age, sex, baseline severity, condition, STarT Back group), with 95% and 99.8% control limits 1 ± z·√V ÷ E, V = Σ p̂(1 − p̂). Clinics with fewer than ${MINIMUM_PER_CLINIC} analysed patients are in the model and counted, not plotted. Clinics appear under stable labels; staff see their own clinic named, researchers a clinic's name only when it has agreed. 400 naming \`measure\` when it is not one of the three. A cohort (\`cohort\`, or the filters as for GET /outcomes; not both) narrows every clinic's patients to its own, and the model is fitted on those; \`clinicIds\` only picks the clinics shown (staff: their own), each still judged against the whole network's patients of the cohort. The cohort's line is in \`cohort\`.`,
  middleware: [requirePermission("outcomes:read")] as const,
  request: { query: BenchmarkQuery },
  responses: { 200: json(BenchmarkReport, "The funnel plot's numbers"), ...problems(400, 401, 403, 404) },
});

const surgeryKinds = treatmentKindIds.filter(isSurgery);

/** "Clinic A" … "Clinic Z", "Clinic AA" …: the i-th label. */
export function clinicLabel(i: number): string {
  let n = i;
  let letters = "";
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `Clinic ${letters}`;
}

/** The cache's question for one measure's funnel (and a cohort's narrowing, if any). */
const benchmarkQuestion = (measure: BenchmarkMeasure, narrowing?: CohortFilter) =>
  JSON.stringify(["benchmark", measure, ...(narrowing ? [narrowing] : [])]);

/**
 * Maintenance, as the system role: the funnel from every clinic's rows, computed and cached for
 * the day and the summaries' version unless it already is; returns the clinics in label order.
 */
export async function cacheBenchmark(
  system: Db,
  measure: BenchmarkMeasure,
  asOf: string,
  narrowing?: CohortFilter,
): Promise<{ clinics: Awaited<ReturnType<typeof benchmarkClinics>>; result: Benchmark }> {
  return inTx(system, async (tx) => {
    const key = {
      clinicId: null,
      question: benchmarkQuestion(measure, narrowing),
      asOf,
      version: await summaryVersion(tx, null),
    };
    let result = await cachedComparison<Benchmark>(tx, key);
    if (!result) {
      const restrict = narrowing ? await cohortRestriction(tx, null, narrowing) : undefined;
      result = clinicBenchmark(await benchmarkCandidates(tx, surgeryKinds, asOf, restrict), measure, asOf);
      await cacheComparison(tx, key, result);
    }
    return { clinics: await benchmarkClinics(tx), result };
  });
}

export function benchmarksRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(benchmarks, async (c) => {
    const query = c.req.valid("query");
    const { measure } = query;
    const cohort = await viewCohort(c, query);
    // The patients' filter (every clinic's), apart from the clinics shown.
    const { clinicIds: shownClinics, ...narrowing } = cohort?.filter ?? {};
    const narrowed = Object.keys(narrowing).length > 0;
    const { actor, outcomes } = clinicRepositories(c);
    const { database, clock } = c.get("deps");
    const now = clock.now();
    const asOf = toIsoDate(now);
    const researcher = actor.role === "researcher";
    const question = benchmarkQuestion(measure, narrowed ? narrowing : undefined);
    const keyOf = async (tx: Executor) => ({
      clinicId: null,
      question,
      asOf,
      version: await summaryVersion(tx, null),
    });
    await refreshSummaries(database.system.db, { clinicId: null, today: asOf, now });
    const attempt = async () => {
      const { clinics } = await cacheBenchmark(
        database.system.db,
        measure,
        asOf,
        narrowed ? narrowing : undefined,
      );
      // On the primary, where the funnel was just cached and the clinics' names are read.
      const data = await outcomes().read(
        "outcomes-benchmark",
        { pooled: true, asOf },
        async (tx) => {
          const cached = await cachedComparison<Benchmark>(tx, await keyOf(tx));
          if (!cached) throw new StaleCache();
          return cached;
        },
        (d) => ({
          measure,
          viewer: researcher ? "researcher" : "clinic",
          clinics: d.points.length,
          ...cohortDetail(cohort),
        }),
      );
      return { data, clinics };
    };
    const { data, clinics } = await untilFresh(attempt);
    const order = new Map(clinics.map((k, i) => [k.id, { ...k, label: clinicLabel(i) }]));
    const shown: BenchmarkClinic[] = data.points
      .filter((p) => shownClinics === undefined || shownClinics.includes(p.clinicId))
      .map(({ clinicId, ...point }) => {
        const clinic = order.get(clinicId);
        const own = !researcher && clinicId === actor.clinicId;
        const name = clinic && (own || (researcher && clinic.named)) ? clinic.name : null;
        return { label: clinic?.label ?? "Clinic ?", name, own, ...point };
      })
      .sort((a, b) => a.label.length - b.label.length || a.label.localeCompare(b.label));
    const agreed = clinics.filter((k) => k.named).length;
    const namingRule = researcher
      ? `A clinic is named only if its administrators have agreed to be named to researchers (a clinic setting, recorded in its audit trail); ${agreed} of ${clinics.length} clinics have. Every other clinic is shown by its label.`
      : "Your clinic is named; every other clinic is shown by its label only. Labels follow a fixed random order of the clinics, not their names or sizes.";
    return c.json(
      {
        generatedAt: now.toISOString(),
        asOf,
        measure: data.measure,
        cohort: cohortCaption(cohort, 0),
        label: data.label,
        definition: data.definition,
        adjustment: BENCHMARK_ADJUSTMENT,
        minimumPerClinic: data.minimumPerClinic,
        analysed: data.analysed,
        networkRate: data.networkRate,
        clinicsInModel: data.clinicsInModel,
        clinicsBelowMinimum: data.clinicsBelowMinimum,
        viewer: researcher ? ("researcher" as const) : ("clinic" as const),
        namingRule,
        model: data.model,
        clinics: shown,
        curve: data.curve,
        notes: [
          "All clinics in the network, de-identified: only counts and estimates leave the database.",
          data.definition,
          BENCHMARK_ADJUSTMENT,
          `Control limits are the normal approximation (Spiegelhalter 2005, Statistics in Medicine 24:1185–1202): 95% (about 1 in 20 clinics falls outside by chance) and 99.8%. The curves use the network's overall rate; each clinic's own limits use its own patients' expected probabilities. Clinics with fewer than ${data.minimumPerClinic} analysed patients are in the model but not plotted (${data.clinicsBelowMinimum} this time).`,
          "A clinic outside the limits is a reason to look closer, not a verdict: case mix the model does not capture, and patients not followed up, can place it there.",
          namingRule,
          ...(shownClinics
            ? [
                "Only the chosen clinics are shown; the model and the limits use every clinic's patients of the cohort.",
              ]
            : []),
          smallCellNote,
        ],
      },
      200,
    );
  });
}
