import type { Problem } from '../../api/errors';
import { checkModels } from '../../analysis/model/model-rules';
import { componentByKind } from '../../catalog/catalog';
import type { TwinDocument } from '../schema';
import { droppedFields } from './dropped-fields';
import { checkIdentity } from './identity-rules';
import { locateDocument } from './located-document';
import { checkReferences } from './reference-rules';
import { ruleContext, type ComponentLookup } from './rule-context';
import { checkWiring } from './wiring-rules';
import { checkSources } from './source-rules';
import { checkBindings, type SeriesLookup } from './binding-rules';

export interface ValidateOptions {
  /** The component catalog; the build's own by default. */
  componentByKind?: ComponentLookup;
  /**
   * The series a project source has, when its catalog is known (a connected source); undefined when it is
   * not. Only then is a bound series the source lacks reported.
   */
  knownSeries?: SeriesLookup;
}

/** Check a document of the current format: the parsed document (when the schema passed) and every problem found. */
export function checkDocument(raw: unknown, options: ValidateOptions = {}): { document: TwinDocument | undefined; problems: Problem[] } {
  const { document, located, problems } = locateDocument(raw);
  if (document) droppedFields(raw, document, [], problems);
  const ctx = ruleContext(located, options.componentByKind ?? componentByKind, problems);
  checkIdentity(ctx);
  checkWiring(ctx);
  checkReferences(ctx);
  checkSources(ctx);
  checkBindings(ctx, options.knownSeries);
  checkModels(ctx);
  return { document, problems };
}

/** Whether a list of problems holds an error (warnings alone leave a file valid). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
