#!/usr/bin/env node
// `npx eis …`: the CLI lives in TypeScript; Node 24 runs it directly.
import '../src/main.ts';
