import "server-only";
import { DEFAULT_REVIEW_DEADLINE_DAYS } from "@/lib/review-deadlines";
import { db, type Tx } from "../db";

export type ReviewCalendar = { deadlineDays: number[]; holidays: string[] };

/** The review deadlines per gate and the holidays, as an admin set them (Settings). */
export async function getReviewCalendar(client: Tx = db): Promise<ReviewCalendar> {
  const row = await client.orgSettings.findUnique({
    where: { id: 1 },
    select: { reviewDeadlineDays: true, holidays: true },
  });
  return {
    deadlineDays: row?.reviewDeadlineDays.length === 3 ? row.reviewDeadlineDays : DEFAULT_REVIEW_DEADLINE_DAYS,
    holidays: row?.holidays ?? [],
  };
}

/** The holidays alone: what "due in N working days" skips besides weekends. */
export async function getHolidays(): Promise<string[]> {
  return (await getReviewCalendar()).holidays;
}
