#!/usr/bin/env node
import { run } from './main.js';
import { processIO } from './io.js';

// `qbank list | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const code = await run(process.argv, processIO());
process.exitCode = code;
