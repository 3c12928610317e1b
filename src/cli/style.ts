import { backgroundColorNames, Chalk, foregroundColorNames, modifierNames, type ChalkInstance } from 'chalk';
import type { OutputStream } from './io.js';
import { markedStyle } from './terminal-safe.js';

/**
 * Colour for one output stream: on for a terminal, off when the stream is not a TTY or
 * `NO_COLOR` is set (any value); `FORCE_COLOR` turns it on for non-terminals.
 * The sequences it writes carry the terminal writer's mark (terminal-safe.ts), so they are
 * the only ones that reach the terminal as colour.
 */
export function createStyle(stream: OutputStream, env: NodeJS.ProcessEnv): ChalkInstance {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const enabled = !noColor && (force || stream.isTTY === true);
  return marked(new Chalk({ level: enabled ? 1 : 0 }));
}

export type Style = ChalkInstance;

/** Chained styles (`style.red.bold`) and colour models (`style.hex('#f00')`) of a chalk instance. */
const STYLE_NAMES = new Set<string>([...modifierNames, ...foregroundColorNames, ...backgroundColorNames, 'visible']);
const STYLE_FACTORIES = new Set(['rgb', 'hex', 'ansi256', 'bgRgb', 'bgHex', 'bgAnsi256']);

const markedInstances = new WeakMap<ChalkInstance, ChalkInstance>();

/** The same chalk instance, with every string it returns passed through `markedStyle`. */
function marked(instance: ChalkInstance): ChalkInstance {
  const known = markedInstances.get(instance);
  if (known) return known;
  // The proxy's target is a stand-in: chalk caches each chained style as a read-only property,
  // and a proxy may not return anything else for a read-only property of its own target.
  const proxy = new Proxy((() => '') as unknown as ChalkInstance, {
    apply(_target, _this, args: unknown[]) {
      return markedStyle((text) => instance(text), args.length === 1 ? String(args[0]) : args.join(' '));
    },
    get(_target, property) {
      const value: unknown = Reflect.get(instance, property, instance);
      if (typeof property !== 'string' || typeof value !== 'function') return value;
      if (STYLE_NAMES.has(property)) return marked(value as ChalkInstance);
      if (STYLE_FACTORIES.has(property)) return (...args: unknown[]) => marked((value as (...a: unknown[]) => ChalkInstance).apply(instance, args));
      return value;
    },
    set(_target, property, value: unknown) {
      return Reflect.set(instance, property, value, instance);
    },
  });
  markedInstances.set(instance, proxy);
  return proxy;
}
