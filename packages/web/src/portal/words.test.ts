import { describe, expect, it } from "vitest";
import { patientTitle, whenLabel } from "./words";

describe("patient words", () => {
  it("names timepoints in plain words", () => {
    expect(whenLabel("baseline")).toBe("Before treatment");
    expect(whenLabel("6w")).toBe("6 weeks after treatment");
  });
  it("names questionnaires without jargon", () => {
    expect(patientTitle("odi", "Oswestry Disability Index")).toBe("Your back pain and daily life");
    expect(patientTitle("new_one", "New one")).toBe("New one");
  });
});
