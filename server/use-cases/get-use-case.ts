import "server-only";
import { parseKey } from "../../lib/lifecycle";
import type { Actor } from "../../lib/permissions";
import { can } from "../../lib/permissions";
import { db } from "../db";
import { forbidden, notFound } from "../errors";
import { toUseCaseDto, type UseCaseDto, useCaseInclude } from "./use-case-dto";

export async function getUseCase(actor: Actor, key: string): Promise<UseCaseDto> {
  if (!can(actor, "use-case:read")) throw forbidden();
  const number = parseKey(key);
  const row = number == null ? null : await db.useCase.findUnique({ where: { number }, include: useCaseInclude });
  if (!row) throw notFound(`Use case ${key}`);
  return toUseCaseDto(row);
}
