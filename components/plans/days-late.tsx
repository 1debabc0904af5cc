/** How a stage stands against its planned day: "N days late" (red; "so far" while not reached), "On time", or `none`. */
export function DaysLate({
  days,
  reached,
  none = null,
}: {
  days: number | null;
  reached: boolean;
  none?: React.ReactNode;
}) {
  if (days)
    return (
      <span className="block font-medium text-rose-700">
        {days} {days === 1 ? "day" : "days"} late{reached ? "" : " so far"}
      </span>
    );
  if (days === 0) return <span className="block text-emerald-700">On time</span>;
  return none;
}
