import { DataList } from "@mantine/core";
import type { ReactNode } from "react";

/** A short description list (label: value), e.g. a patient's details. */
export function Facts({
  items,
  labelWidth = 110,
}: {
  items: [label: string, value: ReactNode][];
  labelWidth?: number;
}) {
  return (
    <DataList size="sm" labelWidth={labelWidth} gap={6}>
      {items.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: "anywhere" }}>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
