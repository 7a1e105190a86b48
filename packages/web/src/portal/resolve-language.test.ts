import { describe, expect, it } from "vitest";
import { resolveLanguage } from "./resolve-language";

describe("the portal's language", () => {
  it("is the one chosen with the switch in this browser, over the patient's and the browser's", () => {
    expect(resolveLanguage({ chosen: "es", patient: "en", browser: ["en-US"] })).toBe("es");
    expect(resolveLanguage({ chosen: "en", patient: "es", browser: ["es-MX"] })).toBe("en");
  });

  it("is the signed-in patient's own when nothing was chosen here", () => {
    expect(resolveLanguage({ chosen: null, patient: "es", browser: ["en-GB"] })).toBe("es");
  });

  it("follows the browser's languages, by their base, when nobody is signed in", () => {
    expect(resolveLanguage({ browser: ["fr-FR", "es-419", "en"] })).toBe("es");
    expect(resolveLanguage({ browser: ["EN-us"] })).toBe("en");
  });

  it("is English when nothing else says, and ignores a stored value it does not speak", () => {
    expect(resolveLanguage({ chosen: "de", browser: ["de-DE", "pt-BR"] })).toBe("en");
    expect(resolveLanguage({})).toBe("en");
  });
});
