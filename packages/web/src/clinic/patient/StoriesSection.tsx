/**
 * A patient's stories on their record. Staff who may write the record draft one, in their own
 * words, for one of the patient's treatments (the server refuses a text that could identify the
 * patient, and a story without the patient's story consent); a clinician approves a draft, which
 * publishes it in the decision aid beside the patient's own numbers. A withdrawn consent shows the
 * story as withdrawn: it is no longer shown to anyone.
 */
import { treatmentKind } from "@evident/domain";
import type { StoryView, TreatmentView } from "@evident/domain/api";
import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useApproveStory, useDraftStory, useEditStory, usePatientStories } from "../../api/stories";
import { FormAlert } from "../../components/FormAlert";
import { formatDate } from "../../components/format";
import { formErrors } from "../../components/serverErrors";
import { StoryCard } from "../../decision-aid/StoryCard";

const statusBadge: Record<StoryView["status"], { label: string; color: string }> = {
  draft: { label: "Draft: waits for a clinician", color: "yellow" },
  published: { label: "Published", color: "green" },
  withdrawn: { label: "Withdrawn", color: "orange" },
};

function DraftForm({ patientId, treatments }: { patientId: string; treatments: TreatmentView[] }) {
  const save = useDraftStory(patientId);
  const [treatmentId, setTreatment] = useState(treatments.at(-1)?.id ?? "");
  const [language, setLanguage] = useState<"en" | "es">("en");
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate(
      { treatmentId, language, text },
      {
        onSuccess: () => {
          setText("");
          setErrors({});
          setGeneral([]);
        },
        onError: (err) => {
          const r = formErrors(err, ["treatmentId", "language", "text", "consent"]);
          setErrors(r.fields);
          setGeneral([...r.general, ...(r.fields.consent ? [r.fields.consent] : [])]);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Draft a story">
      <Stack gap="xs">
        <FormAlert messages={general} title="The story was not saved" />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <NativeSelect
            label="Treatment"
            value={treatmentId}
            onChange={(e) => setTreatment(e.currentTarget.value)}
            error={errors.treatmentId}
            data={treatments.map((t) => ({
              value: t.id,
              label: `${treatmentKind(t.kind)?.label ?? t.kind} · ${formatDate(t.date)}`,
            }))}
          />
          <NativeSelect
            label="Language"
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value as "en" | "es")}
            error={errors.language}
            data={[
              { value: "en", label: "English" },
              { value: "es", label: "Español" },
            ]}
          />
        </SimpleGrid>
        <Textarea
          label="The story"
          description="In your words, from what the patient told you. No names, dates, phone numbers, e-mail or street addresses: the patient must not be recognisable. A clinician approves it before anyone sees it."
          autosize
          minRows={3}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text}
        />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={save.isPending}>
            Save draft
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Changing a story's words: a published story goes back to draft until a clinician approves it again. */
function EditForm({ patientId, story, onDone }: { patientId: string; story: StoryView; onDone: () => void }) {
  const edit = useEditStory(patientId);
  const [text, setText] = useState(story.text);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    edit.mutate(
      { storyId: story.id, text },
      {
        onSuccess: onDone,
        onError: (err) => {
          const r = formErrors(err, ["text", "consent"]);
          setErrors(r.fields);
          setGeneral([...r.general, ...(r.fields.consent ? [r.fields.consent] : [])]);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Change the story">
      <Stack gap="xs">
        <FormAlert messages={general} title="The story was not changed" />
        <Textarea
          label="The story"
          description={
            story.status === "published"
              ? "Saving takes the story out of the decision aid until a clinician approves it again."
              : "No names, dates, phone numbers, e-mail or street addresses."
          }
          autosize
          minRows={3}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text}
        />
        <Group justify="flex-end" gap="xs">
          <Button type="button" size="xs" variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" size="xs" loading={edit.isPending}>
            Save the change
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function StoriesSection({
  patientId,
  treatments,
  mayWrite,
  mayApprove,
}: {
  patientId: string;
  treatments: TreatmentView[];
  mayWrite: boolean;
  mayApprove: boolean;
}) {
  const q = usePatientStories(patientId);
  const approve = useApproveStory(patientId);
  const [approveError, setApproveError] = useState<string[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const items = q.data?.items ?? [];
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="stories-h"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="stories-h">
          Stories
        </Title>
        <Text size="sm" c="dimmed">
          Published stories are shown in the decision aid, every one of the same treatment, in the order they
          were published, labelled "One person's experience, not evidence".
        </Text>
        {q.data && !q.data.consented && (
          <Alert color="gray" title="No story consent">
            The patient has not signed the consent to share a story (or has withdrawn it). A story needs it.
          </Alert>
        )}
        <FormAlert messages={approveError} title="The story was not published" />
        {items.map((s) => (
          <Stack key={s.id} gap={4}>
            <Group gap="xs">
              <Badge variant="light" color={statusBadge[s.status].color}>
                {statusBadge[s.status].label}
              </Badge>
              <Text size="xs" c="dimmed">
                {treatmentKind(s.treatmentKind)?.label ?? s.treatmentKind}
                {s.draftedBy && ` · drafted by ${s.draftedBy.name}`}
                {s.approvedBy &&
                  s.publishedAt &&
                  ` · approved by ${s.approvedBy.name}, ${formatDate(s.publishedAt)}`}
              </Text>
            </Group>
            {editing === s.id ? (
              <EditForm patientId={patientId} story={s} onDone={() => setEditing(null)} />
            ) : (
              <StoryCard story={s} lang="en" />
            )}
            {editing !== s.id &&
              s.status !== "withdrawn" &&
              (mayWrite || (s.status === "draft" && mayApprove)) && (
                <Group justify="flex-end" gap="xs">
                  {mayWrite && q.data?.consented && (
                    <Button size="xs" variant="default" onClick={() => setEditing(s.id)}>
                      Change the text
                    </Button>
                  )}
                  {s.status === "draft" && mayApprove && (
                    <Button
                      size="xs"
                      loading={approve.isPending}
                      onClick={() =>
                        approve.mutate(s.id, {
                          onSuccess: () => setApproveError([]),
                          onError: (err) => {
                            const r = formErrors(err, []);
                            setApproveError(r.general);
                          },
                        })
                      }
                    >
                      Approve and publish
                    </Button>
                  )}
                </Group>
              )}
          </Stack>
        ))}
        {mayWrite && q.data?.consented && treatments.length > 0 && (
          <DraftForm patientId={patientId} treatments={treatments} />
        )}
      </Stack>
    </Paper>
  );
}
