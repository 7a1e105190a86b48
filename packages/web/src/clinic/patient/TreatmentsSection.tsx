/**
 * Treatments given, newest first; cell therapies always carry their regulatory status and what
 * they were recorded on: the eligible candidacy assessment, or a clinician's override with its
 * reason. Staff who record treatments can correct one (with a reason); each correction is kept in
 * its history, an override given or changed by a correction included.
 */
import { treatmentKind } from "@evident/domain";
import type {
  PatientDetail,
  ProgrammeView,
  TreatmentCandidacy,
  TreatmentConsent,
  TreatmentView,
} from "@evident/domain/api";
import { pathwayLabels, type RegulatoryPathway } from "@evident/domain/regulatory";
import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { api } from "../../api/client";
import { historyOf } from "../../api/records";
import { formatDate } from "../../components/format";
import { candidacyWords } from "./CandidacyGateFields";
import { consentWords } from "./ConsentGateFields";
import { type FieldWords, HistoryToggle } from "./RecordHistory";

const fieldLabels: Record<string, string> = {
  date: "date",
  kind: "treatment",
  "candidacy.basis": "recorded on",
  "candidacy.reason": "candidacy override reason",
};

const treatmentWords: FieldWords = {
  label: (f) =>
    fieldLabels[f] ??
    f
      .replace(/^procedure\./, "")
      .replace(/^regulatory\./, "regulatory ")
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .toLowerCase(),
  value: (f, v) => {
    if (f === "kind" && typeof v === "string") return treatmentKind(v)?.label ?? v;
    if ((f === "notes" || f === "procedure.operator" || f === "candidacy.reason") && typeof v === "string")
      return `“${v}”`;
    if (f === "candidacy.basis")
      return v === "assessment"
        ? "eligible candidacy assessment"
        : v === "override"
          ? "clinician's override"
          : null;
    return null;
  },
};

/** One line of what was done, from the procedure record (older treatments have none). */
function ProcedureSummary({ details }: { details: Record<string, unknown> }) {
  const p = details.procedure as Record<string, unknown> | undefined;
  if (!p) return null;
  const regulatory = details.regulatory as { pathway: RegulatoryPathway } | undefined;
  const parts = [
    typeof p.target === "string" ? p.target.replaceAll("-", " ") : null,
    typeof p.surgeryType === "string" ? p.surgeryType.replaceAll("-", " ") : null,
    typeof p.programme === "string"
      ? `${p.programme}, ${p.sessionsPerWeek}×/week for ${p.weeks} weeks`
      : null,
    Array.isArray(p.levels) && p.levels.length > 0 ? p.levels.join(", ") : null,
    typeof p.tncMillions === "number" ? `${p.tncMillions} million nucleated cells` : null,
    typeof p.plateletsThousandPerUl === "number" ? `platelets ${p.plateletsThousandPerUl}×10³/µL` : null,
    p.origin === "allogeneic" ? "donor cells" : null,
    typeof p.operator === "string" ? `by ${p.operator}` : null,
  ].filter(Boolean);
  return (
    <>
      <Text size="sm">{parts.join(" · ")}</Text>
      {regulatory && <Text size="xs">Likely pathway: {pathwayLabels[regulatory.pathway]}</Text>}
    </>
  );
}

/**
 * The sessions the patient ticked off in the portal against an exercise programme's plan, under
 * that treatment. Fetched only when a treatment has a programme (the read is audited).
 */
function useProgramme(patient: PatientDetail) {
  const any = patient.treatments.some(
    (t) => typeof (t.details.procedure as { programme?: unknown } | undefined)?.programme === "string",
  );
  return useQuery({
    queryKey: ["patients", patient.id, "programme"],
    queryFn: () => api.get<{ programme: ProgrammeView | null }>(`/patients/${patient.id}/programme`),
    enabled: any,
  });
}

function SessionsLogged({ p }: { p: ProgrammeView }) {
  const parts = [`Sessions logged by the patient: ${p.total.done} of ${p.total.planned}`];
  if (p.status === "running" && p.week !== null && p.thisWeek)
    parts.push(`week ${p.week} of ${p.weeks}, ${p.thisWeek.done} of ${p.thisWeek.planned} this week`);
  if (p.weeksPast > 0) parts.push(`all planned sessions in ${p.weeksOnPlan} of ${p.weeksPast} past weeks`);
  if (p.status === "ended") parts.push(`ended ${formatDate(p.endDate)}`);
  return <Text size="sm">{parts.join(" · ")}</Text>;
}

/** What an investigational treatment was recorded on: the sign-off, or the override and its reason. */
function CandidacyLine({ candidacy }: { candidacy: TreatmentCandidacy | null }) {
  if (!candidacy)
    return (
      <Text size="xs" c="dimmed">
        Recorded before the candidacy gate: no assessment or override is on record.
      </Text>
    );
  if (candidacy.basis === "assessment") return <Text size="xs">{candidacyWords(candidacy)}.</Text>;
  return (
    <Stack gap={2}>
      <Badge color="red" variant="light" style={{ alignSelf: "flex-start" }}>
        Candidacy gate overridden
      </Badge>
      <Text size="sm">
        By {candidacy.by.name}, {formatDate(candidacy.at)}: “{candidacy.reason}”
      </Text>
      <Text size="xs" c="dimmed">
        The gate had said: {candidacy.refusal}
      </Text>
    </Stack>
  );
}

/** What an investigational treatment's consent rests on: the signature, or the override and its reason. */
function ConsentLine({ consent }: { consent: TreatmentConsent }) {
  if (consent.basis === "signed") return <Text size="xs">{consentWords(consent)}.</Text>;
  return (
    <Stack gap={2}>
      <Badge color="red" variant="light" style={{ alignSelf: "flex-start" }}>
        Consent gate overridden
      </Badge>
      <Text size="sm">{consentWords(consent)}</Text>
      <Text size="xs" c="dimmed">
        The gate had said: {consent.refusal}
      </Text>
    </Stack>
  );
}

export function TreatmentsSection({
  patient,
  action,
  onCorrect,
}: {
  patient: PatientDetail;
  action?: ReactNode;
  /** Given when the user may correct a treatment. */
  onCorrect?: ((t: TreatmentView) => void) | undefined;
}) {
  const programme = useProgramme(patient).data?.programme ?? null;
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="treatments-h"
    >
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="treatments-h">
          Treatments
        </Title>
        {action}
      </Group>
      {patient.treatments.length === 0 ? (
        <Text size="sm" c="dimmed">
          No treatment recorded yet. Recording one schedules the follow-up questionnaires of the clinic's
          measurement plan.
        </Text>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
          {patient.treatments.map((t) => {
            const info = treatmentKind(t.kind);
            const notes = typeof t.details.notes === "string" ? t.details.notes : null;
            return (
              <Stack
                key={t.id}
                component="li"
                gap={4}
                pb="xs"
                style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
              >
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <Text fw={650}>{info?.label ?? t.kind}</Text>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                    {formatDate(t.date)}
                  </Text>
                </Group>
                {info?.regulatoryNote && (
                  <>
                    <Badge color="yellow" style={{ alignSelf: "flex-start" }}>
                      Investigational
                    </Badge>
                    <Text size="xs">{info.regulatoryNote}</Text>
                  </>
                )}
                {info?.investigational && <CandidacyLine candidacy={t.candidacy} />}
                {info?.investigational && t.consent && <ConsentLine consent={t.consent} />}
                <ProcedureSummary details={t.details} />
                {programme?.treatmentId === t.id && <SessionsLogged p={programme} />}
                {notes && (
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {notes}
                  </Text>
                )}
                {onCorrect && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    style={{ alignSelf: "flex-start" }}
                    leftSection={<IconPencil size={14} aria-hidden />}
                    onClick={() => onCorrect(t)}
                    aria-label={`Correct ${info?.label ?? t.kind} of ${formatDate(t.date)}`}
                  >
                    Correct
                  </Button>
                )}
                <HistoryToggle
                  version={t.version}
                  source={historyOf.treatment(patient.id, t.id)}
                  words={treatmentWords}
                />
              </Stack>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
