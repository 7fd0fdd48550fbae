/** A built file's JSON, read by the query commands. */

/** The JSON of a built file's text; a text that is none is an Error naming the file. */
export function parseBuilt(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // JSON.parse explains itself only in its message.
    throw new Error(`Unexpected content in ${name} (${error instanceof Error ? error.message : String(error)}), expected the file \`build\` writes`);
  }
}
