/**
 * The clinic's country and emergency number, for its administrators: every patient text (the
 * safety advice, recovery warnings, problem reports, e-mails) tells patients to call this number.
 * Left empty, the country's default is used (US/CA/MX 911, GB 999, EU 112, AU 000, NZ 111); a
 * country without a known default needs the clinic's own number, as the server says.
 */
import type { ClinicSettings } from "@evident/domain/api";
import { countryCodes, defaultEmergencyNumber } from "@evident/domain/emergency-number";
import { Button, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMemo, useState } from "react";
import { useSetEmergencyNumber } from "../api/clinic";
import { FormAlert } from "../components/FormAlert";
import { formErrors } from "../components/serverErrors";

/** "ES" → "Spain (ES)", in the browser's English names, sorted by name. */
function countryOptions(): { value: string; label: string }[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames(["en"], { type: "region" });
  } catch {
    // Without DisplayNames the codes alone are shown.
  }
  return countryCodes
    .map((code) => ({ value: code, label: `${names?.of(code) ?? code} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export function EmergencyNumberForm({ clinic }: { clinic: ClinicSettings }) {
  const save = useSetEmergencyNumber();
  const [general, setGeneral] = useState<string[]>([]);
  const countries = useMemo(countryOptions, []);
  const form = useForm({
    initialValues: { country: clinic.country, emergencyNumber: clinic.emergencyNumber ?? "" },
  });
  const fallback = defaultEmergencyNumber(form.values.country);
  const effective = form.values.emergencyNumber.trim() || fallback;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        setGeneral([]);
        save.mutate(
          { country: v.country, emergencyNumber: v.emergencyNumber.trim() || null },
          {
            onSuccess: (c) => {
              form.resetDirty({ country: c.country, emergencyNumber: c.emergencyNumber ?? "" });
              notifications.show({
                color: "teal",
                message: `Patients are now told to call ${c.effectiveEmergencyNumber} in an emergency.`,
              });
            },
            onError: (e) => {
              const { fields, general: g } = formErrors(e, ["country", "emergencyNumber"]);
              form.setErrors(fields);
              setGeneral(g);
            },
          },
        );
      })}
    >
      <Stack gap="sm" maw={480}>
        <FormAlert messages={general} />
        <Select
          label="Country"
          description="Where the clinic is. Type to search, e.g. Spain or United Kingdom."
          data={countries}
          searchable
          allowDeselect={false}
          nothingFoundMessage="No country by that name"
          limit={50}
          {...form.getInputProps("country")}
        />
        <TextInput
          label="Emergency number"
          description={
            fallback
              ? `Leave empty to use ${fallback}, the emergency number of this country.`
              : "Required: Evident knows no default emergency number for this country."
          }
          placeholder={fallback ?? "e.g. 112"}
          inputMode="numeric"
          maxLength={15}
          required={fallback === null}
          {...form.getInputProps("emergencyNumber")}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {effective
            ? `Patients are told to call ${effective} in an emergency.`
            : "Enter the number patients should call in an emergency."}
        </Text>
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            Save emergency number
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
