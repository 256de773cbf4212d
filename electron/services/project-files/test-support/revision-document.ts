import { emptyDocument, type TwinDocument } from '../../../../shared/twin/schema';

/**
 * A valid project whose content is a function of `rev` alone, so a test can tell exactly which revision
 * a file holds and whether it is complete. `assets` sets the size (about 300 bytes each).
 */
export function revisionDocument(rev: number, assets = 1_000): TwinDocument {
  const doc = emptyDocument('kill-test', `rev ${rev}`, 'Europe/Berlin');
  for (let i = 0; i < assets; i++) {
    doc.assets.push({
      id: `a${i}`,
      kind: 'centrifugal-pump',
      tag: `P-${i + 1}`,
      name: `Pump ${i + 1} of revision ${rev}`,
      properties: { motorKw: (rev * 7 + i) % 500, drive: 'vfd' },
      position: { x: (i % 50) * 80, y: Math.floor(i / 50) * 80 + rev },
      rotation: 0,
      flip: false,
    });
  }
  return doc;
}

/** The revision number of a document written by `revisionDocument`. */
export function revisionOf(doc: { name: string }): number {
  const m = /^rev (\d+)$/.exec(doc.name);
  if (!m) throw new Error(`"${doc.name}" is not a revision document`);
  return Number(m[1]);
}
