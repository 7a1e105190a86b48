/**
 * The decision aid, as the patient and the clinician see it: what the decision is about, every
 * option at a glance (Glance.tsx: the same facts for each, fair comparisons only), then each
 * option's card in the same template, with the clinic's own numbers beside the studies' where
 * there are enough. The order
 * is the catalogue's (self-care first) for everyone: nothing is ranked.
 */
import type { PublishedStory, RegistryResult, RegistryResults } from "@evident/domain/api";
import { type OptionGroup, optionGroups } from "@evident/domain/evidence";
import { Button, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import { useRegistryResults } from "../api/decisions";
import { useDecisionAidStories } from "../api/stories";
import { Glance } from "./Glance";
import { useAidLanguage } from "./language";
import { OptionCard } from "./OptionCard";

export function AboutThisGuide() {
  const { w, p, content: c } = useAidLanguage();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="about-h">
      <Title order={2} size="h4" id="about-h" mb={4}>
        {w.about}
      </Title>
      <Stack gap={4}>
        <Text size="sm">{c.aboutTheNumbers}</Text>
        <Text size="sm">{c.updatePolicy}</Text>
        <Text size="sm">{c.funding}</Text>
        <Text size="xs" c="dimmed">
          {p.version(c.version, c.publishedOn, c.reviewBy)}
        </Text>
      </Stack>
    </Paper>
  );
}

/** What "people like you" means for this patient: the criteria with their values, and the floor. */
function PeopleLikeYou({ registry }: { registry: RegistryResults }) {
  const { w } = useAidLanguage();
  if (registry.basis === "clinic")
    return (
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="like-you-h">
        <Title order={2} size="h4" id="like-you-h" mb={4}>
          {w.everyoneTitle}
        </Title>
        <Text size="sm">{w.everyoneText}</Text>
      </Paper>
    );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="like-you-h">
      <Title order={2} size="h4" id="like-you-h" mb={4}>
        {w.likeYouTitle}
      </Title>
      {!registry.usable ? (
        <Text size="sm">{w.likeYouNoScore}</Text>
      ) : (
        <Stack gap={6}>
          <Text size="sm">{w.likeYouIntro}</Text>
          <List size="sm" spacing={2}>
            {registry.criteria.map((c) => (
              <List.Item key={c.id}>{c.words}</List.Item>
            ))}
          </List>
          {registry.unknown.length > 0 && (
            <>
              <Text size="sm">{w.likeYouUnknown}</Text>
              <List size="sm" spacing={2}>
                {registry.unknown.map((c) => (
                  <List.Item key={c.id}>{c.words}</List.Item>
                ))}
              </List>
            </>
          )}
          <Text size="sm">{w.likeYouMinimum}</Text>
        </Stack>
      )}
    </Paper>
  );
}

/**
 * `wide`: the clinic workspace, with room for cards side by side; the portal is one column.
 * `patientId`: staff looking at the clinic's numbers for people like this patient (a patient
 * always sees their own).
 */
export function DecisionAidView({
  wide = false,
  patientId,
}: {
  wide?: boolean;
  patientId?: string | undefined;
}) {
  const { lang, w, content, options: all, groupLabels } = useAidLanguage();
  const [group, setGroup] = useState<OptionGroup | "all">("all");
  const registry = useRegistryResults(patientId, lang);
  const byOption = new Map<string, RegistryResult>((registry.data?.items ?? []).map((r) => [r.optionId, r]));
  const options = all.filter((o) => group === "all" || o.group === group);
  const stories = useDecisionAidStories(lang);
  const storiesOf = (optionId: string): PublishedStory[] | undefined =>
    stories.data?.items.filter((s) => s.optionIds.includes(optionId));
  // On a phone every card is folded to its heading, so the page is a list of choices to open
  // (every card open, it was about 34,000 px long); wider screens keep the cards side by side.
  const phone = useMediaQuery("(max-width: 48em)", false, { getInitialValueInEffect: false }) ?? false;
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((now) => {
      const next = new Set(now);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allOpen = options.every((o) => open.has(o.id));
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Text>{content.condition}</Text>
        <Text>{content.decision}</Text>
      </Stack>
      {registry.data && <PeopleLikeYou registry={registry.data} />}
      <NativeSelect
        label={w.show}
        value={group}
        onChange={(e) => setGroup(e.currentTarget.value as OptionGroup | "all")}
        data={[
          { value: "all", label: w.all },
          ...optionGroups.map((g) => ({ value: g, label: groupLabels[g] })),
        ]}
        maw={320}
      />
      <Stack gap="xs" component="section" aria-labelledby="compare-h">
        <Title order={2} size="h3" id="compare-h">
          {w.compareTitle}
        </Title>
        <Glance group={group} wide={wide} />
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="details-h">
        <Title order={2} size="h3" id="details-h">
          {w.detailsTitle}
        </Title>
        {phone && (
          <Group justify="space-between" align="center" gap="xs">
            <Text size="sm">{w.foldHint}</Text>
            <Button
              variant="light"
              size="xs"
              onClick={() => setOpen(allOpen ? new Set() : new Set(options.map((o) => o.id)))}
            >
              {allOpen ? w.closeAll : w.openAll}
            </Button>
          </Group>
        )}
        <SimpleGrid cols={wide ? { base: 1, md: 2, xl: 3 } : 1} spacing={phone ? "xs" : "md"}>
          {options.map((o) => (
            <OptionCard
              key={o.id}
              option={o}
              registry={byOption.get(o.id)}
              context={registry.data}
              stories={storiesOf(o.id)}
              folded={phone ? { open: open.has(o.id), toggle: () => toggle(o.id) } : undefined}
            />
          ))}
        </SimpleGrid>
      </Stack>
      <AboutThisGuide />
    </Stack>
  );
}
