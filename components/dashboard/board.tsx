"use client";
import Link from "next/link";
import type { KeyboardEvent } from "react";
import { DueLabel } from "@/components/gates/due-label";
import { useLocale } from "@/components/locale-context";
import { RankCell } from "@/components/priority/rank-cell";
import { StatusBadge } from "@/components/ui/badges";
import { Button } from "@/components/ui/button";
import { useSubmit } from "@/components/ui/use-submit";
import { STAGE_LABELS, type Stage, type UseCaseStatus } from "@/lib/lifecycle";
import { formatMoneyShort } from "@/lib/money";
import { requestGateAction } from "@/server/actions/gates";
import type { BoardCard, BoardSort } from "@/server/portfolio/board";

/**
 * Arrow keys move between cards: up and down within a column, left and right across
 * columns (to the same position, or the last card). Tab still walks every link and button.
 */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const keys = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"];
  if (!keys.includes(event.key)) return;
  const current = (event.target as HTMLElement).closest<HTMLElement>("[data-card]");
  if (!current) return;
  const column = Number(current.dataset.column);
  const row = Number(current.dataset.row);
  const target =
    event.key === "ArrowUp"
      ? [column, row - 1]
      : event.key === "ArrowDown"
        ? [column, row + 1]
        : [column + (event.key === "ArrowLeft" ? -1 : 1), row];
  const board = event.currentTarget;
  const inColumn = board.querySelectorAll<HTMLElement>(`[data-card][data-column="${target[0]}"]`);
  const next = inColumn[Math.min(target[1] as number, inColumn.length - 1)];
  if (next && (target[1] as number) >= 0) {
    event.preventDefault();
    next.querySelector<HTMLElement>("a")?.focus();
  }
}

function RequestButton({ card }: { card: BoardCard }) {
  const { pending, message, run } = useSubmit();
  return (
    <div>
      <Button
        variant="secondary"
        className="px-2 py-1 text-xs"
        disabled={pending}
        aria-label={`Request ${card.requestable} for ${card.key}`}
        onClick={() => run(() => requestGateAction(card.key, {}))}
      >
        {pending ? "Requesting…" : `Request ${card.requestable}`}
      </Button>
      {message && (
        <p role="alert" className="text-xs text-rose-700">
          {message}
        </p>
      )}
    </div>
  );
}

export function Board({
  columns,
  sort = "updated",
}: {
  columns: { stage: Stage; total: number; cards: BoardCard[] }[];
  /** The cards' order: by last change, or the ranked backlog (rank first). */
  sort?: BoardSort;
}) {
  const locale = useLocale();
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keyboard navigation between the cards' links, delegated here.
    <div className="grid gap-4 lg:grid-cols-4" onKeyDown={moveFocus}>
      {columns.map((column, columnIndex) => (
        <section key={column.stage} aria-labelledby={`column-${column.stage}`} className="rounded-lg bg-slate-100 p-3">
          <h2 id={`column-${column.stage}`} className="mb-2 text-sm font-semibold text-slate-800">
            {STAGE_LABELS[column.stage]} <span className="font-normal text-slate-600">({column.total})</span>
          </h2>
          {column.cards.length === 0 ? (
            <p className="text-xs text-slate-600">Nothing here.</p>
          ) : (
            <ul className="space-y-2" aria-label={`${STAGE_LABELS[column.stage]} use cases`}>
              {column.cards.map((card, rowIndex) => (
                <li
                  key={card.key}
                  data-card
                  data-column={columnIndex}
                  data-row={rowIndex}
                  className="space-y-1 rounded-md border border-slate-200 bg-surface p-3 text-sm shadow-sm focus-within:ring-2 focus-within:ring-brand-500"
                >
                  <Link
                    href={`/use-cases/${card.key}`}
                    className="font-medium text-slate-900 hover:underline focus:outline-none"
                  >
                    <span className="font-mono text-xs text-slate-500">{card.key}</span> {card.title}
                  </Link>
                  <p className="text-xs text-slate-600">
                    {card.ebitda.base
                      ? `${formatMoneyShort(card.ebitda.low, card.ebitda.currency, locale)} – ${formatMoneyShort(card.ebitda.high, card.ebitda.currency, locale)}`
                      : "Not estimated"}
                  </p>
                  <p className="text-xs">
                    <span className="text-slate-600">Priority </span>
                    <RankCell priorityScore={card.priorityScore} rank={card.rank} previousRank={card.previousRank} />
                  </p>
                  <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                    <StatusBadge status={card.status as UseCaseStatus} />
                    <span>{card.owner}</span>
                    <span>· {card.daysInStage} days in stage</span>
                  </div>
                  {card.review?.due && (
                    <p className="text-xs">
                      <DueLabel due={card.review.due} subject={`${card.review.gate} review`} />
                    </p>
                  )}
                  {card.requestable && <RequestButton card={card} />}
                </li>
              ))}
            </ul>
          )}
          {column.total > column.cards.length && (
            <Link
              href={`/use-cases?stage=${column.stage}${sort === "priority" ? "&sort=priority" : ""}`}
              className="mt-2 block text-xs text-brand-700 underline"
            >
              {column.total - column.cards.length} more in the list
            </Link>
          )}
        </section>
      ))}
    </div>
  );
}
