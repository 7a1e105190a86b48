/**
 * Reading a PDF's text in tests. The content streams are deflated, and standard-font text in them
 * is hex WinAnsi codes (the same bytes as Latin-1 for every letter used here).
 */
import { inflateSync } from "node:zlib";

/** Every page's drawing operators, upper-cased (text as upper-case hex). */
export function pageText(bytes: Uint8Array): string {
  const file = Buffer.from(bytes).toString("latin1");
  return [...file.matchAll(/stream\r?\n([\s\S]*?)endstream/g)]
    .map((m) => {
      try {
        return inflateSync(Buffer.from(m[1] ?? "", "latin1")).toString("latin1");
      } catch {
        return "";
      }
    })
    .join("")
    .toUpperCase();
}

/** `t` as it appears in `pageText`. */
export const hex = (t: string) => Buffer.from(t, "latin1").toString("hex").toUpperCase();

/** The lines of text in drawing order, joined by spaces (a sentence may wrap over lines). */
export const drawnText = (raw: string) =>
  [...raw.matchAll(/<([0-9A-F]+)>\s*TJ/g)]
    .map((m) => Buffer.from(m[1] ?? "", "hex").toString("latin1"))
    .join(" ");
