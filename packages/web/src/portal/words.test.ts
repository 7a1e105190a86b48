import { describe, expect, it } from "vitest";
import { patientTitle, timepointShort, whenLabel } from "./words";

describe("patient words", () => {
  it("names timepoints in plain words, in English and Spanish", () => {
    expect(whenLabel("baseline")).toBe("Before treatment");
    expect(whenLabel("6w")).toBe("6 weeks after treatment");
    expect(whenLabel("baseline", "es")).toBe("Antes del tratamiento");
    expect(whenLabel("3m", "es")).toBe("3 meses después del tratamiento");
    expect(timepointShort("2w")).toBe("2 weeks");
    expect(timepointShort("baseline", "es")).toBe("Inicio");
    expect(timepointShort("12m", "es")).toBe("12 meses");
  });
  it("names questionnaires without jargon", () => {
    expect(patientTitle("odi", "Oswestry Disability Index")).toBe("Your back pain and daily life");
    expect(patientTitle("eq5d5l", "EQ-5D-5L", "es")).toBe("Su salud hoy");
    expect(patientTitle("new_one", "New one")).toBe("New one");
  });
});
