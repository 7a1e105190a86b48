/**
 * What changed between two versions of a record, field by field, for its history ("outcome:
 * recovering → recovered"). Nested objects (a treatment's procedure record) are compared by
 * their leaves and named by path ("procedure.levels"); lists are compared whole. A field missing
 * on one side counts as null, so "added" and "cleared" read as changes from and to nothing.
 */
export type FieldChange = { field: string; before: unknown; after: unknown };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function flatten(value: Record<string, unknown>, prefix = "", out = new Map<string, unknown>()) {
  for (const [k, v] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v)) flatten(v, path, out);
    else out.set(path, v ?? null);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields
    .filter((f) => !same(a.get(f), b.get(f)))
    .map((field) => ({ field, before: a.get(field) ?? null, after: b.get(field) ?? null }));
}
