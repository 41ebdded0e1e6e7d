#!/usr/bin/env node
// The `duet` command. Duet runs its TypeScript directly through tsx's loader,
// so there is no build step between editing the server and running it.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli.ts');
process.exitCode = await main(process.argv.slice(2));
