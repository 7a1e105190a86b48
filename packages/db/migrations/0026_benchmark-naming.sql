-- A clinic is named to researchers on the benchmarking funnel only once its administrators agree
-- (an audited clinic setting); until then researchers see only its stable label.
ALTER TABLE "clinics" ADD COLUMN "benchmark_named" boolean DEFAULT false NOT NULL;
