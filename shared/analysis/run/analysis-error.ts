/** Why a residual run cannot go on; the message names the problem, where it is, and what to do. */
export type AnalysisErrorCode =
  'model-invalid' | 'no-data' | 'input-missing' | 'too-few-rows' | 'constant-target' | 'constant-feature' | 'collinear' | 'no-rows' | 'range-invalid';

export class AnalysisError extends Error {
  constructor(
    readonly code: AnalysisErrorCode,
    message: string,
    /** Problems with paths inside the model (for model-invalid). */
    readonly problems: readonly { path: (string | number)[]; message: string }[] = [],
  ) {
    super(message);
    this.name = 'AnalysisError';
  }
}
