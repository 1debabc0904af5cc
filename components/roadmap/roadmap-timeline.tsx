import { STAGE_LABELS, type Stage } from "@/lib/lifecycle";
import { PLAN_FIELDS, PLANNED_STAGES } from "@/lib/plan";
import { position, type Slip, slips, stageSpans, timelineWindow, type Zoom } from "@/lib/roadmap";
import type { RoadmapRow } from "@/server/plans/roadmap";

// The bars of each stage, a shade stronger than the stage badges so they read on white and in print.
const SPAN_COLORS: Record<Stage, string> = {
  POC: "bg-violet-300",
  PROTOTYPE: "bg-sky-400",
  PACKAGING: "bg-amber-400",
  PRODUCTION: "bg-emerald-500",
};

const pct = (value: number) => `${value}%`;

/** One label per end day: the stages still slipping all end today, so their days share a label ("+40 d / +12 d"). */
function slipLabels(list: Slip[]): { until: string; text: string }[] {
  const byEnd = new Map<string, string[]>();
  for (const slip of list) byEnd.set(slip.until, [...(byEnd.get(slip.until) ?? []), `+${slip.days} d`]);
  return [...byEnd].map(([until, texts]) => ({ until, text: texts.join(" / ") }));
}

/**
 * The timeline drawn: per use case, the stages it went through (bars), its plan (a diamond per
 * target), and each slip in red with its days late; a line at today. It is a picture of the
 * table that follows it (the same data), so assistive technology skips it.
 */
export function RoadmapTimeline({
  groups,
  zoom,
  today,
}: {
  groups: { label: string; rows: RoadmapRow[] }[];
  zoom: Zoom;
  today: string;
}) {
  const window = timelineWindow(zoom, today);
  const todayAt = position(today, window);
  const track = "relative h-6 border-l border-slate-200 print:h-4";
  return (
    <div
      aria-hidden="true"
      data-testid="roadmap-timeline"
      className="rounded-lg border border-slate-200 bg-surface p-3 text-xs print:border-0 print:p-0 print:text-[8px]"
    >
      <div className="grid grid-cols-[12rem_1fr] print:grid-cols-[9rem_1fr]">
        <div />
        <div className="relative h-5 border-b border-slate-200">
          {window.ticks.map((tick) => (
            <span
              key={tick.day}
              className="absolute top-0 border-l border-slate-300 pl-1 whitespace-nowrap text-slate-500"
              style={{ left: pct(position(tick.day, window)) }}
            >
              {tick.label}
            </span>
          ))}
          <span className="absolute top-0 h-full w-0.5 bg-rose-600" style={{ left: pct(todayAt) }} />
        </div>
        {groups.map((group) => (
          <GroupRows
            key={group.label}
            label={group.label}
            rows={group.rows}
            window={window}
            today={today}
            track={track}
            todayAt={todayAt}
          />
        ))}
      </div>
    </div>
  );
}

function GroupRows({
  label,
  rows,
  window,
  today,
  track,
  todayAt,
}: {
  label: string;
  rows: RoadmapRow[];
  window: { from: string; to: string };
  today: string;
  track: string;
  todayAt: number;
}) {
  return (
    <>
      <div className="col-span-2 mt-2 border-b border-slate-200 pb-0.5 font-semibold text-slate-700 print:mt-1">
        {label}
      </div>
      {rows.map((row) => (
        <div key={row.key} data-roadmap-row={row.key} className="contents">
          <div className="truncate pr-2 leading-6 print:leading-4">
            <span className="font-mono text-slate-500">{row.key}</span> {row.title}
          </div>
          <div className={track}>
            {stageSpans(row, today).map((span) => (
              <span
                key={span.stage}
                title={`${STAGE_LABELS[span.stage]} from ${span.from}`}
                className={`absolute top-1 h-3 rounded-sm print:top-0.5 print:h-2 ${SPAN_COLORS[span.stage]} ${span.current ? "opacity-100" : "opacity-70"}`}
                style={{
                  left: pct(position(span.from, window)),
                  width: `max(2px, ${pct(position(span.to, window) - position(span.from, window))})`,
                }}
              />
            ))}
            {PLANNED_STAGES.map((stage) => {
              const target = row.targets[PLAN_FIELDS[stage]];
              return target ? (
                <span
                  key={stage}
                  title={`${STAGE_LABELS[stage]} planned ${target}`}
                  className="absolute top-1.5 h-2 w-2 -translate-x-1/2 rotate-45 border border-slate-800 bg-white print:top-0.5"
                  style={{ left: pct(position(target, window)) }}
                />
              ) : null;
            })}
            {slips(row, today).map((slip) => (
              <span
                key={slip.stage}
                data-slip={slip.stage}
                className="absolute bottom-0 h-1 bg-rose-600"
                style={{
                  left: pct(position(slip.target, window)),
                  width: `max(2px, ${pct(position(slip.until, window) - position(slip.target, window))})`,
                }}
              />
            ))}
            {slipLabels(slips(row, today)).map((label) => (
              <span
                key={label.until}
                className="absolute top-0 pl-1 font-semibold whitespace-nowrap text-rose-700"
                style={{ left: pct(position(label.until, window)) }}
              >
                {label.text}
              </span>
            ))}
            <span className="absolute top-0 h-full w-0.5 bg-rose-600/60" style={{ left: pct(todayAt) }} />
          </div>
        </div>
      ))}
    </>
  );
}
