#!/usr/bin/env node
// The command line runs the TypeScript sources directly through tsx's loader, so it works right
// after `npm ci` with no build step. tsImport scopes the loader to this import.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
