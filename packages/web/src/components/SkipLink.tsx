import { Anchor } from "@mantine/core";
import classes from "./SkipLink.module.css";

/** First focusable element: lets keyboard users jump past the navigation (WCAG 2.4.1). */
export function SkipLink() {
  return (
    <Anchor href="#main" className={classes.skip}>
      Skip to main content
    </Anchor>
  );
}
