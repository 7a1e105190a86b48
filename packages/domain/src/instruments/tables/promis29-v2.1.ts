/**
 * PROMIS-29 Profile v2.1: raw score (sum of a domain's four item scores, 4–20) → T-score and its
 * standard error, one table per 4-item domain. Table data, so longer than a usual module.
 *
 * Provenance: HealthMeasures, PROMIS Adult Profile Instruments scoring manual (9 April 2021),
 * as transcribed in `source/promis29_v2.1_tscores.csv` (copied verbatim beside this file; the
 * audit trail of three independent transcriptions and an IRT recomputation is
 * `source/promis29_v2.1_tscores_crosscheck.csv`). All 119 T-scores agree across the three
 * transcriptions. Known SE doubts: Physical Function raw 13 (2.4 here, one source says 2.3);
 * Depression raw 20 (3.6 here, agreeing with the IRT recomputation; one source says 2.6).
 *
 * Physical Function is the PF v2.0 4a calibration (raw 4 → T 22.5), not the retired PF v1.0 4a
 * (raw 4 → 22.9) that many public scripts mix in. The test beside this file compares every row
 * with the CSVs, so an edit here that drifts from the source fails.
 */

export const promis29DomainIds = [
  "physical_function",
  "anxiety",
  "depression",
  "fatigue",
  "sleep_disturbance",
  "social_roles",
  "pain_interference",
] as const;
export type Promis29DomainId = (typeof promis29DomainIds)[number];

/** [raw score, T-score, SE], raw 4 … 20, as printed (one decimal). */
export type TScoreRow = readonly [raw: number, t: number, se: number];

export const promis29TScores: Readonly<Record<Promis29DomainId, readonly TScoreRow[]>> = {
  // Physical Function
  physical_function: [
    [4, 22.5, 4.0],
    [5, 26.6, 2.8],
    [6, 28.9, 2.5],
    [7, 30.5, 2.4],
    [8, 31.9, 2.3],
    [9, 33.2, 2.3],
    [10, 34.4, 2.3],
    [11, 35.6, 2.3],
    [12, 36.7, 2.3],
    [13, 37.9, 2.4],
    [14, 39.2, 2.4],
    [15, 40.5, 2.4],
    [16, 41.9, 2.5],
    [17, 43.5, 2.6],
    [18, 45.5, 2.8],
    [19, 48.3, 3.3],
    [20, 57.0, 6.6],
  ],
  // Anxiety
  anxiety: [
    [4, 40.3, 6.1],
    [5, 48.0, 3.6],
    [6, 51.2, 3.1],
    [7, 53.7, 2.8],
    [8, 55.8, 2.7],
    [9, 57.7, 2.6],
    [10, 59.5, 2.6],
    [11, 61.4, 2.6],
    [12, 63.4, 2.6],
    [13, 65.3, 2.7],
    [14, 67.3, 2.7],
    [15, 69.3, 2.7],
    [16, 71.2, 2.7],
    [17, 73.3, 2.7],
    [18, 75.4, 2.7],
    [19, 77.9, 2.9],
    [20, 81.6, 3.7],
  ],
  // Depression
  depression: [
    [4, 41.0, 6.2],
    [5, 49.0, 3.2],
    [6, 51.8, 2.7],
    [7, 53.9, 2.4],
    [8, 55.7, 2.3],
    [9, 57.3, 2.3],
    [10, 58.9, 2.3],
    [11, 60.5, 2.3],
    [12, 62.2, 2.3],
    [13, 63.9, 2.3],
    [14, 65.7, 2.3],
    [15, 67.5, 2.3],
    [16, 69.4, 2.3],
    [17, 71.2, 2.4],
    [18, 73.3, 2.4],
    [19, 75.7, 2.6],
    [20, 79.4, 3.6],
  ],
  // Fatigue
  fatigue: [
    [4, 33.7, 4.9],
    [5, 39.7, 3.1],
    [6, 43.1, 2.7],
    [7, 46.0, 2.6],
    [8, 48.6, 2.5],
    [9, 51.0, 2.5],
    [10, 53.1, 2.4],
    [11, 55.1, 2.4],
    [12, 57.0, 2.3],
    [13, 58.8, 2.3],
    [14, 60.7, 2.3],
    [15, 62.7, 2.4],
    [16, 64.6, 2.4],
    [17, 66.7, 2.4],
    [18, 69.0, 2.5],
    [19, 71.6, 2.7],
    [20, 75.8, 3.9],
  ],
  // Sleep Disturbance
  sleep_disturbance: [
    [4, 32.0, 5.2],
    [5, 37.5, 4.0],
    [6, 41.1, 3.7],
    [7, 43.8, 3.5],
    [8, 46.2, 3.5],
    [9, 48.4, 3.4],
    [10, 50.5, 3.4],
    [11, 52.4, 3.4],
    [12, 54.3, 3.4],
    [13, 56.1, 3.4],
    [14, 57.9, 3.3],
    [15, 59.8, 3.3],
    [16, 61.7, 3.3],
    [17, 63.8, 3.4],
    [18, 66.0, 3.4],
    [19, 68.8, 3.7],
    [20, 73.3, 4.6],
  ],
  // Ability to Participate in Social Roles and Activities
  social_roles: [
    [4, 27.5, 4.1],
    [5, 31.8, 2.5],
    [6, 34.0, 2.3],
    [7, 35.7, 2.2],
    [8, 37.3, 2.1],
    [9, 38.8, 2.2],
    [10, 40.5, 2.3],
    [11, 42.3, 2.3],
    [12, 44.2, 2.3],
    [13, 46.2, 2.3],
    [14, 48.1, 2.2],
    [15, 50.0, 2.2],
    [16, 51.9, 2.2],
    [17, 53.7, 2.3],
    [18, 55.8, 2.3],
    [19, 58.3, 2.7],
    [20, 64.2, 5.1],
  ],
  // Pain Interference
  pain_interference: [
    [4, 41.6, 6.1],
    [5, 49.6, 2.5],
    [6, 52.0, 2.0],
    [7, 53.9, 1.9],
    [8, 55.6, 1.9],
    [9, 57.1, 1.9],
    [10, 58.5, 1.8],
    [11, 59.9, 1.8],
    [12, 61.2, 1.8],
    [13, 62.5, 1.8],
    [14, 63.8, 1.8],
    [15, 65.2, 1.8],
    [16, 66.6, 1.8],
    [17, 68.0, 1.8],
    [18, 69.7, 1.9],
    [19, 71.6, 2.1],
    [20, 75.6, 3.7],
  ],
};
