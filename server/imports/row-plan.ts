// What an import plans for each row of the file: created, updated, or refused with errors.
import type { z } from "zod";
import type { RowAction, RowError } from "@/lib/import/result";
import type { BenefitArea, Role, Stage, UseCaseStatus } from "@/lib/lifecycle";
import type { UseCaseUpdateSchema } from "@/lib/validation/use-case";

type Ebitda = { low: string; base: string; high: string; currency: string };
export type CreatePlan = {
  title: string;
  summary: string;
  output: string;
  outcome: string;
  pocResult: string;
  benefitArea: BenefitArea | null;
  ebitda: Ebitda;
  ownerId: string;
  sponsorId: string | null;
  tags: string[];
  stage: Stage;
  status: UseCaseStatus;
  externalId: string | null;
};
export type UpdatePlan = {
  id: string;
  number: number;
  version: number;
  /** Only the fields that change, in the update schema's shape. */
  fields: Omit<z.output<typeof UseCaseUpdateSchema>, "version">;
  externalId?: string;
};

/**
 * A user the import will create, inactive, for an unknown owner or sponsor email (an admin's
 * "invite missing users"): a data scientist when the file names them as an owner, else business.
 * `placeholder` stands for their id in the plans until the commit creates them.
 */
export type Invitation = {
  placeholder: string;
  email: string;
  name: string;
  role: Extract<Role, "DATA_SCIENTIST" | "BUSINESS">;
};

export type RowPlan = {
  line: number;
  action: RowAction;
  key?: string;
  errors?: RowError[];
  cells: string[];
  create?: CreatePlan;
  update?: UpdatePlan;
  /** The users this row's owner or sponsor will be, created by the import. */
  invites?: Invitation[];
};

export type PlanOptions = { inviteMissingUsers?: boolean };
