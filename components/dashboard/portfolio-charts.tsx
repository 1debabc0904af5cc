"use client";
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "@/components/locale-context";
import { formatConversion, funnelWithConversion } from "@/lib/funnel";
import { BENEFIT_AREA_LABELS, type BenefitArea, STAGE_LABELS, STAGES, STOP_REASON_LABELS } from "@/lib/lifecycle";
import { formatMoney, formatMoneyShort } from "@/lib/money";
import type { PortfolioSummary } from "@/server/portfolio/portfolio-summary";
import { ChartFigure } from "./chart-figure";

const COLORS = { a: "#2563eb", b: "#10b981", c: "#f43f5e", d: "#f59e0b", e: "#94a3b8" };
const axis = { fontSize: 12 };

/**
 * The dashboard's charts: funnel, conversion per gate, time in stage, value by area, realised vs
 * estimated. `forPrint` draws them all at once, two to a row on paper (the printable summary).
 */
export function PortfolioCharts({ summary, forPrint = false }: { summary: PortfolioSummary; forPrint?: boolean }) {
  const locale = useLocale();
  const c = summary.currency;
  const short = (value: number) => formatMoneyShort(String(Math.round(Math.abs(value))), c, locale);
  const full = (value: string) => formatMoney(value, c, locale);
  const funnel = funnelWithConversion(summary.funnel).map((f) => ({
    name: STAGE_LABELS[f.stage],
    reached: f.reached,
    conversion: formatConversion(f.conversion, locale),
    // On the bar: "12 · 60% of Prototype" reads as the count and how many of the stage before got here.
    label: f.conversion === null ? String(f.reached) : `${f.reached} · ${formatConversion(f.conversion, locale)}`,
  }));
  const conversion = summary.conversion.map((g) => ({
    name: g.gate,
    go: g.go,
    stopped: g.stopped,
    paused: g.paused,
    rate: g.rate,
  }));
  const time = summary.timeInStage.map((t) => ({
    name: STAGE_LABELS[t.stage],
    pass: t.medianDaysToPass,
    now: t.medianDaysNow,
  }));
  const areas = [...new Set(summary.valueByArea.map((v) => v.benefitArea))];
  const byArea = STAGES.map((stage) => ({
    name: STAGE_LABELS[stage],
    ...Object.fromEntries(
      areas.map((area) => [
        area,
        Number(summary.valueByArea.find((v) => v.stage === stage && v.benefitArea === area)?.ebitdaBase ?? 0),
      ]),
    ),
  }));
  const areaLabel = (area: string) => BENEFIT_AREA_LABELS[area as BenefitArea] ?? "No benefit area";
  const production = summary.production.map((p) => ({
    name: p.key,
    title: p.title,
    actual: Number(p.actual),
    estimate: Number(p.estimate),
    raw: p,
  }));

  return (
    <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-2">
      <ChartFigure
        eager={forPrint}
        title="Stage funnel"
        caption="Use cases that reached each stage (there now or beyond); the percentage is the share of the stage before that got this far."
        columns={["Stage", "Reached", "From the stage before"]}
        rows={funnel.map((f) => [f.name, f.reached, f.conversion])}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={funnel} layout="vertical" margin={{ left: 40, right: 72 }}>
            <XAxis type="number" allowDecimals={false} tick={axis} />
            <YAxis type="category" dataKey="name" width={120} tick={axis} />
            <Tooltip />
            <Bar dataKey="reached" name="Reached" fill={COLORS.a} isAnimationActive={false}>
              <LabelList dataKey="label" position="right" className="fill-slate-700" fontSize={12} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ChartFigure
        eager={forPrint}
        title="Conversion per gate"
        caption={
          summary.stopReasons.length
            ? `Stop reasons: ${summary.stopReasons.map((r) => `${STOP_REASON_LABELS[r.reason]} ${r.count}`).join(", ")}.`
            : "Decided reviews per gate."
        }
        columns={["Gate", "Go", "Stopped", "Paused", "Conversion"]}
        rows={conversion.map((g) => [g.name, g.go, g.stopped, g.paused, g.rate == null ? "—" : `${g.rate} %`])}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={conversion}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="name" tick={axis} />
            <YAxis allowDecimals={false} tick={axis} />
            <Tooltip />
            <Legend />
            <Bar dataKey="go" stackId="d" name="Go" fill={COLORS.b} isAnimationActive={false} />
            <Bar dataKey="paused" stackId="d" name="Paused" fill={COLORS.d} isAnimationActive={false} />
            <Bar dataKey="stopped" stackId="d" name="Stopped" fill={COLORS.c} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ChartFigure
        eager={forPrint}
        title="Median time in stage (days)"
        caption="To pass the stage's gate, and for the active use cases in it now."
        columns={["Stage", "To pass", "Now"]}
        rows={time.map((t) => [t.name, t.pass ?? "—", t.now ?? "—"])}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={time}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="name" tick={axis} />
            <YAxis tick={axis} />
            <Tooltip />
            <Legend />
            <Bar dataKey="pass" name="To pass" fill={COLORS.a} isAnimationActive={false} />
            <Bar dataKey="now" name="Now" fill={COLORS.e} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ChartFigure
        eager={forPrint}
        title="Expected value by benefit area and stage"
        caption={`Base EBITDA per year of the active use cases, in ${c}.`}
        columns={["Stage", ...areas.map(areaLabel)]}
        rows={byArea.map((row) => [
          row.name,
          ...areas.map((area) => full(String((row as Record<string, unknown>)[area] ?? 0))),
        ])}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={byArea}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="name" tick={axis} />
            <YAxis tickFormatter={short} width={70} tick={axis} />
            <Tooltip formatter={(value) => full(String(value))} />
            <Legend />
            {areas.map((area, i) => (
              <Bar
                key={area}
                dataKey={area}
                stackId="v"
                name={areaLabel(area)}
                fill={[COLORS.a, COLORS.b, COLORS.e][i] ?? COLORS.e}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      {production.length > 0 && (
        <div className="lg:col-span-2">
          <ChartFigure
            eager={forPrint}
            title="Realised against estimated, production use cases"
            caption="EBITDA realised to date against the base estimate for the months in production."
            columns={["Use case", "Realised", "Estimated"]}
            rows={production.map((p) => [`${p.name} ${p.title}`, full(p.raw.actual), full(p.raw.estimate)])}
          >
            <ResponsiveContainer width="100%" height="100%">
              <BarChart accessibilityLayer={false} data={production}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
                <XAxis dataKey="name" tick={axis} />
                <YAxis tickFormatter={short} width={70} tick={axis} />
                <Tooltip formatter={(value) => full(String(value))} labelFormatter={(label) => String(label)} />
                <Legend />
                <Bar dataKey="actual" name="Realised" fill={COLORS.b} isAnimationActive={false} />
                <Bar dataKey="estimate" name="Estimated" fill={COLORS.e} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </ChartFigure>
        </div>
      )}
    </div>
  );
}
