import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type NatsServer = { url: string; port: number; /** A cluster node's server name (`node-<route port>`), as stream and consumer info name it; '' for a lone server. */ name: string; log(): string; kill(signal?: NodeJS.Signals): Promise<void>; restart(): Promise<void>; /** SIGSTOP (frozen: its connections stay open, nothing answers) or SIGCONT. */ freeze(frozen: boolean): void };

/**
 * A real nats-server with JetStream in its own folder, on a free port (kept across restarts); with `cluster`,
 * one node of a cluster (its route port and every node's route URL); `maxPayload` its largest message in bytes.
 */
export async function startNatsServer(options: { port?: number; cluster?: { name: string; port: number; routes: string[] }; maxPayload?: number } = {}): Promise<NatsServer> {
  const storeDir = mkdtempSync(join(tmpdir(), 'finishline-nats-'));
  // The largest message it takes (1 MB by default) has no command-line flag: a config file sets it.
  const config = join(storeDir, 'server.conf');
  if (options.maxPayload) writeFileSync(config, `max_payload: ${options.maxPayload}\n`);
  const configArgs = options.maxPayload ? ['-c', config] : [];
  let child: ChildProcess;
  let port = options.port ?? -1;
  let log = '';
  const { cluster } = options;
  const clusterArgs = cluster ? ['-n', `node-${cluster.port}`, '--cluster_name', cluster.name, '--cluster', `nats://127.0.0.1:${cluster.port}`, '--routes', cluster.routes.join(',')] : [];

  async function launch() {
    child = spawn(process.env.NATS_SERVER ?? '/usr/sbin/nats-server', ['-js', '-sd', storeDir, '-a', '127.0.0.1', '-p', String(port), ...clusterArgs, ...configArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    log = '';
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nats-server did not start:\n${log}`)), 20_000);
      const read = (chunk: Buffer) => {
        log += chunk;
        const match = log.match(/Listening for client connections on [\d.]+:(\d+)/);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.on('error', reject);
      child.on('exit', (code) => reject(new Error(`nats-server exited with ${code}:\n${log}`)));
    });
  }
  await launch();
  const server: NatsServer = {
    get url() {
      return `nats://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    name: cluster ? `node-${cluster.port}` : '',
    log: () => log,
    kill(signal = 'SIGTERM') {
      return new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill(signal);
      });
    },
    async restart() {
      await server.kill();
      await launch();
    },
    freeze(frozen) {
      child.kill(frozen ? 'SIGSTOP' : 'SIGCONT');
    },
  };
  return server;
}

export type NatsCluster = { url: string; nodes: NatsServer[]; kill(): Promise<void>; restart(): Promise<void> };

/** A cluster of `size` real nats-servers with JetStream (so streams can keep 3 copies and survive a node's loss). */
export async function startNatsCluster(size = 3): Promise<NatsCluster> {
  const ports = await freePorts(size * 2);
  const routePorts = ports.slice(size);
  const routes = routePorts.map((p) => `nats://127.0.0.1:${p}`);
  const name = `finishline-${process.pid}`;
  const nodes = await Promise.all(routePorts.map((routePort, i) => startNatsServer({ port: ports[i]!, cluster: { name, port: routePort, routes } })));
  return {
    url: nodes.map((n) => n.url).join(','),
    nodes,
    kill: async () => void (await Promise.all(nodes.map((n) => n.kill()))),
    restart: async () => void (await Promise.all(nodes.map((n) => n.restart()))),
  };
}

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}
