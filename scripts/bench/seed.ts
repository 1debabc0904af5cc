// Bulk-seeds a synthetic portfolio straight in SQL (generate_series): the benchmark's data.
// Probe history is hourly for 7 days (168 points per service): at the 5-minute schedule the
// table would hold 40 million rows at full scale, which no 2-minute seed can write. Every
// use case has a risk screening (G1 asks for one) and two risks in its register.
import type pg from "pg";

export type Scale = {
  users: number;
  useCases: number;
  reviewsPerUseCase: number;
  checklistPerUseCase: number;
  servicesPerUseCase: number;
  probesPerService: number;
  estimatesPerUseCase: number;
  auditEvents: number;
  /** Extra POC use cases with an open G1 review each, for the gate-decision timings. */
  openReviews: number;
};

export function scaleFor(factor: number): Scale {
  const n = (full: number, min = 1) => Math.max(min, Math.round(full * factor));
  return {
    users: n(200, 8),
    useCases: n(10_000, 40),
    reviewsPerUseCase: 3,
    checklistPerUseCase: 20,
    servicesPerUseCase: 2,
    // Hourly for 7 days; past scale 1 the history is capped (a day at scale 7 and up), so the
    // probe table stays the size it has at scale 1 and a --scale 10 seed fits a small machine.
    probesPerService: factor > 1 ? Math.max(24, Math.round(168 / factor)) : 168,
    estimatesPerUseCase: 6,
    auditEvents: n(100_000, 200),
    openReviews: n(300, 30),
  };
}

export const BENCH_PASSWORD = "bench-password-1234";

/** Everything in one transaction per table; returns the seconds it took. */
export async function seedPortfolio(client: pg.Client, scale: Scale, passwordHash: string): Promise<number> {
  const started = performance.now();
  const { users, useCases, openReviews } = scale;
  const stage = `(ARRAY['POC','POC','POC','PROTOTYPE','PROTOTYPE','PROTOTYPE','PACKAGING','PACKAGING','PRODUCTION','PRODUCTION'])[1 + g % 10]::"Stage"`;
  await client.query(
    `INSERT INTO "User" (id, email, name, role, "passwordHash", team, "updatedAt")
     SELECT 'u' || g, 'user' || g || '@bench.test', 'User ' || g,
       (ARRAY['ADMIN','BUSINESS','DATA_SCIENTIST','IT'])[1 + g % 4]::"Role", $1,
       (ARRAY['Retail','Operations','Finance','Supply'])[1 + g % 4], now()
     FROM generate_series(1, $2) g`,
    [passwordHash, users],
  );
  await client.query(
    `INSERT INTO "UseCase" (id, title, summary, output, outcome, "pocResult", "benefitArea", "ebitdaLow", "ebitdaBase",
       "ebitdaHigh", currency, stage, status, "stageEnteredAt", "ownerId", "sponsorId", "createdAt", "updatedAt")
     SELECT 'uc' || g,
       (ARRAY['Churn','Demand','Fraud','Pricing','Maintenance','Routing','Scoring','Forecast'])[1 + g % 8] || ' model ' || g,
       'Synthetic use case ' || g, 'A prediction', 'A business reason', 'It worked',
       (ARRAY['REVENUE_GROWTH','COST_REDUCTION'])[1 + g % 2]::"BenefitArea",
       (50000 + (g % 97) * 10000), (100000 + (g % 97) * 15000), (150000 + (g % 97) * 25000), 'EUR',
       ${stage},
       (CASE WHEN g % 17 = 0 THEN 'STOPPED' WHEN g % 13 = 0 THEN 'PAUSED' ELSE 'ACTIVE' END)::"UseCaseStatus",
       now() - (g % 300) * interval '1 day',
       'u' || (1 + (g * 4 + 2) % $2), 'u' || (1 + (g * 4 + 1) % $2),
       now() - (300 + g % 400) * interval '1 day', now() - (g % 90) * interval '1 day'
     FROM generate_series(1, $1) g`,
    [useCases, users],
  );
  await client.query(
    `INSERT INTO "GateReview" (id, "useCaseId", "fromStage", "toStage", status, note, "evidenceUrls", "requestedById",
       "requestedAt", decision, "decidedById", "decidedAt", rationale, "stopReason", "estimateSnapshot")
     SELECT 'gr' || g || '_' || k, 'uc' || g,
       (ARRAY['POC','PROTOTYPE','PACKAGING'])[k]::"Stage", (ARRAY['PROTOTYPE','PACKAGING','PRODUCTION'])[k]::"Stage",
       'DECIDED', 'Evidence attached', '{}', 'u' || (1 + (g * 4 + 2) % $2), now() - (400 - k * 90) * interval '1 day',
       (CASE WHEN (g + k) % 11 = 0 THEN 'STOP' WHEN (g + k) % 7 = 0 THEN 'PAUSE' ELSE 'GO' END)::"GateDecision",
       'u' || (1 + (g * 4 + 1) % $2), now() - (395 - k * 90 - g % 30) * interval '1 day', 'Decided on the evidence',
       (CASE WHEN (g + k) % 11 = 0 THEN 'NO_VALUE' END)::"StopReason",
       jsonb_build_object('ebitda', jsonb_build_object('low', '50000.00', 'base', (100000 + (g % 97) * 15000)::text || '.00',
         'high', '900000.00', 'currency', 'EUR'), 'revision', null, 'takenAt', now())
     FROM generate_series(1, $1) g, generate_series(1, 3) k`,
    [useCases, users],
  );
  await client.query(
    `INSERT INTO "GateVote" (id, "reviewId", role, "voterId", decision, rationale, "createdAt")
     SELECT 'gv' || r.id, r.id, 'BUSINESS', r."decidedById", r.decision, 'ok', r."decidedAt" FROM "GateReview" r`,
  );
  await client.query(
    `INSERT INTO "ChecklistItem" (id, "useCaseId", stage, section, label, position, status, "answerType", options,
       answer, version, "updatedAt", "itemKey")
     SELECT 'ci' || g || '_' || k, 'uc' || g, (CASE WHEN k <= 8 THEN 'PROTOTYPE' ELSE 'PACKAGING' END)::"Stage",
       'Section ' || (1 + k / 5), 'Item ' || k, k,
       (ARRAY['TODO','IN_PROGRESS','DONE','DONE','NOT_APPLICABLE'])[1 + (g + k) % 5]::"ChecklistStatus", 'NONE', '{}',
       null, 1, now(), 'item-' || k
     FROM generate_series(1, $1) g, generate_series(1, $2) k`,
    [useCases, scale.checklistPerUseCase],
  );
  await client.query(
    `INSERT INTO "Service" (id, "useCaseId", name, kind, environment, url, "healthStatus", "httpStatus", "latencyMs",
       "checkedAt", "updatedAt")
     SELECT 'sv' || g || '_' || k, 'uc' || g, (ARRAY['Dashboards','Model API'])[k],
       (ARRAY['GRAFANA','MODEL_API'])[k]::"ServiceKind", (ARRAY['STAGING','PRODUCTION'])[k]::"ServiceEnvironment",
       'https://svc' || g || '.bench.test/', (CASE WHEN g % 23 = 0 THEN 'DOWN' ELSE 'UP' END)::"HealthStatus", 200, 120,
       now(), now()
     FROM generate_series(1, $1) g, generate_series(1, $2) k`,
    [useCases, scale.servicesPerUseCase],
  );
  // The biggest table: its secondary indexes are built once after the insert, not row by row.
  await client.query(`DROP INDEX "ServiceProbe_serviceId_at_idx"; DROP INDEX "ServiceProbe_at_idx"`);
  await client.query(
    `INSERT INTO "ServiceProbe" (id, "serviceId", at, status, "httpStatus", "latencyMs")
     SELECT s.id || '_' || h, s.id, now() - h * interval '1 hour', 'UP', 200, 80 + h % 60
     FROM "Service" s, generate_series(1, $1) h`,
    [scale.probesPerService],
  );
  // Plans for 4 use cases in 5 (the roadmap and the summary's plan figures): targets around the
  // synthetic gate days above, some met, some late, one revision each.
  await client.query(
    `INSERT INTO "UseCasePlan" ("useCaseId", "prototypeOn", "packagingOn", "productionOn", "updatedAt")
     SELECT 'uc' || g, (now() - (310 - g % 20) * interval '1 day')::date, (now() - (220 - g % 30) * interval '1 day')::date,
       (now() - (130 - g % 200) * interval '1 day')::date, now()
     FROM generate_series(1, $1) g WHERE g % 5 <> 0`,
    [useCases],
  );
  await client.query(
    `INSERT INTO "PlanRevision" (id, "useCaseId", "authorId", at, "prototypeOn", "packagingOn", "productionOn")
     SELECT 'pr' || p."useCaseId", p."useCaseId", u."ownerId", now() - interval '400 days', p."prototypeOn", p."packagingOn",
       p."productionOn"
     FROM "UseCasePlan" p JOIN "UseCase" u ON u.id = p."useCaseId"`,
  );
  await client.query(
    `CREATE INDEX "ServiceProbe_serviceId_at_idx" ON "ServiceProbe"("serviceId", at);
     CREATE INDEX "ServiceProbe_at_idx" ON "ServiceProbe"(at)`,
  );
  await client.query(
    `INSERT INTO "EstimateRevision" (id, "useCaseId", "authorId", stage, "ebitdaLow", "ebitdaBase", "ebitdaHigh",
       investment, "runCostPerYear", "horizonYears", currency, assumptions, "createdAt")
     SELECT 'er' || g || '_' || k, 'uc' || g, 'u' || (1 + (g * 4 + 2) % $3), 'POC',
       50000 + k * 1000, 100000 + k * 2000, 200000 + k * 3000, 250000, 50000, 3, 'EUR', 'Synthetic',
       now() - (200 - k * 20) * interval '1 day'
     FROM generate_series(1, $1) g, generate_series(1, $2) k`,
    [useCases, scale.estimatesPerUseCase, users],
  );
  await client.query(
    `INSERT INTO "Actual" (id, "useCaseId", period, ebitda, "authorId")
     SELECT 'ac' || u.id || '_' || m, u.id, to_char(date_trunc('month', now()) - m * interval '1 month', 'YYYY-MM'),
       8000 + m * 100, u."ownerId"
     FROM "UseCase" u, generate_series(1, 12) m WHERE u.stage = 'PRODUCTION'`,
  );
  // A year of monthly costs for the use cases past the prototype (people and cloud), priced so
  // that some production use cases have covered their costs and some have not.
  await client.query(
    `INSERT INTO "Cost" (id, "useCaseId", period, category, amount, "authorId")
     SELECT 'co' || u.id || '_' || m || '_' || c, u.id, to_char(date_trunc('month', now()) - m * interval '1 month', 'YYYY-MM'),
       c::"CostCategory", CASE c WHEN 'PEOPLE' THEN 4000 + (u.number % 9) * 1000 ELSE 1500 END, u."ownerId"
     FROM "UseCase" u, generate_series(1, 12) m, unnest(ARRAY['PEOPLE', 'CLOUD']) c
     WHERE u.stage IN ('PACKAGING', 'PRODUCTION')`,
  );
  // Priority scores: two BUSINESS users (ids u1, u5: role 1 + g % 4 = BUSINESS) score every use
  // case on the default model's four people-scored criteria (80,000 rows at 10k use cases).
  await client.query(
    `INSERT INTO "UseCaseScore" (id, "useCaseId", criterion, "scorerId", value, comment)
     SELECT 'sc' || g || '_' || c || '_' || s, 'uc' || g,
       (ARRAY['business-value','feasibility','data-readiness','strategic-fit'])[c], 'u' || (1 + 4 * s),
       1 + (g * 7 + c * 3 + s * 5) % 5, 'Synthetic'
     FROM generate_series(1, $1) g, generate_series(1, 4) c, generate_series(0, 1) s`,
    [useCases],
  );
  await client.query(
    `INSERT INTO "AuditEvent" (id, at, "actorId", action, entity, "entityId", after)
     SELECT 'ae' || g, now() - (g % 365) * interval '1 day', 'u' || (1 + g % $2), 'use-case.update', 'UseCase',
       'uc' || (1 + g % $3), jsonb_build_object('title', 'x')
     FROM generate_series(1, $1) g`,
    [scale.auditEvents, users, useCases],
  );
  // POC use cases each with an open G1 review, for the decision timings.
  await client.query(
    `INSERT INTO "UseCase" (id, title, "benefitArea", "ebitdaLow", "ebitdaBase", "ebitdaHigh", stage, status,
       "ownerId", output, outcome, "pocResult", "updatedAt")
     SELECT 'open' || g, 'Awaiting decision ' || g, 'COST_REDUCTION', 1, 2, 3, 'POC', 'ACTIVE', 'u2', 'o', 'o', 'p', now()
     FROM generate_series(1, $1) g`,
    [openReviews],
  );
  await client.query(
    `INSERT INTO "GateReview" (id, "useCaseId", "fromStage", "toStage", status, "evidenceUrls", "requestedById")
     SELECT 'open' || g, 'open' || g, 'POC', 'PROTOTYPE', 'OPEN', '{}', 'u2' FROM generate_series(1, $1) g`,
    [openReviews],
  );
  // Every use case screened for AI Act risk (G1 asks for a submitted screening): mostly minimal,
  // some limited with their transparency notice, some high risk approved by a risk officer.
  await client.query(
    `INSERT INTO "RiskAssessment" (id, "useCaseId", "templateVersion", answers, tier, status, "updatedAt")
     SELECT 'ra' || u.id, u.id, 1,
       CASE WHEN t.tier = 'LIMITED' THEN '{"transparencyNotice": "A banner says an AI system answers."}'::jsonb
         ELSE '{}'::jsonb END,
       t.tier::"RiskTier", (CASE WHEN t.tier = 'HIGH' THEN 'APPROVED' ELSE 'SUBMITTED' END)::"AssessmentStatus", now()
     FROM "UseCase" u,
       LATERAL (SELECT CASE WHEN u.id LIKE 'open%' THEN 'MINIMAL'
         ELSE (ARRAY['MINIMAL','MINIMAL','LIMITED','HIGH'])[1 + abs(hashtext(u.id)) % 4] END AS tier) t`,
  );
  await client.query(`UPDATE "UseCase" u SET "riskTier" = a.tier FROM "RiskAssessment" a WHERE a."useCaseId" = u.id`);
  // Two risks per use case in the register (the heat map's data): spread over the 5 x 5 grid,
  // three in four open, the rest mitigated.
  await client.query(
    `INSERT INTO "UseCaseRisk" (id, "useCaseId", title, category, likelihood, impact, mitigation, status, "updatedAt")
     SELECT 'rk' || u.id || '-' || n, u.id, 'Synthetic risk ' || n,
       (ARRAY['BIAS_FAIRNESS','PRIVACY','SECURITY','ROBUSTNESS','TRANSPARENCY','LEGAL','OPERATIONAL'])[1 + abs(hashtext(u.id || n)) % 7]::"RiskCategory",
       1 + abs(hashtext(u.id || 'l' || n)) % 5, 1 + abs(hashtext(u.id || 'i' || n)) % 5,
       CASE WHEN n = 2 THEN 'Reviewed monthly.' ELSE '' END,
       (CASE WHEN abs(hashtext(u.id || 's' || n)) % 4 = 0 THEN 'MITIGATED' ELSE 'OPEN' END)::"RiskStatus", now()
     FROM "UseCase" u, generate_series(1, 2) n
     WHERE u.id NOT LIKE 'open%'`,
  );
  // Every G3 put a model version and a commit up for approval (the deployment-approval check reads them).
  await client.query(
    `INSERT INTO "GateRelease" ("gateReviewId", "useCaseId", "modelName", "modelVersion", "runId", aliases, "commitRef")
     SELECT r.id, r."useCaseId", 'churn-model', '7', 'run7', '{champion}', 'a1b2c3d'
     FROM "GateReview" r WHERE r."toStage" = 'PRODUCTION' AND r.status = 'DECIDED'`,
  );
  // What autovacuum does on a live database: statistics, and the visibility map that index-only scans read.
  await client.query("VACUUM ANALYZE");
  return (performance.now() - started) / 1000;
}
