/**
 * A record's key on the page (each result row's `data-key`), so a reader or
 * a test can tell which record a row shows: its role, ports, protocol,
 * status, names and every source line, which together tell any two records
 * of one build apart.
 */
import type { PortRecord, Role } from '../model/record.js';

/** `catalog|6801-6801/tcp|assigned||Secure Relay MA|Transfer CFT|ma.comm_port|transfer-cft-ports:56` (no keyword). */
export function recordKey(role: Role, record: PortRecord): string {
  const sources = record.sources.map(({ source, line }) => `${source}:${line}`).join(',');
  return [role, `${record.portStart}-${record.portEnd}/${record.protocol}`, record.status, record.serviceName ?? '', record.name ?? '', record.product ?? '', record.configKey ?? '', sources].join('|');
}
