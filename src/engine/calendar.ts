/**
 * Calendar arithmetic without Date: ISO dates → day numbers → week indices from the scenario start.
 * One tick is one week; a quarter is 13 weeks; quarter labels count from the scenario's start quarter.
 */
import { WEEKS_PER_QUARTER } from './money.ts';

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil. */
export function civilFromDays(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: y + (m <= 2 ? 1 : 0), m, d };
}

export function parseIsoDate(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return daysFromCivil(y ?? 1970, m ?? 1, d ?? 1);
}

/** Week index (0 = the scenario's first week) containing the given date; may be negative or past the end. */
export function weekOf(startDate: string, iso: string): number {
  return Math.floor((parseIsoDate(iso) - parseIsoDate(startDate)) / 7);
}

/** ISO date of the first day of a week. */
export function dateOfWeek(startDate: string, week: number): string {
  const { y, m, d } = civilFromDays(parseIsoDate(startDate) + week * 7);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Quarter label such as "2024Q1" for the quarter index counted from the scenario start. */
export function quarterLabel(startDate: string, startQuarter: number, quarterIndex: number): string {
  const startYear = Number(startDate.slice(0, 4));
  const q = startQuarter - 1 + quarterIndex;
  return `${startYear + Math.floor(q / 4)}Q${(q % 4) + 1}`;
}

export function quarterIndexOfWeek(week: number): number {
  return Math.floor(week / WEEKS_PER_QUARTER);
}
