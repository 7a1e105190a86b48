/**
 * The pain diary, phone first: today's back and leg pain (0–10), an optional note, the medicines
 * taken (opioids shown as morphine milligram equivalents, CDC 2022 factors), a trend of the last
 * weeks, and an optional daily reminder. In English or Spanish, as the portal's language is set.
 */
import { citations } from "@evident/domain";
import { DiaryEntryInput, type DiaryView } from "@evident/domain/api";
import { mmePerDay, mmeSource, opioids } from "@evident/domain/diary/mme";
import { LineChart } from "@mantine/charts";
import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { useDiary, useDiaryReminder, useSaveDiary } from "../api/diary";
import { FormAlert } from "../components/FormAlert";
import { formatDate, localToday } from "../components/format";
import { LoadError, Loading } from "../components/QueryStates";
import { NrsScale } from "../components/questionnaire/NrsScale";
import { formErrors } from "../components/serverErrors";
import { usePageTitle } from "../components/usePageTitle";
import { schemaErrors } from "../components/zodErrors";
import { type CareCopy, opioidNamesEs, useCareCopy } from "./care-copy";
import { useLanguage } from "./language";

type Med = { drug: string; name: string; dose: string; dosesPerDay: string };
const newMed = (): Med => ({ drug: "", name: "", dose: "", dosesPerDay: "1" });

const drugOptions = (t: CareCopy, lang: "en" | "es") => [
  { value: "", label: t.choose, disabled: true },
  ...opioids.map((o) => ({
    value: o.id,
    label: `${lang === "es" ? opioidNamesEs[o.id] : o.label} (${o.unit})`,
  })),
  { value: "other", label: t.otherMedicine },
];

const scaleItem = (t: CareCopy, id: string, text: string) => ({
  id,
  text,
  type: "integer" as const,
  min: 0,
  max: 10,
  anchors: { min: t.noPain, max: t.worstPain },
});

function toBody(back: number | undefined, leg: number | undefined, note: string, meds: Med[]) {
  return {
    backPain: back,
    legPain: leg,
    ...(note.trim() ? { note: note.trim() } : {}),
    medications: meds.map((m) => ({
      drug: m.drug,
      ...(m.drug === "other" && m.name.trim() ? { name: m.name.trim() } : {}),
      dose: m.dose.trim() === "" ? undefined : Number(m.dose),
      dosesPerDay: Number(m.dosesPerDay),
    })),
  };
}

function TodayForm({ diary }: { diary: DiaryView }) {
  const t = useCareCopy();
  const { lang } = useLanguage();
  const today = localToday();
  const existing = diary.entries.find((e) => e.date === today);
  const [back, setBack] = useState<number | undefined>(existing?.backPain);
  const [leg, setLeg] = useState<number | undefined>(existing?.legPain);
  const [note, setNote] = useState(existing?.note ?? "");
  const [meds, setMeds] = useState<Med[]>(
    existing?.medications.map((m) => ({
      drug: m.drug,
      name: m.name ?? "",
      dose: String(m.dose),
      dosesPerDay: String(m.dosesPerDay),
    })) ?? [],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const save = useSaveDiary();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body = toBody(back, leg, note, meds);
    const found = schemaErrors(DiaryEntryInput, body);
    if (back === undefined) found.backPain = t.chooseBack;
    if (leg === undefined) found.legPain = t.chooseLeg;
    setErrors(found);
    setGeneral([]);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { date: today, body: body as DiaryEntryInput },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: "green",
            title: t.saved,
            message: t.savedMessage(saved.mme),
          }),
        onError: (err) => {
          const r = formErrors(err, [
            "backPain",
            "legPain",
            "note",
            ...meds.flatMap((_, i) => [
              `medications.${i}.drug`,
              `medications.${i}.dose`,
              `medications.${i}.dosesPerDay`,
            ]),
          ]);
          setErrors(r.fields);
          setGeneral(r.general);
        },
      },
    );
  };

  const setMed = (i: number, patch: Partial<Med>) =>
    setMeds(meds.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  return (
    <Card withBorder radius="lg" padding="md" component="form" onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert messages={general} title={t.diaryNotSaved} />
        <NrsScale
          item={scaleItem(t, "backPain", t.backPainToday)}
          value={back}
          onChange={setBack}
          error={errors.backPain}
          name="backPain"
        />
        <NrsScale
          item={scaleItem(t, "legPain", t.legPainToday)}
          value={leg}
          onChange={setLeg}
          error={errors.legPain}
          name="legPain"
        />
        <Textarea
          label={t.note}
          description={t.noteHint}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
        />
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={600}>
            {t.medicinesToday}
          </Text>
          {meds.length === 0 && (
            <Text size="sm" c="dimmed">
              {t.noneAdded}
            </Text>
          )}
          {meds.map((m, i) => {
            const info = opioids.find((o) => o.id === m.drug);
            const mme =
              info && m.dose
                ? mmePerDay({ drug: m.drug, dose: Number(m.dose), dosesPerDay: Number(m.dosesPerDay) })
                : 0;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
              <Card key={i} withBorder radius="md" padding="sm">
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap" align="flex-end">
                    <NativeSelect
                      label={t.medicine(i + 1)}
                      data={drugOptions(t, lang)}
                      value={m.drug}
                      onChange={(e) => setMed(i, { drug: e.currentTarget.value })}
                      error={errors[`medications.${i}.drug`]}
                      style={{ flex: 1 }}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      aria-label={t.removeMedicine(i + 1)}
                      onClick={() => setMeds(meds.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Group>
                  {m.drug === "other" && (
                    <TextInput
                      label={t.name}
                      value={m.name}
                      onChange={(e) => setMed(i, { name: e.currentTarget.value })}
                    />
                  )}
                  <Group grow>
                    <TextInput
                      label={info?.unit === "mcg/hr" ? t.patch : t.doseMg}
                      inputMode="decimal"
                      value={m.dose}
                      onChange={(e) => setMed(i, { dose: e.currentTarget.value })}
                      error={errors[`medications.${i}.dose`]}
                    />
                    <TextInput
                      label={t.timesToday}
                      inputMode="numeric"
                      value={m.dosesPerDay}
                      onChange={(e) => setMed(i, { dosesPerDay: e.currentTarget.value })}
                      error={errors[`medications.${i}.dosesPerDay`]}
                    />
                  </Group>
                  {info && mme > 0 && <Text size="sm">{t.mmeLine(mme)}</Text>}
                </Stack>
              </Card>
            );
          })}
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setMeds([...meds, newMed()])}
            style={{ alignSelf: "flex-start" }}
          >
            {t.addMedicine}
          </Button>
        </Stack>
        <Button type="submit" size="lg" loading={save.isPending} fullWidth>
          {existing ? t.updateDiary : t.saveDiary}
        </Button>
      </Stack>
    </Card>
  );
}

function Trend({ diary }: { diary: DiaryView }) {
  const t = useCareCopy();
  const { lang } = useLanguage();
  const days = [...diary.entries].reverse().slice(-42);
  if (days.length < 2) return <Text size="sm">{t.trendEmpty}</Text>;
  const data = days.map((e) => ({ day: formatDate(e.date, lang), back: e.backPain, leg: e.legPain }));
  const summary = days.map((e) => t.trendDay(e.date, e.backPain, e.legPain)).join("; ");
  return (
    <Box component="figure" m={0} aria-label={t.trendLabel(days.length, summary)}>
      <Box aria-hidden="true">
        <LineChart
          h={200}
          data={data}
          dataKey="day"
          yAxisProps={{ domain: [0, 10] }}
          withLegend
          accessibilityLayer={false}
          series={[
            { name: "back", label: t.backPain, color: "blue.8" },
            { name: "leg", label: t.legPain, color: "orange.9" },
          ]}
        />
      </Box>
    </Box>
  );
}

export function DiaryPage() {
  const t = useCareCopy();
  const { lang } = useLanguage();
  usePageTitle(t.diaryTitle);
  const diary = useDiary();
  const reminder = useDiaryReminder();
  if (diary.isPending) return <Loading />;
  if (diary.isError)
    return <LoadError error={diary.error} retry={() => diary.refetch()} what={t.yourDiary} />;
  const d = diary.data;
  const src = citations[mmeSource];
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/portal" size="sm">
          {t.backHome}
        </Anchor>
        <Title order={1} size="h2" mt={4}>
          {t.diaryTitle}
        </Title>
        <Text c="dimmed" mt={4}>
          {t.diaryIntro}
        </Text>
      </div>
      <TodayForm key={d.entries[0]?.date ?? "none"} diary={d} />
      <Stack gap="xs" component="section" aria-labelledby="trend-h">
        <Title order={2} size="h3" id="trend-h">
          {t.trendTitle}
        </Title>
        <Trend diary={d} />
        {d.entries.length > 0 && (
          <Table.ScrollContainer minWidth={300}>
            <Table aria-label={t.entries} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.day}</Table.Th>
                  <Table.Th>{t.back}</Table.Th>
                  <Table.Th>{t.leg}</Table.Th>
                  <Table.Th>{t.opioidsMme}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.entries.slice(0, 14).map((e) => (
                  <Table.Tr key={e.date}>
                    <Table.Td>{formatDate(e.date, lang)}</Table.Td>
                    <Table.Td>{e.backPain}</Table.Td>
                    <Table.Td>{e.legPain}</Table.Td>
                    <Table.Td>{e.mme}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="xs" c="dimmed">
          {t.mmeExplained} {t.factors} {src.text}
        </Text>
      </Stack>
      <Card withBorder radius="md" padding="md">
        <Switch
          label={t.remindMe}
          checked={d.reminder}
          onChange={(e) => reminder.mutate(e.currentTarget.checked)}
          disabled={reminder.isPending}
        />
      </Card>
    </Stack>
  );
}
