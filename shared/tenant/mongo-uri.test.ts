import { describe, expect, it } from 'vitest';
import { formatMongoUri, mongoUsesTls, mongoWhere, MongoUriError, parseMongoUri, withoutPassword } from './mongo-uri';
import { tenantKey } from './tenant-key';

describe('MongoDB connection strings', () => {
  it('reads several hosts, the user, the password, the database and options', () => {
    const u = parseMongoUri('mongodb://twin:p%40ss%2Fw0rd@Mongo-A.acme.example:27018,mongo-b.acme.example/twins?replicaSet=rs0&authSource=admin');
    expect(u.scheme).toBe('mongodb');
    expect(u.username).toBe('twin');
    expect(u.password).toBe('p@ss/w0rd');
    expect(u.hosts).toEqual([
      { host: 'mongo-a.acme.example', port: 27018 },
      { host: 'mongo-b.acme.example', port: 27017 },
    ]);
    expect(u.defaultDb).toBe('twins');
    expect(u.options).toEqual([
      ['replicaSet', 'rs0'],
      ['authSource', 'admin'],
    ]);
    expect(mongoWhere(u)).toBe('mongo-a.acme.example:27018,mongo-b.acme.example:27017');
  });

  it('takes a password with an unescaped "@" or "/" up to the last "@" before the options', () => {
    const u = parseMongoUri('mongodb://twin:p@ss/w0rd@127.0.0.1:27017/?directConnection=true');
    expect(u.password).toBe('p@ss/w0rd');
    expect(u.hosts).toEqual([{ host: '127.0.0.1', port: 27017 }]);
  });

  it('takes the password out and keeps everything else', () => {
    const text = 'mongodb+srv://twin:s3cret@cluster0.acme.example/?retryWrites=true&w=majority';
    expect(withoutPassword(text)).toBe('mongodb+srv://twin@cluster0.acme.example/?retryWrites=true&w=majority');
    expect(withoutPassword('mongodb://[::1]:27017')).toBe('mongodb://[::1]:27017');
    const u = parseMongoUri(text);
    expect(formatMongoUri(u, 'n3w p@ss')).toBe('mongodb+srv://twin:n3w%20p%40ss@cluster0.acme.example/?retryWrites=true&w=majority');
    expect(formatMongoUri(u, undefined)).toBe('mongodb+srv://twin@cluster0.acme.example/?retryWrites=true&w=majority');
  });

  it('knows when the driver uses TLS', () => {
    expect(mongoUsesTls(parseMongoUri('mongodb+srv://c.example'))).toBe(true);
    expect(mongoUsesTls(parseMongoUri('mongodb+srv://c.example/?tls=false'))).toBe(false);
    expect(mongoUsesTls(parseMongoUri('mongodb://a:1/?ssl=true'))).toBe(true);
    expect(mongoUsesTls(parseMongoUri('mongodb://a:1'))).toBe(false);
  });

  it('refuses what the driver would refuse, without repeating the password', () => {
    const bad: [string, RegExp][] = [
      ['http://a', /must start with mongodb/],
      ['mongodb://', /names no host/],
      ['mongodb+srv://a:27017', /takes no port/],
      ['mongodb+srv://a,b', /exactly one host/],
      ['mongodb://a:99999', /not a port number/],
      ['mongodb://u:bad%zzsecret@a', /password has a malformed %-escape/],
      ['mongodb://a/?novalue', /has no value/],
    ];
    for (const [text, message] of bad) {
      expect(() => parseMongoUri(text), text).toThrow(MongoUriError);
      expect(() => parseMongoUri(text), text).toThrow(message);
    }
    try {
      parseMongoUri('mongodb://u:bad%zzsecret@a');
    } catch (e) {
      expect((e as Error).message).not.toContain('secret');
    }
  });

  it('gives a tenant the same key whatever the user, the password or the host order', () => {
    const a = tenantKey({ mongo: { uri: 'mongodb://ana:x@b.example:27017,a.example:27017/?replicaSet=rs0', database: 'twins' } });
    const b = tenantKey({ mongo: { uri: 'mongodb://bo@A.example,b.example', database: 'twins' } });
    expect(a).toBe('mongodb://a.example:27017,b.example:27017/twins');
    expect(b).toBe(a);
    expect(tenantKey({ mongo: { uri: 'mongodb://a.example,b.example', database: 'other' } })).not.toBe(a);
  });
});
