/** A built file's JSON, read by the query commands. */

/** A built file that is not what `build` writes; `file` is its name in the output folder. */
export class BuiltFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'BuiltFileError';
  }
}

/** The JSON of a built file's text; a text that is none is an Error naming the file. */
export function parseBuilt(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // JSON.parse explains itself only in its message.
    throw new BuiltFileError(name, `Unexpected content in ${name} (${error instanceof Error ? error.message : String(error)}), expected the file \`build\` writes`);
  }
}
