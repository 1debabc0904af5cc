import { RankCell } from "@/components/priority/rank-cell";
import { LocalDate } from "@/components/ui/local-date";
import type { UseCaseScoresDto } from "@/server/priority/scores";
import type { ScoringModelDto } from "@/server/priority/scoring-model";
import { ScoreForm } from "./score-form";

/** The use case's priority: its total and rank, each criterion with who scored what and why, and the reader's own scores. */
export function ScoringSection({
  scores,
  model,
  userId,
  canScore,
}: {
  scores: UseCaseScoresDto;
  model: ScoringModelDto;
  userId: string;
  canScore: boolean;
}) {
  const scorable = scores.criteria.filter((c) => !c.derivedFrom);
  return (
    <section
      id="priority"
      aria-labelledby="priority-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-surface p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="priority-heading" className="text-lg font-semibold">
          Priority
        </h2>
        <p className="text-sm text-slate-600">
          Rank <RankCell priorityScore={scores.priorityScore} rank={scores.rank} previousRank={scores.previousRank} /> ·
          scoring model v{scores.modelVersion} ({scores.formula === "RICE" ? "RICE" : "weighted"})
        </p>
      </div>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Scores per criterion</caption>
        <thead className="text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4">
              Criterion
            </th>
            <th scope="col" className="py-2 pr-4">
              Weight
            </th>
            <th scope="col" className="py-2 pr-4">
              Value (1–5)
            </th>
            <th scope="col" className="py-2">
              Scores
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {scores.criteria.map((c) => (
            <tr key={c.key}>
              <th scope="row" className="py-2 pr-4 text-left font-medium">
                {c.label}
                {c.inverted && <span className="block text-xs font-normal text-slate-500">higher is worse</span>}
              </th>
              <td className="py-2 pr-4">{scores.formula === "RICE" ? "—" : c.weight}</td>
              <td className="py-2 pr-4">{c.value == null ? "—" : c.value.toFixed(2)}</td>
              <td className="py-2 text-slate-700">
                {c.derivedFrom ? (
                  <span className="text-slate-500">
                    From the {c.derivedFrom === "RISK_TIER" ? "risk screening's tier" : "base EBITDA"}
                  </span>
                ) : c.scores.length === 0 ? (
                  <span className="text-slate-500">No score yet</span>
                ) : (
                  <ul className="space-y-1">
                    {c.scores.map((s) => (
                      <li key={s.scorer.id}>
                        <strong>{s.value}</strong> by {s.scorer.name}, <LocalDate value={s.updatedAt} />
                        {s.comment && <span className="text-slate-600">: {s.comment}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canScore ? (
        <ScoreForm
          useCaseKey={scores.key}
          model={{ formula: model.formula, criteria: model.criteria, ebitdaBands: model.ebitdaBands }}
          derived={Object.fromEntries(scores.criteria.filter((c) => c.derivedFrom).map((c) => [c.key, c.value]))}
          criteria={scorable.map((c) => {
            const others = c.scores.filter((s) => s.scorer.id !== userId);
            const mine = c.scores.find((s) => s.scorer.id === userId);
            return {
              key: c.key,
              label: c.label,
              guidance: c.guidance,
              others: { sum: others.reduce((sum, s) => sum + s.value, 0), count: others.length },
              mine: mine ? { value: mine.value, comment: mine.comment } : null,
            };
          })}
        />
      ) : (
        <p className="text-sm text-slate-600">BUSINESS users and the use case's owner or sponsor score it.</p>
      )}
    </section>
  );
}
