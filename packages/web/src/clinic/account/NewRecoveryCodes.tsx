/**
 * Recovery codes once two-step sign-in is on: how many are left, and new ones for the password
 * (the old ones stop working; the new ones are shown once). For someone down to their last few,
 * or who fears the printout was seen.
 */
import { Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useNewRecoveryCodes, useRecoveryCodesLeft } from "../../api/accounts";
import { PasswordConfirmForm } from "./PasswordConfirmForm";
import { RecoveryCodeList } from "./RecoveryCodeList";

function leftText(unused: number | undefined): string {
  if (unused === undefined) return "Counting your unused recovery codes…";
  if (unused === 0) return "You have no unused recovery codes left. Make new ones now.";
  return `You have ${unused} unused recovery code${unused === 1 ? "" : "s"} left.`;
}

export function NewRecoveryCodes() {
  const left = useRecoveryCodesLeft();
  const renew = useNewRecoveryCodes();
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes)
    return (
      <Stack gap="sm">
        <RecoveryCodeList codes={codes} title="Your new recovery codes (the old ones no longer work)" />
        <Group>
          <Button variant="default" onClick={() => setCodes(null)}>
            I have kept my new codes
          </Button>
        </Group>
      </Stack>
    );
  return (
    <PasswordConfirmForm
      submitLabel="Make new recovery codes"
      pending={renew.isPending}
      confirm={(password, h) =>
        renew.mutate(password, {
          onSuccess: (r) => {
            h.onSuccess();
            setCodes(r.recoveryCodes);
          },
          onError: h.onError,
        })
      }
    >
      <Text size="sm" role="status">
        {leftText(left.data?.unused)}
      </Text>
      <Text size="sm">
        New codes replace all the old ones, used or not. Do this if you are running low or think someone saw
        your codes.
      </Text>
    </PasswordConfirmForm>
  );
}
