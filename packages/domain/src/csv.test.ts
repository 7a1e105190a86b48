import { describe, expect, it } from "vitest";
import { csvField, csvTable } from "./csv";

describe("CSV", () => {
  it("quotes fields with commas, quotes and line breaks, doubling the quotes", () => {
    expect(csvField('said "no", twice\nthen left')).toBe('"said ""no"", twice\nthen left"');
    expect(csvField("plain")).toBe("plain");
  });

  it("keeps text a spreadsheet would run as a formula as text", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-2")).toBe("'-2");
    expect(csvField("@sum")).toBe("'@sum");
    // Numbers are numbers, negative ones included.
    expect(csvField(-2)).toBe("-2");
  });

  it("writes empty fields for null and undefined, and ends every line with CRLF", () => {
    expect(
      csvTable(
        ["a", "b"],
        [
          [null, undefined],
          [1, true],
        ],
      ),
    ).toBe("a,b\r\n,\r\n1,true\r\n");
  });
});
