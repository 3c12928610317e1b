import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import { chooseFormat } from '../../src/cli/interview/output.js';
import { SCORECARD_EXTENSIONS } from '../../src/cli/interview/sessions.js';
import { canonicalTimeZone, formatMinutes, formatSpan, resolveTimeZone } from '../../src/cli/interview/time-zone.js';
import type { SessionRecord } from '../../src/core/interview/records.js';
import { runCli } from '../helpers/cli.js';
import { defaults, drive, machine, meta, workspace } from './helpers.js';
import { attr, elements, textOf } from './html.js';

let ws: ReturnType<typeof workspace>;
let session: string;
beforeAll(async () => {
  ws = workspace();
  // A finished session with fixed times (from 2026-03-02T10:00:00Z, 30 s a step), so the
  // times on its scorecard are known in every zone.
  const run = drive(await machine(), defaults);
  const log: SessionRecord[] = [{ v: 1, type: 'start', at: meta().startedAt, session: meta() }, ...run.effects.map((e) => e.record)];
  session = path.join(ws.root, 'fixed.jsonl');
  writeFileSync(session, log.map((r) => JSON.stringify(r)).join('\n') + '\n');
});
afterAll(() => ws.cleanup());

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { env: { QBANK_HOME: ws.home, QBANK_BANK: ws.bank, ...env }, cwd: ws.root });
const overviewTime = (html: string) => {
  const dd = elements(parse(html)).filter((el) => el.tagName === 'div' && textOf(el).startsWith('Time'));
  return dd.map((el) => textOf(el.childNodes[1]!))[0];
};

describe('time zones', () => {
  it.each([
    ['Europe/Paris', 'Europe/Paris'],
    ['asia/tokyo', 'Asia/Tokyo'],
    ['UTC', 'UTC'],
    ['US/Eastern', 'America/New_York'],
    ['Mars/Olympus', undefined],
    ['+01:00', undefined],
    ['', undefined],
  ])('%j is %j', (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical);
  });

  it('takes --tz, else TZ, else the system zone; an unknown --tz is a usage error', () => {
    expect(resolveTimeZone('asia/tokyo', { TZ: 'Europe/Paris' })).toBe('Asia/Tokyo');
    expect(resolveTimeZone(undefined, { TZ: ':Europe/Paris' })).toBe('Europe/Paris');
    expect(canonicalTimeZone(resolveTimeZone(undefined, { TZ: 'Nowhere/Else' }))).toBeDefined();
    expect(() => resolveTimeZone('Mars/Olympus', {})).toThrow(UsageError);
    expect(() => resolveTimeZone('Mars/Olympus', {})).toThrow('--tz expects an IANA time zone such as Europe/Paris, America/New_York or UTC, got "Mars/Olympus"');
  });

  it.each([
    ['2026-03-02T10:00:00Z', '2026-03-02T10:45:10Z', 'UTC', 'Mon 2 Mar 2026', '10:00–10:45 UTC'],
    ['2026-03-02T10:00:00Z', '2026-03-02T10:00:40Z', 'Europe/Paris', 'Mon 2 Mar 2026', '11:00 Europe/Paris (UTC+01:00)'],
    ['2026-07-02T10:00:00Z', '2026-07-02T10:30:00Z', 'Europe/London', 'Thu 2 Jul 2026', '11:00–11:30 Europe/London (UTC+01:00)'],
    ['2026-03-08T06:30:00Z', '2026-03-08T07:15:00Z', 'America/New_York', 'Sun 8 Mar 2026', '01:30–03:15 America/New_York (UTC−05:00)'],
    ['2026-03-02T22:40:00Z', '2026-03-02T23:20:00Z', 'Europe/Berlin', 'Mon 2 Mar 2026', '23:40–Tue 3 Mar 2026 00:20 Europe/Berlin (UTC+01:00)'],
    ['2026-03-02T10:00:00Z', '2026-03-02T10:20:00Z', 'Asia/Kathmandu', 'Mon 2 Mar 2026', '15:45–16:05 Asia/Kathmandu (UTC+05:45)'],
  ])('%s to %s in %s is %s, %s', (from, to, zone, date, time) => {
    expect(formatSpan(new Date(from), new Date(to), zone)).toEqual({ date, time });
  });

  it.each([
    [0, '<1 min'],
    [29, '<1 min'],
    [30, '1 min'],
    [200, '3 min'],
    [2700, '45 min'],
    [5430, '91 min'],
  ])('%d seconds is %s', (seconds, text) => {
    expect(formatMinutes(seconds)).toBe(text);
  });
});

describe('qbank scorecard --tz', () => {
  it('shows the times in the zone given, named', async () => {
    const html = await cli(['scorecard', session, '--format', 'html', '--tz', 'Asia/Tokyo']);
    expect(html.stderr).toBe('');
    expect(overviewTime(html.stdout)).toMatch(/^19:00–19:\d\d Asia\/Tokyo \(UTC\+09:00\)$/);
    const md = await cli(['scorecard', session, '--tz', 'america/new_york']);
    expect(md.stdout).toMatch(/^\| Time \| 05:00–05:\d\d America\/New\\_York \(UTC−05:00\) \|$/m);
    expect(md.stdout).toContain('| Date | Mon 2 Mar 2026 |');
  });

  it("uses the interviewer's zone (TZ) by default, and keeps JSON in UTC", async () => {
    const html = await cli(['scorecard', session, '--format', 'html'], { TZ: 'Europe/Paris' });
    expect(overviewTime(html.stdout)).toMatch(/^11:00–11:\d\d Europe\/Paris \(UTC\+01:00\)$/);
    const json = await cli(['scorecard', session, '--format', 'json', '--tz', 'Asia/Tokyo']);
    expect(JSON.parse(json.stdout)).toMatchObject({ startedAt: '2026-03-02T10:00:00.000Z' });
  });

  it.each([
    [['scorecard', 'SESSION', '--tz', 'Mars/Olympus']],
    [['scorecard', 'SESSION', '--tz', '+09:00', '--format', 'json']],
    [['interview', '--candidate', 'Ana', '--plan', 'plan.yaml', '--tz', 'Mars/Olympus']],
  ])('refuses an unknown zone: %j', async (args) => {
    const home = path.join(ws.root, 'home-tz');
    const run = await cli(args.map((a) => (a === 'SESSION' ? session : a)), { QBANK_HOME: home });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^qbank: --tz expects an IANA time zone such as Europe\/Paris, America\/New_York or UTC, got "[^"]+"\n$/);
    expect(run.stdout).toBe('');
    expect(existsSync(path.join(home, 'interviews'))).toBe(false);
  });
});

describe('--out names a format qbank writes, or is refused', () => {
  it.each([
    ['card.pdf', /^qbank: --out card\.pdf: qbank does not write \.pdf files; it writes md \(\.md\), json \(\.json\) or html \(\.html\); for a PDF, write \.html and print it from a browser\n$/],
    ['card.txt', /^qbank: --out card\.txt: qbank does not write \.txt files; it writes md \(\.md\), json \(\.json\) or html \(\.html\)\n$/],
    ['notes/card.docx', /^qbank: --out notes\/card\.docx: qbank does not write \.docx files; it writes md/],
  ])('scorecard --out %s', async (out, message) => {
    const run = await cli(['scorecard', session, '--out', out]);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(existsSync(path.join(ws.root, out))).toBe(false);
  });

  it('refuses before an interview starts, so no session is left behind', async () => {
    const home = path.join(ws.root, 'home-out');
    const run = await cli(['interview', '--candidate', 'Ana', '--plan', 'plan.yaml', '--out', 'card.pdf'], { QBANK_HOME: home });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^qbank: --out card\.pdf: qbank does not write \.pdf files; it writes md \(\.md\), json \(\.json\) or html \(\.html\)/);
    expect(existsSync(path.join(home, 'interviews'))).toBe(false);
  });

  it('refuses an extension that contradicts --format, and a panel file it cannot write', async () => {
    const clash = await cli(['scorecard', session, '--format', 'json', '--out', 'card.html']);
    expect(clash.stderr).toBe('qbank: --out card.html names the html format but --format is json; drop --format or name the file .json\n');
    expect(clash.code).toBe(2);
    const merge = await cli(['scorecard', 'merge', 'a.json', 'b.json', '--out', 'panel.pdf']);
    expect(merge.stderr).toBe('qbank: --out panel.pdf: qbank does not write .pdf files; it writes text (.txt), md (.md) or json (.json)\n');
    expect(merge.code).toBe(2);
  });

  it('writes each format its extensions name', async () => {
    for (const [file, check] of [
      ['card.HTML', (text: string) => expect(elements(parse(text)).filter((el) => attr(el, 'id') === 'recommendation')).toHaveLength(1)],
      ['card.htm', (text: string) => expect(text).toMatch(/^<!doctype html>/)],
      ['card.markdown', (text: string) => expect(text).toMatch(/^# Interview scorecard: Ana Lima\n/)],
      ['card.json', (text: string) => expect(JSON.parse(text)).toMatchObject({ format: 'qbank-scorecard' })],
    ] as const) {
      const run = await cli(['scorecard', session, '--out', file, '--tz', 'UTC']);
      expect(run.stderr).toBe(`qbank: wrote ${file}\n`);
      check(readFileSync(path.join(ws.root, file), 'utf8'));
    }
  });

  it.each([
    [undefined, undefined, 'md'],
    [undefined, '-', 'md'],
    [undefined, 'card', 'md'],
    ['html', 'card', 'html'],
    ['markdown', 'card.md', 'md'],
    ['HTML', undefined, 'html'],
    [undefined, 'out.d/card.JSON', 'json'],
  ])('--format %s --out %s is %s', (flag, out, format) => {
    expect(chooseFormat(flag, out, SCORECARD_EXTENSIONS, 'md')).toBe(format);
  });
});
