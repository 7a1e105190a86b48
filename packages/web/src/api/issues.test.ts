import { describe, expect, it } from "vitest";
import { retryMinutes, sentence, splitIssues } from "./issues";

describe("splitIssues", () => {
  const fields = ["givenName", "birthDate", "episode.condition", "episode.spinalLevels", "email"];

  it("puts each issue under the field its path names", () => {
    const r = splitIssues(
      [
        { path: "givenName", message: "is required" },
        { path: "episode.condition", message: "must be one of a, b" },
      ],
      fields,
    );
    expect(r.fields).toEqual({ givenName: "Is required.", "episode.condition": "Must be one of a, b." });
    expect(r.general).toEqual([]);
  });

  it("maps a deeper path to the nearest known field", () => {
    const r = splitIssues([{ path: "episode.spinalLevels.2", message: "must be one of L1-L2" }], fields);
    expect(r.fields["episode.spinalLevels"]).toBe("Must be one of L1-L2.");
  });

  it("keeps path-less and unknown issues as general messages", () => {
    const r = splitIssues(
      [
        { path: "", message: "request body too large" },
        { path: "mystery", message: "is odd" },
      ],
      fields,
    );
    expect(r.fields).toEqual({});
    expect(r.general).toEqual(["request body too large", "mystery: is odd"]);
  });

  it("joins two issues on one field", () => {
    const r = splitIssues(
      [
        { path: "email", message: "must be an e-mail address" },
        { path: "email", message: "is needed to send a portal invitation" },
      ],
      fields,
    );
    expect(r.fields.email).toBe("Must be an e-mail address. Is needed to send a portal invitation.");
  });

  it("does not confuse a field with another that merely starts the same", () => {
    const r = splitIssues([{ path: "emailAlt", message: "bad" }], fields);
    expect(r.general).toEqual(["emailAlt: bad"]);
  });
});

describe("sentence and retryMinutes", () => {
  it("capitalises and ends with a full stop once", () => {
    expect(sentence("is required")).toBe("Is required.");
    expect(sentence("Already done.")).toBe("Already done.");
  });
  it("rounds retry time up to whole minutes, at least one", () => {
    expect(retryMinutes(5)).toBe(1);
    expect(retryMinutes(61)).toBe(2);
  });
});
