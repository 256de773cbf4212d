import type { MongoClient, MongoClientOptions } from 'mongodb';

/**
 * The driver is loaded on first use: requiring it costs 150–300 ms, which every `twin` command and every
 * start of the app would otherwise pay, tenant or not.
 */
export async function newMongoClient(uri: string, options: MongoClientOptions): Promise<MongoClient> {
  const { MongoClient } = await import('mongodb');
  return new MongoClient(uri, options);
}

export type ClientFactory = (uri: string, options: MongoClientOptions) => MongoClient | Promise<MongoClient>;
