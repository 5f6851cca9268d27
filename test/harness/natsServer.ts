import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type NatsServer = { url: string; port: number; log(): string; kill(signal?: NodeJS.Signals): Promise<void>; restart(): Promise<void> };

/** A real nats-server with JetStream in its own folder, on a free port (kept across restarts). */
export async function startNatsServer(): Promise<NatsServer> {
  const storeDir = mkdtempSync(join(tmpdir(), 'finishline-nats-'));
  let child: ChildProcess;
  let port = -1;
  let log = '';

  async function launch() {
    child = spawn(process.env.NATS_SERVER ?? '/usr/sbin/nats-server', ['-js', '-sd', storeDir, '-a', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
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
  };
  return server;
}
