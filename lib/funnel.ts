// The stage funnel's figures: how many reached each stage, and what share of those that
// reached the stage before went on to this one.

export type FunnelStep = { stage: string; reached: number };
export type WithConversion<T> = T & {
  /** Percent of the previous stage's use cases that reached this one, one decimal; null for the first stage or an empty previous one. */
  conversion: number | null;
};

export function funnelWithConversion<T extends FunnelStep>(steps: readonly T[]): WithConversion<T>[] {
  return steps.map((step, index) => {
    const previous = index === 0 ? undefined : steps[index - 1];
    const conversion =
      previous === undefined || previous.reached === 0
        ? null
        : Math.round((step.reached / previous.reached) * 1000) / 10;
    return { ...step, conversion };
  });
}

/** "80%" in the user's locale ("80 %" in de-DE and fr-FR), or "—" when there is nothing to convert from. */
export function formatConversion(percent: number | null, locale: string): string {
  if (percent === null) return "—";
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(percent / 100);
}
