#!/usr/bin/env node
// Entry point of the `kansrijk` command. The sources are TypeScript; tsx compiles them on
// load, so an install needs no separate build step (npm install && npm start).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
