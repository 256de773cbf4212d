import { describe, expect, it } from 'vitest';
import { deploymentNote, deploymentOf, missingActions, serverVersionProblem } from './mongo-deployment';

describe('what a MongoDB server says about itself', () => {
  it('tells a replica set, a sharded cluster and a standalone server apart from hello', () => {
    expect(deploymentOf({ isWritablePrimary: true, setName: 'rs0', hosts: ['a:27017', 'b:27017', 'c:27017'] })).toEqual({
      kind: 'replica-set',
      setName: 'rs0',
      members: 3,
    });
    expect(deploymentOf({ isWritablePrimary: true, msg: 'isdbgrid' })).toEqual({ kind: 'sharded' });
    expect(deploymentOf({ isWritablePrimary: true })).toEqual({ kind: 'standalone' });
    expect(deploymentNote({ kind: 'replica-set', setName: 'rs0', members: 3 })).toBe(
      'Replica set rs0 (3 members): writes are retryable and acknowledged by a majority.',
    );
    expect(deploymentNote({ kind: 'standalone' })).toMatch(/cannot retry writes.*exactly once by its push ids/);
  });

  it('needs 4.2 or later', () => {
    expect(serverVersionProblem('7.0.12')).toBeNull();
    expect(serverVersionProblem('4.2.0')).toBeNull();
    expect(serverVersionProblem('4.0.28')).toMatch(/too old: Twin Studio needs 4.2/);
    expect(serverVersionProblem('3.6.23')).toMatch(/too old/);
    expect(serverVersionProblem('dev')).toMatch(/not a version number/);
  });

  it('checks that privileges cover find, insert, update and createIndex on the database', () => {
    const readWrite = [{ resource: { db: 'twins', collection: '' }, actions: ['find', 'insert', 'update', 'remove', 'createIndex', 'listCollections'] }];
    expect(missingActions(readWrite, 'twins')).toEqual([]);
    const read = [{ resource: { db: 'twins', collection: '' }, actions: ['find', 'listCollections'] }];
    expect(missingActions(read, 'twins')).toEqual(['insert', 'update', 'createIndex']);
    // Rights on another database, or on one collection only, do not count.
    expect(missingActions([{ resource: { db: 'other', collection: '' }, actions: ['find', 'insert', 'update', 'createIndex'] }], 'twins')).toHaveLength(4);
    expect(missingActions([{ resource: { db: 'twins', collection: 'twins' }, actions: ['find', 'insert', 'update', 'createIndex'] }], 'twins')).toHaveLength(4);
    // readWriteAnyDatabase and root.
    expect(missingActions([{ resource: { db: '', collection: '' }, actions: ['find', 'insert', 'update', 'createIndex'] }], 'twins')).toEqual([]);
    expect(missingActions([{ resource: { anyResource: true }, actions: ['find', 'insert', 'update', 'createIndex'] }], 'twins')).toEqual([]);
  });
});
