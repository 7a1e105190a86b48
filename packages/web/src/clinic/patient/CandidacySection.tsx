/**
 * Candidacy for a regenerative disc procedure on the patient page: the latest signed assessment,
 * and a form where every criterion is shown met, unmet or unknown with its source as the facts
 * are entered (the domain checklist, run in the browser), then signed off by a clinician. An
 * assessment that still needs more information cannot be signed (the server refuses it, 422):
 * the form says which criteria are unknown before anyone tries.
 */
import { citations, conditions } from "@evident/domain";
import type { CandidacyView, ImagingView, PatientDetail } from "@evident/domain/api";
import { type CriterionResult, contraindicationIds, evaluateCandidacy } from "@evident/domain/candidacy";
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { IconCircleCheck, IconCircleX, IconHelpCircle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useCandidacy, useSignCandidacy } from "../../api/candidacy";
import { api, isApiError } from "../../api/client";
import { usePatientTriage } from "../../api/triage";
import { AppModal } from "../../components/AppModal";
import { formatDateTime } from "../../components/format";
import { Loading } from "../../components/QueryStates";
import { ImagingFields, withImaging } from "./CandidacyImagingFields";
import {
  type CandidacyValues,
  contraindicationLabels,
  initialValues,
  pendingTier,
  type TriState,
  toInput,
} from "./candidacyForm";
import { type ImagingPrefill, imagingPrefill } from "./candidacyImaging";

export const outcomeLook = {
  eligible: { color: "green", label: "Eligible" },
  "not-eligible": { color: "red", label: "Not eligible" },
  "needs-more-information": { color: "yellow", label: "Needs more information" },
} as const;

const statusLook = {
  met: { icon: IconCircleCheck, color: "var(--mantine-color-green-9)", label: "Met" },
  unmet: { icon: IconCircleX, color: "var(--mantine-color-red-9)", label: "Unmet" },
  unknown: { icon: IconHelpCircle, color: "var(--mantine-color-yellow-9)", label: "Unknown" },
} as const;

function Tri({
  label,
  value,
  onChange,
}: {
  label: string;
  value: TriState;
  onChange: (v: TriState) => void;
}) {
  return (
    <Radio.Group label={label} value={value} onChange={(v) => onChange(v as TriState)} size="sm">
      <Group gap="md" mt={4}>
        <Radio value="unknown" label="Unknown" />
        <Radio value="no" label="No" />
        <Radio value="yes" label="Yes" />
      </Group>
    </Radio.Group>
  );
}

const n = (v: string | number): number | null => (typeof v === "number" ? v : null);

/** The criteria still unknown, named when few (all are marked "Unknown" in the checklist). */
function unknownWords(criteria: readonly CriterionResult[]): string {
  const unknown = criteria.filter((c) => c.status === "unknown").map((c) => c.label);
  if (unknown.length === 1) return `One criterion is still unknown: ${unknown[0]}.`;
  if (unknown.length <= 5) return `${unknown.length} criteria are still unknown: ${unknown.join("; ")}.`;
  return `${unknown.length} criteria are still unknown (marked “Unknown” in the checklist above).`;
}

function Criteria({
  criteria,
}: {
  criteria: {
    id: string;
    status: CriterionResult["status"];
    label: string;
    detail: string;
    source: { label: string }[];
  }[];
}) {
  return (
    <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: "none" }} aria-label="Candidacy criteria">
      {criteria.map((c) => {
        const look = statusLook[c.status];
        return (
          <Group
            key={c.id}
            component="li"
            gap="sm"
            wrap="nowrap"
            align="flex-start"
            py={6}
            style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}
          >
            <Group gap={4} wrap="nowrap" w={96} style={{ flex: "none" }}>
              <look.icon size={18} color={look.color} aria-hidden />
              <Text size="sm">{look.label}</Text>
            </Group>
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={500}>
                {c.label}
              </Text>
              <Text size="xs">{c.detail}</Text>
              <Text size="xs" c="dimmed">
                Source:{" "}
                {c.source.length ? c.source.map((x) => x.label).join("; ") : "derived (no trial source)"}
              </Text>
            </div>
          </Group>
        );
      })}
    </Stack>
  );
}

/** Loads the imaging records first, so the form can start from the latest study (candidacyImaging.ts). */
function CandidacyForm(props: { patient: PatientDetail; last: CandidacyView | null; onDone: () => void }) {
  const imaging = useQuery({
    queryKey: ["patients", props.patient.id, "imaging"],
    queryFn: () => api.get<{ items: ImagingView[] }>(`/patients/${props.patient.id}/imaging`),
  });
  if (imaging.isPending) return <Loading label="Loading imaging…" />;
  const prefill = imagingPrefill(props.patient, imaging.data?.items ?? []);
  // A study newer than the last signed assessment updates its imaging facts; an older one does not.
  const newer = prefill && (!props.last || prefill.study.date > props.last.signedOn);
  return <CandidacyFields {...props} prefill={newer ? prefill : null} />;
}

function CandidacyFields({
  patient,
  last,
  onDone,
  prefill,
}: {
  patient: PatientDetail;
  last: CandidacyView | null;
  onDone: () => void;
  prefill: ImagingPrefill | null;
}) {
  const triage = usePatientTriage(patient.id);
  const sign = useSignCandidacy(patient.id);
  const [v, setV] = useState<CandidacyValues>(() =>
    withImaging(initialValues(patient, last?.input ?? null), prefill),
  );
  const [note, setNote] = useState("");
  const set = <K extends keyof CandidacyValues>(k: K, value: CandidacyValues[K]) =>
    setV((s) => ({ ...s, [k]: value }));
  const tier = pendingTier(triage.data);
  const result = evaluateCandidacy({ ...toInput(v), triageTier: tier });
  const look = outcomeLook[result.outcome];
  const unsettled = result.unknown.length > 0;
  const shown = result.criteria.map((c) => ({
    ...c,
    source: c.source.map((k) => ({ label: citations[k].text })),
  }));

  return (
    <Stack gap="md">
      <Group gap="xs" aria-hidden>
        <Text fw={600} size="sm">
          Result so far:
        </Text>
        <Badge color={look.color}>{look.label}</Badge>
        <Text size="xs" c="dimmed">
          {result.unmet.length} unmet · {result.unknown.length} unknown (the checklist is below)
        </Text>
      </Group>
      <Text size="sm" c="dimmed">
        Leave a field empty or "Unknown" when it is not known yet: the criterion then shows as unknown. The
        triage criterion comes from the patient's safety questions ({tier ?? "not answered yet"}).
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label="Condition"
          data={conditions.map((c) => ({ value: c.id, label: c.label }))}
          value={v.condition}
          onChange={(x) => set("condition", x)}
          clearable
        />
        <NumberInput
          label="Symptom duration (months)"
          min={0}
          allowDecimal={false}
          value={v.symptomDurationMonths ?? ""}
          onChange={(x) => set("symptomDurationMonths", n(x))}
        />
      </SimpleGrid>
      <Title order={3} size="h5">
        Conservative care
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Tri label="Tried" value={v.careTried} onChange={(x) => set("careTried", x)} />
        <NumberInput
          label="For how long (months)"
          min={0}
          value={v.careMonths ?? ""}
          onChange={(x) => set("careMonths", n(x))}
        />
        <Tri
          label="Supervised physiotherapy"
          value={v.supervisedPhysiotherapy}
          onChange={(x) => set("supervisedPhysiotherapy", x)}
        />
      </SimpleGrid>
      <Title order={3} size="h5">
        Baseline
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NumberInput
          label="Back pain VAS (mm, 0–100)"
          min={0}
          max={100}
          value={v.backPainVasMm ?? ""}
          onChange={(x) => set("backPainVasMm", n(x))}
        />
        <NumberInput
          label="Back pain NRS (0–10)"
          min={0}
          max={10}
          allowDecimal={false}
          value={v.backPainNrs ?? ""}
          onChange={(x) => set("backPainNrs", n(x))}
        />
        <NumberInput
          label="ODI (0–100)"
          min={0}
          max={100}
          value={v.odi ?? ""}
          onChange={(x) => set("odi", n(x))}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label="Leg pain"
          data={[
            { value: "none", label: "None" },
            { value: "non-radicular-minor", label: "Non-radicular, not predominant" },
            { value: "radicular-or-predominant", label: "Radicular or predominant" },
          ]}
          value={v.legPain}
          onChange={(x) => set("legPain", x)}
          clearable
        />
        <Tri
          label="Facet pain excluded by medial branch block"
          value={v.facetBlock}
          onChange={(x) => set("facetBlock", x)}
        />
      </SimpleGrid>
      <ImagingFields v={v} set={set} prefill={prefill} />
      <Title order={3} size="h5">
        Contraindications
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {contraindicationIds.map((id) => (
          <Tri
            key={id}
            label={contraindicationLabels[id]}
            value={v.contraindications[id]}
            onChange={(x) => set("contraindications", { ...v.contraindications, [id]: x })}
          />
        ))}
      </SimpleGrid>
      <Paper withBorder p="sm" radius="md" aria-live="polite">
        <Group gap="xs" mb="xs">
          <Text fw={600}>Result:</Text>
          <Badge color={look.color}>{look.label}</Badge>
          <Text size="xs" c="dimmed">
            criteria {result.criteriaVersion} · {result.unmet.length} unmet · {result.unknown.length} unknown
          </Text>
        </Group>
        <Criteria criteria={shown} />
      </Paper>
      <Textarea
        label="Sign-off note"
        autosize
        minRows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      {unsettled && (
        <Alert color="yellow" title="Not ready to sign off" id="candidacy-unsettled">
          {unknownWords(result.criteria)} Find out and enter them, then sign off: every criterion is settled
          before an assessment is signed, even one that already finds the patient not eligible.
        </Alert>
      )}
      {sign.isError && (
        <Alert color="red" role="alert" title="Not signed">
          {sign.error.message}
          {isApiError(sign.error) && sign.error.issues.length > 0 && (
            <List size="sm" mt={4}>
              {sign.error.issues.map((i) => (
                <List.Item key={i.path}>{i.message}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          disabled={unsettled}
          aria-describedby={unsettled ? "candidacy-unsettled" : undefined}
          loading={sign.isPending}
          onClick={() =>
            sign.mutate(
              { input: toInput(v), ...(note.trim() ? { note: note.trim() } : {}) },
              { onSuccess: onDone },
            )
          }
        >
          Sign off assessment
        </Button>
      </Group>
    </Stack>
  );
}

export function CandidacySection({ patient, maySign }: { patient: PatientDetail; maySign: boolean }) {
  const list = useCandidacy(patient.id);
  const [opened, setOpened] = useState(false);
  const last = list.data?.items[0] ?? null;
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="candidacy-h"
    >
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="candidacy-h">
          Candidacy: regenerative disc procedure
        </Title>
        {maySign && (
          <Button size="xs" variant="light" onClick={() => setOpened(true)}>
            Assess candidacy
          </Button>
        )}
      </Group>
      {last ? (
        <Stack gap={6}>
          <Group gap="xs">
            <Badge color={outcomeLook[last.outcome].color}>{outcomeLook[last.outcome].label}</Badge>
            <Text size="xs" c="dimmed">
              Signed by {last.signedBy.name}, {formatDateTime(last.signedAt)} · criteria{" "}
              {last.criteriaVersion}
            </Text>
          </Group>
          {last.note && <Text size="sm">{last.note}</Text>}
          {last.criteria.filter((c) => c.status !== "met").length > 0 && (
            <Text size="sm">
              Not met or unknown:{" "}
              {last.criteria
                .filter((c) => c.status !== "met")
                .map((c) => `${c.label} (${c.status})`)
                .join("; ")}
            </Text>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          No candidacy assessment signed yet. It applies to regenerative (cell) procedures, which are
          investigational: no cell product is FDA-approved for back pain.
        </Text>
      )}
      {maySign && (
        <AppModal opened={opened} onClose={() => setOpened(false)} title="Candidacy assessment" size="xl">
          {opened && <CandidacyForm patient={patient} last={last} onDone={() => setOpened(false)} />}
        </AppModal>
      )}
    </Paper>
  );
}
