import { UsageError } from '../errors.js';

/** The canonical name of an IANA time zone (`asia/tokyo` → `Asia/Tokyo`), or undefined if unknown. */
export function canonicalTimeZone(name: string): string | undefined {
  if (name.trim() === '') return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * The zone scorecards show times in: `--tz` when given (an unknown name is a usage error), else
 * the interviewer's own (`TZ`, else the system's), else UTC.
 */
export function resolveTimeZone(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  if (flag !== undefined) {
    const zone = canonicalTimeZone(flag);
    if (!zone) throw new UsageError(`--tz expects an IANA time zone such as Europe/Paris, America/New_York or UTC, got "${flag}"`);
    return zone;
  }
  const fromEnv = env.TZ ? canonicalTimeZone(env.TZ.replace(/^:/, '')) : undefined;
  // With an unusable TZ the system zone can come back undefined.
  return fromEnv ?? canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? '') ?? 'UTC';
}

/** A moment's wall-clock reading in a zone. */
export interface ZonedTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** Minutes ahead of UTC. */
  offset: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const two = (n: number) => String(n).padStart(2, '0');

export function zonedTime(at: Date, timeZone: string): ZonedTime {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const [year, month, day, hour, minute, second] = [part('year'), part('month'), part('day'), part('hour'), part('minute'), part('second')];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  return { year, month, day, hour, minute, offset: Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000) };
}

/** `Mon 2 Mar 2026`. */
export function formatDay(t: ZonedTime): string {
  return `${WEEKDAYS[new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay()]} ${t.day} ${MONTHS[t.month - 1]} ${t.year}`;
}

/** `14:05`. */
export const formatHour = (t: ZonedTime) => `${two(t.hour)}:${two(t.minute)}`;

/** `Europe/Paris (UTC+01:00)`, or `UTC`. */
export function zoneLabel(timeZone: string, offset: number): string {
  if (timeZone === 'UTC') return 'UTC';
  const sign = offset < 0 ? '−' : '+';
  const abs = Math.abs(offset);
  return `${timeZone} (UTC${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)})`;
}

const sameDay = (a: ZonedTime, b: ZonedTime) => a.year === b.year && a.month === b.month && a.day === b.day;

/** The date and the span of an interview in a zone: `Mon 2 Mar 2026`, `11:00–11:45 Europe/Paris (UTC+01:00)`. */
export function formatSpan(from: Date, to: Date, timeZone: string): { date: string; time: string } {
  if (Number.isNaN(from.getTime())) return { date: '—', time: '—' };
  if (Number.isNaN(to.getTime())) to = from;
  const start = zonedTime(from, timeZone);
  const end = zonedTime(to, timeZone);
  const until = sameDay(start, end) ? formatHour(end) : `${formatDay(end)} ${formatHour(end)}`;
  const span = formatHour(start) === until ? formatHour(start) : `${formatHour(start)}–${until}`;
  return { date: formatDay(start), time: `${span} ${zoneLabel(timeZone, start.offset)}` };
}

/** A duration in whole minutes: `<1 min`, `4 min`. */
export function formatMinutes(seconds: number): string {
  return seconds < 30 ? '<1 min' : `${Math.round(seconds / 60)} min`;
}
