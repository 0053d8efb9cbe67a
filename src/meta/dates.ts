/**
 * Review dates arrive in several spellings. Each is normalised to an ISO calendar date when
 * exactly one real date fits; a day/month order that cannot be told apart (`03/08/2019`) is
 * reported as ambiguous rather than guessed.
 */

export type DateReading =
  | { kind: 'date'; iso: string }
  | { kind: 'ambiguous'; readings: [string, string] }
  | { kind: 'invalid' };

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const INVALID: DateReading = { kind: 'invalid' };

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dated(year: number, month: number, day: number): DateReading {
  return isCalendarDate(year, month, day) ? { kind: 'date', iso: iso(year, month, day) } : INVALID;
}

/** Reads `2019-08-03`, `2019/08/03`, `2019.08.03`, `Aug 3, 2019`, `3 August 2019`, `03/08/2019`. */
export function readDate(raw: string): DateReading {
  const text = raw.trim();
  // Year first: never ambiguous.
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (match) return dated(Number(match[1]), Number(match[2]), Number(match[3]));

  // Day and month first, year last: ambiguous unless only one order is a real date.
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (match) {
    const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const monthFirst = isCalendarDate(year, first, second);
    const dayFirst = isCalendarDate(year, second, first);
    if (monthFirst && dayFirst && first !== second) {
      return { kind: 'ambiguous', readings: [iso(year, first, second), iso(year, second, first)] };
    }
    if (monthFirst) return dated(year, first, second);
    if (dayFirst) return dated(year, second, first);
    return INVALID;
  }

  // Month names: `Aug 3, 2019`, `August 3 2019`, `3 Aug 2019`.
  match = /^([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(text);
  if (match) {
    const month = MONTHS[match[1]!.slice(0, 4).toLowerCase()] ?? MONTHS[match[1]!.slice(0, 3).toLowerCase()];
    return month ? dated(Number(match[3]), month, Number(match[2])) : INVALID;
  }
  match = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.?,? (\d{4})$/.exec(text);
  if (match) {
    const month = MONTHS[match[2]!.slice(0, 4).toLowerCase()] ?? MONTHS[match[2]!.slice(0, 3).toLowerCase()];
    return month ? dated(Number(match[3]), month, Number(match[1])) : INVALID;
  }
  return INVALID;
}

/** Milliseconds in a UTC day. */
export const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant, as days since 1970-01-01. */
export function dayOf(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/**
 * Strict `YYYY-MM-DD` (the export's and `--now`'s form) as days since 1970-01-01 UTC, or
 * undefined when it is not that form or not a real calendar date.
 */
export function isoDateToDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isCalendarDate(year, month, day)) return undefined;
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** `2026-11-23` for a day number (days since 1970-01-01 UTC). */
export function dayToIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
