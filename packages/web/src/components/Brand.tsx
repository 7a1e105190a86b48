import { Group, Text } from "@mantine/core";

/** The wordmark: a simple spine-like mark and the name. Decorative mark, readable name. */
export function Brand({ size = "lg", suffix }: { size?: "md" | "lg" | "xl"; suffix?: string }) {
  const px = size === "xl" ? 32 : size === "lg" ? 26 : 22;
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={px} height={px} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="var(--mantine-color-blue-8)" />
        {[7, 13.5, 20].map((y) => (
          <rect key={y} x="10" y={y} width="12" height="4.5" rx="2.25" fill="#fff" />
        ))}
      </svg>
      <Text component="span" fw={700} size={size} c="var(--mantine-color-text)">
        Evident
        {suffix && (
          <Text component="span" fw={500} c="dimmed" size={size}>
            {" "}
            {suffix}
          </Text>
        )}
      </Text>
    </Group>
  );
}
