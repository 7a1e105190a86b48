/**
 * The clinic's settings, for its administrators: the time zone, which decides when the patients'
 * daily diary reminder goes out (19:00 there, daylight saving time included), and the country and
 * emergency number patients are told to call; and the FHIR API clients that may read the clinic's
 * records; and whether its public track record is published. Staff accounts are on the Staff page.
 */
import { Button, Card, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { useClinic, useSetTimeZone } from "../api/clinic";
import { FormAlert } from "../components/FormAlert";
import { PageHeader } from "../components/PageHeader";
import { LoadError, Loading } from "../components/QueryStates";
import { formErrors } from "../components/serverErrors";
import { usePageTitle } from "../components/usePageTitle";
import { BenchmarkNamingForm } from "./BenchmarkNamingForm";
import { EmergencyNumberForm } from "./EmergencyNumberForm";
import { FhirClientsSection } from "./FhirClientsSection";
import { TrackRecordSection } from "./TrackRecordSection";

/** Every IANA zone the browser knows, with UTC first (it is not in `supportedValuesOf`). */
function timeZones(): string[] {
  const names = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...names.filter((n) => n !== "UTC")];
}

/** "Sunday 14:05 (GMT+1)": the time now in a zone, so the admin sees they picked the right one. */
export function nowIn(timeZone: string, now = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "long",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "shortOffset",
    }).formatToParts(now);
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
    return `${part("weekday")} ${part("hour")}:${part("minute")} (${part("timeZoneName")})`;
  } catch {
    return "";
  }
}

function TimeZoneForm({ current }: { current: string }) {
  const save = useSetTimeZone();
  const [general, setGeneral] = useState<string[]>([]);
  const zones = useMemo(() => {
    const all = timeZones();
    return all.includes(current) ? all : [current, ...all];
  }, [current]);
  const form = useForm({ initialValues: { timeZone: current } });
  const chosen = form.values.timeZone;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        setGeneral([]);
        save.mutate(v.timeZone, {
          onSuccess: (c) => {
            form.resetDirty({ timeZone: c.timeZone });
            notifications.show({ color: "teal", message: `Time zone set to ${c.timeZone}.` });
          },
          onError: (e) => {
            const { fields, general: g } = formErrors(e, ["timeZone"]);
            form.setErrors(fields);
            setGeneral(g);
          },
        });
      })}
    >
      <Stack gap="sm" maw={480}>
        <FormAlert messages={general} />
        <Select
          label="Time zone"
          description="Where the clinic is. Type to search, e.g. New York or Madrid."
          data={zones}
          searchable
          allowDeselect={false}
          nothingFoundMessage="No time zone by that name"
          limit={50}
          {...form.getInputProps("timeZone")}
        />
        {chosen && (
          <Text size="sm" c="dimmed" aria-live="polite">
            Now there: {nowIn(chosen)}. Diary reminders go out at 19:00 in this time zone.
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            Save time zone
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function SettingsPage() {
  usePageTitle("Clinic settings");
  const clinic = useClinic();
  return (
    <Stack gap={0} maw={960}>
      <PageHeader title="Clinic settings" description="How Evident works for this clinic" />
      {clinic.isPending ? (
        <Loading label="Loading the clinic…" />
      ) : clinic.isError ? (
        <LoadError error={clinic.error} retry={() => void clinic.refetch()} what="clinic" />
      ) : (
        <Stack>
          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="settings-clinic">
            <Title order={2} size="h4" id="settings-clinic" mb="xs">
              {clinic.data.name}
            </Title>
            <Text size="sm" c="dimmed">
              Staff accounts and two-step sign-in are managed on the <Link to="/staff">Staff</Link> page.
            </Text>
          </Card>
          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="settings-tz">
            <Title order={2} size="h4" id="settings-tz" mb="xs">
              Time zone
            </Title>
            <Text size="sm" mb="sm">
              Patients who ask for a daily diary reminder get it at 7 in the evening, clinic time.
            </Text>
            <TimeZoneForm current={clinic.data.timeZone} />
          </Card>
          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="settings-emergency">
            <Title order={2} size="h4" id="settings-emergency" mb="xs">
              Emergency number
            </Title>
            <Text size="sm" mb="sm">
              The safety advice, recovery warnings, problem reports and e-mails tell patients to call this
              number in an emergency.
            </Text>
            <EmergencyNumberForm clinic={clinic.data} />
          </Card>
          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="settings-benchmark">
            <Title order={2} size="h4" id="settings-benchmark" mb="xs">
              Clinic benchmarking
            </Title>
            <Text size="sm" mb="sm">
              The outcomes page compares clinics on a funnel plot. Researchers see each clinic by a label such
              as "Clinic C", and see its name only if the clinic agrees.
            </Text>
            <BenchmarkNamingForm clinic={clinic.data} />
          </Card>
          <TrackRecordSection />
          <FhirClientsSection />
        </Stack>
      )}
    </Stack>
  );
}
