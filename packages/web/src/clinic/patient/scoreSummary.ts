/**
 * What a stored answer set shows in a table cell: the number that matters for its instrument and
 * a short line under it (the ODI band, the STarT Back group, the PGIC category, the PROMIS-29
 * domains that have no single total, the EQ-5D index beside the VAS), and "late baseline" for a
 * baseline answered after the treatment, which no change score uses. Pure, so it is tested
 * without a DOM; read from `scoreDetail` as the server stored it.
 */
import type { ResponseView } from "@evident/domain/api";
import { formatNumber } from "../../components/format";

export type ScoreSummary = { main: string; detail: string | null };

type Domain = { tScore: number | null };

const text = (v: unknown): string | null => (typeof v === "string" ? v : null);

export function scoreSummary(
  r: Pick<ResponseView, "instrument" | "score" | "scoreDetail"> & { lateBaseline?: boolean },
): ScoreSummary {
  const s = instrumentSummary(r);
  if (!r.lateBaseline) return s;
  return { main: s.main, detail: s.detail ? `${s.detail} · late baseline` : "late baseline" };
}

function instrumentSummary(r: Pick<ResponseView, "instrument" | "score" | "scoreDetail">): ScoreSummary {
  const d = r.scoreDetail;
  switch (r.instrument) {
    case "promis29": {
      const domains = (d.domains ?? {}) as Record<string, Domain>;
      const t = (id: string) => domains[id]?.tScore;
      const pf = t("physical_function");
      const pi = t("pain_interference");
      if (pf == null && pi == null) return { main: "Not scored", detail: null };
      return {
        main: [
          pf != null ? `PF ${formatNumber(pf, 0)}` : null,
          pi != null ? `PI ${formatNumber(pi, 0)}` : null,
        ]
          .filter(Boolean)
          .join(" · "),
        detail: `T-scores, ${d.domainsScored ?? "?"} of 7 domains`,
      };
    }
    case "eq5d5l": {
      const index = (d.index ?? null) as { us?: number } | null;
      return {
        main: r.score === null ? "Not scored" : `VAS ${formatNumber(r.score, 0)}`,
        detail: index?.us != null ? `index ${index.us.toFixed(3)} (US)` : null,
      };
    }
    case "startback":
      return {
        main: r.score === null ? "Not scored" : formatNumber(r.score, 0),
        detail: text(d.group) ? `${d.group} risk` : null,
      };
    case "pgic":
      return { main: r.score === null ? "Not scored" : formatNumber(r.score, 0), detail: text(d.category) };
    case "odi":
      return { main: r.score === null ? "Not scored" : formatNumber(r.score, 0), detail: text(d.band) };
    default:
      return {
        main: r.score === null ? "Not scored" : formatNumber(r.score, Number.isInteger(r.score) ? 0 : 1),
        detail: null,
      };
  }
}
