/**
 * The cohort filter's fields (domain/research/cohort.ts): clinic (researchers: any of the
 * network's clinics by the funnel's coded label, none chosen = all pooled; staff see their own
 * clinic only, so no field),
 * condition, treatment kind, age band, sex, STarT Back group, baseline ODI band and the treatment
 * dates, in one fieldset. An error the server gave for a field shows under it.
 */
import { conditions, treatmentKinds } from "@evident/domain";
import type { CohortClinic } from "@evident/domain/api";
import { ageBandIds, severityBands } from "@evident/domain/research";
import { Group, MultiSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import type { CohortDraft, DateKey, ListKey } from "./cohort-params";

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const choices: Record<
  Exclude<ListKey, "clinicIds">,
  { label: string; data: { value: string; label: string }[] }
> = {
  conditions: { label: "Condition", data: conditions.map((c) => ({ value: c.id, label: c.label })) },
  treatmentKinds: {
    label: "Treatment kind",
    data: treatmentKinds.map((k) => ({ value: k.id, label: k.label })),
  },
  ageBands: { label: "Age band", data: ageBandIds.map((a) => ({ value: a, label: a.replace("-", "–") })) },
  sexes: {
    label: "Sex",
    data: ["female", "male", "other", "unknown"].map((s) => ({ value: s, label: cap(s) })),
  },
  startBackGroups: {
    label: "STarT Back group",
    data: ["low", "medium", "high"].map((s) => ({ value: s, label: `${cap(s)} risk` })),
  },
  baselineSeverity: {
    label: "Baseline ODI band",
    data: severityBands.map((b, i) => ({
      value: b.id,
      label: `${cap(b.id)} (${i === 0 ? 0 : (severityBands[i - 1]?.max ?? 0) + 1}–${b.max})`,
    })),
  },
};

const dates: Record<DateKey, string> = { treatedFrom: "Treated from", treatedTo: "Treated until" };

/** "Clinic C", "Clinic C (North Spine)" where the clinic agreed to be named, and the account's own. */
export const clinicOptionLabel = (k: CohortClinic): string =>
  `${k.label}${k.name && k.name !== k.label ? ` (${k.name})` : ""}${k.own ? ", your account's clinic" : ""}`;

export function CohortFields({
  draft,
  onChange,
  errors,
  clinics,
}: {
  draft: CohortDraft;
  onChange: (next: CohortDraft) => void;
  errors: Partial<Record<string, string>>;
  /** Researchers choose among the network's clinics; null: staff, their own clinic only. */
  clinics: readonly CohortClinic[] | null;
}) {
  const set = <K extends keyof CohortDraft>(key: K, value: CohortDraft[K]) =>
    onChange({ ...draft, [key]: value });
  return (
    <Stack gap="sm">
      {clinics && (
        <MultiSelect
          label="Clinics"
          description="None chosen: every clinic, pooled"
          placeholder={draft.clinicIds.length ? undefined : "All clinics pooled"}
          data={clinics.map((k) => ({ value: k.id, label: clinicOptionLabel(k) }))}
          value={draft.clinicIds}
          onChange={(v) => set("clinicIds", v)}
          error={errors.clinicIds}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {(Object.keys(choices) as (keyof typeof choices)[]).map((key) => (
          <MultiSelect
            key={key}
            label={choices[key].label}
            placeholder={draft[key].length ? undefined : "Any"}
            data={choices[key].data}
            value={draft[key]}
            onChange={(v) => set(key, v)}
            error={errors[key]}
            clearable
            searchable={key === "treatmentKinds" || key === "conditions"}
            comboboxProps={{ withinPortal: true }}
          />
        ))}
        <Group grow align="flex-start" gap="xs" wrap="nowrap">
          {(Object.keys(dates) as DateKey[]).map((key) => (
            <TextInput
              key={key}
              type="date"
              label={dates[key]}
              value={draft[key]}
              onChange={(e) => set(key, e.currentTarget.value)}
              error={errors[key]}
              miw={0}
            />
          ))}
        </Group>
      </SimpleGrid>
    </Stack>
  );
}
