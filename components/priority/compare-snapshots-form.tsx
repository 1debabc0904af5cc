"use client";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import type { FundingSnapshotSummaryDto } from "@/server/priority/funding-snapshots";

const label = (snapshot: FundingSnapshotSummaryDto) => `${snapshot.name} (${snapshot.takenAt.slice(0, 10)})`;

/** Choose two snapshots: the comparison is the page itself (`?from=&to=`), so it can be linked to. */
export function CompareSnapshotsForm({
  snapshots,
  from,
  to,
}: {
  snapshots: FundingSnapshotSummaryDto[];
  from: string;
  to: string;
}) {
  return (
    <form
      method="get"
      action="/portfolio/funding"
      aria-label="Compare two snapshots"
      className="flex flex-wrap items-start gap-3"
    >
      <Field label="Earlier snapshot">
        {(props) => (
          <Select {...props} name="from" defaultValue={from}>
            {snapshots.map((snapshot) => (
              <option key={snapshot.id} value={snapshot.id}>
                {label(snapshot)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Later snapshot">
        {(props) => (
          <Select {...props} name="to" defaultValue={to}>
            {snapshots.map((snapshot) => (
              <option key={snapshot.id} value={snapshot.id}>
                {label(snapshot)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="pt-6">
        <Button type="submit">Compare</Button>
      </div>
    </form>
  );
}
