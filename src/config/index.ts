/**
 * Configuration: the only module that reads process.env. Every CARTBACK_* variable is validated at
 * start and every problem is reported at once, so an operator fixes a deployment in one pass.
 */
import fs from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { dkimKeyProblem } from '../kernel/dkim-key.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const ROLES = ['all', 'api', 'worker'] as const;
const CLOCKS = ['system', 'virtual'] as const;

const EnvSchema = Type.Object({
  CARTBACK_PORT: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$', description: 'HTTP port (default 4700; 0 picks a free one)' })),
  CARTBACK_HOST: Type.Optional(Type.String({ minLength: 1, description: 'interface to listen on (default 127.0.0.1)' })),
  CARTBACK_DATA_DIR: Type.Optional(Type.String({ minLength: 1, description: 'where the SQLite file lives (default ./data)' })),
  CARTBACK_DATABASE_URL: Type.Optional(Type.String({ pattern: '^(postgres(ql)?://|sqlite:)', description: 'postgres://… switches to PostgreSQL' })),
  CARTBACK_PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s/]+', description: 'base of every link in messages' })),
  CARTBACK_SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://', description: 'smtp://user:pass@host:port; unset = dev mailbox' })),
  CARTBACK_SMTP_POOL: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$', description: 'SMTP connections in the pool (default 5)' })),
  CARTBACK_SMTP_TIMEOUT_MS: Type.Optional(Type.String({ pattern: '^[0-9]{3,6}$', description: 'how long a mail server may stay silent before a send gives up (default 20000; connecting and its greeting get half of it). Before the message was handed over the send is tried again later; during it, never (it may have arrived)' })),
  CARTBACK_LOG_LEVEL: Type.Optional(Type.Union(LOG_LEVELS.map((l) => Type.Literal(l)))),
  CARTBACK_ADMIN_TOKEN: Type.Optional(Type.String({ minLength: 24, description: 'bearer token for /api; generated on first start when unset' })),
  CARTBACK_SECRET: Type.Optional(Type.String({ minLength: 32, description: 'signs links; generated and kept in the database when unset' })),
  CARTBACK_DEMO: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  CARTBACK_DEMO_HISTORY: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')], { description: 'a newly created demo store gets a simulated month of shoppers, marked as demo data and removable in one click (default true)' })),
  CARTBACK_ROLE: Type.Optional(Type.Union(ROLES.map((r) => Type.Literal(r)))),
  CARTBACK_POLL_MS: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$', description: 'engine poll interval in ms (default 200)' })),
  CARTBACK_LEASE_MS: Type.Optional(Type.String({ pattern: '^[0-9]{3,7}$', description: 'how long a worker holds a claimed run before others may take it (default 30000)' })),
  CARTBACK_LINK_SCANNER_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$', description: 'a click this soon after delivery is taken for a mail security scanner, not a person (default 5; 0 turns the rule off)' })),
  CARTBACK_CLOCK: Type.Optional(Type.Union(CLOCKS.map((c) => Type.Literal(c)), { description: 'system (default), or virtual: real time plus an offset kept in the database that PUT /api/clock moves forward, for `cartback simulate` and tests only, never production' })),
  CARTBACK_DNS_SERVER: Type.Optional(Type.String({ minLength: 1, description: "the DNS server doctor's and the API's SPF, DKIM and DMARC checks ask, as IP[:port] ([IPv6]:port); unset: the system's resolvers" })),
  CARTBACK_DKIM_DOMAIN: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$', description: "DKIM: the domain that signs the mail of stores without their own key (d=), normally the senders' domain" })),
  CARTBACK_DKIM_SELECTOR: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$', description: 'DKIM: the selector (s=); the public key is published at <selector>._domainkey.<domain>' })),
  CARTBACK_DKIM_PRIVATE_KEY: Type.Optional(Type.String({ description: 'DKIM: the RSA private key, PEM (at least 1024 bits)' })),
  CARTBACK_DKIM_PRIVATE_KEY_FILE: Type.Optional(Type.String({ description: 'DKIM: a file holding the private key, instead of CARTBACK_DKIM_PRIVATE_KEY (a mounted secret)' })),
});

export type Env = Static<typeof EnvSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  publicUrl: string;
  smtp: { url: string; pool: number } | null;
  /** SMTP: the longest silence of a mail server in ms (connect and greeting: half), for every SMTP server a store uses */
  smtpTimeoutMs: number;
  logLevel: (typeof LOG_LEVELS)[number];
  adminToken: string | null;
  secret: string | null;
  demo: boolean;
  demoHistory: boolean;
  role: (typeof ROLES)[number];
  pollMs: number;
  leaseMs: number;
  /** business time: the system clock, or virtual (simulation and tests only) */
  clock: (typeof CLOCKS)[number];
  /** a click within this many ms of delivery is taken for a scanner (0: the rule is off) */
  linkScannerMs: number;
  /** where the deliverability checks send DNS questions (IP[:port]); null: the system's resolvers */
  dnsServer: string | null;
  /** signs the mail of stores without their own DKIM key */
  dkim: { domainName: string; keySelector: string; privateKey: string } | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('CARTBACK_') && v !== undefined && v !== ''));
  const problems: string[] = [];
  const known = new Set(Object.keys(EnvSchema.properties));
  for (const key of Object.keys(relevant)) {
    if (!known.has(key) && !key.startsWith('CARTBACK_TEST_')) problems.push(`${key} is not a setting Cartback knows (typo?)`);
  }
  const seen = new Set<string>();
  for (const e of Value.Errors(EnvSchema, relevant)) {
    const key = e.instancePath.replace(/^\//, '');
    if (seen.has(key)) continue; // a union reports once per alternative; one line per variable is enough
    seen.add(key);
    const choices = (EnvSchema.properties[key as keyof Env] as { anyOf?: Array<{ const?: string }> } | undefined)?.anyOf?.map((a) => a.const);
    problems.push(`${key}=${JSON.stringify(relevant[key])}: ${choices ? `must be one of ${choices.join(', ')}` : e.message}`);
  }
  const port = Number(relevant.CARTBACK_PORT ?? 4700);
  if (port > 65535) problems.push(`CARTBACK_PORT=${port}: must be at most 65535`);
  const dnsProblem = relevant.CARTBACK_DNS_SERVER ? dnsServerProblem(relevant.CARTBACK_DNS_SERVER) : null;
  if (dnsProblem) problems.push(`CARTBACK_DNS_SERVER=${JSON.stringify(relevant.CARTBACK_DNS_SERVER)}: ${dnsProblem}`);
  const dkim = dkimConfig(relevant, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  const e = relevant as Env;
  const dataDir = path.resolve(e.CARTBACK_DATA_DIR ?? 'data');
  const dbUrl = e.CARTBACK_DATABASE_URL;
  const database: Config['database'] =
    dbUrl && /^postgres/.test(dbUrl)
      ? { kind: 'postgres', url: dbUrl }
      : { kind: 'sqlite', file: dbUrl ? dbUrl.replace(/^sqlite:(\/\/)?/, '') : path.join(dataDir, 'cartback.db') };
  const host = e.CARTBACK_HOST ?? '127.0.0.1';
  return {
    port,
    host,
    dataDir,
    database,
    publicUrl: (e.CARTBACK_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    smtp: e.CARTBACK_SMTP_URL ? { url: e.CARTBACK_SMTP_URL, pool: Number(e.CARTBACK_SMTP_POOL ?? 5) } : null,
    smtpTimeoutMs: Number(e.CARTBACK_SMTP_TIMEOUT_MS ?? 20000),
    logLevel: e.CARTBACK_LOG_LEVEL ?? 'info',
    adminToken: e.CARTBACK_ADMIN_TOKEN ?? null,
    secret: e.CARTBACK_SECRET ?? null,
    demo: (e.CARTBACK_DEMO ?? 'true') === 'true',
    demoHistory: (e.CARTBACK_DEMO_HISTORY ?? 'true') === 'true',
    role: e.CARTBACK_ROLE ?? 'all',
    pollMs: Number(e.CARTBACK_POLL_MS ?? 200),
    leaseMs: Number(e.CARTBACK_LEASE_MS ?? 30000),
    clock: e.CARTBACK_CLOCK ?? 'system',
    linkScannerMs: Number(e.CARTBACK_LINK_SCANNER_SECONDS ?? 5) * 1000,
    dnsServer: e.CARTBACK_DNS_SERVER ?? null,
    dkim,
  };
}

/**
 * The instance's DKIM key: all of domain, selector and key, or none. The key is read (from the
 * variable or its _FILE) and checked here, so a key that cannot sign stops the start instead of
 * every message going out unsigned.
 */
function dkimConfig(env: Record<string, string | undefined>, problems: string[]): Config['dkim'] {
  const { CARTBACK_DKIM_DOMAIN: domain, CARTBACK_DKIM_SELECTOR: selector, CARTBACK_DKIM_PRIVATE_KEY: inline, CARTBACK_DKIM_PRIVATE_KEY_FILE: file } = env;
  if (!domain && !selector && !inline && !file) return null;
  if (inline && file) problems.push('CARTBACK_DKIM_PRIVATE_KEY and CARTBACK_DKIM_PRIVATE_KEY_FILE are both set: give the key one way');
  // An env file cannot hold line breaks: a key written there with \n escapes is taken as PEM.
  let key = inline?.replace(/\\n/g, '\n');
  if (!inline && file) {
    try {
      key = fs.readFileSync(file, 'utf8');
    } catch (err) {
      problems.push(`CARTBACK_DKIM_PRIVATE_KEY_FILE=${JSON.stringify(file)}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
      return null;
    }
  }
  const missing = [!domain && 'CARTBACK_DKIM_DOMAIN', !selector && 'CARTBACK_DKIM_SELECTOR', !key && 'CARTBACK_DKIM_PRIVATE_KEY (or _FILE)'].filter(Boolean);
  if (missing.length) problems.push(`DKIM signing needs ${missing.join(' and ')} as well`);
  const problem = key ? dkimKeyProblem(key) : null;
  if (problem) problems.push(`${file && !inline ? 'CARTBACK_DKIM_PRIVATE_KEY_FILE' : 'CARTBACK_DKIM_PRIVATE_KEY'}: ${problem}`);
  if (missing.length || problem || !domain || !selector || !key) return null;
  return { domainName: domain, keySelector: selector, privateKey: key };
}

/** host[:port] where host is an IP address: Node asks DNS servers by address, never by name. */
function dnsServerProblem(value: string): string | null {
  const m = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(value) ?? /^([^:]+)(?::(\d{1,5}))?$/.exec(value);
  const host = m ? m[1]! : value; // an IPv6 address without brackets and without a port
  if (!isIP(host)) return 'must be an IP address, optionally with a port (203.0.113.53, 203.0.113.53:5353, [2001:db8::53]:53): DNS servers are asked by address';
  if (m?.[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 65535)) return 'the port must be between 1 and 65535';
  return null;
}

/** Every setting with its description, for `cartback doctor` and the README. */
export function describeSettings(): Array<{ name: string; description: string }> {
  return Object.entries(EnvSchema.properties).map(([name, s]) => ({ name, description: (s as { description?: string }).description ?? '' }));
}
