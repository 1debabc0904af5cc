import Link from "next/link";
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RISK_SCALE, riskScore, scoreBand } from "@/lib/risk-register";
import type { HeatMapCell } from "@/server/portfolio/risk-portfolio";
import { BAND_COLORS } from "./risk-register";

/**
 * The 5 × 5 heat map of open risks: impact up the side, likelihood along the bottom, each cell
 * coloured by its score band and linking to the list of its risks.
 */
export function RiskHeatMap({
  cells,
  selected,
}: {
  cells: HeatMapCell[];
  selected: { likelihood: number; impact: number } | null;
}) {
  const at = (likelihood: number, impact: number) =>
    cells.find((c) => c.likelihood === likelihood && c.impact === impact)?.count ?? 0;
  return (
    <table className="border-separate border-spacing-1 text-sm">
      <caption className="pb-2 text-left text-sm text-slate-600">
        Open risks by likelihood and impact. Choose a cell to list its risks.
      </caption>
      <thead>
        <tr>
          <th scope="col" className="text-left text-xs font-medium text-slate-600">
            Impact ↓ / Likelihood →
          </th>
          {RISK_SCALE.map((likelihood) => (
            <th key={likelihood} scope="col" className="w-16 text-xs font-medium text-slate-600">
              {likelihood} {LIKELIHOOD_LABELS[likelihood - 1]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...RISK_SCALE].reverse().map((impact) => (
          <tr key={impact}>
            <th scope="row" className="pr-2 text-right text-xs font-medium text-slate-600">
              {impact} {IMPACT_LABELS[impact - 1]}
            </th>
            {RISK_SCALE.map((likelihood) => {
              const count = at(likelihood, impact);
              const isSelected = selected?.likelihood === likelihood && selected.impact === impact;
              return (
                <td key={likelihood} className="p-0">
                  <Link
                    href={`/risks?likelihood=${likelihood}&impact=${impact}#open-risks`}
                    aria-label={`Likelihood ${likelihood}, impact ${impact}: ${count} open ${count === 1 ? "risk" : "risks"}`}
                    aria-current={isSelected ? "true" : undefined}
                    className={`flex h-12 w-16 items-center justify-center rounded-md font-semibold ${
                      BAND_COLORS[scoreBand(riskScore({ likelihood, impact }))]
                    } ${count === 0 ? "opacity-60" : ""} ${isSelected ? "ring-2 ring-slate-900 ring-offset-1" : ""}`}
                  >
                    {count}
                  </Link>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
