/**
 * The clinic's public track record, for its administrators: publish or withdraw it (each change
 * in the audit trail), its address once published, and a preview of exactly what a visitor sees.
 */
import { Anchor, Button, Card, Group, Stack, Switch, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { Link } from "react-router";
import { useSetTrackRecordPublished, useTrackRecordPublishing } from "../api/track-record";
import { FormAlert } from "../components/FormAlert";
import { formatLongDate } from "../components/format";
import { LoadError, Loading } from "../components/QueryStates";
import { formErrors } from "../components/serverErrors";
import { TrackRecordView } from "../track-record/TrackRecordView";

export function TrackRecordSection() {
  const state = useTrackRecordPublishing();
  const save = useSetTrackRecordPublished();
  const [preview, setPreview] = useState(false);
  const general = save.error ? formErrors(save.error, []).general : [];
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="settings-track-record">
      <Title order={2} size="h4" id="settings-track-record" mb="xs">
        Public track record
      </Title>
      <Text size="sm" mb="sm">
        A page anyone can read without signing in: how many people the clinic treated, how many answered at
        each follow-up, how their pain and disability changed, surgery within a year and side effects, beside
        the network's figures, with what the numbers cannot show. Only totals; any count under 11 is hidden.
      </Text>
      {state.isPending ? (
        <Loading label="Loading the track record…" />
      ) : state.isError ? (
        <LoadError error={state.error} retry={() => void state.refetch()} what="track record" />
      ) : (
        <Stack gap="sm">
          <FormAlert messages={general} />
          <Switch
            label="Publish the clinic's track record"
            description="You can withdraw it at any time; the page then disappears at once. Every change is recorded in the audit trail."
            checked={state.data.published}
            disabled={save.isPending}
            onChange={(e) =>
              save.mutate(e.currentTarget.checked, {
                onSuccess: (s) =>
                  notifications.show({
                    color: "teal",
                    message: s.published
                      ? "The track record is published."
                      : "The track record is withdrawn.",
                  }),
              })
            }
          />
          {state.data.published && state.data.slug ? (
            <Text size="sm">
              Published
              {state.data.publishedAt ? ` on ${formatLongDate(state.data.publishedAt)}` : ""} at{" "}
              <Anchor component={Link} to={`/clinics/${state.data.slug}/track-record`}>
                /clinics/{state.data.slug}/track-record
              </Anchor>
              . Give patients this address, or point them to the list of published clinics.
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              Not published.
            </Text>
          )}
          <Group>
            <Button variant="light" onClick={() => setPreview((p) => !p)} aria-expanded={preview}>
              {preview ? "Hide the preview" : "Preview the page"}
            </Button>
          </Group>
          {preview && (
            <Card withBorder radius="md" padding="sm" bg="var(--mantine-color-gray-0)">
              <Text size="sm" fw={600} mb="xs">
                Preview: what a visitor sees
              </Text>
              <TrackRecordView record={state.data.preview} lang="en" />
            </Card>
          )}
        </Stack>
      )}
    </Card>
  );
}
