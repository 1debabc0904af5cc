import Link from "next/link";

/** The use case page's warning: a model's @champion points to a version no gate approved. */
export function DriftWarning({
  useCaseKey,
  drifted,
}: {
  useCaseKey: string;
  drifted: { modelName: string; version: string }[];
}) {
  if (drifted.length === 0) return null;
  return (
    <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-900">
      <p className="font-medium">Serving a model version no gate approved</p>
      <ul className="mt-1 list-disc pl-5">
        {drifted.map((model) => (
          <li key={model.modelName}>
            @champion of {model.modelName} points to v{model.version}.
          </li>
        ))}
      </ul>
      <p className="mt-1">
        Request a gate review of the new version, or move @champion back.{" "}
        <Link href={`/use-cases/${useCaseKey}/toolchain`} className="font-medium underline">
          See the models
        </Link>
      </p>
    </div>
  );
}
