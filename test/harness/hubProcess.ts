import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildHub, hubBundle } from '../../scripts/buildHub';

const root = resolve(import.meta.dirname, '../..');

export type HubProcess = {
  url: string;
  port: number;
  /** The hub process's id (its memory, for a benchmark). */
  readonly pid: number | undefined;
  token: string;
  dataDir: string;
  showFile: string;
  /** Everything the hub printed (stdout and stderr) since it was started. */
  log(): string;
  /** POSTs one command with the operator token; returns status and JSON body. */
  post(command: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  state(): Promise<any>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the hub again on the same port with the same show file. */
  restart(): Promise<void>;
};

/**
 * The hub bundle of a checkout, built once per process: test/globalSetup.ts builds this checkout's before the
 * browser tests (and says so in HUB_BUNDLE_BUILT); a benchmark, or another checkout it compares, gets one
 * built from its sources here, so a hub never runs code older than its src/.
 */
const bundles = new Map<string, Promise<string>>();
function hubBundleOf(checkout: string): Promise<string> {
  if (checkout === root && process.env.HUB_BUNDLE_BUILT === hubBundle(root) && existsSync(hubBundle(root))) return Promise.resolve(hubBundle(root));
  let bundle = bundles.get(checkout);
  if (!bundle) bundles.set(checkout, (bundle = buildHub(checkout)));
  return bundle;
}

/** Starts a real hub process (the same bundle `npm start` runs) on a free port with its own show file. */
export async function startHub(options: { seed?: string; dataDir?: string; templatesDir?: string; env?: Record<string, string>; /** Another checkout to run the hub (and serve the dist/) of: benchmarks compare builds. */ root?: string } = {}): Promise<HubProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'finishline-'));
  const showFile = join(dataDir, 'show.json');
  const token = 'test-token-0123';
  let child: ChildProcess;
  let port = 0;
  let log = '';
  const checkout = resolve(options.root ?? root);
  const bundle = await hubBundleOf(checkout);

  async function launch(wantedPort: number) {
    child = spawn(process.execPath, [...cpuProfileArgs(), bundle], {
      cwd: checkout,
      env: {
        ...process.env,
        PORT: String(wantedPort),
        HOST: '127.0.0.1',
        SHOW_FILE: showFile,
        HUB_TOKEN: token,
        ...(options.seed ? { SEED_SHOW: options.seed } : {}),
        ...(options.templatesDir ? { TEMPLATES_DIR: options.templatesDir } : {}),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    log = '';
    port = await new Promise<number>((resolvePort, reject) => {
      const timer = setTimeout(() => reject(new Error(`hub did not start:\n${log}`)), 60_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        log += chunk;
        const match = log.match(/HUB_READY (\d+)/);
        if (match) {
          clearTimeout(timer);
          resolvePort(Number(match[1]));
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => (log += chunk));
      child.on('exit', (code) => reject(new Error(`hub exited with ${code}:\n${log}`)));
    });
  }

  await launch(0);
  const hub: HubProcess = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    get pid() {
      return child.pid;
    },
    token,
    dataDir,
    showFile,
    log: () => log,
    async post(command, headers = {}) {
      const response = await fetch(`${hub.url}/api/commands`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        body: typeof command === 'string' ? command : JSON.stringify(command),
      });
      return { status: response.status, body: await response.json() };
    },
    async state() {
      return (await fetch(`${hub.url}/api/state`)).json();
    },
    kill(signal = 'SIGTERM') {
      return new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill(signal);
      });
    },
    async restart() {
      await hub.kill('SIGTERM');
      await launch(port);
    },
  };
  return hub;
}

/** Node's flags for a CPU profile of the hub, when HUB_CPU_PROF names a folder (HUB_CPU_PROF_INTERVAL: µs between samples). */
function cpuProfileArgs(): string[] {
  const { HUB_CPU_PROF: dir, HUB_CPU_PROF_INTERVAL: interval } = process.env;
  if (!dir) return [];
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...(interval ? [`--cpu-prof-interval=${interval}`] : [])];
}
