// Child processes under test: the real server (src/main.ts) and the bare-stack server, each on
// loopback, each started with `node --import tsx` exactly as an operator would run it.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface Child {
  url: string;
  pid: number;
  /** Last lines of stdout/stderr, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => res(port));
    });
  });
}

function start(
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    cwd: SERVER_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (b: Buffer) => {
    tail = (tail + b.toString('utf8')).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { child, output: () => tail };
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
}

async function waitFor(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`process exited with ${child.exitCode} before it was ready:\n${output()}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (r.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`not ready after ${timeoutMs} ms (${url}):\n${output()}`);
}

/** The real server, as in production but without demo seeding or background workers. */
export async function startAppServer(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<Child> {
  const port = await freePort();
  const { child, output } = start(
    'src/main.ts',
    {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      ANXIN_PORT: String(port),
      ANXIN_HOST: '127.0.0.1',
      ANXIN_SEED_DEMO: 'never',
      ANXIN_WORKERS: 'off',
      ANXIN_LOG_LEVEL: 'warn',
      ANXIN_LOGIN_RATE_PER_MIN: '1000000',
      ...extraEnv,
    },
    nodeArgs,
  );
  const url = `http://127.0.0.1:${port}`;
  // Generous: under load, compiling the server with tsx alone can take minutes on 2 cores.
  await waitFor(`${url}/healthz`, child, output, 600_000);
  return { url, pid: child.pid!, output, stop: stopper(child) };
}

export async function startBareServer(databaseUrl: string): Promise<Child> {
  const port = await freePort();
  const { child, output } = start('bench/bare-server.ts', {
    DATABASE_URL: databaseUrl,
    BARE_PORT: String(port),
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/rows/bare-000000`, child, output, 120_000);
  return { url, pid: child.pid!, output, stop: stopper(child) };
}
