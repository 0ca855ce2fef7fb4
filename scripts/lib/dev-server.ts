import { searchAttributesForCli } from '../../src/messages/search-attributes';

/**
 * How the Temporal CLI's dev server is started, in one place for `npm start`, the benchmarks and the
 * tests: on loopback, with the product's search attributes, in memory or persisting to SQLite, with
 * or without its Web UI.
 */
export interface DevServerOptions {
  port: number;
  /** Persist to this SQLite file; in memory without it. */
  dbFile?: string;
  /** The Web UI on this port (and decrypting through the codec server); headless without it. */
  ui?: { port: number; codecEndpoint?: string };
  httpPort?: number;
  metricsPort?: number;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

export function devServerArgs(options: DevServerOptions): string[] {
  return [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    ...(options.ui
      ? [
          '--ui-port',
          String(options.ui.port),
          ...(options.ui.codecEndpoint ? ['--ui-codec-endpoint', options.ui.codecEndpoint] : []),
        ]
      : ['--headless']),
    ...(options.httpPort ? ['--http-port', String(options.httpPort)] : []),
    ...(options.metricsPort ? ['--metrics-port', String(options.metricsPort)] : []),
    ...(options.dbFile ? ['--db-filename', options.dbFile] : []),
    '--log-level',
    options.logLevel ?? 'error',
    ...searchAttributesForCli().flatMap((attribute) => ['--search-attribute', attribute]),
  ];
}
