/**
 * A table that scrolls sideways when the screen is narrower than `minWidth`. The scrolling region
 * is focusable and named, so it can be scrolled from the keyboard (WCAG 2.1.1; axe's
 * scrollable-region-focusable).
 */
import { Table } from "@mantine/core";
import type { ReactNode } from "react";

export function ScrollTable({
  minWidth,
  label,
  children,
  visibleFrom,
}: {
  minWidth: number;
  label: string;
  children: ReactNode;
  visibleFrom?: "xs" | "sm" | "md" | "lg";
}) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      visibleFrom={visibleFrom}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: "region", "aria-label": label } }}
    >
      {children}
    </Table.ScrollContainer>
  );
}
