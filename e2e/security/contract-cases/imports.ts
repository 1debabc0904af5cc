// Contract cases: the CSV and XLSX import of use cases.
import type { Case } from "./kit";

export const IMPORTS_CASES: Record<string, Case> = {
  importUseCases: {
    setup: async (ctx) => ({
      query: { dryRun: "false", fileName: "contract.csv" },
      raw: {
        data: `Name;Stage;Benefit\r\nContract ${ctx.tag} ${Math.random()};Prototype;cost reduction\r\n`,
        contentType: "text/csv",
      },
    }),
    invalid: (valid) => [
      { ...valid, raw: { data: "", contentType: "text/csv" } },
      { ...valid, raw: { data: 'Title\r\n"never closed\r\n', contentType: "text/csv" } },
      { ...valid, query: { ...valid.query, dryRun: "maybe" } },
      { ...valid, query: { ...valid.query, mapping: "{not json" } },
      // All or none: one invalid row (an unknown owner) and nothing is written.
      { ...valid, raw: { data: "Title,Owner email\r\nGhost,nobody@nowhere.test\r\n", contentType: "text/csv" } },
    ],
    probes: [
      {
        label: "a damaged XLSX body is a problem, not a crash",
        request: (_ctx, valid) => ({
          ...valid,
          raw: { data: "PK", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        }),
        status: 422,
      },
      {
        label: "another media type is not read",
        request: (_ctx, valid) => ({ ...valid, raw: { data: "{}", contentType: "application/json" } }),
        status: 415,
      },
      {
        label: "inviteMissingUsers is an admin's: a business user gets 403",
        as: "BUSINESS",
        request: (_ctx, valid) => ({ ...valid, query: { dryRun: "true", inviteMissingUsers: "true" } }),
        status: 403,
      },
      {
        label: "an admin's dry run with inviteMissingUsers says who will be invited",
        request: (ctx, valid) => ({
          ...valid,
          query: { dryRun: "true", inviteMissingUsers: "true" },
          raw: {
            data: `Title,Owner email\r\nInvite ${ctx.tag},new-${ctx.tag}@invited.test\r\n`,
            contentType: "text/csv",
          },
        }),
        status: 200,
      },
      {
        label: "a dry run answers the preview",
        request: (_ctx, valid) => ({ ...valid, query: { dryRun: "true" } }),
        status: 200,
      },
    ],
  },
};
