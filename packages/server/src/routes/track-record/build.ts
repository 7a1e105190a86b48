/**
 * Computes a clinic's track record from the summaries (domain/outcomes/track-record.ts): its own
 * figures and the network's per treatment kind it has treated, and its place on the network's
 * benchmark funnels. Runs as the system role, as the benchmarks' maintenance does, because the
 * public page is read before any clinic is known; only aggregates come back.
 */
import { refreshSummaries, summaryOutcomeTallies, summarySurvival, trackRecordCounts } from "@evident/db";
import { isInvestigational, isSurgery, toIsoDate, treatmentKind, treatmentKindIds } from "@evident/domain";
import { benchmarkMeasures } from "@evident/domain/api";
import type { TrackRecord } from "@evident/domain/api/track-record";
import {
  MINIMUM_CELL,
  summarizeOutcomes,
  type TrackRecordInput,
  trackRecordBenchmark,
  trackRecordCaveats,
  trackRecordInstruments,
  trackRecordSide,
} from "@evident/domain/outcomes";
import type { AppDeps } from "../../http/env";
import { cacheBenchmark } from "../outcomes/benchmarks";

const surgeryKinds = treatmentKindIds.filter(isSurgery);

export async function buildTrackRecord(
  deps: Pick<AppDeps, "database" | "clock">,
  clinic: { clinicId: string; name: string; slug: string; publishedAt: Date | null },
): Promise<TrackRecord> {
  const system = deps.database.system.db;
  const now = deps.clock.now();
  const today = toIsoDate(now);
  await refreshSummaries(system, { clinicId: clinic.clinicId, today, now });
  await refreshSummaries(system, { clinicId: null, today, now });
  const side = async (clinicId: string | null) => {
    const tallies = await summaryOutcomeTallies(system, clinicId, {
      instruments: trackRecordInstruments,
      today,
    });
    const rows = summarizeOutcomes(tallies, today, trackRecordInstruments);
    const survival = await summarySurvival(system, clinicId, surgeryKinds);
    const counts = await trackRecordCounts(system, clinicId);
    return (kind: string): TrackRecordInput => {
      const k = counts.kinds.find((x) => x.kind === kind);
      return {
        treated: k?.treated ?? 0,
        rows: rows.filter((r) => r.treatmentKind === kind),
        survival: survival.tallies.filter((t) => t.treatmentKind === kind),
        adverseEvents: { serious: k?.serious ?? 0, notSerious: k?.notSerious ?? 0 },
      };
    };
  };
  const own = await side(clinic.clinicId);
  const network = await side(null);
  const freshness = await trackRecordCounts(system, clinic.clinicId);
  const kinds = treatmentKindIds
    .filter((kind) => own(kind).treated > 0)
    .map((kind) => {
      const mine = own(kind);
      return {
        treatmentKind: kind,
        label: treatmentKind(kind)?.label ?? kind,
        investigational: isInvestigational(kind),
        clinic: trackRecordSide(kind, mine),
        network: trackRecordSide(kind, network(kind), mine),
      };
    });
  const benchmarks = [];
  for (const measure of benchmarkMeasures) {
    const { result } = await cacheBenchmark(system, measure, today);
    benchmarks.push(
      trackRecordBenchmark(
        measure,
        result.label,
        result.definition,
        result.networkRate,
        result.points.find((p) => p.clinicId === clinic.clinicId),
      ),
    );
  }
  return {
    clinic: { name: clinic.name, slug: clinic.slug },
    asOf: freshness.asOf ?? today,
    refreshedAt: freshness.refreshedAt?.toISOString() ?? null,
    publishedAt: clinic.publishedAt?.toISOString() ?? null,
    minimumCell: MINIMUM_CELL,
    kinds,
    benchmarks,
    caveats: [...trackRecordCaveats],
  };
}
