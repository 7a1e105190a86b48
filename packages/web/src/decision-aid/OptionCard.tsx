/**
 * One option of the decision aid, in the template every option follows (IPDAS: the same layout
 * for each, so none is shown in a better light): what it is, what it is like, benefits, harms,
 * out of 100 people like you (icon arrays with the time frame), the clinic's own numbers where
 * there are enough, certainty in GRADE words, time to work, visits, cost, approval status and
 * sources.
 */
import { type CitationKey, citations } from "@evident/domain";
import type { PublishedStory, RegistryResult, RegistryResults } from "@evident/domain/api";
import {
  type AverageComparison,
  type CriterionId,
  type DecisionOption,
  figureWords,
  type OutOf100,
  rangeNote,
  rowDetail,
  treatmentKindForOption,
} from "@evident/domain/evidence";
import { storyWords } from "@evident/domain/stories";
import { Badge, Card, Group, List, Stack, Text, Title, UnstyledButton } from "@mantine/core";
import { IconAlertTriangle, IconChevronDown } from "@tabler/icons-react";
import classes from "./DecisionAid.module.css";
import { useCertaintyLabel } from "./Glance";
import { IconArray } from "./IconArray";
import { useAidLanguage } from "./language";
import { StoryCard } from "./StoryCard";

const cite = (keys: readonly CitationKey[]) => keys.map((k) => citations[k].text).join(" · ");

function Sources({ keys }: { keys: readonly CitationKey[] }) {
  const { w } = useAidLanguage();
  if (keys.length === 0) return null;
  return (
    <Text size="xs" c="dimmed">
      {w.sources}: {cite(keys)}
    </Text>
  );
}

function Field({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className={classes.field}>
      <Text fw={700} size="sm" component="h4" m={0}>
        {title}
      </Text>
      {children}
    </div>
  );
}

/** An "out of 100" table: who and when, an icon array per group with the count framed both ways,
 * each group's size and likely range, what to keep in mind, and where the ranges come from. */
export function Frequencies({ t, certainty }: { t: OutOf100; certainty: string }) {
  const { lang, w, p } = useAidLanguage();
  const f = figureWords[lang];
  const ranges = rangeNote(t, lang);
  return (
    <Stack gap={6}>
      <Text size="sm">
        {t.peopleLike}. {p.howMany(t)}
      </Text>
      <Group gap="md" align="flex-start">
        {t.rows.map((r) => {
          const detail = rowDetail(r, lang);
          return (
            <Stack key={r.label} gap={2} align="center" maw={150}>
              <IconArray count={r.count} countHigh={r.countHigh} label={p.iconLabel(r, t)} />
              <Text size="sm" fw={600} ta="center">
                {r.label}
              </Text>
              <Text size="sm" ta="center">
                {f.short(r)}
              </Text>
              {detail && (
                <Text size="xs" c="dimmed" ta="center">
                  {detail}
                </Text>
              )}
            </Stack>
          );
        })}
      </Group>
      <Text size="sm">{t.note}</Text>
      <Text size="xs" c="dimmed">
        {ranges ? `${ranges} ` : ""}
        {certainty}. {w.sources}: {cite(t.sources)}
      </Text>
    </Stack>
  );
}

/** A comparison given as average scores: who, when, what was measured, the result naming both groups. */
function Averages({ a }: { a: AverageComparison }) {
  const { w, p } = useAidLanguage();
  return (
    <Stack gap={4}>
      <Text size="sm">
        {a.peopleLike}. {p.measured(a)}
      </Text>
      <Text size="sm" fw={600}>
        {a.summary}
      </Text>
      <Text size="sm">{a.note}</Text>
      <Text size="xs" c="dimmed">
        {w.sources}: {cite(a.sources)}
      </Text>
    </Stack>
  );
}

/** The "like you" criteria one option's figure used, and those widened to reach 30 people. */
function Matched({ result }: { result: RegistryResult }) {
  const { w, p, criterionNames } = useAidLanguage();
  const names = (ids: readonly CriterionId[]) => ids.map((id) => criterionNames[id]).join(", ");
  return (
    <>
      {result.criteria.length > 0 && (
        <Text size="xs">
          {w.matchedOn}: {p.sameCare}, {names(result.criteria)}.
        </Text>
      )}
      {result.widened.length > 0 && (
        <Text size="xs">
          {w.notMatchedOn}: {names(result.widened)}.
        </Text>
      )}
    </>
  );
}

function Clinic({
  option,
  registry,
  context,
}: {
  option: DecisionOption;
  registry: RegistryResult | undefined;
  context: RegistryContext | undefined;
}) {
  const { w, p } = useAidLanguage();
  const link = treatmentKindForOption(option.id);
  const figure = registry?.figure;
  const forPatient = context?.basis === "patient";
  return (
    <Field title={w.clinicTitle}>
      {!link ? (
        <Text size="sm">{w.clinicNotRecorded}</Text>
      ) : context && !context.usable ? (
        <Text size="sm">{w.clinicNoScore}</Text>
      ) : !registry || !figure ? (
        <Stack gap={2}>
          <Text size="sm">{forPatient ? w.clinicNone : w.clinicNoneAll}</Text>
          {registry && <Matched result={registry} />}
        </Stack>
      ) : (
        <Stack gap={4}>
          <Text size="sm">{p.clinicCounts(figure, forPatient)}</Text>
          <Text size="sm" fw={600}>
            {p.clinicSentence(figure)}
          </Text>
          <Text size="sm">{p.clinicResult(figure.timepoint, context?.responderRule)}</Text>
          <Text size="sm">{p.clinicMissing(figure.range)}</Text>
          <Matched result={registry} />
          {registry.match === "broader" && <Text size="xs">{w.broader}</Text>}
          <Text size="xs" c="dimmed">
            {w.clinicCaution}
          </Text>
        </Stack>
      )}
    </Field>
  );
}

/** What the whole set of clinic figures is about (from RegistryResults). */
export type RegistryContext = Pick<RegistryResults, "basis" | "usable" | "responderRule">;

/**
 * Patients' stories of this option's treatment at the clinic: the stated rule first, then every
 * one the server sent (all published, in publication order), each labelled as one person's
 * experience, with their own numbers.
 */
function Stories({ stories }: { stories: readonly PublishedStory[] }) {
  const { lang } = useAidLanguage();
  const sw = storyWords[lang];
  return (
    <Field title={sw.title}>
      <Stack gap={6}>
        <Text size="xs">{sw.rule}</Text>
        {stories.length === 0 ? (
          <Text size="sm">{sw.none}</Text>
        ) : (
          stories.map((s) => <StoryCard key={s.id} story={s} lang={lang} />)
        )}
      </Stack>
    </Field>
  );
}

export function OptionCard({
  option,
  registry,
  context,
  stories,
  folded,
}: {
  option: DecisionOption;
  registry?: RegistryResult | undefined;
  context?: RegistryContext | undefined;
  /** The clinic's published stories of this option's treatment; undefined while not loaded. */
  stories?: readonly PublishedStory[] | undefined;
  /**
   * On a phone: the card is a disclosure (the WAI-ARIA pattern: a button in the heading with
   * `aria-expanded`, controlling the body), closed unless `folded.open`.
   */
  folded?: { open: boolean; toggle: () => void } | undefined;
}) {
  const { w, p, costLabels, groupLabels } = useAidLanguage();
  const certainty = useCertaintyLabel()(option);
  const bodyId = `option-body-${option.id}`;
  const closed = folded !== undefined && !folded.open;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      aria-labelledby={`option-${option.id}`}
      className={classes.card}
      data-option={option.id}
    >
      <Stack gap="sm">
        <div>
          <Group gap="xs" mb={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {groupLabels[option.group]}
            </Text>
            {option.investigational && (
              <Badge color="orange" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
                {p.experimental}
              </Badge>
            )}
          </Group>
          <Title order={3} size="h4" id={`option-${option.id}`}>
            {folded ? (
              <UnstyledButton
                onClick={folded.toggle}
                aria-expanded={folded.open}
                aria-controls={bodyId}
                className={classes.fold}
              >
                <span>{option.name}</span>
                <IconChevronDown size={20} aria-hidden className={classes.chevron} data-open={folded.open} />
              </UnstyledButton>
            ) : (
              option.name
            )}
          </Title>
          {option.suitableFor && <Text size="sm">{option.suitableFor}</Text>}
        </div>
        <div id={bodyId} hidden={closed}>
          <Stack gap="sm">
            <Field title={w.whatItIs}>
              <Text size="sm">{option.whatItIs}</Text>
            </Field>
            <Field title={w.whatItIsLike}>
              <Text size="sm">{option.whatItIsLike}</Text>
            </Field>
            <Field title={w.benefits}>
              <List size="sm" spacing={2}>
                {option.benefits.map((b) => (
                  <List.Item key={b}>{b}</List.Item>
                ))}
              </List>
            </Field>
            <Field title={w.harms}>
              <List size="sm" spacing={2}>
                {option.harms.map((b) => (
                  <List.Item key={b}>{b}</List.Item>
                ))}
              </List>
            </Field>
            <Field title={w.outOf100}>
              {option.outOf100.length > 0 ? (
                option.outOf100.map((t) => (
                  <Frequencies key={t.outcome + t.timeFrame} t={t} certainty={certainty} />
                ))
              ) : (
                <Text size="sm">{option.noNumbers}</Text>
              )}
            </Field>
            {option.averages.length > 0 && (
              <Field title={w.averages}>
                {option.averages.map((a) => (
                  <Averages key={a.summary} a={a} />
                ))}
              </Field>
            )}
            {option.shamResponse && (
              <Field title={w.sham}>
                <Frequencies t={option.shamResponse} certainty={certainty} />
              </Field>
            )}
            {option.otherNumbers.length > 0 && (
              <Field title={w.otherNumbers}>
                {option.otherNumbers.map((x) => (
                  <Text size="sm" key={x.text}>
                    {x.text}{" "}
                    <Text span size="xs" c="dimmed">
                      ({cite(x.sources)})
                    </Text>
                  </Text>
                ))}
              </Field>
            )}
            <Clinic option={option} registry={registry} context={context} />
            {stories && <Stories stories={stories} />}
            <Field title={w.certainty}>
              <Badge
                variant="light"
                color={option.certainty === "high" || option.certainty === "moderate" ? "blue" : "gray"}
              >
                {certainty}
              </Badge>
              <Text size="sm">{option.certaintyNote}</Text>
            </Field>
            <Field title={w.timeToEffect}>
              <Text size="sm">{option.timeToEffect}</Text>
            </Field>
            <Field title={w.visits}>
              <Text size="sm">
                {option.visits.text}
                {option.visits.estimate && <Text span size="xs" c="dimmed">{` ${w.estimate}`}</Text>}
              </Text>
            </Field>
            <Field title={w.cost}>
              <Text size="sm">
                {costLabels[option.cost.band]}. {option.cost.text}
                {option.cost.estimate && <Text span size="xs" c="dimmed">{` ${w.estimate}`}</Text>}
              </Text>
            </Field>
            <Field title={w.status}>
              <Text size="sm" fw={option.investigational ? 600 : undefined}>
                {option.regulatoryStatus}
              </Text>
            </Field>
            <Sources keys={option.sources} />
          </Stack>
        </div>
      </Stack>
    </Card>
  );
}
