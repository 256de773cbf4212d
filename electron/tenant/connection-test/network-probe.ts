import { promises as dns } from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import { errnoCode } from '../../services/project-files/fs-errors';

/**
 * The network under a connection, one layer at a time, so a connection test can say which layer failed:
 * the name (DNS), the TCP connection, the TLS handshake. Each probe answers instead of throwing.
 */

export type Probe<T> = ({ ok: true } & T) | { ok: false; code: string; message: string };

/** Whether a host is an IP address or this computer (nothing to resolve, nothing to encrypt against). */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\./.test(h);
}

export async function resolveHost(host: string): Promise<Probe<{ addresses: string[]; literal: boolean }>> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (net.isIP(bare)) return { ok: true, addresses: [bare], literal: true };
  try {
    const found = await dns.lookup(bare, { all: true });
    return { ok: true, addresses: found.map((a) => a.address), literal: false };
  } catch (e) {
    return { ok: false, code: errnoCode(e) ?? 'EDNS', message: (e as Error).message };
  }
}

/** The servers a `mongodb+srv://` name stands for (DNS SRV record `_mongodb._tcp.NAME`). */
export async function resolveMongoSrv(host: string): Promise<Probe<{ targets: { host: string; port: number }[] }>> {
  try {
    const records = await dns.resolveSrv(`_mongodb._tcp.${host}`);
    return { ok: true, targets: records.map((r) => ({ host: r.name, port: r.port })) };
  } catch (e) {
    return { ok: false, code: errnoCode(e) ?? 'EDNS', message: (e as Error).message };
  }
}

export function tcpConnect(host: string, port: number, timeoutMs = 5_000): Promise<Probe<{ address: string }>> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: host.replace(/^\[|\]$/g, ''), port });
    const done = (r: Probe<{ address: string }>): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => done({ ok: false, code: 'ETIMEDOUT', message: `no answer within ${timeoutMs} ms` }), timeoutMs);
    socket.once('connect', () => done({ ok: true, address: `${socket.remoteAddress ?? host}:${socket.remotePort ?? port}` }));
    socket.once('error', (e) => done({ ok: false, code: errnoCode(e) ?? 'ECONNECT', message: e.message }));
  });
}

export interface TlsFacts {
  protocol: string;
  subject: string;
  issuer: string;
  validTo: string;
  /** Days until the certificate expires. */
  daysLeft: number;
}

export interface TlsOptions {
  /** The name the certificate must carry (SNI), by default the host. */
  servername?: string;
  ca?: string | Buffer;
  /** Only when the user's settings say so (tlsAllowInvalidCertificates). */
  rejectUnauthorized?: boolean;
  timeoutMs?: number;
}

export function tlsHandshake(host: string, port: number, o: TlsOptions = {}): Promise<Probe<TlsFacts>> {
  return new Promise((resolve) => {
    const bare = host.replace(/^\[|\]$/g, '');
    const socket = tls.connect({
      host: bare,
      port,
      servername: net.isIP(bare) ? undefined : (o.servername ?? bare),
      ca: o.ca,
      rejectUnauthorized: o.rejectUnauthorized ?? true,
    });
    const timeoutMs = o.timeoutMs ?? 5_000;
    const done = (r: Probe<TlsFacts>): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => done({ ok: false, code: 'ETIMEDOUT', message: `no TLS handshake within ${timeoutMs} ms` }), timeoutMs);
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      const validTo = cert.valid_to ?? '';
      const daysLeft = validTo ? Math.floor((Date.parse(validTo) - Date.now()) / 86_400_000) : NaN;
      done({
        ok: true,
        protocol: socket.getProtocol() ?? 'TLS',
        subject: cert.subject?.CN ? String(cert.subject.CN) : '',
        issuer: cert.issuer?.CN ? String(cert.issuer.CN) : '',
        validTo,
        daysLeft,
      });
    });
    socket.once('error', (e) => done({ ok: false, code: errnoCode(e) ?? 'ETLS', message: e.message }));
  });
}

/** Why a TLS handshake failed, in words a user can act on. */
export function tlsProblem(code: string, message: string, where: string): string {
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN') {
    return `The server at ${where} presents a self-signed certificate (${code}). Give its CA certificate (tlsCAFile for MongoDB) or ask for a certificate from a trusted CA.`;
  }
  if (code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY') {
    return `The certificate of ${where} is signed by a CA this computer does not trust (${code}). Give the CA certificate (tlsCAFile for MongoDB).`;
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `The certificate of ${where} is for another host name (${message}). Use the name the certificate is for.`;
  if (code === 'CERT_HAS_EXPIRED') return `The certificate of ${where} has expired. Ask its administrator to renew it.`;
  if (code === 'ECONNRESET' || /wrong version number|packet length too long|EPROTO/i.test(`${code} ${message}`)) {
    return `${where} does not speak TLS (${code}). Check whether the server expects TLS (https:// or tls=true) or not.`;
  }
  return `The TLS handshake with ${where} failed (${code}: ${message}).`;
}

/** Why a name did not resolve or a connection failed, in words a user can act on. */
export function networkProblem(code: string, host: string, port?: number): string {
  const where = port === undefined ? host : `${host}:${port}`;
  if (['ENOTFOUND', 'EAI_NONAME', 'ENODATA', 'EAI_FAIL'].includes(code))
    return `The name ${host} does not resolve (${code}). Check the spelling and your DNS, VPN or hosts file.`;
  if (code === 'EAI_AGAIN' || code === 'ETIMEOUT' || code === 'ESERVFAIL')
    return `No DNS server answered for ${host} (${code}). Check your network connection or VPN, then try again.`;
  if (code === 'ECONNREFUSED') return `Nothing accepts connections at ${where} (connection refused). Check the port and that the server is running.`;
  if (code === 'ETIMEDOUT') return `${where} did not answer (timeout). A firewall may drop the connection, or the host is down.`;
  if (['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN'].includes(code))
    return `There is no route to ${where} (${code}). Check your network connection, VPN or firewall.`;
  return `Could not connect to ${where} (${code}).`;
}
