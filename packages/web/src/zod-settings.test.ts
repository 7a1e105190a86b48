import { describe, expect, it } from "vitest";
import { setZodJitless } from "./zod-settings";

describe("zod settings set without importing zod", () => {
  it("are the settings zod uses, whether zod loads before or after", async () => {
    const { z } = await import("zod");
    expect(z.config().jitless).not.toBe(true);
    setZodJitless(globalThis);
    expect(z.config().jitless).toBe(true);
  });

  it("keep the settings already there", () => {
    const global = { __zod_globalConfig: { customError: "kept" } };
    setZodJitless(global);
    expect(global.__zod_globalConfig).toEqual({ customError: "kept", jitless: true });
  });

  it("create the settings when zod has not loaded yet", () => {
    const global: { __zod_globalConfig?: unknown } = {};
    setZodJitless(global);
    expect(global.__zod_globalConfig).toEqual({ jitless: true });
  });
});
