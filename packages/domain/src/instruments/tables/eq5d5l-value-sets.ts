/**
 * EQ-5D-5L value sets as level decrements: index = 1 − Σ decrement[dimension][level], level 1
 * decrements 0, no constant and no interaction terms, for both sets.
 *
 * - us: United States, Pickard et al. 2019 (US 11111 = 1.000, 55555 = −0.573);
 * - england: England, Devlin et al. 2018 (55555 = −0.285). Not the newer UK set (Rowen 2026).
 *
 * Provenance: `source/eq5d5l_value_sets_us_england.csv` (copied verbatim beside this file), where
 * three independent packages agree and reproduce all 3,125 published states; the test beside
 * this file recomputes every state against `source/eq5d5l_index_values_us_england.csv`.
 * Decrements are in thousandths as published; one public TypeScript copy adds a constant of
 * 0.0488 to the England set, which is wrong.
 */

export const eq5dDimensions = ["MO", "SC", "UA", "PD", "AD"] as const;
export type Eq5dDimension = (typeof eq5dDimensions)[number];

export const eq5dValueSetIds = ["us", "england"] as const;
export type Eq5dValueSetId = (typeof eq5dValueSetIds)[number];

export type Eq5dValueSet = {
  title: string;
  /** Decrement for levels 1–5 of each dimension (index 0 = level 1). */
  decrements: Readonly<Record<Eq5dDimension, readonly [number, number, number, number, number]>>;
};

export const eq5dValueSets: Readonly<Record<Eq5dValueSetId, Eq5dValueSet>> = {
  us: {
    title: "United States (Pickard et al. 2019)",
    decrements: {
      MO: [0.0, 0.096, 0.122, 0.237, 0.322], // mobility
      SC: [0.0, 0.089, 0.107, 0.22, 0.261], // self_care
      UA: [0.0, 0.068, 0.101, 0.255, 0.255], // usual_activities
      PD: [0.0, 0.06, 0.098, 0.318, 0.414], // pain_discomfort
      AD: [0.0, 0.057, 0.123, 0.299, 0.321], // anxiety_depression
    },
  },
  england: {
    title: "England (Devlin et al. 2018)",
    decrements: {
      MO: [0.0, 0.058, 0.076, 0.207, 0.274], // mobility
      SC: [0.0, 0.05, 0.08, 0.164, 0.203], // self_care
      UA: [0.0, 0.05, 0.063, 0.162, 0.184], // usual_activities
      PD: [0.0, 0.063, 0.084, 0.276, 0.335], // pain_discomfort
      AD: [0.0, 0.078, 0.104, 0.285, 0.289], // anxiety_depression
    },
  },
};
