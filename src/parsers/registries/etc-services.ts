/**
 * Parser for the `/etc/services` format: `name port/protocol [aliases…] [# comment]`.
 * Comment-only and blank lines are structure; the comment after an entry is
 * its human-readable name. Split with string operations, not one regex, so a
 * hostile line costs time in proportion to its length.
 */
import type { VFile } from 'vfile';
import { readPortSlashProtocol } from '../../grammar/port-cell.js';
import { reporterFor } from '../../model/messages.js';
import { sourceEntry, type LineRole, type ParseResult, type SourceEntry } from '../../model/source-entry.js';


/** Reads every entry. Reports problems on `file`; never throws. */
export function parseEtcServices(file: VFile): ParseResult {
  const report = reporterFor(file, 'etc-services');
  const lines = String(file.value).split('\n');
  const roles: LineRole[] = [];
  const entries: SourceEntry[] = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    const hash = text.indexOf('#');
    const body = (hash >= 0 ? text.slice(0, hash) : text).trim();
    const comment = hash >= 0 ? text.slice(hash + 1).trim() : '';
    if (body === '') {
      roles.push(text.trim() === '' ? 'blank' : 'structure');
      return;
    }
    const [service = '', where = '', ...aliases] = body.split(/\s+/);
    const match = readPortSlashProtocol(where);
    if (!match) {
      roles.push('diagnostic');
      report('port-protocol', `Unexpected \`${where || body}\`, expected \`port/protocol\` after the service name`, {
        line,
        column: text.indexOf(where || body) + 1,
      });
      return;
    }
    roles.push('entry');
    entries.push(
      sourceEntry({
        place: { line, column: 1 },
        portPlace: { line, column: text.indexOf(where) + 1 },
        port: match.port,
        protocols: [match.protocol],
        serviceName: service,
        name: comment || null,
        aliases,
      }),
    );
  });
  return { entries, documentTitle: null, lineRoles: roles };
}
