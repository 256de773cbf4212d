/** Why a model cannot be fitted; `code` lets callers and tests tell the cases apart, the message says what to do. */
export type FitErrorCode = 'too-few-rows' | 'constant-target' | 'constant-feature' | 'collinear' | 'no-rows';

export class FitError extends Error {
  constructor(
    readonly code: FitErrorCode,
    message: string,
    /** The features involved (collinear or constant ones). */
    readonly features: readonly string[] = [],
  ) {
    super(message);
    this.name = 'FitError';
  }
}
