/**
 * One patient's story as the decision aid and the patient's page show it: the label "One person's
 * experience, not evidence" first, the story in its own language, and the patient's own numbers
 * beside it (baseline and latest, with when), so a poor result reads as plainly as a good one.
 */
import type { StoryOutcome } from "@evident/domain/api";
import { type StoryLanguage, storyOutcomeWords, storyWords } from "@evident/domain/stories";
import { Badge, List, Paper, Stack, Text } from "@mantine/core";

export function StoryCard({
  story,
  lang,
}: {
  story: { id: string; language: StoryLanguage; text: string; outcomes: StoryOutcome[] };
  lang: StoryLanguage;
}) {
  const w = storyWords[lang];
  const measured = story.outcomes.filter((o) => o.baseline || o.latest);
  return (
    <Paper withBorder radius="sm" p="sm" data-story={story.id}>
      <Stack gap={6}>
        <Badge
          variant="light"
          color="gray"
          style={{ alignSelf: "flex-start", whiteSpace: "normal", height: "auto" }}
        >
          {w.label}
        </Badge>
        <Text size="sm" component="blockquote" m={0} lang={story.language}>
          {story.text}
        </Text>
        <Text size="xs" fw={700}>
          {w.numbers}
        </Text>
        {measured.length === 0 ? (
          <Text size="xs">{w.noLatest}</Text>
        ) : (
          <List size="xs" spacing={2}>
            {measured.map((o) => (
              <List.Item key={o.instrument}>
                {o.instrument === "odi" ? w.odi : w.backPain}: {storyOutcomeWords(o, lang)}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
