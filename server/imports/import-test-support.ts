// What the import tests share: a fresh admin, owner and sponsor, a CSV sample, and a runner.
import { expect } from "vitest";
import type { Role } from "@/lib/lifecycle";
import { makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { DomainError } from "../errors";
import { type ImportOptions, importUseCases } from "./import-use-cases";

export const csv = (text: string) => new TextEncoder().encode(text);
let counter = 0;
export const marker = () => `imp${Date.now().toString(36)}${counter++}`;

export async function setup() {
  const admin = await makeUser(db, { role: "ADMIN" });
  const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
  const sponsor = await makeUser(db, { role: "BUSINESS" });
  return { admin, owner, sponsor };
}

export const run = (actor: { id: string; role: Role }, text: string, options: Partial<ImportOptions> = {}) =>
  importUseCases(actor, { bytes: csv(text), contentType: "text/csv", ...options });

export const countTitled = (m: string) => db.useCase.count({ where: { title: { contains: m } } });

export async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.catch((e) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** Three good rows and one with an unknown owner email. */
export function sampleFile(m: string, people: { owner: { email: string }; sponsor: { email: string } }) {
  return [
    "Name;Owner email;Sponsor email;Stage;Benefit;Low;Expected EBITDA;High;External id;Team",
    `${m} churn;${people.owner.email};${people.sponsor.email};POC;cost reduction;"1.000,00";"2.000,50";3000;${m}-1;Retail`,
    `${m} pricing;${people.owner.email.toUpperCase()};;Prototype;Revenue growth;;;;${m}-2;`,
    `${m} forecasting;${people.owner.email};;Packaging & preparing;;;;;${m}-3;`,
    `${m} ghost;nobody-${m}@nowhere.test;;POC;;;;;${m}-4;`,
  ].join("\r\n");
}
