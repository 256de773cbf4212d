import { STATS_WINDOW_MS, type SeriesStats } from '../../../shared/api/binding-schemas';
import { DEFAULT_THRESHOLD, suggestBindings } from '../../../shared/bindings/suggest';
import { stateFromDocument } from '../../../shared/twin/state';
import { seriesStats } from '../../services/series-stats';
import { parseArgs } from '../args';
import type { CliCommand } from '../cli-types';
import { openSource, SOURCE_OPTIONS, SOURCE_USAGE, sourceSpec } from '../source-args';
import { CommandFailure, openProjectArg } from './project-arg';
import { boundSeries, projectSourcesServedBy, sessionSourceOf } from './session-source';

const usage = `Usage: twin suggest PROJECT SOURCE [--json]

Suggest a binding (asset and role, with a confidence from 0 to 1) for every series of SOURCE that the
project does not bind yet, from the series' names, units and recent values and the project's drawing.
Best first, at most one per series. Suggestions the project has rejected are not offered again.
  --json   print {"suggestions":[{"series","assetTag","role","confidence"}]}
Suggestions at or above ${DEFAULT_THRESHOLD} are the ones the app's "Accept all" takes by default.

${SOURCE_USAGE}`;

/** Per-series stats in batches the API would take. */
async function statsOf(source: Parameters<typeof seriesStats>[0], keys: readonly string[]): Promise<SeriesStats[]> {
  const out: SeriesStats[] = [];
  for (let i = 0; i < keys.length; i += 1_000) out.push(...(await seriesStats(source, keys.slice(i, i + 1_000), STATS_WINDOW_MS)));
  return out;
}

/** `twin suggest PROJECT SOURCE`: the app's binding suggestions, without the app. */
export const suggestCommand: CliCommand = {
  name: 'suggest',
  summary: 'Suggest bindings (asset, role, confidence) for the series of a source the project does not bind.',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, [...SOURCE_OPTIONS], ['json']);
    const spec = sourceSpec(args);
    let opened;
    try {
      opened = await openProjectArg(args.positional[0]);
    } catch (e) {
      if (!(e instanceof CommandFailure)) throw e;
      io.err(`twin suggest: ${e.message}`);
      return e.exitCode;
    }
    const session = sessionSourceOf(spec);
    const served = projectSourcesServedBy(opened.document, session);
    if (served.size === 0) io.err(`warning: no source of ${opened.path} matches ${session.location}; every series of it counts as unbound.`);
    const bound = boundSeries(opened.document, served);
    const { source, warnings } = await openSource(spec);
    for (const w of warnings) io.err(`warning: ${w}`);
    try {
      const keys = (await source.catalog({ limit: 100_000 })).map((e) => e.key).filter((k) => !bound.has(k));
      const stats = await statsOf(source, keys);
      const suggestions = suggestBindings(
        stateFromDocument(opened.document),
        stats.map((s) => ({ key: s.key, unit: s.unit, stats: s })),
      );
      if (args.flags.has('json')) {
        io.out(JSON.stringify({ suggestions: suggestions.map((s) => ({ series: s.series, assetTag: s.assetTag, role: s.role, confidence: s.confidence })) }));
      } else {
        for (const s of suggestions) io.out(`${s.confidence.toFixed(2)}  ${s.series}  →  ${s.assetTag}  ${s.role}`);
        const sure = suggestions.filter((s) => s.confidence >= DEFAULT_THRESHOLD).length;
        io.err(
          `${suggestions.length} suggestions for ${keys.length} unbound series (${sure} at or above ${DEFAULT_THRESHOLD}); ${bound.size} series already bound.`,
        );
      }
      return 0;
    } finally {
      await source.close();
    }
  },
};
