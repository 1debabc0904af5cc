import "server-only";
import { noteDatabaseDown, noteDatabaseUp } from "./database-outage";
import { db } from "./db";

/** Does the database answer within `timeoutMs`? */
export async function databaseAnswers(timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = db.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
  try {
    const answers = await Promise.race([query, timeout]);
    if (answers) noteDatabaseUp();
    else noteDatabaseDown();
    return answers;
  } finally {
    clearTimeout(timer);
  }
}
