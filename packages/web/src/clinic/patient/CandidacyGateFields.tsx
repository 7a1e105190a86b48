/**
 * The candidacy gate on the record-treatment form (domain/candidacy/gate.ts, run here on the
 * patient's sign-offs as the server will run it): for a cell therapy or PRP it shows, before
 * anything is saved, the current eligible assessment the treatment will rest on, or why the
 * gate refuses and — for a user who may override (access/policy `mayOverrideCandidacy`) — the
 * override with its reason, which is kept with the treatment and shown on the record.
 */
import type { CandidacyView, TreatmentCandidacy } from "@evident/domain/api";
import { candidacyGate, correctionRunsGate, type GateVerdict } from "@evident/domain/candidacy";
import { Alert, Text } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { IconCircleCheck } from "@tabler/icons-react";
import { formatDate } from "../../components/format";
import { GateRefusal } from "./GateRefusal";

export type GateValues = {
  kind: string;
  date: string;
  /** The clinician chose to record the treatment despite the gate. */
  override: boolean;
  candidacyOverride: { reason: string };
};

/** What the form shows and sends: the gate's verdict, or what a correction keeps. */
export type GateState = { verdict: GateVerdict } | { kept: TreatmentCandidacy | null };

export function gateState(
  values: { kind: string; date: string },
  signOffs: readonly CandidacyView[],
  saved: { kind: string; date: string; candidacy: TreatmentCandidacy | null } | null,
): GateState {
  if (saved && !correctionRunsGate({ ...saved, basis: saved.candidacy?.basis ?? null }, values, false))
    return { kept: saved.candidacy };
  return { verdict: candidacyGate(values.kind, values.date, signOffs) };
}

export const gateRefuses = (s: GateState) => "verdict" in s && s.verdict.status === "refused";

/** A saved treatment's candidacy in a sentence (the treatments section says the same). */
export function candidacyWords(c: TreatmentCandidacy): string {
  return c.basis === "assessment"
    ? `Eligible: candidacy assessment signed ${formatDate(c.signedOn)} by ${c.signedBy.name}`
    : `Candidacy gate overridden by ${c.by.name}, ${formatDate(c.at)}: “${c.reason}”`;
}

export function CandidacyGateFields<V extends GateValues>({
  form,
  state,
  mayOverride,
}: {
  form: UseFormReturnType<V>;
  state: GateState;
  mayOverride: boolean;
}) {
  const f = form as unknown as UseFormReturnType<GateValues>;
  if ("kept" in state)
    return state.kept ? <Text size="sm">{candidacyWords(state.kept)}. The correction keeps it.</Text> : null;
  const { verdict } = state;
  if (verdict.status === "not-needed") return null;
  if (verdict.status === "passed")
    return (
      <Alert color="green" icon={<IconCircleCheck aria-hidden />} title="Candidacy: eligible">
        Candidacy assessment signed {formatDate(verdict.signOff.signedOn)} (criteria{" "}
        {verdict.signOff.criteriaVersion}). The treatment will be recorded on it.
      </Alert>
    );
  const error = f.errors.candidacy;
  return (
    <GateRefusal
      gate="Candidacy"
      field="candidacy"
      message={verdict.message}
      error={error}
      mayOverride={mayOverride}
      override={{
        label: "Record it anyway: override the candidacy gate",
        description:
          "Only when you judge the treatment right for this patient. The override and its reason are kept with the treatment, shown on the record and audited.",
        checkbox: f.getInputProps("override", { type: "checkbox" }),
        on: Boolean(f.values.override),
        reasonLabel: "Reason for the override",
        reasonExample: "e.g. “assessed by the trial team under protocol X”",
        reason: f.getInputProps("candidacyOverride.reason"),
      }}
    />
  );
}
