import "server-only";
import type { Actor } from "../../lib/permissions";
import { can } from "../../lib/permissions";
import { db } from "../db";
import { forbidden } from "../errors";
import { findUseCaseByKey } from "./find-use-case";
import { toUseCaseDto, type UseCaseDto, useCaseInclude } from "./use-case-dto";

export async function getUseCase(actor: Actor, key: string): Promise<UseCaseDto> {
  if (!can(actor, "use-case:read")) throw forbidden();
  return toUseCaseDto(await findUseCaseByKey(key, db, useCaseInclude));
}
