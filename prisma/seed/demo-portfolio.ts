// The demo portfolio: 26 realistic use cases spread over the stages, and one account per role.
import { type BenefitArea, type Role, STAGES, type Stage, type UseCaseStatus } from "@/lib/lifecycle";
import type { PrismaClient } from "../client";
import { seedDemoCosts } from "./demo-costs";
import { seedDemoEvidence } from "./demo-evidence";
import { seedDemoGates } from "./demo-gates";
import { seedDemoPlans } from "./demo-plans";
import { seedDemoRisk } from "./demo-risk";
import { seedDemoScores } from "./demo-scores";
import { makeUseCase, makeUser, randomPassword } from "./factories";

export const DEMO_ACCOUNTS: { role: Role; email: string; name: string; team?: string }[] = [
  { role: "ADMIN", email: "admin@roadbook.demo", name: "Alex Admin" },
  { role: "BUSINESS", email: "business@roadbook.demo", name: "Bianca Sponsor", team: "Retail" },
  { role: "DATA_SCIENTIST", email: "datascientist@roadbook.demo", name: "Dario Scientist", team: "Customer analytics" },
  { role: "IT", email: "it@roadbook.demo", name: "Ines Platform", team: "Platform" },
  { role: "RISK", email: "risk@roadbook.demo", name: "Rita Compliance", team: "Risk & compliance" },
];

type DemoCase = {
  title: string;
  summary: string;
  output: string;
  outcome: string;
  pocResult?: string;
  area: BenefitArea;
  /** EBITDA per year in thousands: low, base, high. */
  k?: [number, number, number];
  stage: Stage;
  status?: UseCaseStatus;
  /** Days since the use case entered its stage. */
  days: number;
};

const CASES: DemoCase[] = [
  {
    title: "Customer churn early warning",
    summary: "Flag subscribers likely to cancel in the next 60 days so retention can call them first.",
    output: "Churn probability per subscriber, refreshed weekly.",
    outcome: "Retain high-value customers and cut acquisition spend.",
    pocResult: "AUC 0.81 on 18 months of history; CRM and billing data joinable at 97%.",
    area: "REVENUE_GROWTH",
    k: [900, 1400, 2100],
    stage: "PRODUCTION",
    days: 210,
  },
  {
    title: "Predictive maintenance for packaging lines",
    summary: "Anticipate bearing failures on the six packaging lines from vibration and temperature sensors.",
    output: "Failure risk per machine over the next 7 days.",
    outcome: "Fewer unplanned stops and lower repair costs.",
    pocResult: "Detected 11 of 13 historical failures at least 48 h ahead.",
    area: "COST_REDUCTION",
    k: [600, 950, 1300],
    stage: "PRODUCTION",
    days: 150,
  },
  {
    title: "Invoice fraud detection",
    summary: "Score supplier invoices for anomalies before payment.",
    output: "Anomaly score and reasons per invoice.",
    outcome: "Stop duplicate and fraudulent payments.",
    pocResult: "Precision 0.62 at 1% review rate on audited invoices.",
    area: "COST_REDUCTION",
    k: [300, 520, 800],
    stage: "PRODUCTION",
    days: 95,
  },
  {
    title: "Dynamic pricing for spare parts",
    summary: "Adjust spare-part prices to demand, stock and competitor prices.",
    output: "Recommended price per part and channel.",
    outcome: "Higher margin on slow-moving parts.",
    pocResult: "Back-test shows +3.1% margin at constant volume.",
    area: "REVENUE_GROWTH",
    k: [1200, 1800, 2600],
    stage: "PRODUCTION",
    days: 60,
  },
  {
    title: "Demand forecasting for regional warehouses",
    summary: "Forecast weekly demand per SKU and warehouse to drive replenishment.",
    output: "12-week demand forecast per SKU and warehouse.",
    outcome: "Lower stock-outs and working capital.",
    pocResult: "MAPE 14% vs 22% for the current spreadsheet method.",
    area: "COST_REDUCTION",
    k: [1500, 2200, 3100],
    stage: "PACKAGING",
    days: 40,
  },
  {
    title: "Next best offer for retail banking",
    summary: "Recommend the next product to propose to each customer in branch and online.",
    output: "Ranked product offers per customer.",
    outcome: "More products per customer and higher conversion.",
    pocResult: "Offline uplift of 9% in conversion on last year's campaigns.",
    area: "REVENUE_GROWTH",
    k: [2000, 3200, 4500],
    stage: "PACKAGING",
    days: 25,
  },
  {
    title: "Energy consumption optimisation in stores",
    summary: "Tune HVAC schedules per store from weather, footfall and tariffs.",
    output: "Hourly HVAC setpoints per store.",
    outcome: "Lower energy bill without comfort complaints.",
    pocResult: "Pilot on 3 stores: -11% kWh over 6 weeks.",
    area: "COST_REDUCTION",
    k: [400, 650, 900],
    stage: "PACKAGING",
    days: 70,
  },
  {
    title: "Call-centre intent routing",
    summary: "Detect the caller's intent from the first sentence and route to the right team.",
    output: "Intent label with confidence per call.",
    outcome: "Shorter handling time and fewer transfers.",
    pocResult: "Intent accuracy 88% on 20k transcribed calls.",
    area: "COST_REDUCTION",
    k: [350, 500, 700],
    stage: "PACKAGING",
    days: 15,
  },
  {
    title: "Credit limit recommendation",
    summary: "Propose credit limits for SME customers from payment behaviour.",
    output: "Recommended credit limit per customer.",
    outcome: "More sales to good payers, fewer write-offs.",
    pocResult: "Gini 0.58; data from ERP and credit bureau aligned.",
    area: "REVENUE_GROWTH",
    k: [700, 1100, 1600],
    stage: "PROTOTYPE",
    days: 35,
  },
  {
    title: "Quality inspection by computer vision",
    summary: "Detect surface defects on painted parts from line cameras.",
    output: "Defect class and location per part image.",
    outcome: "Fewer customer returns and manual inspections.",
    pocResult: "Recall 93% on 4 defect classes with 6k labelled images.",
    area: "COST_REDUCTION",
    k: [500, 800, 1200],
    stage: "PROTOTYPE",
    days: 50,
  },
  {
    title: "Supplier delay prediction",
    summary: "Predict which purchase orders will arrive late.",
    output: "Delay risk and expected delay per purchase order.",
    outcome: "Earlier expediting and fewer line stops.",
    pocResult: "Top-decile risk captures 54% of late orders.",
    area: "COST_REDUCTION",
    k: [250, 420, 650],
    stage: "PROTOTYPE",
    days: 20,
  },
  {
    title: "Marketing mix modelling",
    summary: "Measure the contribution of each channel to sales to rebalance spend.",
    output: "Channel contribution and response curves.",
    outcome: "Same sales with a lower media budget.",
    pocResult: "Model explains 87% of weekly sales variance.",
    area: "REVENUE_GROWTH",
    k: [800, 1300, 2000],
    stage: "PROTOTYPE",
    days: 80,
    status: "PAUSED",
  },
  {
    title: "Field-service technician scheduling",
    summary: "Assign and sequence interventions to minimise travel and SLA breaches.",
    output: "Daily route and assignment per technician.",
    outcome: "More interventions per day, fewer penalties.",
    pocResult: "Simulation on one region: -17% kilometres driven.",
    area: "COST_REDUCTION",
    k: [450, 700, 1000],
    stage: "PROTOTYPE",
    days: 12,
  },
  {
    title: "Insurance claims triage",
    summary: "Route simple claims to straight-through processing.",
    output: "Complexity class per new claim.",
    outcome: "Faster payouts and lower handling cost.",
    pocResult: "72% of simple claims identified with 95% precision.",
    area: "COST_REDUCTION",
    k: [600, 900, 1400],
    stage: "PROTOTYPE",
    days: 28,
  },
  {
    title: "Product return prediction for e-commerce",
    summary: "Predict returns at checkout to adapt sizing advice and shipping options.",
    output: "Return probability per order line.",
    outcome: "Fewer returns and lower reverse-logistics cost.",
    area: "COST_REDUCTION",
    k: [200, 380, 600],
    stage: "POC",
    days: 18,
  },
  {
    title: "Lead scoring for B2B sales",
    summary: "Rank inbound leads by likelihood to convert within a quarter.",
    output: "Conversion score per lead.",
    outcome: "Sales time spent on the best leads.",
    pocResult: "Top-decile leads converted 3.4x the average on last year's pipeline.",
    area: "REVENUE_GROWTH",
    k: [500, 850, 1300],
    stage: "POC",
    days: 9,
  },
  {
    title: "Cash collection prioritisation",
    summary: "Prioritise dunning calls by expected recovery.",
    output: "Expected recovery per open invoice.",
    outcome: "Lower days sales outstanding.",
    area: "COST_REDUCTION",
    stage: "POC",
    days: 30,
  },
  {
    title: "Store staffing forecast",
    summary: "Forecast footfall per half-hour to plan staff rosters.",
    output: "Footfall forecast per store and half-hour.",
    outcome: "Right staffing: fewer queues and less overtime.",
    area: "COST_REDUCTION",
    k: [300, 480, 700],
    stage: "POC",
    days: 44,
  },
  {
    title: "Personalised email send-time",
    summary: "Send marketing emails at the hour each customer is most likely to open.",
    output: "Best send hour per customer.",
    outcome: "Higher open and click rates.",
    area: "REVENUE_GROWTH",
    k: [100, 180, 260],
    stage: "POC",
    days: 5,
  },
  {
    title: "Contract clause extraction",
    summary: "Extract renewal, penalty and indexation clauses from supplier contracts.",
    output: "Structured clauses per contract.",
    outcome: "No missed renegotiation windows.",
    area: "COST_REDUCTION",
    stage: "POC",
    days: 62,
    status: "PAUSED",
  },
  {
    title: "Route optimisation for deliveries",
    summary: "Optimise daily delivery routes with time windows and traffic.",
    output: "Route plan per truck and day.",
    outcome: "Fewer kilometres and overtime hours.",
    area: "COST_REDUCTION",
    k: [700, 1000, 1500],
    stage: "POC",
    days: 14,
  },
  {
    title: "Social media sentiment on launches",
    summary: "Track sentiment on new product launches to react within a day.",
    output: "Daily sentiment index per product.",
    outcome: "Faster reaction to launch issues.",
    area: "REVENUE_GROWTH",
    k: [50, 90, 150],
    stage: "POC",
    days: 120,
    status: "STOPPED",
  },
  {
    title: "Chatbot for HR questions",
    summary: "Answer employees' common HR questions from the policy base.",
    output: "Answer and source passage per question.",
    outcome: "Fewer tickets to the HR helpdesk.",
    area: "COST_REDUCTION",
    k: [80, 140, 220],
    stage: "PROTOTYPE",
    days: 90,
    status: "STOPPED",
  },
  {
    title: "Raw-material price forecasting",
    summary: "Forecast steel and aluminium prices to time purchases.",
    output: "Monthly price forecast with intervals.",
    outcome: "Lower purchasing cost through better timing.",
    area: "COST_REDUCTION",
    k: [900, 1500, 2400],
    stage: "POC",
    days: 3,
  },
  {
    title: "Fleet fuel anomaly detection",
    summary: "Detect abnormal fuel card transactions and consumption.",
    output: "Anomaly flags per vehicle and transaction.",
    outcome: "Stop fuel fraud and spot faulty engines.",
    area: "COST_REDUCTION",
    k: [120, 200, 320],
    stage: "POC",
    days: 21,
  },
  {
    title: "Call-centre agent emotion monitoring",
    summary: "Score agents' emotions from their voice during calls, to coach them.",
    output: "An emotion score per agent and call.",
    outcome: "Better coaching and fewer escalations.",
    area: "COST_REDUCTION",
    k: [60, 110, 180],
    stage: "POC",
    status: "STOPPED",
    days: 40,
  },
];

const DAY = 24 * 60 * 60 * 1000;
const thousands = (k: number) => `${k * 1000}.00`;

/**
 * Load the demo portfolio into an empty database. Returns the demo accounts with their
 * passwords (random, generated here: there are no fixed default passwords).
 */
export async function seedDemoPortfolio(prisma: PrismaClient) {
  if ((await prisma.user.count()) > 0 || (await prisma.useCase.count()) > 0) {
    throw new Error("The database is not empty: the demo portfolio loads only into an empty database.");
  }
  const accounts: { role: Role; email: string; name: string; password: string; id: string }[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const user = await makeUser(prisma, { ...account, password: randomPassword() });
    accounts.push({ role: account.role, email: user.email, name: user.name, password: user.password, id: user.id });
  }
  const byRole = (role: Role) => accounts.find((a) => a.role === role)?.id ?? "";
  const now = Date.now();
  const created = [];
  for (const demo of CASES) {
    const enteredAt = new Date(now - demo.days * DAY);
    const useCase = await makeUseCase(prisma, {
      title: demo.title,
      summary: demo.summary,
      output: demo.output,
      outcome: demo.outcome,
      pocResult: demo.pocResult ?? "",
      benefitArea: demo.area,
      ebitda: demo.k ? { low: thousands(demo.k[0]), base: thousands(demo.k[1]), high: thousands(demo.k[2]) } : null,
      stage: demo.stage,
      status: demo.status ?? "ACTIVE",
      ownerId: byRole("DATA_SCIENTIST"),
      sponsorId: byRole("BUSINESS"),
      stageEnteredAt: enteredAt,
      // Before the first gate decision (demo-gates.ts spaces earlier gates 75 days apart).
      createdAt: new Date(enteredAt.getTime() - (Math.max(0, STAGES.indexOf(demo.stage) - 1) * 75 + 30) * DAY),
    });
    created.push(useCase);
  }
  const people = Object.fromEntries(accounts.map((a) => [a.role, a.id])) as Record<Role, string>;
  await seedDemoGates(prisma, created, people);
  await seedDemoCosts(prisma, created, people.BUSINESS);
  await seedDemoRisk(prisma, created, people);
  await seedDemoPlans(prisma, created, people);
  await seedDemoEvidence(prisma, created, people);
  await seedDemoScores(prisma, created, [people.BUSINESS, people.DATA_SCIENTIST]);
  // The sponsor last opened each use case a week ago: its page and the dashboard show what
  // changed since then.
  await prisma.useCaseVisit.createMany({
    data: created.map((useCase) => ({
      userId: people.BUSINESS,
      useCaseId: useCase.id,
      seenAt: new Date(now - 7 * DAY),
    })),
  });
  return { accounts, useCases: CASES.length };
}
