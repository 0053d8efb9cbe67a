/**
 * "Now" for the freshness rules: an explicit date (`--now`, `createLinter({ now })`), else
 * SOURCE_DATE_EPOCH, else the clock; always UTC midnight, so a run is reproducible for a day.
 */
import { UsageError } from '../errors.js';
import { DAY_MS, dayOf, dayToIsoDate, isoDateToDay } from '../meta/dates.js';

/** `YYYY-MM-DD` as UTC midnight, or null when it is not a real calendar date. */
export function parseIsoDate(text: string): Date | null {
  const day = isoDateToDay(text);
  return day === undefined ? null : new Date(day * DAY_MS);
}

/** The UTC calendar day of a date, as `YYYY-MM-DD`. */
export function isoDay(date: Date): string {
  return dayToIsoDate(dayOf(date));
}

/**
 * `option` (a `YYYY-MM-DD` string or a Date), else SOURCE_DATE_EPOCH from `env`, else
 * `clock()`, at UTC midnight. A bad date or epoch is a UsageError naming it.
 */
export function resolveNow(option: string | Date | undefined, env: NodeJS.ProcessEnv, clock: () => Date = () => new Date()): Date {
  if (option instanceof Date) {
    if (Number.isNaN(option.getTime())) throw new UsageError('now: expected a valid Date');
    return utcMidnight(option);
  }
  if (option !== undefined) {
    const date = parseIsoDate(option.trim());
    if (!date) throw new UsageError(`--now ${option}: expected a date YYYY-MM-DD, such as 2026-11-23`);
    return date;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch.trim())) throw new UsageError(`SOURCE_DATE_EPOCH=${epoch}: expected a number of seconds since 1970-01-01`);
    return utcMidnight(new Date(Number(epoch.trim()) * 1000));
  }
  return utcMidnight(clock());
}

function utcMidnight(instant: Date): Date {
  return new Date(dayOf(instant) * DAY_MS);
}
