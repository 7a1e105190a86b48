/**
 * Setting up two-step sign-in: scan the QR code (drawn by the server as SVG, no outside service)
 * or type the key, confirm with the first code, then keep the recovery codes, shown only now.
 */
import { Alert, Button, Code, Group, Image, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconShieldCheck } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useConfirmMfa, useStartMfa } from "../../api/accounts";
import { keys } from "../../api/queries";
import { FormAlert } from "../../components/FormAlert";
import { formErrors } from "../../components/serverErrors";
import { RecoveryCodeList } from "./RecoveryCodeList";

const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

export function MfaSetup() {
  const start = useStartMfa();
  const confirm = useConfirmMfa();
  const qc = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [general, setGeneral] = useState<string[]>([]);
  const form = useForm({
    initialValues: { code: "" },
    validate: {
      code: (v) => (/^\d{6}$/.test(v.replace(/\s/g, "")) ? null : "Enter the 6 digits the app shows."),
    },
  });

  if (codes) {
    return (
      <Stack gap="md">
        <Alert
          color="green"
          icon={<IconShieldCheck aria-hidden />}
          title="Two-step sign-in is on"
          role="status"
        >
          From now on you sign in with your password and a code from the app.
        </Alert>
        <RecoveryCodeList codes={codes} />
        <Group>
          <Button onClick={() => qc.invalidateQueries({ queryKey: keys.me })}>I have kept my codes</Button>
        </Group>
      </Stack>
    );
  }

  if (!start.data) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          You need an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator,
          1Password or FreeOTP.
        </Text>
        <FormAlert messages={start.isError ? formErrors(start.error, []).general : []} />
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          Set up two-step sign-in
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Text size="sm">1. In your authenticator app, add an account and scan this code.</Text>
      <Image
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(start.data.qrSvg)}`}
        alt="QR code to scan with your authenticator app"
        w={200}
        h={200}
        bg="white"
      />
      <Text size="sm">
        Cannot scan it? Type this key instead: <Code fz="sm">{grouped(start.data.secret)}</Code>
      </Text>
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setGeneral([]);
          confirm.mutate(v.code.replace(/\s/g, ""), {
            onSuccess: (r) => setCodes(r.recoveryCodes),
            onError: (e) => {
              const r = formErrors(e, ["code"]);
              form.setErrors(r.fields);
              setGeneral(r.general);
            },
          });
        })}
      >
        <Stack gap="sm" align="flex-start">
          <FormAlert messages={general} />
          <TextInput
            label="2. Enter the 6-digit code the app shows"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={7}
            required
            w={260}
            {...form.getInputProps("code")}
          />
          <Button type="submit" loading={confirm.isPending}>
            Turn on two-step sign-in
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
