import { formatMoneyShort } from "@/lib/money";
import { getLocale } from "@/server/locale";

/** "€0.8M – €1.2M – €1.9M" with the base emphasised; a dash when no range is set. */
export async function ValueRange({
  ebitda,
}: {
  ebitda: { low: string | null; base: string | null; high: string | null; currency: string };
}) {
  const locale = await getLocale();
  const moneyShort = (value: string | null | undefined, currency: string) => formatMoneyShort(value, currency, locale);
  if (!ebitda.base) return <span className="text-slate-500">Not estimated</span>;
  return (
    <span className="whitespace-nowrap tabular-nums">
      <span className="text-slate-500">{moneyShort(ebitda.low, ebitda.currency)}</span>
      <span className="text-slate-500"> – </span>
      <span className="font-medium text-slate-900">{moneyShort(ebitda.base, ebitda.currency)}</span>
      <span className="text-slate-500"> – </span>
      <span className="text-slate-500">{moneyShort(ebitda.high, ebitda.currency)}</span>
    </span>
  );
}
