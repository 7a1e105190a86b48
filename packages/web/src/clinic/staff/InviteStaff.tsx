/** Inviting a staff member: name, e-mail and role; they get a link to choose their password. */
import { Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useInviteStaff } from "../../api/accounts";
import { FormAlert } from "../../components/FormAlert";
import { formErrors } from "../../components/serverErrors";
import { roleOptions } from "./roles";

type Role = (typeof roleOptions)[number]["value"];

export function InviteStaff({ onDone }: { onDone: () => void }) {
  const invite = useInviteStaff();
  const [general, setGeneral] = useState<string[]>([]);
  const form = useForm({
    initialValues: { name: "", email: "", role: "clinician" as Role },
    validate: {
      name: (v) => (v.trim() ? null : "Enter their name."),
      email: (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : "Enter their e-mail address."),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        setGeneral([]);
        invite.mutate(
          { name: v.name.trim(), email: v.email.trim(), role: v.role },
          {
            onSuccess: (m) => {
              notifications.show({ color: "green", message: `Invitation sent to ${m.email}.` });
              form.reset();
              onDone();
            },
            onError: (e) => {
              const r = formErrors(e, ["name", "email", "role"]);
              form.setErrors(r.fields);
              setGeneral(r.general);
            },
          },
        );
      })}
    >
      <Stack gap="sm">
        <FormAlert messages={general} />
        <TextInput label="Name" required autoComplete="off" {...form.getInputProps("name")} />
        <TextInput
          label="E-mail address"
          type="email"
          required
          autoComplete="off"
          {...form.getInputProps("email")}
        />
        <Select
          label="Role"
          data={roleOptions.map((r) => ({ value: r.value, label: `${r.label}: ${r.hint}` }))}
          allowDeselect={false}
          required
          {...form.getInputProps("role")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={invite.isPending}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
