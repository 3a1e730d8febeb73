import { describe, expect, it } from "vitest";
import fr from "@/lib/i18n/messages/fr/offers.json";
import { addDays, parisToday } from "@/lib/offers/expiry";
import {
  createOfferSchema,
  offerListQuerySchema,
  parseOfferFilters,
  updateApplicationSchema,
  updateOfferSchema,
} from "./offers";

const today = parisToday();

function validOffer(overrides: Record<string, unknown> = {}) {
  return {
    title: "Chargé·e de mission insertion",
    organisation: "Coopérative Les Ateliers du Rhône",
    essFamily: "cooperative",
    contract: "cdd",
    city: "Lyon",
    department: "69",
    workMode: "hybrid",
    salaryMin: 26000,
    salaryMax: 29000,
    salaryPeriod: "year",
    startDate: addDays(today, 30),
    deadline: addDays(today, 14),
    howToApply: "https://ateliers-du-rhone.example/recrutement",
    sourceUrl: null,
    origin: "employer",
    description: "Accompagner nos salariés en parcours d'insertion.",
    ...overrides,
  };
}

/** The messages a payload gets for one field (undefined when that field is fine). */
function errorsFor(
  payload: Record<string, unknown>,
  field: string,
  schema: typeof createOfferSchema | typeof updateOfferSchema = createOfferSchema,
) {
  const result = schema.safeParse(payload);
  if (result.success) return undefined;
  const messages = result.error.issues.filter((issue) => issue.path[0] === field).map((issue) => issue.message);
  return messages.length ? messages : undefined;
}

describe("createOfferSchema", () => {
  it("accepts a complete offer and normalises it", () => {
    const result = createOfferSchema.safeParse(
      validOffer({ title: "  Chargé·e de mission\u0007 insertion ", department: "2a", salaryMin: "26 000" }),
    );
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.title).toBe("Chargé·e de mission insertion");
    expect(result.data.department).toBe("2A");
    expect(result.data.salaryMin).toBe(26000);
    expect(result.data.description.type).toBe("doc");
  });

  it("fills the optional fields with null and the defaults", () => {
    const rest: Record<string, unknown> = validOffer();
    for (const key of ["salaryMax", "salaryPeriod", "sourceUrl", "origin"]) delete rest[key];
    const result = createOfferSchema.parse({ ...rest, salaryMin: "", deadline: "" });
    expect(result).toMatchObject({
      salaryMin: null,
      salaryMax: null,
      salaryPeriod: "year",
      deadline: null,
      sourceUrl: null,
      origin: "employer",
    });
  });

  it.each<[string, unknown[], string]>([
    ["title", [undefined, "", "Aide", "x".repeat(151), 42], "validation.title"],
    ["organisation", [undefined, "", " A ", "x".repeat(121), {}], "offers.organisation"],
    ["essFamily", [undefined, "", "ngo", "Association", 3], "offers.essFamilyInvalid"],
    ["contract", [undefined, "", "CDI", "interim", null], "offers.contractInvalid"],
    ["city", [undefined, "", "L", "x".repeat(81)], "offers.city"],
    ["department", [undefined, "", "20", "00", "96", "975", "69000", "Rhône", 69], "offers.departmentInvalid"],
    ["workMode", [undefined, "", "remote-first", "onsite"], "offers.workModeInvalid"],
    ["salaryMin", [0, -1, 12.5, "abc", 500_001, "1e9", true], "offers.salaryInvalid"],
    ["salaryMax", [0, 2.5, "douze", 600_000], "offers.salaryInvalid"],
    ["salaryPeriod", ["week", "YEAR", 12], "offers.salaryPeriodInvalid"],
    [
      "startDate",
      [undefined, "", "2026-02-30", "01/09/2026", "2026-9-1", "demain", 20260901],
      "offers.startDateInvalid",
    ],
    ["deadline", ["2026-13-01", "15/12/2026", "bientôt", 5], "offers.deadlineInvalid"],
    [
      "howToApply",
      [
        undefined,
        "",
        "postuler",
        "javascript:alert(1)",
        "ftp://example.org/cv",
        "https://",
        "jean@",
        "x".repeat(490) + "@example.org",
      ],
      "offers.howToApplyInvalid",
    ],
    [
      "sourceUrl",
      ["javascript:alert(1)", "data:text/html,x", "www.example.org", "https://localhost"],
      "offers.sourceUrlInvalid",
    ],
    ["origin", ["pro", "EMPLOYER", 1], "offers.originInvalid"],
  ])("refuses bad values of %s", (field, values, messagePrefix) => {
    for (const value of values) {
      const messages = errorsFor(validOffer({ [field]: value }), field);
      expect(messages, `${field} = ${JSON.stringify(value)}`).toBeDefined();
      expect(
        messages!.every((message) => message.startsWith(messagePrefix)),
        `${field} = ${JSON.stringify(value)}: ${messages}`,
      ).toBe(true);
    }
  });

  it("refuses empty, malformed or unsafe descriptions", () => {
    expect(errorsFor(validOffer({ description: "" }), "description")).toEqual(["editor.empty"]);
    expect(errorsFor(validOffer({ description: { type: "doc", content: [] } }), "description")).toBeDefined();
    expect(
      errorsFor(validOffer({ description: { type: "doc", content: [{ type: "paragraph" }] } }), "description"),
    ).toEqual(["editor.empty"]);
    expect(
      errorsFor(validOffer({ description: { type: "doc", content: [{ type: "script" }] } }), "description"),
    ).toBeDefined();
    const evilLink = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }],
        },
      ],
    };
    expect(errorsFor(validOffer({ description: evilLink }), "description")).toBeDefined();
    expect(errorsFor(validOffer({ description: undefined }), "description")).toBeDefined();
  });

  it("accepts an email or an http(s) link to apply", () => {
    expect(errorsFor(validOffer({ howToApply: "recrutement@ateliers.example" }), "howToApply")).toBeUndefined();
    expect(errorsFor(validOffer({ howToApply: "http://ateliers.example/job?id=3" }), "howToApply")).toBeUndefined();
  });

  it("checks the salary range and the shared offer's source", () => {
    expect(errorsFor(validOffer({ salaryMin: 40000, salaryMax: 30000 }), "salaryMax")).toEqual(["offers.salaryRange"]);
    expect(errorsFor(validOffer({ salaryMin: 30000, salaryMax: 30000 }), "salaryMax")).toBeUndefined();
    expect(errorsFor(validOffer({ origin: "shared", sourceUrl: null }), "sourceUrl")).toEqual([
      "offers.sourceUrlRequired",
    ]);
    expect(
      errorsFor(validOffer({ origin: "shared", sourceUrl: "https://jobs.example/42" }), "sourceUrl"),
    ).toBeUndefined();
  });

  it("keeps dates within sensible bounds", () => {
    expect(errorsFor(validOffer({ deadline: addDays(today, -1) }), "deadline")).toEqual(["offers.deadlinePast"]);
    expect(errorsFor(validOffer({ deadline: today }), "deadline")).toBeUndefined();
    expect(errorsFor(validOffer({ deadline: addDays(today, 400) }), "deadline")).toEqual(["offers.deadlineTooFar"]);
    expect(errorsFor(validOffer({ startDate: addDays(today, 800) }), "startDate")).toEqual([
      "offers.startDateOutOfRange",
    ]);
    expect(errorsFor(validOffer({ startDate: addDays(today, -400) }), "startDate")).toEqual([
      "offers.startDateOutOfRange",
    ]);
  });

  it("lets an edit keep a deadline that has passed", () => {
    const payload = { ...validOffer({ deadline: addDays(today, -10) }), threadId: 3 };
    expect(errorsFor(payload, "deadline", updateOfferSchema)).toBeUndefined();
    expect(errorsFor({ ...payload, threadId: "x" }, "threadId", updateOfferSchema)).toBeDefined();
  });

  it("uses message keys that exist in the French messages, with one dot (the API translates those)", () => {
    const keys = new Set(Object.keys(fr.offers));
    const bad = [
      validOffer({
        organisation: "",
        essFamily: "x",
        contract: "x",
        city: "",
        department: "x",
        workMode: "x",
        salaryMin: -1,
        salaryPeriod: "x",
      }),
      validOffer({ startDate: "x", deadline: "x", howToApply: "x", sourceUrl: "x", origin: "x" }),
      validOffer({
        origin: "shared",
        salaryMin: 9,
        salaryMax: 1,
        deadline: addDays(today, -3),
        startDate: addDays(today, 900),
      }),
    ];
    for (const payload of bad) {
      const result = createOfferSchema.safeParse(payload);
      expect(result.success).toBe(false);
      for (const issue of result.error!.issues) {
        expect(issue.message).toMatch(/^[a-z]+\.[A-Za-z_]+$/);
        if (issue.message.startsWith("offers.")) expect(keys.has(issue.message.slice(7)), issue.message).toBe(true);
      }
    }
  });
});

describe("offer filters", () => {
  it("reads a shared link leniently: a bad value drops only its own filter", () => {
    expect(
      parseOfferFilters({ contract: "cdi", department: "69", workMode: "nowhere", family: "cooperative", open: "1" }),
    ).toEqual({
      contract: "cdi",
      department: "69",
      family: "cooperative",
      open: true,
    });
    expect(parseOfferFilters({ contract: ["stage", "cdd"], department: "2b" })).toEqual({ department: "2B" });
    expect(parseOfferFilters({})).toEqual({});
  });

  it("is strict for the API", () => {
    expect(offerListQuerySchema.safeParse({ contract: "cdi", limit: "10" }).success).toBe(true);
    for (const query of [
      { contract: "CDI" },
      { department: "99" },
      { open: "yes" },
      { limit: "0" },
      { limit: "51" },
      { family: "ong" },
    ]) {
      expect(offerListQuerySchema.safeParse(query).success, JSON.stringify(query)).toBe(false);
    }
  });
});

describe("updateApplicationSchema", () => {
  it("accepts a tracker update from a form", () => {
    const result = updateApplicationSchema.parse({
      id: "12",
      status: "interview",
      appliedOn: "2026-03-02",
      interviewOn: "",
      decidedOn: "",
      note: " Relancer lundi ",
    });
    expect(result).toEqual({
      id: 12,
      status: "interview",
      appliedOn: "2026-03-02",
      interviewOn: null,
      decidedOn: null,
      note: "Relancer lundi",
    });
  });

  it("refuses bad values of each field", () => {
    const base = { id: 1, status: "applied", appliedOn: null, interviewOn: null, decidedOn: null, note: "" };
    for (const [field, value] of [
      ["id", "abc"],
      ["id", 0],
      ["status", "hired"],
      ["status", ""],
      ["appliedOn", "2026-02-31"],
      ["interviewOn", "hier"],
      ["decidedOn", "2026/05/01"],
      ["note", "x".repeat(2001)],
    ] as const) {
      expect(updateApplicationSchema.safeParse({ ...base, [field]: value }).success, `${field} = ${value}`).toBe(false);
    }
  });
});

describe("tracked application dates", () => {
  const base = { id: 1, status: "applied", note: "" };
  it("refuses a reply or an interview dated before the application, naming the field", () => {
    const refused = updateApplicationSchema.safeParse({ ...base, appliedOn: "2026-11-10", decidedOn: "2026-11-01" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["decidedOn", "offers.decidedBeforeApplied"],
    ]);
    const interview = updateApplicationSchema.safeParse({
      ...base,
      appliedOn: "2026-11-10",
      interviewOn: "2026-11-09",
    });
    expect(interview.error?.issues[0]?.message).toBe("offers.interviewBeforeApplied");
  });
  it("accepts dates in order, the same day, or no application date", () => {
    expect(
      updateApplicationSchema.safeParse({ ...base, appliedOn: "2026-11-10", decidedOn: "2026-11-10" }).success,
    ).toBe(true);
    expect(updateApplicationSchema.safeParse({ ...base, decidedOn: "2026-11-01" }).success).toBe(true);
  });
});
