/**
 * Theme: Mantine defaults tuned for WCAG AA contrast. Mantine's stock light-scheme shades for
 * dimmed text (gray 6), errors (red 6) and "light" badges (shade 6 on a tint) fall below 4.5:1,
 * so they are darkened here; every status colour's shade 9 is checked against its tint (≥ 6:1).
 */
import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  defaultVariantColorsResolver,
  type MantineColorsTuple,
  rem,
  type VariantColorsResolver,
} from "@mantine/core";

function withDarkest(name: string, darkest: string): MantineColorsTuple {
  const c = DEFAULT_THEME.colors[name as "blue"];
  return [c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], darkest];
}

const lightVariant: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const c = input.color;
  // Theme colours without a shade: opaque tint with the darkest shade as text.
  if (input.variant === "light" && c && c in input.theme.colors) {
    return {
      ...base,
      background: `var(--mantine-color-${c}-0)`,
      hover: `var(--mantine-color-${c}-1)`,
      color: `var(--mantine-color-${c}-9)`,
    };
  }
  return base;
};

export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 5 },
  colors: {
    green: withDarkest("green", "#1e6b34"),
    orange: withDarkest("orange", "#943d00"),
    yellow: withDarkest("yellow", "#6e5000"),
    teal: withDarkest("teal", "#0b6149"),
    red: withDarkest("red", "#b02525"),
    cyan: withDarkest("cyan", "#0b5d73"),
    gray: withDarkest("gray", "#343a40"),
  },
  fontFamily:
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  headings: { fontWeight: "650" },
  defaultRadius: "md",
  focusRing: "auto",
  cursorType: "pointer",
  variantColorResolver: lightVariant,
  components: {
    // Touch targets of at least 44 px on phones for the controls patients use most.
    Button: { defaultProps: { size: "sm" } },
    // Badges never truncate (their grid collapses to nothing in auto-width table cells otherwise).
    Badge: {
      defaultProps: { variant: "light", radius: "sm" },
      styles: { root: { minWidth: "max-content", textTransform: "none" } },
    },
    Table: { defaultProps: { verticalSpacing: "xs" } },
    Anchor: { defaultProps: { underline: "always" } },
    Title: { styles: { root: { letterSpacing: rem(-0.2) } } },
    // Mantine's close buttons have no text; give them a name screen readers can announce.
    // Its description under a title is gray 6 (3.3:1 on white); gray 7 reads at 4.5:1 or more.
    Notification: {
      defaultProps: { closeButtonProps: { "aria-label": "Close notification" } },
      styles: { description: { color: "var(--mantine-color-gray-7)" } },
    },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-6)",
    "--mantine-color-anchor": "var(--mantine-color-blue-8)",
  },
  dark: {},
});
