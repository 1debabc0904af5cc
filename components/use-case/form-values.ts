import type { BenefitArea } from "@/lib/lifecycle";
import { parseAmountInput } from "@/lib/money";

/** What the use-case form holds: everything as typed, so nothing is lost on an error. */
export type UseCaseFormValues = {
  title: string;
  summary: string;
  output: string;
  outcome: string;
  pocResult: string;
  benefitArea: BenefitArea | "";
  ebitda: { low: string; base: string; high: string; currency: string };
  ownerId: string;
  sponsorId: string;
  tags: string[];
};

export type UseCaseLike = {
  title: string;
  summary: string;
  output: string;
  outcome: string;
  pocResult: string;
  benefitArea: BenefitArea | null;
  ebitda: { low: string | null; base: string | null; high: string | null; currency: string };
  ownerId: string;
  sponsorId: string | null;
  tags?: string[];
};

export function emptyValues(ownerId: string, currency = "EUR"): UseCaseFormValues {
  return {
    title: "",
    summary: "",
    output: "",
    outcome: "",
    pocResult: "",
    benefitArea: "",
    ebitda: { low: "", base: "", high: "", currency },
    ownerId,
    sponsorId: "",
    tags: [],
  };
}

export function valuesFrom(useCase: UseCaseLike): UseCaseFormValues {
  return {
    title: useCase.title,
    summary: useCase.summary,
    output: useCase.output,
    outcome: useCase.outcome,
    pocResult: useCase.pocResult,
    benefitArea: useCase.benefitArea ?? "",
    ebitda: {
      low: useCase.ebitda.low ?? "",
      base: useCase.ebitda.base ?? "",
      high: useCase.ebitda.high ?? "",
      currency: useCase.ebitda.currency,
    },
    ownerId: useCase.ownerId,
    sponsorId: useCase.sponsorId ?? "",
    tags: useCase.tags ?? [],
  };
}

/** Form values -> the shared schema's input. */
export function toInput(values: UseCaseFormValues) {
  return {
    title: values.title,
    summary: values.summary,
    output: values.output,
    outcome: values.outcome,
    pocResult: values.pocResult,
    benefitArea: values.benefitArea === "" ? null : values.benefitArea,
    // Amounts as typed may carry thousands separators ("1,250,000"); the schema gets plain decimals.
    ebitda: {
      low: parseAmountInput(values.ebitda.low),
      base: parseAmountInput(values.ebitda.base),
      high: parseAmountInput(values.ebitda.high),
      currency: values.ebitda.currency,
    },
    ownerId: values.ownerId,
    sponsorId: values.sponsorId === "" ? null : values.sponsorId,
    tags: values.tags,
  };
}
