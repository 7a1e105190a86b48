/**
 * Cox proportional hazards regression with Efron's approximation for tied event times, fitted
 * by Newton–Raphson exactly as R's survival::coxph defaults do (C routine coxfit6): start at
 * β = 0, centre and scale covariates, halve the step when the log partial likelihood falls,
 * stop when |1 − ℓ_old/ℓ_new| ≤ 1e-9 (at most 20 iterations), variance = inverse information at
 * the final β. Newton steps do not depend on the centring or scaling; they are copied only so
 * rounding matches R's too.
 *
 * Efron (1977): with d tied events at a time, the l-th of d risk-set sums removes l/d of the
 * events' own contribution, instead of Breslow's keeping all of it.
 * Reported: Wald z and p per coefficient, hazard ratios with Wald intervals (summary.coxph), and
 * the likelihood-ratio, Wald and score tests for the whole model.
 */

import { badRequest } from "../errors";
import { type Covariates, covariateColumns } from "./design";
import { chiSquareUpperTail, normalQuantile, normalTails } from "./distributions";
import {
  cholesky,
  choleskyInverse,
  choleskySolve,
  type Matrix,
  quadraticForm,
  zeros,
} from "./linear-algebra";
import { checkLevel } from "./proportions";
import { checkSurvivalData, orderByTime, type SurvivalData } from "./survival-data";

export type CoxCoefficient = {
  readonly name: string;
  readonly estimate: number;
  readonly hazardRatio: number;
  readonly se: number;
  readonly z: number;
  readonly p: number;
  /** Interval for the hazard ratio. */
  readonly lower: number;
  readonly upper: number;
};

export type ModelTest = { readonly chiSquare: number; readonly df: number; readonly p: number };

export type CoxFit = {
  readonly n: number;
  readonly events: number;
  readonly coefficients: CoxCoefficient[];
  /** Log partial likelihood at β = 0 and at the estimate. */
  readonly logLik: readonly [number, number];
  readonly likelihoodRatioTest: ModelTest;
  readonly waldTest: ModelTest;
  readonly scoreTest: ModelTest;
  readonly iterations: number;
  readonly converged: boolean;
};

type Evaluation = { logLik: number; score: number[]; information: Matrix };

// coxfit6_iter: rows sorted by ascending time, walked from the last. `x` is row-major, n × p.
// Flat typed arrays and plain loops, not arrays of rows and closures: this runs once per
// Newton step over every patient, and a registry has 10⁵ of them. The order of every sum is
// R's, so results agree with coxph to rounding.
function evaluate(
  x: Float64Array,
  time: readonly number[],
  event: readonly boolean[],
  beta: readonly number[],
): Evaluation {
  const p = beta.length;
  const b = Float64Array.from(beta);
  const score = new Float64Array(p);
  const information = new Float64Array(p * p);
  const sumX = new Float64Array(p);
  const sumXX = new Float64Array(p * p);
  const deathX = new Float64Array(p);
  const deathXX = new Float64Array(p * p);
  let denom = 0;
  let logLik = 0;
  for (let person = time.length - 1; person >= 0; ) {
    const t = time[person] as number;
    let deaths = 0;
    let deathRisk = 0;
    deathX.fill(0);
    deathXX.fill(0);
    while (person >= 0 && time[person] === t) {
      const row = person * p;
      let zbeta = 0;
      for (let j = 0; j < p; j++) zbeta += (x[row + j] as number) * (b[j] as number);
      const risk = Math.exp(zbeta);
      const died = event[person] === true;
      const targetX = died ? deathX : sumX;
      const targetXX = died ? deathXX : sumXX;
      if (died) {
        deaths += 1;
        deathRisk += risk;
        logLik += zbeta;
        for (let i = 0; i < p; i++) score[i] = (score[i] as number) + (x[row + i] as number);
      } else {
        denom += risk;
      }
      for (let i = 0; i < p; i++) {
        const xi = x[row + i] as number;
        targetX[i] = (targetX[i] as number) + risk * xi;
        for (let j = 0; j <= i; j++) {
          targetXX[i * p + j] = (targetXX[i * p + j] as number) + risk * xi * (x[row + j] as number);
        }
      }
      person -= 1;
    }
    // Efron: add the tied events to the risk set a 1/d share at a time.
    for (let k = 0; k < deaths; k++) {
      denom += deathRisk / deaths;
      logLik -= Math.log(denom);
      for (let i = 0; i < p; i++) {
        sumX[i] = (sumX[i] as number) + (deathX[i] as number) / deaths;
        const mean = (sumX[i] as number) / denom;
        score[i] = (score[i] as number) - mean;
        for (let j = 0; j <= i; j++) {
          sumXX[i * p + j] = (sumXX[i * p + j] as number) + (deathXX[i * p + j] as number) / deaths;
          const value = ((sumXX[i * p + j] as number) - mean * (sumX[j] as number)) / denom;
          information[j * p + i] = (information[j * p + i] as number) + value;
        }
      }
    }
  }
  const matrix = zeros(p, p);
  for (let i = 0; i < p; i++) {
    const row = matrix[i] as number[];
    for (let j = 0; j < p; j++) row[j] = information[i <= j ? i * p + j : j * p + i] as number;
  }
  return { logLik, score: Array.from(score), information: matrix };
}

const EPS = 1e-9;
const MAX_ITER = 20;
const CHOLESKY_TOLERANCE = Number.EPSILON ** 0.75;

export function coxRegression(
  data: SurvivalData & { readonly covariates: Covariates },
  level = 0.95,
): CoxFit {
  checkSurvivalData(data);
  checkLevel(level);
  const n = data.time.length;
  const columns = covariateColumns(data.covariates, n);
  const names = columns.map(([name]) => name);
  const p = names.length;
  if (p === 0) throw badRequest("at least one covariate is needed", "covariates");
  const order = orderByTime(data.time);
  const time = order.map((i) => data.time[i] as number);
  const event = order.map((i) => data.event[i] as boolean);
  const events = event.filter(Boolean).length;
  if (events === 0) throw badRequest("there are no events", "event");

  // Centre and scale as coxfit6 does: x ← (x − mean) · n/Σ|x − mean|. Row-major, in time order.
  const means = columns.map(([, values]) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[i] as number;
    return sum / n;
  });
  const scale = columns.map(([, values], j) => {
    let spread = 0;
    for (let i = 0; i < n; i++) spread += Math.abs((values[i] as number) - (means[j] as number));
    return spread > 0 ? n / spread : 1;
  });
  const x = new Float64Array(n * p);
  columns.forEach(([, values], j) => {
    const centre = means[j] as number;
    const stretch = scale[j] as number;
    for (let k = 0; k < n; k++) x[k * p + j] = ((values[order[k] as number] as number) - centre) * stretch;
  });

  const factor = (information: Matrix, name: string): Matrix => {
    const l = cholesky(information, CHOLESKY_TOLERANCE);
    if (l === null) throw badRequest(`the information matrix is singular (check "${name}")`, "covariates");
    return l;
  };

  let beta = new Array<number>(p).fill(0);
  const initial = evaluate(x, time, event, beta);
  const initialFactor = factor(initial.information, names.join(", "));
  const step0 = choleskySolve(initialFactor, initial.score);
  const scoreStatistic = initial.score.reduce((s, u, i) => s + u * (step0[i] as number), 0);

  let best = initial.logLik;
  let newBeta = beta.map((b, i) => b + (step0[i] as number));
  let halving = 0;
  let current: Evaluation = initial;
  let converged = false;
  let iterations = 0;
  for (iterations = 1; iterations <= MAX_ITER; iterations++) {
    current = evaluate(x, time, event, newBeta);
    const finite =
      Number.isFinite(current.logLik) &&
      current.score.every(Number.isFinite) &&
      current.information.every((r) => r.every(Number.isFinite));
    if (finite && Math.abs(1 - best / current.logLik) <= EPS) {
      converged = true;
      beta = newBeta;
      break;
    }
    if (!finite || current.logLik < best) {
      halving += 1;
      newBeta = newBeta.map((b, i) => (b + halving * (beta[i] as number)) / (halving + 1));
    } else {
      halving = 0;
      best = current.logLik;
      const step = choleskySolve(factor(current.information, names.join(", ")), current.score);
      beta = newBeta;
      newBeta = newBeta.map((b, i) => b + (step[i] as number));
    }
  }
  if (!converged) {
    iterations = MAX_ITER;
    current = evaluate(x, time, event, beta);
  }
  const information = current.information;
  const covariance = choleskyInverse(factor(information, names.join(", ")));

  const z = normalQuantile((1 + level) / 2);
  const coefficients = names.map((name, j) => {
    const estimate = (beta[j] as number) * (scale[j] as number);
    const se = Math.sqrt((covariance[j] as number[])[j] as number) * (scale[j] as number);
    const statistic = estimate / se;
    return {
      name,
      estimate,
      hazardRatio: Math.exp(estimate),
      se,
      z: statistic,
      p: 2 * normalTails(-Math.abs(statistic)).lower,
      lower: Math.exp(estimate - z * se),
      upper: Math.exp(estimate + z * se),
    };
  });
  const test = (chiSquare: number): ModelTest => ({ chiSquare, df: p, p: chiSquareUpperTail(chiSquare, p) });
  return {
    n,
    events,
    coefficients,
    logLik: [initial.logLik, current.logLik],
    likelihoodRatioTest: test(2 * (current.logLik - initial.logLik)),
    waldTest: test(quadraticForm(information, beta)),
    scoreTest: test(scoreStatistic),
    iterations,
    converged,
  };
}
