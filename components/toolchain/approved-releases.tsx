import Link from "next/link";
import { Fragment } from "react";
import { LocalDate } from "@/components/ui/local-date";
import { DECISION_LABELS } from "@/lib/lifecycle";
import type { ApprovedReleaseDto } from "@/server/registry/gate-release";

const none = <span className="text-slate-500">—</span>;

/**
 * The model card's "Approved versions": what each passing gate approved (model version and the
 * aliases on it, the source run, the commit), the latest decision first. Printed with the card:
 * run ids and commits in full, so the page stands on its own.
 */
export function ApprovedReleases({ releases, useCaseKey }: { releases: ApprovedReleaseDto[]; useCaseKey: string }) {
  return (
    <section
      aria-labelledby="approved-versions-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-surface p-5 print:break-inside-avoid print:border-0 print:p-0"
    >
      <h2 id="approved-versions-heading" className="text-lg font-semibold print:text-base">
        Approved versions
      </h2>
      {releases.length === 0 ? (
        <p className="text-sm text-slate-600">
          No gate has approved a model version or commit yet. A gate request can name the registered model's version and
          the commit it puts up for approval; once the gate passes, they are listed here.{" "}
          <Link href={`/use-cases/${useCaseKey}/toolchain`} className="underline print:hidden">
            Link the model and repository
          </Link>
        </p>
      ) : (
        <table className="w-full text-sm" data-testid="approved-versions">
          <thead>
            <tr className="text-left text-slate-600">
              <th scope="col" className="py-1 pr-3 font-medium">
                Gate
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Decided
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Model version
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Run
              </th>
              <th scope="col" className="py-1 font-medium">
                Commit
              </th>
            </tr>
          </thead>
          <tbody>
            {releases.map((release) => (
              <tr key={release.reviewId} className="border-t border-slate-100 align-top">
                <th scope="row" className="py-1.5 pr-3 text-left font-medium text-slate-900">
                  {release.gate} <span className="font-normal text-slate-600">{DECISION_LABELS[release.decision]}</span>
                </th>
                <td className="py-1.5 pr-3 text-slate-700">
                  <LocalDate value={release.decidedAt} />
                </td>
                <td className="py-1.5 pr-3 text-slate-900">
                  {release.modelVersion ? (
                    <>
                      {release.modelName ?? "model"} v{release.modelVersion}
                      {release.aliases.map((alias) => (
                        <Fragment key={alias}>
                          {" "}
                          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">
                            @{alias}
                          </span>
                        </Fragment>
                      ))}
                    </>
                  ) : (
                    none
                  )}
                </td>
                <td className="break-all py-1.5 pr-3 font-mono text-xs text-slate-700">{release.runId ?? none}</td>
                <td className="break-all py-1.5 font-mono text-xs text-slate-700">{release.commit ?? none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
