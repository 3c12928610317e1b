import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/fixtures.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = mkdtempSync(path.join(os.tmpdir(), 'qbank-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the published package', () => {
  it('installs from its tarball and runs qbank --version and qbank list', () => {
    expect(existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'bin.js')), 'run "npm run build" first').toBe(true);
    execFileSync(npm, ['pack', '--pack-destination', work, '--silent'], { cwd: REPO_ROOT, stdio: 'pipe' });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const app = path.join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'qbank-pack-check', version: '1.0.0', private: true }));
    execFileSync(npm, ['install', path.join(work, tarball as string), '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app, stdio: 'pipe' });
    const bin = path.join(app, 'node_modules', '.bin', 'qbank');
    const env = { ...process.env, NO_COLOR: '1', QBANK_BANK: '', QBANK_HOME: path.join(work, 'home') };
    const version = execFileSync(bin, ['--version'], { cwd: app, env, encoding: 'utf8' }).trim();
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    const list = JSON.parse(execFileSync(bin, ['list', '--json'], { cwd: app, env, encoding: 'utf8' })) as Array<{ id: string; file: string }>;
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(list.every((q) => q.file.includes(path.join('node_modules', 'qbank', 'questions')))).toBe(true);
    // Exit code 0 (execFileSync throws otherwise): no errors; content-quality warnings may remain.
    const lint = execFileSync(bin, ['lint'], { cwd: app, env, encoding: 'utf8' });
    expect(lint).toMatch(/no problems|\(0 errors, \d+ warnings?\)/);
  }, 240_000);
});
