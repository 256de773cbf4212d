import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, methodNames } from '../../shared/api/contract';
import { TwinDocumentSchema } from '../../shared/twin/schema';
import { bodyLimit, PROJECT_BODY_BYTES, SMALL_BODY_BYTES } from './body-limits';
import { DOCUMENT_METHODS } from './input-guards';

/**
 * The per-method body limits of the web host and the document guard of dispatch, checked against the
 * contract: a method that carries a project gets room for one and the document policy; the rest are small
 * unless listed. Adding a method that carries a document without updating them fails here.
 */

const carriesDocument = (m: (typeof methodNames)[number]) => {
  const shape = (contract[m].input as unknown as { shape?: Record<string, z.ZodType> }).shape;
  return shape?.['document'] === TwinDocumentSchema;
};

describe('limits per method', () => {
  it('gives every method that carries a document the project cap and the document policy', () => {
    const withDocument = methodNames.filter(carriesDocument);
    expect(withDocument).toEqual(expect.arrayContaining(['saveProject', 'writeRecovery']));
    for (const m of withDocument) {
      expect(bodyLimit(m), m).toBe(PROJECT_BODY_BYTES);
      expect(DOCUMENT_METHODS[m], m).toBeDefined();
    }
    expect(Object.keys(DOCUMENT_METHODS).sort()).toEqual([...withDocument].sort());
  });

  it('keeps every other method to at most 32 MB, most to 64 KB', () => {
    const others = methodNames.filter((m) => !carriesDocument(m));
    for (const m of others) expect(bodyLimit(m), m).toBeLessThanOrEqual(32 * 1024 * 1024);
    expect(others.filter((m) => bodyLimit(m) === SMALL_BODY_BYTES).length).toBeGreaterThan(others.length / 2);
  });
});
