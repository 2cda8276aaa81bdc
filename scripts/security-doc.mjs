#!/usr/bin/env node
// Regenerates the role tables of docs/security.md from roles/role_permissions as the migrations
// seed them (`--check`: only compare, exit 1 on a difference). Runs the TypeScript through tsx.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/modules/users/security-doc.ts');
process.exitCode = await main(process.argv.slice(2));
