/** This package's name and version, for --version and the dataset's `generator`. */
import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

export const generator = { name: packageJson.name, version: packageJson.version } as const;
