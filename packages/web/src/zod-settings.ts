/**
 * zod's global settings without importing zod: zod keeps them in `globalThis.__zod_globalConfig`,
 * creating it when it loads if nobody has, and reads them when it parses. Filling that object in
 * (never replacing it, in case zod loaded first) sets them for every schema.
 */
export function setZodJitless(global: object): void {
  const g = global as { __zod_globalConfig?: Record<string, unknown> };
  g.__zod_globalConfig ??= {};
  g.__zod_globalConfig.jitless = true;
}
