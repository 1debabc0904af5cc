/** A use case's place in the ranked list: its rank, its score and how far it moved since the model's previous version. */
export function RankCell({
  priorityScore,
  rank,
  previousRank,
}: {
  priorityScore: number | null;
  rank: number | null;
  previousRank: number | null;
}) {
  if (rank == null || priorityScore == null) return <span className="text-slate-500">Not scored</span>;
  const moved = previousRank == null ? 0 : previousRank - rank;
  return (
    <span className="whitespace-nowrap">
      <span className="font-medium text-slate-900">#{rank}</span>{" "}
      <span className="text-slate-600">({priorityScore.toFixed(1)})</span>
      {moved !== 0 && (
        <span className={moved > 0 ? "ml-1 text-emerald-700" : "ml-1 text-red-700"}>
          {moved > 0 ? "▲" : "▼"}
          {Math.abs(moved)}
          <span className="sr-only"> {moved > 0 ? "up" : "down"} since the previous scoring model</span>
        </span>
      )}
    </span>
  );
}
