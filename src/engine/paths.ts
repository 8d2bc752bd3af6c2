/**
 * Time paths authored in scenarios as dated points, resolved to weeks once and interpolated.
 */
import { weekOf } from './calendar.ts';

export interface WeekPoint { week: number; value: number }

export function resolvePath(startDate: string, points: { date: string; value: number }[]): WeekPoint[] {
  return points.map((p) => ({ week: weekOf(startDate, p.date), value: p.value })).sort((a, b) => a.week - b.week);
}

/** Linear interpolation; flat before the first and after the last point. */
export function pathAt(points: WeekPoint[], week: number): number {
  if (points.length === 0) return 0;
  const first = points[0]!;
  if (week <= first.week) return first.value;
  for (let i = 1; i < points.length; i++) {
    const b = points[i]!;
    if (week <= b.week) {
      const a = points[i - 1]!;
      const span = b.week - a.week;
      return span <= 0 ? b.value : a.value + ((b.value - a.value) * (week - a.week)) / span;
    }
  }
  return points[points.length - 1]!.value;
}
