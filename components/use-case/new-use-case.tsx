"use client";
import { useRouter } from "next/navigation";
import { UseCaseCreateSchema } from "@/lib/validation/use-case";
import { createUseCaseAction } from "@/server/actions/use-cases";
import { emptyValues } from "./form-values";
import { type Person, UseCaseForm } from "./use-case-form";

export function NewUseCase({ people, ownerId, currency }: { people: Person[]; ownerId: string; currency: string }) {
  const router = useRouter();
  return (
    <UseCaseForm
      initial={emptyValues(ownerId, currency)}
      people={people}
      schema={UseCaseCreateSchema}
      submitLabel="Create use case"
      onSubmit={(input) => createUseCaseAction(input)}
      onSaved={(created) => router.push(`/use-cases/${created.key}`)}
      onCancel={() => router.push("/use-cases")}
    />
  );
}
