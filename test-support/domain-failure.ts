// The DomainError a domain function's promise is refused with (a test's expectation of a
// refusal); any other outcome fails the test.
import { DomainError } from "@/server/errors";

export async function domainFailure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${error}`);
  return error;
}
