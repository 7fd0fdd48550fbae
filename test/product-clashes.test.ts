/**
 * Product clashes in the committed conflict report, each checked by hand
 * against the two pages: the port, both products, what each page calls the
 * port, and the lines that say so. A vendor choosing a default port asks
 * exactly this, so these answers are pinned, not just counted.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Side {
  portStart: number;
  portEnd: number;
  protocol: string;
  name: string | null;
  product: string | null;
  sources: string[];
}

const report = JSON.parse(readFileSync('output/conflicts.json', 'utf8')) as { conflicts: { kind: string; sides: Side[] }[] };

/** `Product: name [source:line, …]`, as a person reads the side. */
const said = (side: Side) => `${side.product ?? ''}: ${side.name ?? ''} [${side.sources.join(', ')}]`;

/** The sides of the product clash whose shared ports are exactly `port`, or null. */
function clashAt(port: number, protocol: string): string[] | null {
  const clash = report.conflicts.find(
    (conflict) =>
      conflict.kind === 'product-clash' &&
      conflict.sides.every((side) => side.protocol === protocol) &&
      Math.max(...conflict.sides.map((side) => side.portStart)) === port &&
      Math.min(...conflict.sides.map((side) => side.portEnd)) === port,
  );
  return clash ? clash.sides.map(said) : null;
}

describe('the committed conflict report names the product clashes the pages show, every product on the port in one clash', () => {
  it.each<[number, string, string[]]>([
    // GitLab's defaults table, row Elastic search: 9200. Graylog's ports list-table: "Graylog to Elasticsearch – 9200 (tcp)". OpenSearch: "9200 | OpenSearch REST API".
    [9200, 'tcp', ['GitLab: Elastic search [gitlab-omnibus:37]', 'Graylog: Graylog to Elasticsearch [graylog:23]', 'OpenSearch: OpenSearch REST API [opensearch:65]']],
    // GitLab's Consul row: 8300, 8301(UDP), 8500, 8600. Longhorn: the Instance Manager's process-manager service on 8500 (Longhorn Manager's egress, and the Instance Manager's ingress).
    [8500, 'tcp', ['GitLab: Consul [gitlab-omnibus:49]', 'Longhorn: Instance Manager [longhorn:40, longhorn:58]']],
    // GitLab's PostgreSQL row (Alternative: Port (5432)); iRedMail's table: 5432 postgresql PostgreSQL.
    [5432, 'tcp', ['GitLab: PostgreSQL [gitlab-omnibus:21]', 'iRedMail: PostgreSQL [iredmail-network-ports:112]']],
    // Centreon's flows: DBMS server, MySQL, TCP 3306 (two tables). Percona XtraDB Cluster: "3306 is used for MySQL client connections and SST". iRedMail: 3306 mysql MySQL/MariaDB.
    [
      3306,
      'tcp',
      [
        'Centreon: MySQL [centreon-network-flows:20, centreon-network-flows:41]',
        'Percona XtraDB Cluster: MySQL client connections and SST (State Snapshot Transfer) via mysqldump [pxc-secure-network:18]',
        'iRedMail: MySQL/MariaDB [iredmail-network-ports:105]',
      ],
    ],
    // Jaeger's collector table: 4317 gRPC, OTLP. The OpenTelemetry Collector's quick start: "4317 — OTLP over gRPC".
    [4317, 'tcp', ['Jaeger: Accepts traces in OpenTelemetry OTLP format (Protobuf). [jaeger:108]', 'OpenTelemetry Collector: OTLP over gRPC, the default for most SDKs [otel-collector:87]']],
    // Sensu Go's backend ports: 2379 gRPC, Sensu storage client. RKE2's inbound rules: 2379 TCP, etcd client port.
    [2379, 'tcp', ['Sensu Go: Sensu storage client: Required for Sensu backends using an external etcd instance [sensu-go:66]', 'RKE2: etcd client port [rke2:140]']],
    // Woodpecker's WOODPECKER_GRPC_ADDR defaults to :9000; Graylog's web interface / API: 9000 (tcp); QuestDB's REST API and Web Console: 9000.
    [9000, 'tcp', ['Woodpecker CI: GRPC_ADDR [woodpecker:644]', 'Graylog: Graylog (web interface / API) [graylog:21]', 'QuestDB: REST API and Web Console [questdb:261]']],
  ])('%i/%s', (port, protocol, sides) => {
    expect(clashAt(port, protocol)).toEqual(sides);
  });
});
