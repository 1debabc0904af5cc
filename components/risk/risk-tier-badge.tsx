import { RISK_TIER_LABELS, type RiskTier } from "@/lib/risk-screening";

const TIER_COLORS: Record<RiskTier, string> = {
  UNACCEPTABLE: "bg-rose-100 text-rose-800 ring-rose-300",
  HIGH: "bg-orange-100 text-orange-800 ring-orange-300",
  LIMITED: "bg-amber-50 text-amber-800 ring-amber-200",
  MINIMAL: "bg-slate-100 text-slate-700 ring-slate-200",
};

/** The risk tier, or "not screened" while no screening was submitted. */
export function RiskTierBadge({ tier }: { tier: RiskTier | null }) {
  const base =
    "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap";
  if (!tier) return <span className={`${base} bg-surface text-slate-600 ring-slate-300`}>Risk: not screened</span>;
  return <span className={`${base} ${TIER_COLORS[tier]}`}>Risk: {RISK_TIER_LABELS[tier]}</span>;
}
