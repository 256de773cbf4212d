/**
 * The caps that keep an import's memory bounded whatever the file holds. A historian export is many
 * short lines; a file that breaks a cap is something else (a binary, a dump without line breaks, a
 * generated attack) and is refused with the cap and the line named, before it can cost gigabytes.
 */
import { twinError } from '../../shared/api/errors';

export interface ImportLimits {
  /** Largest file imported (bytes). */
  maxFileBytes: number;
  /** Longest line (characters); a longer one refuses the file. */
  maxLineChars: number;
  /** Longest cell (characters); a row with a longer one is skipped and reported. */
  maxCellChars: number;
  /** Most columns in a CSV header; more refuses the file. */
  maxColumns: number;
  /** Longest series key (characters): the API's own limit on a key, so every imported series can be asked for. */
  maxKeyChars: number;
}

export const IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 64 * 1024 ** 3,
  maxLineChars: 1024 * 1024,
  maxCellChars: 64 * 1024,
  maxColumns: 10_000,
  maxKeyChars: 2_000,
};

const n = (x: number) => x.toLocaleString('en');

/** The error for a line over the cap; `atLeast` is how much of it was read before giving up. */
export function lineTooLong(file: string, line: number, atLeast: number, limits: ImportLimits = IMPORT_LIMITS): Error {
  return twinError(
    'file-invalid',
    `Line ${n(line)} of ${file} is longer than the ${n(limits.maxLineChars)}-character cap for one line (at least ${n(atLeast)} characters): ` +
      'a historian export has short lines, so this file is not one, or its lines are not separated by line breaks. Nothing was imported.',
    { where: `${file}:${line}` },
  );
}

/** The error for a file over the size cap. */
export function fileTooLarge(file: string, bytes: number, limits: ImportLimits = IMPORT_LIMITS): Error {
  return twinError(
    'file-too-large',
    `${file} is ${n(bytes)} bytes, over the ${n(limits.maxFileBytes)}-byte cap for one import: split the export into smaller files and import them together.`,
    { where: file },
  );
}

/** A user's value quoted in a message: at most `max` characters, saying how long it was when cut. */
export function quoteShort(text: string, max = 60): string {
  if (text.length <= max) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, max))}… (${n(text.length)} characters)`;
}

/** Why a cell is over the cap, or null. */
export function cellProblem(cells: readonly string[], limits: ImportLimits = IMPORT_LIMITS): string | null {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i] as string;
    if (c.length > limits.maxCellChars) {
      return `column ${i + 1} holds ${n(c.length)} characters, over the ${n(limits.maxCellChars)}-character cap for one cell; the row was skipped`;
    }
  }
  return null;
}

/** Why a series key is over the cap, or null. */
export function keyProblem(key: string, limits: ImportLimits = IMPORT_LIMITS): string | null {
  if (key.length <= limits.maxKeyChars) return null;
  return `the series name ${quoteShort(key, 40)} is over the ${n(limits.maxKeyChars)}-character cap for a series key`;
}

/** Names remembered for their keys; past this many, keys are formatted afresh (a file of millions of distinct names stays bounded). */
export const MAX_REMEMBERED_NAMES = 100_000;

/**
 * DuckDB's memory cap for a store opened to import (the CLI): staged rows beyond it spill to disk, so an
 * import's memory stays flat however large the files (measured by npm run bench:import).
 */
export const IMPORT_STORE_MEMORY = '32MB';
