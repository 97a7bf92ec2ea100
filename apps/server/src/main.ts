import { loadConfig } from './config/index.ts';
import { createLogger } from './platform/logging/index.ts';
import { systemClock } from './platform/clock/index.ts';
import { buildApp } from './app.ts';
import { prepareDatabase } from './prepare.ts';
import { createRuntime } from './platform/runtime.ts';
import { DEMO_CUSTOMER, DEMO_LOGINS, DEMO_PASSWORD } from './seed/demo-users.ts';

/** load config → open db → migrate → seed demo data on first run → build app → listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const { handle, seeded } = await prepareDatabase(config, logger);

  const base = { config, db: handle.db, dialect: handle.dialect, clock: systemClock, logger };
  const deps = { ...base, runtime: createRuntime(base) };
  // A worker builds the same module graph (job handlers live in the modules) but serves no HTTP.
  const built = await buildApp(deps);
  if (config.serveHttp) await built.app.listen({ port: config.port, host: config.host });
  if (config.runWorkers) await built.modules.startWorkers();
  if (config.serveHttp) {
    const address = built.app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    printBanner(url, handle.describe, seeded, config.role);
  } else {
    logger.info({ role: config.role, db: handle.describe }, 'worker node: jobs and outbox, no HTTP');
  }
  // Without a listening server nothing else holds the event loop open (the queue's timers are
  // unref'd so they never keep a finished process alive): a worker runs until it is signalled.
  const keepAlive = config.serveHttp ? undefined : setInterval(() => undefined, 60_000);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    built.lifecycle.shuttingDown = true;
    clearInterval(keepAlive);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await built.app.close();
    if (config.runWorkers) await built.modules.stopWorkers();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function printBanner(url: string, db: string, seeded: boolean, role: string): void {
  const lines = [
    '',
    `  安心售后 Anxin is running${role === 'all' ? '' : ` (${role} node)`}`,
    `  URL:       ${url}`,
    `  API docs:  ${url}/docs`,
    `  Database:  ${db}${seeded ? ' (demo data seeded)' : ''}`,
    `  Demo logins (password for all: ${DEMO_PASSWORD}):`,
    ...DEMO_LOGINS.map((l) => `    ${l.username.padEnd(16)} ${l.displayName}`),
    `  Customer portal: ${url}/portal  (phone ${DEMO_CUSTOMER.phone}; the one-time code is written to this log)`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Anxin failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
