/**
 * The Outcomes page's cohort: pick a saved cohort (the latest version of each, with its line) or
 * set filters, then apply (the cohort goes into the address, so the figures can be linked and
 * reloaded) or clear; and save the filters as a named cohort (researchers and admins — the server
 * decides, and its field errors show under the fields they name; network scope is offered to
 * researchers only). On a phone the panel folds behind a button so it never pushes the page
 * sideways. After applying, focus moves to the status line that says what the figures now show.
 */
import type { SavedCohortView } from "@evident/domain/api";
import {
  Alert,
  Button,
  Collapse,
  Group,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconFilter } from "@tabler/icons-react";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { isApiError } from "../api/client";
import { sentence, splitIssues } from "../api/issues";
import { useMe } from "../api/queries";
import { can } from "../components/Guards";
import { CohortFields } from "./CohortFields";
import { useCohortLines, usePageCohort } from "./CohortLine";
import {
  type CohortDraft,
  dateKeys,
  draftFromFilter,
  draftFromParams,
  emptyDraft,
  filterFromDraft,
  listKeys,
  paramsFromDraft,
  replaceCohort,
  savedCohortId,
} from "./cohort-params";
import { useCohortClinics, useOutcomes, useSaveCohort, useSavedCohorts } from "./queries";

const filterKeys: string[] = [...listKeys, ...dateKeys];
const savedLabel = (c: SavedCohortView) =>
  `${c.name} v${c.version}${c.scope === "network" ? " (network)" : ""}`;

function SaveCohort({
  draft,
  researcher,
  onSaved,
}: {
  draft: CohortDraft;
  researcher: boolean;
  onSaved: (c: SavedCohortView) => void;
}) {
  const save = useSaveCohort();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<"clinic" | "network">("clinic");
  const issues =
    save.isError && isApiError(save.error)
      ? splitIssues(save.error.issues, ["name", "scope", ...filterKeys.map((k) => `filter.${k}`)])
      : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ name, scope, filter: filterFromDraft(draft) as never }, { onSuccess: onSaved });
  };
  const filterErrors = filterKeys.flatMap((k) => issues?.fields[`filter.${k}`] ?? []);
  return (
    <form onSubmit={submit} aria-labelledby="save-cohort-h">
      <Stack gap="xs">
        <Title order={3} size="h5" id="save-cohort-h">
          Save these filters as a cohort
        </Title>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Cohort name"
            description="Saving a name that exists makes its next version."
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={issues?.fields.name}
            maw={360}
            w="100%"
          />
          {researcher && (
            <Radio.Group
              label="Who can use it"
              value={scope}
              onChange={(v) => setScope(v as "clinic" | "network")}
              error={issues?.fields.scope}
            >
              <Group gap="md" mt={4}>
                <Radio value="clinic" label="My clinic" />
                <Radio value="network" label="The whole network" />
              </Group>
            </Radio.Group>
          )}
        </Group>
        {filterErrors.length > 0 && (
          <Text size="sm" c="red.8" role="alert">
            {filterErrors.join(" ")}
          </Text>
        )}
        {save.isError &&
          (!isApiError(save.error) ||
            save.error.issues.length === 0 ||
            (issues?.general.length ?? 0) > 0) && (
            <Alert color="red" role="alert" p="xs">
              {issues?.general.length ? issues.general.join(" ") : save.error.message}
            </Alert>
          )}
        {save.isSuccess && (
          <Text size="sm" role="status">
            Saved: {save.data.line}
          </Text>
        )}
        <Group>
          <Button type="submit" variant="light" loading={save.isPending}>
            Save as cohort
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CohortPanel() {
  const me = useMe();
  const staff = me.data?.kind === "staff" ? me.data : null;
  const researcher = staff?.role === "researcher";
  const [params, setParams] = useSearchParams();
  const applied = savedCohortId(params);
  const saved = useSavedCohorts();
  const clinicChoices = useCohortClinics(researcher);
  const [picked, setPicked] = useState<string>(applied ?? "");
  const [draft, setDraft] = useState<CohortDraft>(() => draftFromParams(params));
  const phone = useMediaQuery("(max-width: 48em)", false, { getInitialValueInEffect: false });
  const [open, setOpen] = useState(!phone);
  const status = useRef<HTMLDivElement>(null);
  const [justApplied, setJustApplied] = useState(false);
  const panelId = useId();
  const lines = useCohortLines();

  // The address can change under the panel (back and forward): follow it.
  const key = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read only when the address changes
  useEffect(() => {
    setDraft(draftFromParams(params));
    setPicked(savedCohortId(params) ?? "");
  }, [key]);

  useEffect(() => {
    if (justApplied && status.current) {
      status.current.focus();
      setJustApplied(false);
    }
  }, [justApplied]);

  const items = saved.data?.items ?? [];
  const pickedCohort = items.find((c) => c.id === picked);
  const apply = (e?: FormEvent) => {
    e?.preventDefault();
    const next = picked ? { cohort: picked } : paramsFromDraft(draft);
    setParams(replaceCohort(params, Object.keys(next).length ? next : null));
    setJustApplied(true);
  };
  const clear = () => {
    setPicked("");
    setDraft(emptyDraft());
    setParams(replaceCohort(params, null));
    setJustApplied(true);
  };
  const editDraft = (next: CohortDraft) => {
    setPicked("");
    setDraft(next);
  };
  const pick = (id: string) => {
    setPicked(id);
    const c = items.find((x) => x.id === id);
    setDraft(c ? draftFromFilter(c.filter) : emptyDraft());
  };
  const refused = useOutcomesRefusal();

  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }} component="section" aria-labelledby="cohort-h">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Title order={2} size="h4" id="cohort-h">
          Cohort
        </Title>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconFilter size={16} aria-hidden />}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? "Hide the filters" : "Show the filters"}
        </Button>
      </Group>
      <div ref={status} tabIndex={-1} role="status" style={{ marginTop: 4 }}>
        {lines.length ? (
          lines.map((l, i) => (
            <Text key={l} size="sm" fw={i === 0 ? 650 : undefined}>
              {i === 0 ? `Showing: ${l}` : l}
            </Text>
          ))
        ) : (
          <Text size="sm">Showing every patient in scope (no cohort filter).</Text>
        )}
      </div>
      <Collapse expanded={open}>
        <div id={panelId}>
          <form onSubmit={apply} aria-labelledby="cohort-h">
            <Stack gap="sm" mt="sm">
              <NativeSelect
                label="Saved cohort"
                value={picked}
                onChange={(e) => pick(e.currentTarget.value)}
                data={[
                  { value: "", label: items.length ? "None: use the filters below" : "No saved cohorts yet" },
                  ...items.map((c) => ({ value: c.id, label: savedLabel(c) })),
                  ...(applied && !items.some((c) => c.id === applied)
                    ? [{ value: applied, label: "The cohort in this link" }]
                    : []),
                ]}
                error={refused.cohort}
                maw={480}
              />
              {pickedCohort && (
                <Text size="sm" c="dimmed">
                  {pickedCohort.line}
                </Text>
              )}
              <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
                <legend>
                  <Text size="sm" fw={650}>
                    Filters (empty: any)
                  </Text>
                </legend>
                <CohortFields
                  draft={draft}
                  onChange={editDraft}
                  errors={refused}
                  clinics={researcher ? (clinicChoices.data?.items ?? []) : null}
                />
              </fieldset>
              <Group gap="sm">
                <Button type="submit">Apply</Button>
                <Button variant="default" onClick={clear}>
                  Clear
                </Button>
              </Group>
            </Stack>
          </form>
          {staff && can(staff, "research:export") && (
            <Paper withBorder radius="sm" p="sm" mt="md" bg="gray.0">
              <SaveCohort
                draft={draft}
                researcher={researcher}
                onSaved={(c) => {
                  setPicked(c.id);
                  setParams(replaceCohort(params, { cohort: c.id }));
                }}
              />
            </Paper>
          )}
        </div>
      </Collapse>
    </Paper>
  );
}

/** The report's refusal of the page's cohort (a bad filter, an unknown cohort), by field. */
function useOutcomesRefusal(): Partial<Record<string, string>> {
  const { query, measures } = usePageCohort();
  const report = useOutcomes(query, measures);
  const error = report.error;
  if (!isApiError(error) || error.status >= 500) return {};
  if (error.status === 404) return { cohort: sentence(error.message) };
  const split = splitIssues(error.issues, ["cohort", ...filterKeys]);
  return split.general.length ? { ...split.fields, cohort: split.general.join(" ") } : split.fields;
}
