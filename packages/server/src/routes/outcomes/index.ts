/**
 * The outcomes API. Clinic staff see their clinic; researchers see all clinics pooled. Only
 * aggregates leave: counts, means, shares, curves and effects with their intervals and their n,
 * never a patient row or identifier; no estimate from fewer than 11 patients, and no step of a
 * distribution curve with fewer (domain/outcomes/small-cells).
 *
 *   GET /outcomes                 change and responders per treatment × timepoint (report.ts)
 *   GET /outcomes/distribution    the distribution of change at one timepoint (distribution.ts)
 *   GET /outcomes/survival        surgery-free survival by first treatment (survival.ts)
 *   GET /outcomes/comparison      adjusted comparison of two treatments (comparison.ts)
 *   GET /outcomes/benchmarks      clinic benchmarking: a funnel plot over the network (benchmarks.ts)
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { benchmarksRoute } from "./benchmarks";
import { comparisonRoute } from "./comparison";
import { distributionRoute } from "./distribution";
import { reportRoute } from "./report";
import { survivalRoute } from "./survival";

export function outcomeRoutes(app: OpenAPIHono<AppEnv>): void {
  reportRoute(app);
  distributionRoute(app);
  survivalRoute(app);
  comparisonRoute(app);
  benchmarksRoute(app);
}
