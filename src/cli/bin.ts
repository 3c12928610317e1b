#!/usr/bin/env node
import { run } from './main.js';
import { processIO } from './io.js';

const code = await run(process.argv, processIO());
process.exitCode = code;
