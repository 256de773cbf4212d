/**
 * MongoDB connection strings, read without the driver: which hosts, which user, whether a password is in
 * it, and the same string with the password taken out. `mongodb://` may list several hosts, which URL
 * cannot parse; `mongodb+srv://` names one host whose DNS SRV record lists the servers.
 */

export interface MongoHost {
  host: string;
  /** Absent for `mongodb+srv://`, whose ports come from DNS; otherwise the given port or 27017. */
  port: number | undefined;
}

export interface MongoUri {
  scheme: 'mongodb' | 'mongodb+srv';
  username: string | undefined;
  password: string | undefined;
  hosts: MongoHost[];
  /** The path part: the database users authenticate against when authSource is not given. */
  defaultDb: string | undefined;
  /** Options in their order, names as written. */
  options: [string, string][];
}

/** A connection string that cannot be read; `message` says what is wrong without repeating the string. */
export class MongoUriError extends Error {
  override name = 'MongoUriError';
}

function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new MongoUriError(`the ${what} has a malformed %-escape`);
  }
}

function parseHost(text: string, srv: boolean): MongoHost {
  let host: string;
  let portText: string | undefined;
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    if (end < 0) throw new MongoUriError(`host "${text}" opens "[" without closing it`);
    host = text.slice(0, end + 1);
    const rest = text.slice(end + 1);
    if (rest && !rest.startsWith(':')) throw new MongoUriError(`host "${text}" has text after "]"`);
    portText = rest ? rest.slice(1) : undefined;
  } else {
    const colon = text.lastIndexOf(':');
    host = colon >= 0 ? text.slice(0, colon) : text;
    portText = colon >= 0 ? text.slice(colon + 1) : undefined;
  }
  if (!host || /[\s/?#@]/.test(host)) throw new MongoUriError(`"${text}" is not a host name`);
  if (srv && portText !== undefined) throw new MongoUriError('a mongodb+srv:// address takes no port (DNS gives the ports)');
  let port: number | undefined = srv ? undefined : 27017;
  if (portText !== undefined) {
    port = Number(portText);
    if (!/^\d+$/.test(portText) || port < 1 || port > 65535) throw new MongoUriError(`port "${portText}" of host ${host} is not a port number`);
  }
  return { host: host.toLowerCase(), port };
}

/** Parse a MongoDB connection string; throws MongoUriError naming the part that is wrong. */
export function parseMongoUri(uri: string): MongoUri {
  const m = /^(mongodb(?:\+srv)?):\/\/(.*)$/s.exec(uri.trim());
  if (!m) throw new MongoUriError('it must start with mongodb:// or mongodb+srv://');
  const scheme = m[1] as MongoUri['scheme'];
  const rest = m[2] as string;
  // Passwords often hold "/" or "@" unescaped; the user part ends at the last "@" before the options.
  const queryStart = rest.indexOf('?');
  const at = rest.lastIndexOf('@', queryStart < 0 ? rest.length : queryStart);
  const userInfo = at >= 0 ? rest.slice(0, at) : undefined;
  const afterUser = at >= 0 ? rest.slice(at + 1) : rest;
  const pathStart = afterUser.search(/[/?]/);
  const hostPart = pathStart < 0 ? afterUser : afterUser.slice(0, pathStart);
  let tail = pathStart < 0 ? '' : afterUser.slice(pathStart);
  if (tail.startsWith('?')) tail = `/${tail}`;

  let username: string | undefined;
  let password: string | undefined;
  if (userInfo !== undefined) {
    const colon = userInfo.indexOf(':');
    username = decode(colon >= 0 ? userInfo.slice(0, colon) : userInfo, 'user name');
    if (colon >= 0) password = decode(userInfo.slice(colon + 1), 'password');
    if (!username) throw new MongoUriError('the user name before "@" is empty');
  }

  if (!hostPart) throw new MongoUriError('it names no host');
  const hosts = hostPart.split(',').map((h) => parseHost(h, scheme === 'mongodb+srv'));
  if (scheme === 'mongodb+srv' && hosts.length !== 1) throw new MongoUriError('a mongodb+srv:// address names exactly one host');

  let defaultDb: string | undefined;
  const options: [string, string][] = [];
  if (tail) {
    const q = tail.indexOf('?');
    const dbText = tail.slice(1, q < 0 ? undefined : q);
    if (dbText) defaultDb = decode(dbText, 'database name');
    if (q >= 0) {
      for (const pair of tail.slice(q + 1).split('&')) {
        if (!pair) continue;
        const eq = pair.indexOf('=');
        if (eq <= 0) throw new MongoUriError(`option "${pair.slice(0, 40)}" has no value`);
        options.push([decode(pair.slice(0, eq), 'option name'), decode(pair.slice(eq + 1), 'option value')]);
      }
    }
  }
  return { scheme, username, password, hosts, defaultDb, options };
}

/** The value of an option, matched case-insensitively as the driver does. */
export function mongoOption(uri: MongoUri, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of uri.options) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function hostText(h: MongoHost): string {
  return h.port === undefined ? h.host : `${h.host}:${h.port}`;
}

/** Write a connection string back with `password` in place of the parsed one (undefined leaves it out). */
export function formatMongoUri(uri: MongoUri, password: string | undefined): string {
  const user = uri.username !== undefined ? `${encodeURIComponent(uri.username)}${password !== undefined ? `:${encodeURIComponent(password)}` : ''}@` : '';
  const query = uri.options.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const db = uri.defaultDb !== undefined ? encodeURIComponent(uri.defaultDb) : '';
  return `${uri.scheme}://${user}${uri.hosts.map(hostText).join(',')}${db || query ? `/${db}` : ''}${query ? `?${query}` : ''}`;
}

/** The connection string without its password: what may be stored in a profile, shown or logged. */
export function withoutPassword(uri: string): string {
  const parsed = parseMongoUri(uri);
  return formatMongoUri(parsed, undefined);
}

/** Where a deployment is, for messages: the hosts, never the user or password. */
export function mongoWhere(uri: MongoUri): string {
  return uri.hosts.map(hostText).join(',');
}

/** Whether the driver will use TLS: always for +srv unless switched off, else only when asked. */
export function mongoUsesTls(uri: MongoUri): boolean {
  const flag = mongoOption(uri, 'tls') ?? mongoOption(uri, 'ssl');
  if (flag !== undefined) return flag.toLowerCase() === 'true';
  return uri.scheme === 'mongodb+srv';
}
