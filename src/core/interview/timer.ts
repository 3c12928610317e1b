/** Whole seconds from `from` to `to` (never negative). */
export function elapsedSeconds(from: string | Date, to: Date): number {
  const start = typeof from === 'string' ? Date.parse(from) : from.getTime();
  return Number.isNaN(start) ? 0 : Math.max(0, Math.floor((to.getTime() - start) / 1000));
}

/** `3:12`, or `1:02:03` past an hour. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** `3:12 of 8-10 min`, `11:40 of 8-10 min, over`, or `3:12` without a budget. */
export function formatTimer(seconds: number, budget: { min: number; max: number } | null | undefined): string {
  if (!budget) return formatClock(seconds);
  const range = budget.min === budget.max ? `${budget.max}` : `${budget.min}-${budget.max}`;
  const over = seconds > budget.max * 60 ? ', over' : '';
  return `${formatClock(seconds)} of ${range} min${over}`;
}
