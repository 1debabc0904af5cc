"use client";
import {
  CartesianGrid,
  Legend,
  ReferenceArea,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  type ScatterShapeProps,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import { useLocale } from "@/components/locale-context";
import { STAGE_LABELS, STAGES, type Stage } from "@/lib/lifecycle";
import { formatMoneyShort } from "@/lib/money";
import { type MatrixPoint, QUADRANT_LABELS, type Quadrant } from "@/lib/priority-matrix";

/** The stages' colours (the stage badges' hues). */
export const STAGE_FILLS: Record<Stage, string> = {
  POC: "#8b5cf6",
  PROTOTYPE: "#0ea5e9",
  PACKAGING: "#f59e0b",
  PRODUCTION: "#10b981",
};

/** Each quadrant's corner of the 1–5 square: effort on x (low on the left), value on y. */
const AREAS: { quadrant: Quadrant; x: [number, number]; y: [number, number]; fill: string; position: string }[] = [
  { quadrant: "quick-wins", x: [1, 3], y: [3, 5], fill: "#10b981", position: "insideTopLeft" },
  { quadrant: "big-bets", x: [3, 5], y: [3, 5], fill: "#0ea5e9", position: "insideTopRight" },
  { quadrant: "fill-ins", x: [1, 3], y: [1, 3], fill: "#94a3b8", position: "insideBottomLeft" },
  { quadrant: "money-pits", x: [3, 5], y: [1, 3], fill: "#f43f5e", position: "insideBottomRight" },
];

type Datum = { x: number; y: number; z: number; point: MatrixPoint };

/** A bubble is a link to its use case (out of the tab order: the table below carries the same links). */
function Bubble(props: ScatterShapeProps) {
  const { cx, cy, size } = props;
  const payload = props.payload as Datum | undefined;
  if (cx == null || cy == null || !payload) return null;
  const fill = STAGE_FILLS[payload.point.stage];
  return (
    <a href={`/use-cases/${payload.point.key}`} tabIndex={-1} data-key={payload.point.key}>
      <circle cx={cx} cy={cy} r={Math.max(4, Math.sqrt(size / Math.PI))} fill={fill} fillOpacity={0.65} stroke={fill} />
    </a>
  );
}

/**
 * The priority matrix as a bubble chart: effort (x) against value (y), the bubble's area the
 * EBITDA range's width, its colour the stage, the four quadrants shaded and named.
 */
export function PriorityMatrixChart({ points, effortLabel }: { points: MatrixPoint[]; effortLabel: string }) {
  const locale = useLocale();
  const series = STAGES.map((stage) => ({
    stage,
    data: points
      .filter((p) => p.stage === stage)
      .map((p): Datum => ({ x: p.effort, y: p.value, z: Math.max(0, Number(p.rangeWidth ?? 0)), point: p })),
  })).filter((s) => s.data.length > 0);
  const axis = { fontSize: 12 };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ScatterChart accessibilityLayer={false} margin={{ top: 10, right: 20, bottom: 20, left: 10 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        {AREAS.map((area) => (
          <ReferenceArea
            key={area.quadrant}
            x1={area.x[0]}
            x2={area.x[1]}
            y1={area.y[0]}
            y2={area.y[1]}
            fill={area.fill}
            fillOpacity={0.07}
            label={{
              value: QUADRANT_LABELS[area.quadrant],
              position: area.position as "insideTopLeft",
              fill: "#475569",
              fontSize: 12,
            }}
          />
        ))}
        <XAxis
          type="number"
          dataKey="x"
          name="Effort"
          domain={[1, 5]}
          ticks={[1, 2, 3, 4, 5]}
          tick={axis}
          label={{ value: `Effort (from ${effortLabel})`, position: "insideBottom", offset: -12, fontSize: 12 }}
        />
        <YAxis
          type="number"
          dataKey="y"
          name="Value"
          domain={[1, 5]}
          ticks={[1, 2, 3, 4, 5]}
          tick={axis}
          width={40}
          label={{ value: "Value", angle: -90, position: "insideLeft", fontSize: 12 }}
        />
        <ZAxis type="number" dataKey="z" range={[60, 1200]} name="EBITDA range" />
        <Tooltip
          cursor={{ strokeDasharray: "3 3" }}
          content={({ active, payload }) => {
            const point = (payload?.[0]?.payload as Datum | undefined)?.point;
            if (!active || !point) return null;
            return (
              <div className="rounded-md border border-slate-200 bg-surface p-2 text-xs shadow-sm">
                <p className="font-medium text-slate-900">
                  {point.key} {point.title}
                </p>
                <p className="text-slate-600">
                  {STAGE_LABELS[point.stage]} · {QUADRANT_LABELS[point.quadrant]}
                </p>
                <p className="text-slate-600">
                  Value {point.value.toFixed(2)}
                  {point.valueFrom === "ebitda" ? " (from base EBITDA)" : ""} · effort {point.effort.toFixed(2)}
                </p>
                {point.rangeWidth != null && (
                  <p className="text-slate-600">
                    EBITDA {formatMoneyShort(point.ebitda.low, point.ebitda.currency, locale)} –{" "}
                    {formatMoneyShort(point.ebitda.high, point.ebitda.currency, locale)}
                  </p>
                )}
              </div>
            );
          }}
        />
        <Legend verticalAlign="top" height={28} />
        {series.map((s) => (
          <Scatter
            key={s.stage}
            name={STAGE_LABELS[s.stage]}
            data={s.data}
            fill={STAGE_FILLS[s.stage]}
            shape={Bubble}
            isAnimationActive={false}
          />
        ))}
      </ScatterChart>
    </ResponsiveContainer>
  );
}
