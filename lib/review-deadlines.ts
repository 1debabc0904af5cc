// Review deadlines as data: how many working days each gate's review may take, and the
// instants a review's reminders and escalation fall due. Pure, so the server and the tests
// compute the same instants.
import { GATES, type GateDefinition } from "./lifecycle";
import { addWorkingDays } from "./working-days";

/** Working days per gate, in GATES order (G1, G2, G3), until an admin changes them. */
export const DEFAULT_REVIEW_DEADLINE_DAYS = [5, 10, 10];

export type ReviewDeadlines = {
  /** The deciders who have not voted get a first reminder: half the deadline, rounded up. */
  remindAt: Date;
  /** The deadline; a second reminder goes out. */
  dueAt: Date;
  /** Twice the deadline: the review escalates to the admins. */
  escalateAt: Date;
};

/** The deadline days of one gate, from the settings' list (defaults where it has none). */
export function deadlineDaysOf(gate: Pick<GateDefinition, "id">, days: readonly number[]): number {
  const index = GATES.findIndex((candidate) => candidate.id === gate.id);
  return days[index] ?? DEFAULT_REVIEW_DEADLINE_DAYS[index] ?? 10;
}

export function reviewDeadlines(requestedAt: Date, days: number, holidays: readonly string[]): ReviewDeadlines {
  return {
    remindAt: addWorkingDays(requestedAt, Math.ceil(days / 2), holidays),
    dueAt: addWorkingDays(requestedAt, days, holidays),
    escalateAt: addWorkingDays(requestedAt, days * 2, holidays),
  };
}
