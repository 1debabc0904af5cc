import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { STAGE_DESCRIPTIONS, STAGE_LABELS } from "@/lib/lifecycle";
import { formatMoneyShort } from "@/lib/money";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/auth/current-user";
import { getLocale } from "@/server/locale";
import { stageSummary } from "@/server/portfolio/stage-summary";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser();
  const locale = await getLocale();
  const moneyShort = (value: string | null | undefined, currency: string) => formatMoneyShort(value, currency, locale);
  const { stages, total, currency, otherCurrencies } = await stageSummary(user);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Portfolio</h1>
          <p className="text-sm text-slate-600">
            {total} use case{total === 1 ? "" : "s"} on the road from proof of concept to production.
          </p>
        </div>
        {can(user, "use-case:create") && <ButtonLink href="/use-cases/new">New use case</ButtonLink>}
      </div>
      {total === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
          <h2 className="text-lg font-medium">No use cases yet</h2>
          <p className="mt-1 text-sm text-slate-600">
            {can(user, "use-case:create")
              ? "Create the first one: frame the business need, its output and outcome."
              : "Data scientists and business sponsors create use cases; they will appear here."}
          </p>
        </div>
      ) : (
        <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Use cases per stage">
          {stages.map((s, index) => (
            <li key={s.stage}>
              <Link
                href={`/use-cases?stage=${s.stage}`}
                className="block h-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-500"
              >
                <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
                  Stage {index + 1} · {STAGE_LABELS[s.stage]}
                </p>
                <p className="mt-2 text-3xl font-semibold">{s.count}</p>
                <p className="text-sm text-slate-600">{s.active} active</p>
                <p className="mt-3 text-sm">
                  <span className="text-slate-500">Base EBITDA </span>
                  <span className="font-medium">{moneyShort(s.ebitdaBase, currency)}</span>
                </p>
                <p className="mt-3 text-xs text-slate-500">{STAGE_DESCRIPTIONS[s.stage]}</p>
              </Link>
            </li>
          ))}
        </ol>
      )}
      {otherCurrencies > 0 && (
        <p className="text-xs text-slate-500">
          Amounts are in {currency}; {otherCurrencies} use case{otherCurrencies === 1 ? " is" : "s are"} estimated in
          another currency and left out of the sums.
        </p>
      )}
    </div>
  );
}
