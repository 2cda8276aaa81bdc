import fs from 'node:fs';

let version: string | undefined;

/** The product's version as package.json gives it, written into each backup's manifest. */
export function productVersion(): string {
  version ??= (JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
