import { Chalk, type ChalkInstance } from 'chalk';
import type { OutputStream } from './io.js';

/**
 * Colour for one output stream: on for a terminal, off when the stream is not a TTY or
 * `NO_COLOR` is set (any value); `FORCE_COLOR` turns it on for non-terminals.
 */
export function createStyle(stream: OutputStream, env: NodeJS.ProcessEnv): ChalkInstance {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const enabled = !noColor && (force || stream.isTTY === true);
  return new Chalk({ level: enabled ? 1 : 0 });
}

export type Style = ChalkInstance;
