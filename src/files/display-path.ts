/** How the command line names a path in what it prints. */
import path from 'node:path';

/** Paths in messages are relative to the working directory, as compilers print them. */
export function displayPath(filePath: string): string {
  return path.relative(process.cwd(), filePath) || filePath;
}
