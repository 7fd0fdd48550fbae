/** This package's name and version, for --version and the dataset's `generator`. */
import { readFileSync } from 'node:fs';
import { packageFile } from './model/package-files.js';

const packageJson = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as {
  name: string;
  version: string;
};

export const generator = { name: packageJson.name, version: packageJson.version } as const;
