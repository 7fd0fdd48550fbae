/**
 * Synthetic inputs for the benchmark, from a fixed seed: port lists in every
 * layout the port-list parser accepts, and Markdown pages with an HTML table
 * of list cells and row spans.
 */
import { pick, seeded, type Random } from './random.js';

const words = [
  'Remote', 'Job', 'Entry', 'Network', 'Time', 'Protocol', 'Mail', 'Transfer', 'Secure', 'Relay', 'Gateway',
  'Directory', 'Service', 'Server', 'Login', 'Name', 'Message', 'Data', 'Control', 'Management', 'Printer',
];
const protocols = ['TCP UDP', 'TCP', 'UDP', 'TCP UDP'];

function name(random: Random): string {
  const count = 2 + Math.floor(random() * 4);
  return Array.from({ length: count }, () => pick(random, words)).join(' ');
}

/**
 * Assigned ports cycle through 0–59999, so large lists repeat ports (and
 * exercise merging). Unassigned ranges sit at 60000 and above, as registries
 * keep them apart, except one in 1,000 that overlaps assigned ports.
 */
const portOf = (index: number) => (index * 7) % 60000;
const rangeStartOf = (index: number) => (index % 1000 === 5 ? portOf(index) : 60000 + (index % 5000));

/** The text of one entry in the layout `layout`; all layouts the parser reads. */
function entry(random: Random, index: number, layout: number): string {
  const port = portOf(index);
  const protocol = pick(random, protocols);
  const rfc = 100 + Math.floor(random() * 9000);
  switch (layout) {
    case 0:
      return `${port}\t${protocol}\t${name(random)} RFC ${rfc}.\n\t${name(random)}. More\t`;
    case 1:
      return `${port} ${protocol}\n\n${name(random)}\n\nRFC ${rfc}.`;
    case 2:
      return `- ${port}\n\n${protocol}\n\n${name(random)}`;
    case 3:
      return `${port} ${protocol} **${name(random)}**\nRFC ${rfc} and RFC ${rfc + 1}.`;
    case 4:
      return `${port} TCP **${name(random)} |**\nUDP **${name(random)}**`;
    case 5: {
      const start = rangeStartOf(index);
      return `${start}-${Math.min(65535, start + 3)}\t${protocol}\tUnassigned`;
    }
    default:
      return `${port}\t${protocol}\t**${name(random)}** \`code\` [link](#)\n\t<i>${name(random)}</i>\t`;
  }
}

/** A port list of `entries` entries, with a section heading every 10 and a separator every 50. */
export function generatePortList(entries: number, seed = 42): string {
  const random = seeded(seed);
  const parts: string[] = ['Port Numbers', ''];
  for (let index = 0; index < entries; index++) {
    if (index % 10 === 0) parts.push(`${portOf(index)}-${portOf(index) + 9}`, '');
    parts.push(entry(random, index, index % 7), '');
    if (index % 50 === 49) parts.push('---------\t---------\t---------', '');
  }
  return parts.join('\n');
}

/**
 * A Markdown page with JSON front matter and one HTML table of `rows` rows:
 * Component, Port and Protocol columns; one row in 5 has list cells pairing
 * configuration keys with ports, one in 20 spans its protocol over two rows.
 */
export function generateTablePage(rows: number, seed = 7): { page: string; table: string } {
  const random = seeded(seed);
  const lines = ['<table>', '<thead>', '<tr><th>Component</th><th><p>Port</p></th><th>Protocol</th></tr>', '</thead>', '<tbody>'];
  let spanning = false;
  for (let index = 0; index < rows; index++) {
    const port = 1024 + (index % 60000);
    const protocolCell = spanning ? '' : index % 20 === 0 ? '<td rowspan="2">TCP</td>' : '<td>TCP</td>';
    spanning = index % 20 === 0;
    if (index % 5 === 0) {
      lines.push(
        `<tr><td><p><span>${name(random)}</span></p>\n<ul>\n<li>k${index}.a</li>\n<li>k${index}.b</li>\n</ul></td>` +
          `<td><p>\u00a0</p>\n<ul>\n<li>${port}</li>\n<li>${port + 1}</li>\n</ul></td>${protocolCell}</tr>`,
      );
    } else {
      lines.push(`<tr><td>${name(random)}</td><td>${port}</td>${protocolCell}</tr>`);
    }
  }
  lines.push('</tbody>', '</table>');
  const table = lines.join('\n');
  return { table, page: `{ "title": "Bench" }Intro paragraph.\n\n${table}\n\nLegend:\n\n- Remote: a legend entry\n` };
}
