import Link from "next/link";
import type { GettingStarted } from "@/server/onboarding/getting-started";
import { DismissGettingStarted } from "./dismiss-getting-started";

/** The first hour on a fresh instance: the admin's next steps, ticked from the data. */
export function GettingStartedChecklist({ guide }: { guide: GettingStarted }) {
  const total = guide.steps.length;
  return (
    <section
      aria-labelledby="getting-started-heading"
      className="rounded-lg border border-brand-200 bg-surface p-4 print:hidden"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="getting-started-heading" className="text-base font-semibold text-slate-900">
            Getting started
          </h2>
          <p className="text-sm text-slate-600">
            {guide.done === total
              ? "All set. Hide this checklist when you no longer need it."
              : `${guide.done} of ${total} done. Each step ticks itself once it is done, however you do it.`}
          </p>
        </div>
        <DismissGettingStarted />
      </div>
      <ol className="mt-3 divide-y divide-slate-100">
        {guide.steps.map((step) => (
          <li key={step.id} data-step={step.id} data-done={step.done} className="flex items-start gap-3 py-2">
            <span
              aria-hidden
              className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full border text-xs ${
                step.done ? "border-emerald-600 bg-emerald-600 text-white" : "border-slate-300 text-transparent"
              }`}
            >
              ✓
            </span>
            <div className="min-w-0 flex-1">
              <p className={`text-sm font-medium ${step.done ? "text-slate-500 line-through" : "text-slate-900"}`}>
                {step.title}
                <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
              </p>
              <p className="text-xs text-slate-600">{step.hint}</p>
            </div>
            <Link href={step.href} className="shrink-0 text-sm font-medium text-brand-700 underline">
              {step.action}
              <span className="sr-only">: {step.title}</span>
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
