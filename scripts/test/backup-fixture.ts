// The source database of the backup tests: the demo portfolio, then awkward values in every
// table (and a gap in a sequence), so a restore that gets any of them wrong shows.
import { randomBytes } from "node:crypto";
import { withClient } from "./with-client";

type Db = typeof import("@/server/db").db;

// Values that a careless dump gets wrong: quotes, backslashes, newlines, unicode, NULLs in arrays,
// big numbers in JSON, microseconds, decimals at full precision.
export const AWKWARD = `It's "quoted", back\\slash, tab\there,\nnew line; ünïcødé ✓ 🚀 -- ' OR 1=1`;

export async function seedEverything(url: string, db: Db): Promise<void> {
  const { seedDemoPortfolio } = await import("@/prisma/seed/demo-portfolio");
  await seedDemoPortfolio(db);
  // The first read numbers the ranked list (the stored ranks): as a running server would have.
  const { refreshPriorities } = await import("@/server/priority/priority-of");
  await refreshPriorities();
  await withClient(url, async (c) => {
    const user = (await c.query(`SELECT id FROM "User" ORDER BY email LIMIT 1`)).rows[0].id as string;
    const uc = (await c.query(`SELECT id FROM "UseCase" ORDER BY number LIMIT 1`)).rows[0].id as string;
    const review = (await c.query(`SELECT id FROM "GateReview" ORDER BY "requestedAt" LIMIT 1`)).rows[0].id as string;
    await c.query(
      `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix, "lastUsedAt", scope, "expiresAt")
       VALUES ('bk_token', $1, $2, 'hash-1', 'rb_abc', '2026-01-02 03:04:05.678', 'READ_ONLY', '2027-01-02 03:04:05.678')`,
      [user, AWKWARD],
    );
    await c.query(`INSERT INTO "SetupCode" (id, hash) VALUES ('bk_setup', $1)`, ["e3b0c442".repeat(8)]);
    await c.query(
      `INSERT INTO "LoginAttempt" (id, email, ip, succeeded, at) VALUES ('bk_login', 'a@b.c', '::1', false, '2026-03-04 05:06:07.891')`,
    );
    await c.query(
      `INSERT INTO "AuditEvent" (id, "actorId", action, entity, "entityId", before, after, "useCaseId")
       VALUES ('bk_audit1', $1, 'test.awkward', 'UseCase', $2, $3::jsonb, $4::jsonb, $2),
              ('bk_audit2', NULL, 'test.null', 'User', 'x', NULL, 'null'::jsonb, NULL)`,
      [
        user,
        uc,
        JSON.stringify({ text: AWKWARD, nested: { list: [1, 2.5, null, true] } }),
        '{"big": 123456789012345678901234567890.123456789, "tiny": 1e-20, "s": "\\u00e9t\\u00e9"}',
      ],
    );
    await c.query(
      `INSERT INTO "Notification" (id, "userId", kind, title, href) VALUES ('bk_note', $1, 'test', $2, '/x?a=1&b=2')`,
      [user, AWKWARD],
    );
    await c.query(
      `INSERT INTO "Comment" (id, "useCaseId", "gateReviewId", "authorId", body, mentions)
       VALUES ('bk_comment1', $1, NULL, $2, $3, ARRAY['a,b', 'c"d', NULL, '', 'e\\f']),
              ('bk_comment2', $1, $4, $2, 'on a review', '{}')`,
      [uc, user, AWKWARD, review],
    );
    await c.query(
      `INSERT INTO "Webhook" (id, url, description, events, secret, "createdById", "updatedAt")
       VALUES ('bk_hook', 'https://hooks.example/x', $1, ARRAY['gate.decided', 'stage.changed'], 'enc:abc', $2, now())`,
      [AWKWARD, user],
    );
    await c.query(
      `INSERT INTO "WebhookDelivery" (id, "webhookId", event, payload, status, attempts, "lastStatus", "lastError")
       VALUES ('bk_delivery', 'bk_hook', 'gate.decided', $1::jsonb, 'FAILED', 3, 500, $2)`,
      [JSON.stringify({ amount: "1250000.00", text: AWKWARD }), AWKWARD],
    );
    await c.query(
      `INSERT INTO "OrgSettings" (id, currency, "probeAllow", "stageProbabilities", "updatedAt")
       VALUES (1, 'CHF', ARRAY['10.0.0.0/8', 'grafana.internal'], ARRAY[5, 25, 55, 95], now())
       ON CONFLICT (id) DO UPDATE SET "probeAllow" = EXCLUDED."probeAllow"`,
    );
    await c.query(
      `INSERT INTO "Service" (id, "useCaseId", name, kind, environment, url, "updatedAt")
       VALUES ('bk_service', $1, $2, 'GRAFANA', 'PRODUCTION', 'http://grafana.internal:3000', now())`,
      [uc, AWKWARD],
    );
    await c.query(
      `INSERT INTO "ServiceProbe" (id, "serviceId", status, "httpStatus", "latencyMs")
       VALUES ('bk_probe1', 'bk_service', 'UP', 200, 12), ('bk_probe2', 'bk_service', 'DOWN', NULL, NULL)`,
    );
    await c.query(
      `INSERT INTO "Feedback" (id, "useCaseId", "authorId", text, rating, stage)
       VALUES ('bk_feedback', $1, $2, $3, NULL, 'PROTOTYPE')`,
      [uc, user, AWKWARD],
    );
    await c.query(
      `INSERT INTO "Actual" (id, "useCaseId", period, ebitda, note, "authorId")
       VALUES ('bk_actual', $1, '1999-12', 9999999999999.99, $2, $3)`,
      [uc, AWKWARD, user],
    );
    // The toolchain and review-flow tables, which the demo portfolio leaves empty.
    const other = (await c.query(`SELECT id FROM "User" ORDER BY email OFFSET 1 LIMIT 1`)).rows[0].id as string;
    await c.query(
      `INSERT INTO "RegistryConnection" (id, name, "baseUrl", auth, username, secret, "verifyTls", "updatedAt")
       VALUES ('bk_registry', $1, 'https://mlflow.example.com', 'BASIC', 'ci', 'enc:xyz', false, now())`,
      [AWKWARD],
    );
    await c.query(
      `INSERT INTO "ModelLink" (id, "useCaseId", "registryId", "modelName", cache, "syncStatus", "syncError")
       VALUES ('bk_model', $1, 'bk_registry', 'churn', $2::jsonb, 'STALE', $3)`,
      [
        uc,
        JSON.stringify({ versions: [{ version: "7", aliases: ["champion"], metrics: { auc: 0.8123456789 } }] }),
        AWKWARD,
      ],
    );
    await c.query(`INSERT INTO "CodeRepository" ("useCaseId", url, "updatedAt") VALUES ($1, $2, now())`, [
      uc,
      "https://git.example.com/team/churn?x=1&y=2",
    ]);
    await c.query(
      `INSERT INTO "GateRelease" ("gateReviewId", "useCaseId", "modelName", "modelVersion", aliases, "commitRef")
       VALUES ($1, $2, 'churn', '7', ARRAY['champion', NULL, ''], 'a1b2c3d')`,
      [review, uc],
    );
    await c.query(
      `INSERT INTO "ReviewReminder" (id, "reviewId", "userId", step) VALUES ('bk_reminder', $1, $2, 'HALF')`,
      [review, user],
    );
    await c.query(
      `INSERT INTO "Delegation" (id, "userId", "delegateId", "from", "to", "endedAt", "endedById")
       VALUES ('bk_delegation', $1, $2, '2026-12-07', '2026-12-11', '2026-12-08 09:10:11.123456', $1)`,
      [user, other],
    );
    // Evidence files: every byte value, and one of a few MB (fetched alone by the backup).
    const item = (await c.query(`SELECT id FROM "ChecklistItem" WHERE "useCaseId" = $1 LIMIT 1`, [uc])).rows[0]?.id as
      | string
      | undefined;
    const target = item
      ? { kind: "CHECKLIST_ITEM", column: "checklistItemId", id: item }
      : { kind: "GATE_REVIEW", column: "gateReviewId", id: review };
    for (const [id, bytes] of [
      ["bk_file_bytes", Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256))],
      ["bk_file_big", randomBytes(3 * 1024 * 1024)],
    ] as const) {
      await c.query(
        `INSERT INTO "Attachment" (id, "useCaseId", target, "${target.column}", filename, "contentType", size, sha256, "uploadedById")
         VALUES ($1, $2, $3, $4, $5, 'application/octet-stream', $6, encode(sha256($7), 'hex'), $8)`,
        [id, uc, target.kind, target.id, AWKWARD, bytes.byteLength, bytes, user],
      );
      await c.query(`INSERT INTO "AttachmentContent" ("attachmentId", bytes) VALUES ($1, $2)`, [id, bytes]);
    }
    // A saved scoring model version (the demo portfolio keeps the built-in default).
    await c.query(
      `INSERT INTO "ScoringModel" (id, version, formula, criteria, "ebitdaBands", "createdById")
       VALUES ('bk_model_v2', 2, 'WEIGHTED', $1::jsonb, ARRAY[100000, 500000.5, 1000000, 9999999999999.99]::numeric[], $2)`,
      [
        JSON.stringify([
          {
            key: "fit",
            label: AWKWARD,
            weight: 7,
            inverted: true,
            derivedFrom: null,
            guidance: ["a", "", "c", "d", "e"],
          },
        ]),
        user,
      ],
    );
    // A saved risk screening template version (the demo portfolio screens on version 1, in code).
    await c.query(
      `INSERT INTO "RiskQuestionnaireTemplate" (id, version, title, questions, rules, "createdById")
       VALUES ('bk_risk_template_v2', 2, $1, $2::jsonb, $3::jsonb, $4)`,
      [
        AWKWARD,
        JSON.stringify([
          { id: "transparencyNotice", type: "text", text: AWKWARD, required: false },
          {
            id: "scoring",
            type: "yes-no",
            text: "Scores people?",
            help: "",
            link: "https://example.org/",
            required: true,
          },
        ]),
        JSON.stringify([{ tier: "HIGH", reason: AWKWARD, question: "scoring", equals: true }]),
        user,
      ],
    );
    // A funding-round snapshot: the ranked list frozen as JSON.
    await c.query(
      `INSERT INTO "FundingSnapshot" (id, name, "createdById", "modelVersion", model, rows, count)
       VALUES ('bk_funding_round', $1, $2, 1, $3::jsonb, $4::jsonb, 1)`,
      [
        AWKWARD.slice(0, 120),
        user,
        JSON.stringify({ formula: "WEIGHTED", criteria: [{ key: "business-value", label: AWKWARD, weight: 30 }] }),
        JSON.stringify([{ key: "UC-1", title: AWKWARD, rank: 1, priorityScore: 42.5 }]),
      ],
    );
    // A saved view (a text[] of columns), shared, and the user's landing view.
    await c.query(
      `INSERT INTO "SavedView" (id, "ownerId", name, shared, query, columns, "updatedAt")
       VALUES ('bk_view', $1, $2, true, 'stage=POC&tag=a%2Cb', ARRAY['stage','value'], now())`,
      [user, AWKWARD.slice(0, 80)],
    );
    await c.query(`UPDATE "User" SET "defaultViewId" = 'bk_view' WHERE id = $1`, [user]);
    // A gap in UseCase.number: the sequence runs ahead of the rows, and must stay there.
    await c.query(`SELECT nextval('"UseCase_number_seq"'), nextval('"UseCase_number_seq"')`);
  });
}
