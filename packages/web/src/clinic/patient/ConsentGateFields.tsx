/**
 * The consent gate on the record-treatment form (domain/consent/gate.ts, run here on the
 * patient's consents as the server will run it): for a cell therapy or PRP it shows the signed
 * procedure consent the treatment will rest on, or why the gate refuses and — for a user who may
 * override — the override with its reason, kept with the treatment, shown and audited.
 */
import type { ConsentDocumentView, ConsentView, TreatmentConsent } from "@evident/domain/api";
import { type ConsentVerdict, consentGate, correctionRunsConsentGate } from "@evident/domain/consent";
import { Alert, Text } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { IconCircleCheck } from "@tabler/icons-react";
import { formatDate } from "../../components/format";
import { GateRefusal } from "./GateRefusal";

export type ConsentGateValues = {
  kind: string;
  date: string;
  consentOverrideOn: boolean;
  consentOverride: { reason: string };
};

export type ConsentGateState = { verdict: ConsentVerdict } | { kept: TreatmentConsent | null };

export function consentGateState(
  values: { kind: string; date: string },
  documents: readonly ConsentDocumentView[],
  consents: readonly ConsentView[],
  saved: { kind: string; consent: TreatmentConsent | null } | null,
): ConsentGateState {
  if (saved && !correctionRunsConsentGate(saved.kind, values.kind, false)) return { kept: saved.consent };
  const versions = documents
    .filter((d) => d.purpose === "procedure" && d.treatmentKind === values.kind)
    .map((d) => d.version);
  const facts = consents.map((c) => ({
    id: c.id,
    purpose: c.purpose,
    treatmentKind: c.treatmentKind,
    version: c.version,
    method: c.method,
    signedOn: c.signedOn,
    withdrawn: c.withdrawnAt !== null,
  }));
  return {
    verdict: consentGate(values.kind, values.date, versions.length ? Math.max(...versions) : null, facts),
  };
}

export const consentGateRefuses = (s: ConsentGateState) => "verdict" in s && s.verdict.status === "refused";

/** A saved treatment's consent in a sentence. */
export function consentWords(c: TreatmentConsent): string {
  return c.basis === "signed"
    ? `Consent: signed ${c.method === "paper" ? "on paper" : "in the portal"} ${formatDate(c.signedOn)} (version ${c.version})`
    : `Consent gate overridden by ${c.by.name}, ${formatDate(c.at)}: “${c.reason}”`;
}

export function ConsentGateFields<V extends ConsentGateValues>({
  form,
  state,
  mayOverride,
}: {
  form: UseFormReturnType<V>;
  state: ConsentGateState;
  mayOverride: boolean;
}) {
  const f = form as unknown as UseFormReturnType<ConsentGateValues>;
  if ("kept" in state)
    return state.kept ? <Text size="sm">{consentWords(state.kept)}. The correction keeps it.</Text> : null;
  const { verdict } = state;
  if (verdict.status === "not-needed") return null;
  if (verdict.status === "passed")
    return (
      <Alert color="green" icon={<IconCircleCheck aria-hidden />} title="Consent: signed">
        Procedure consent version {verdict.consent.version} signed{" "}
        {verdict.consent.method === "paper" ? "on paper" : "in the portal"}{" "}
        {formatDate(verdict.consent.signedOn)}. The treatment will be recorded on it.
      </Alert>
    );
  const error = f.errors.consent;
  return (
    <GateRefusal
      gate="Consent"
      field="consent"
      message={verdict.message}
      error={error}
      mayOverride={mayOverride}
      override={{
        label: "Record it anyway: override the consent gate",
        description:
          "Only when the patient consented in another way. The override and its reason are kept with the treatment, shown on the record and audited.",
        checkbox: f.getInputProps("consentOverrideOn", { type: "checkbox" }),
        on: Boolean(f.values.consentOverrideOn),
        reasonLabel: "Reason for the consent override",
        reasonExample: "e.g. “consent taken on the hospital's own form, filed in the notes”",
        reason: f.getInputProps("consentOverride.reason"),
      }}
    />
  );
}
