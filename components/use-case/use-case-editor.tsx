"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { UseCaseUpdateSchema } from "@/lib/validation/use-case";
import { updateUseCaseAction } from "@/server/actions/use-cases";
import { type UseCaseLike, valuesFrom } from "./form-values";
import { type Person, UseCaseForm } from "./use-case-form";

export type EditableUseCase = UseCaseLike & {
  key: string;
  version: number;
  owner: { name: string } | null;
  sponsor: { name: string } | null;
  updatedAt: string;
};

/**
 * The edit-in-place form of a use case, with the conflict banner of the optimistic version
 * check. Loaded only when the user clicks Edit (it brings the form's zod validation along).
 */
export function UseCaseEditor({
  useCase: initial,
  people,
  onSaved,
  onCancel,
}: {
  useCase: EditableUseCase;
  people: Person[];
  onSaved: (updated: EditableUseCase) => void;
  onCancel: () => void;
}) {
  const [useCase, setUseCase] = useState(initial);
  const [formKey, setFormKey] = useState(0);
  const [conflict, setConflict] = useState<EditableUseCase | null>(null);
  return (
    <div className="space-y-4">
      {conflict && (
        <div
          role="status"
          className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          <span>
            Your changes are still in the form; nothing was overwritten. Load the latest version to start again from it.
          </span>
          <Button
            variant="secondary"
            onClick={() => {
              setUseCase(conflict);
              setConflict(null);
              setFormKey((k) => k + 1);
            }}
          >
            Load the latest version
          </Button>
        </div>
      )}
      <UseCaseForm
        key={formKey}
        initial={valuesFrom(useCase)}
        people={people}
        schema={UseCaseUpdateSchema}
        extra={{ version: useCase.version }}
        submitLabel="Save changes"
        onSubmit={(input) => updateUseCaseAction(useCase.key, input)}
        onSaved={(updated) => onSaved(updated as EditableUseCase)}
        onConflict={(current) => setConflict(current as EditableUseCase)}
        onCancel={onCancel}
      />
    </div>
  );
}
