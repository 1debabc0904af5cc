import "server-only";
import { DomainError } from "../errors";
import type { AssessmentDto } from "./assessment-dto";

export const staleAssessment = (current: AssessmentDto) =>
  new DomainError("CONFLICT", "Someone else changed this screening after you opened it. Reload to see their changes.", {
    current,
  });

export const wrongStatus = (current: AssessmentDto, message: string) =>
  new DomainError("CONFLICT", message, { current });
