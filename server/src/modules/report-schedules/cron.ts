// Cron expressions for report schedules: five fields (minute hour day-of-month month day-of-week) or a nickname
// like @daily, read in the schedule's IANA time zone. Seconds are not offered: a report a second is a mistake.
import { Cron } from 'croner';

/** Why the expression cannot be used, or undefined when it can. */
export function cronProblem(expression: string, timezone: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (!expression.trim().startsWith('@') && fields.length !== 5) {
    return 'must have five fields (minute hour day-of-month month day-of-week) or be a nickname like @daily';
  }
  try {
    if (new Cron(expression, { timezone }).nextRun() === null) return 'never runs';
  } catch (error) {
    return (error as Error).message.replace(/^CronPattern: /, '');
  }
  return undefined;
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The first time the schedule fires strictly after `after`. */
export function nextRunAfter(expression: string, timezone: string, after: Date): Date | null {
  return new Cron(expression, { timezone }).nextRun(after);
}
