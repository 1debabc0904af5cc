import { describe, expect, it } from "vitest";
import { fieldForHeader, normaliseHeader, resolveColumns } from "./fields";

describe("import column mapping", () => {
  it("matches headers exactly, in any case and spelling of spaces and punctuation", () => {
    expect(normaliseHeader(" Owner e-mail ")).toBe("owneremail");
    expect(fieldForHeader("title")).toBe("title");
    expect(fieldForHeader("TITLE")).toBe("title");
    expect(fieldForHeader("owner_email")).toBe("owner");
    expect(fieldForHeader("Bénéfit")).toBe("benefitArea");
  });

  it("knows the common synonyms", () => {
    expect(fieldForHeader("Name")).toBe("title");
    expect(fieldForHeader("Owner email")).toBe("owner");
    expect(fieldForHeader("Sponsor email")).toBe("sponsor");
    expect(fieldForHeader("Expected EBITDA")).toBe("ebitdaBase");
    expect(fieldForHeader("Low")).toBe("ebitdaLow");
    expect(fieldForHeader("High")).toBe("ebitdaHigh");
    expect(fieldForHeader("Benefit")).toBe("benefitArea");
    expect(fieldForHeader("Stage")).toBe("stage");
    expect(fieldForHeader("Status")).toBe("status");
    expect(fieldForHeader("External id")).toBe("externalId");
    expect(fieldForHeader("Team")).toBeNull();
    expect(fieldForHeader("Tags")).toBe("tags");
  });

  it("reads every header of the use-case CSV export", () => {
    const header =
      "key,title,stage,status,benefitArea,output,outcome,ebitdaLow,ebitdaBase,ebitdaHigh,currency,owner,sponsor,stageEnteredAt,createdAt,updatedAt";
    expect(resolveColumns(header.split(","))).toEqual([
      "key",
      "title",
      "stage",
      "status",
      "benefitArea",
      "output",
      "outcome",
      "ebitdaLow",
      "ebitdaBase",
      "ebitdaHigh",
      "currency",
      "owner",
      "sponsor",
      null,
      null,
      null,
    ]);
  });

  it("gives a field to one column only, the first", () => {
    expect(resolveColumns(["Name", "Title"])).toEqual(["title", null]);
  });

  it("lets the user change a mapping, ignore a column, and take a field from an automatic match", () => {
    expect(resolveColumns(["Name", "Notes", "Owner"], { Notes: "summary", Owner: null })).toEqual([
      "title",
      "summary",
      null,
    ]);
    // The user gives Title to "Project": the automatic "Name" -> title yields.
    expect(resolveColumns(["Name", "Project"], { Project: "title" })).toEqual([null, "title"]);
  });
});
