import { MongoClient, MongoNetworkError, MongoNetworkTimeoutError, MongoServerError } from 'mongodb';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { twinError } from '../../../shared/api/errors';
import { isDriverError, isTransientMongoError, mongoFailure } from './mongo-errors';
import { MongoConnections } from './mongo-connections';

const ctx = { where: 'db1.acme.example:27017', database: 'twins', action: 'push the twin', secrets: ['SENTINEL-pw'], timeoutMs: 1_500 };

describe('MongoDB failures as typed errors', () => {
  it('authentication, rights, a lost connection and a timeout each get their kind and advice', () => {
    const auth = mongoFailure(new MongoServerError({ message: 'Authentication failed.', code: 18, codeName: 'AuthenticationFailed' }), ctx);
    expect(auth).toMatchObject({ kind: 'unauthorized', where: ctx.where });
    expect(auth.message).toMatch(/refused the user name or password.*authSource/);
    const denied = mongoFailure(
      new MongoServerError({
        message: 'not authorized on twins to execute command { insert: "twin_revisions" } SENTINEL-pw',
        code: 13,
        codeName: 'Unauthorized',
      }),
      ctx,
    );
    expect(denied).toMatchObject({ kind: 'forbidden' });
    expect(denied.message).toMatch(/may not push the twin in database "twins".*readWrite/);
    expect(denied.message).not.toContain('SENTINEL');
    expect(mongoFailure(new MongoNetworkError('connection 4 to 10.0.0.5:27017 closed'), ctx)).toMatchObject({ kind: 'unreachable' });
    expect(mongoFailure(new MongoNetworkTimeoutError('connection timed out'), ctx)).toMatchObject({ kind: 'timeout' });
    const other = mongoFailure(new MongoServerError({ message: 'Document failed validation', code: 121, codeName: 'DocumentValidationFailure' }), ctx);
    expect(other.message).toBe('MongoDB at db1.acme.example:27017 failed to push the twin (DocumentValidationFailure): Document failed validation.');
  });

  it('knows which failures a retry may cure', () => {
    expect(isTransientMongoError(new MongoNetworkError('closed'))).toBe(true);
    expect(isTransientMongoError(new MongoServerError({ message: 'not primary', code: 10107, codeName: 'NotWritablePrimary' }))).toBe(true);
    const labelled = new MongoServerError({ message: 'x', code: 1 });
    labelled.addErrorLabel('RetryableWriteError');
    expect(isTransientMongoError(labelled)).toBe(true);
    expect(isTransientMongoError(new MongoServerError({ message: 'dup', code: 11000 }))).toBe(false);
    expect(isTransientMongoError(new MongoServerError({ message: 'auth', code: 18 }))).toBe(false);
    expect(isTransientMongoError(twinError('conflict', 'x'))).toBe(false);
    expect(isDriverError(new MongoNetworkError('x'))).toBe(true);
    expect(isDriverError(new Error('x'))).toBe(false);
  });

  it('the real driver against a closed loopback port: unreachable, naming the hosts, in the time asked', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((r) => probe.close(r));
    // The driver's own failure (a server-selection error wrapping ECONNREFUSED), classified.
    const client = new MongoClient(`mongodb://twin:SENTINEL-pw@127.0.0.1:${port}/`, { serverSelectionTimeoutMS: 1_000 });
    const raw = await client.connect().catch((x: unknown) => x);
    await client.close();
    expect((raw as Error).name).toBe('MongoServerSelectionError');
    const classified = mongoFailure(raw, { ...ctx, where: `127.0.0.1:${port}` });
    expect(classified).toMatchObject({ kind: 'unreachable', where: `127.0.0.1:${port}` });
    expect(classified.message).toBe(
      `Nothing accepts connections at 127.0.0.1:${port} (connection refused). Check the host and port in the connection string and that MongoDB is running.`,
    );
    // The connection owner checks the port first, so the user hears at once rather than after the timeout.
    const connections = new MongoConnections();
    const started = Date.now();
    const e = await connections
      .session({ tenant: 't', uri: `mongodb://twin:SENTINEL-pw@127.0.0.1:${port}/`, database: 'twins', where: `127.0.0.1:${port}`, secrets: ['SENTINEL-pw'] })
      .catch((x: unknown) => x);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(e).toMatchObject({ kind: 'unreachable', where: `127.0.0.1:${port}` });
    expect((e as Error).message).toBe(
      `MongoDB: Nothing accepts connections at 127.0.0.1:${port} (connection refused). Check the port and that the server is running.`,
    );
    expect((e as Error).message).not.toContain('SENTINEL');
    await connections.closeAll();
  });

  it('a connection string the driver refuses is bad input, without the password', async () => {
    const connections = new MongoConnections((uri, o) => new MongoClient(uri, o));
    const e = await connections
      .session({ tenant: 't', uri: 'mongodb://u:SENTINEL-pw@h:1/?notAnOption=1&w=banana', database: 'twins', where: 'h:1', secrets: ['SENTINEL-pw'] })
      .catch((x: unknown) => x);
    expect((e as { kind?: string }).kind).toBe('invalid-input');
    expect((e as Error).message).not.toContain('SENTINEL');
  });
});
