/**
 * Whether researchers see this clinic's name on the benchmarking funnel plot. Off by default:
 * researchers see a label ("Clinic C") until an administrator agrees here; each change is in the
 * audit trail. Clinic staff always see their own clinic named, and never another one.
 */
import type { ClinicSettings } from "@evident/domain/api";
import { Stack, Switch, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useSetBenchmarkNamed } from "../api/clinic";
import { FormAlert } from "../components/FormAlert";
import { formErrors } from "../components/serverErrors";

export function BenchmarkNamingForm({ clinic }: { clinic: ClinicSettings }) {
  const save = useSetBenchmarkNamed();
  const general = save.error ? formErrors(save.error, []).general : [];
  return (
    <Stack gap="sm" maw={560}>
      <FormAlert messages={general} />
      <Switch
        label="Researchers may see this clinic's name"
        description="Otherwise they see only its label. You can change this at any time; every change is recorded in the audit trail."
        checked={clinic.benchmarkNamed}
        disabled={save.isPending}
        onChange={(e) =>
          save.mutate(e.currentTarget.checked, {
            onSuccess: (c) =>
              notifications.show({
                color: "teal",
                message: c.benchmarkNamed
                  ? "Researchers now see this clinic's name on the benchmarking plot."
                  : "Researchers now see only this clinic's label on the benchmarking plot.",
              }),
          })
        }
      />
      <Text size="sm" c="dimmed">
        {clinic.benchmarkNamed ? "Named to researchers." : "Shown to researchers by its label only."}
      </Text>
    </Stack>
  );
}
