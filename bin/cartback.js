#!/usr/bin/env node
// The `cartback` command. Cartback ships as TypeScript and runs it through tsx's loader,
// so there is no separate build step between a checkout and a running service.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
