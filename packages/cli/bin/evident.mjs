#!/usr/bin/env node
// The `evident` command. Sources are TypeScript; tsx compiles them on the fly (cached), so the
// command always runs what is in the working tree, with no build step to forget.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
