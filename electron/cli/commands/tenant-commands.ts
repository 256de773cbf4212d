import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isTwinError } from '../../../shared/api/errors';
import type { PushConflictInfo } from '../../../shared/api/tenant-schemas';
import { summaryLines } from '../../../shared/tenant/change-summary';
import { withTenantLink } from '../../../shared/tenant/tenant-link';
import { readProjectFile } from '../../services/project-files/read-project';
import { saveProjectFile } from '../../services/project-files/save-project';
import { MongoConnections } from '../../tenant/mongo/mongo-connections';
import { listRevisions, pullTwin, pushToTenant, type PushOutcome } from '../../tenant/tenant-operations';
import { defaultDataDir } from '../default-data-dir';
import { optionValue, parseArgs, type ParsedArgs } from '../args';
import { UsageError, type CliCommand, type CliIo } from '../cli-types';
import { TENANT_USAGE, tenantFromArg } from '../tenant-arg';

/** `-m TEXT` and `-o FILE`, as git and compilers spell them, for the long options parseArgs knows. */
function expandShort(argv: readonly string[]): string[] {
  const short: Record<string, string> = { '-m': '--message', '-o': '--output' };
  return argv.map((a) => short[a] ?? a);
}

function dataDir(args: ParsedArgs): string {
  return path.resolve(optionValue(args, 'data-dir') ?? defaultDataDir());
}

function requireTenant(args: ParsedArgs): string {
  const t = optionValue(args, 'tenant');
  if (!t) throw new UsageError('Name the tenant with --tenant NAME (a tenant profile, or a NAME.tenant.json file).');
  return t;
}

async function withMongo<T>(work: (mongo: MongoConnections) => Promise<T>): Promise<T> {
  const mongo = new MongoConnections();
  try {
    return await work(mongo);
  } finally {
    await mongo.closeAll();
  }
}

function when(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function conflictOf(e: unknown): PushConflictInfo | undefined {
  return isTwinError(e) && e.kind === 'conflict' ? (e.details?.pushConflict as PushConflictInfo | undefined) : undefined;
}

function printConflict(io: CliIo, message: string, c: PushConflictInfo): void {
  io.err(`twin push: conflict: ${message}`);
  if (c.theirs && !c.theirs.identical) for (const line of summaryLines(c.theirs)) io.err(`  theirs: ${line}`);
  if (c.overwrite && !c.overwrite.identical) for (const line of summaryLines(c.overwrite)) io.err(`  pushing over it would: ${line}`);
  if (c.reason === 'other-tenant') io.err('  Run again with --yes to push it to this tenant as well.');
  else if (c.head) io.err(`  Pull revision ${c.head.revision} (twin pull ${c.twinId} --tenant … -o FILE), or run again with --overwrite to push over it.`);
}

const pushUsage = `Usage: twin push PROJECT.twin.json --tenant NAME -m MESSAGE [--overwrite] [--yes] [--json] [--data-dir DIR]

Push the project to the tenant's MongoDB as a new revision of its twin, on top of the revision the
project records for that tenant, and record the new revision in the project file. Pushing unchanged
content makes no new revision.
  -m, --message TEXT  what changed (stored with the revision)
  --overwrite         when someone else pushed meanwhile, push over their revision anyway
  --yes               push a project recorded for another tenant to this one as well
  --json              print { outcome, revision, tenant, twinId, message, deployment } (or { conflict })
Exit status: 0 pushed or unchanged; 1 a conflict (its summary printed) or the tenant failed
(unreachable, refused credentials, ...); 2 bad usage or an unreadable project.

${TENANT_USAGE}`;

export const pushCommand: CliCommand = {
  name: 'push',
  summary: "Push a project to a tenant's MongoDB as a new revision (exit 1 on a conflict).",
  usage: pushUsage,
  async run(argv, io) {
    const args = parseArgs(expandShort(argv), ['tenant', 'message', 'data-dir'], ['json', 'overwrite', 'yes']);
    if (args.positional.length !== 1) throw new UsageError('Name one project file: twin push PROJECT.twin.json --tenant NAME -m MESSAGE.');
    const tenantName = requireTenant(args);
    const message = optionValue(args, 'message')?.trim();
    if (!message) throw new UsageError('Say what changed with -m MESSAGE.');
    const file = path.resolve(args.positional[0] as string);
    let opened;
    try {
      opened = await readProjectFile(file);
    } catch (e) {
      // A project that cannot be read or is invalid is bad input (exit 2); nothing was sent anywhere.
      if (!isTwinError(e)) throw e;
      io.err(`twin push: ${e.message}`);
      return 2;
    }
    const tenant = await tenantFromArg(tenantName, dataDir(args));
    const json = args.flags.has('json');
    return withMongo(async (mongo) => {
      const push = (overwrite: { headRevision: number | null } | null): Promise<PushOutcome> =>
        pushToTenant(mongo, tenant, opened.document, { message, pushId: randomUUID(), otherTenantConfirmed: args.flags.has('yes'), overwrite });
      let result: PushOutcome;
      try {
        result = await push(null);
      } catch (e) {
        const c = conflictOf(e);
        if (!c) throw e;
        if (c.reason !== 'other-tenant' && args.flags.has('overwrite')) {
          io.err(`Pushing over revision ${c.head?.revision ?? '(none)'}${c.head ? ` by ${c.head.by} at ${when(c.head.at)}` : ''} (--overwrite).`);
          result = await push({ headRevision: c.head?.revision ?? null });
        } else {
          if (json) io.out(JSON.stringify({ conflict: c, message: (e as Error).message }, null, 2));
          printConflict(io, (e as Error).message, c);
          return 1;
        }
      }
      // The project records where it now stands, unless someone changed the file meanwhile.
      let recorded: string | null = null;
      try {
        await saveProjectFile(file, withTenantLink(opened.document, result.link), opened.fingerprint);
        recorded = file;
      } catch (e) {
        io.err(
          `warning: the push succeeded, but ${file} could not record it (${e instanceof Error ? e.message : String(e)}). Its next push will be checked against the tenant's head.`,
        );
      }
      if (json) {
        io.out(
          JSON.stringify(
            {
              outcome: result.outcome,
              revision: result.revision,
              tenant: tenant.name,
              twinId: opened.document.id,
              message: result.message,
              deployment: result.deployment,
              recorded,
            },
            null,
            2,
          ),
        );
      } else io.out(result.message);
      return 0;
    });
  },
};

const pullUsage = `Usage: twin pull TWIN_ID --tenant NAME [--revision N] -o FILE.twin.json [--force] [--json] [--data-dir DIR]

Write a revision of a twin (the tenant's head by default) to a project file that records the tenant
and revision, so the next push from it is checked against that revision.
  -o, --output FILE   the project file to write (NAME.twin.json); an existing file needs --force
  --revision N        an older revision (twin revisions TWIN_ID lists them)
Exit status: 0 written; 1 the tenant failed or has no such twin or revision; 2 bad usage or FILE exists.

${TENANT_USAGE}`;

export const pullCommand: CliCommand = {
  name: 'pull',
  summary: 'Write a revision of a twin from a tenant to a project file.',
  usage: pullUsage,
  async run(argv, io) {
    const args = parseArgs(expandShort(argv), ['tenant', 'revision', 'output', 'data-dir'], ['json', 'force']);
    if (args.positional.length !== 1) throw new UsageError('Name one twin id: twin pull TWIN_ID --tenant NAME -o FILE.twin.json.');
    const twinId = args.positional[0] as string;
    const tenantName = requireTenant(args);
    const output = optionValue(args, 'output');
    if (!output) throw new UsageError('Name the project file to write with -o FILE.twin.json.');
    if (!output.toLowerCase().endsWith('.twin.json')) throw new UsageError(`-o ${output}: project files end in .twin.json.`);
    const revisionText = optionValue(args, 'revision');
    const revision = revisionText === undefined ? undefined : Number(revisionText);
    if (revision !== undefined && (!Number.isInteger(revision) || revision < 1))
      throw new UsageError(`--revision must be a revision number (1, 2, ...), got "${revisionText}".`);
    const file = path.resolve(output);
    if (existsSync(file) && !args.flags.has('force')) {
      io.err(`twin pull: ${file} already exists; nothing was written. Choose another file, or add --force to replace it.`);
      return 2;
    }
    const tenant = await tenantFromArg(tenantName, dataDir(args));
    const pulled = await withMongo((mongo) => pullTwin(mongo, tenant, twinId, revision));
    try {
      await saveProjectFile(file, pulled.document, null, args.flags.has('force'));
    } catch (e) {
      if (isTwinError(e) && e.kind === 'conflict')
        throw new UsageError(`${file} already exists; nothing was written. Choose another file, or add --force to replace it.`);
      throw e;
    }
    const r = pulled.revision;
    if (args.flags.has('json')) io.out(JSON.stringify({ file, twinId, revision: r, isHead: pulled.isHead, problems: pulled.problems }, null, 2));
    else io.out(`Wrote revision ${r.revision}${pulled.isHead ? ' (head)' : ''} of “${pulled.document.name}” by ${r.author} (${when(r.createdAt)}) to ${file}.`);
    return 0;
  },
};

const revisionsUsage = `Usage: twin revisions TWIN_ID --tenant NAME [--limit N] [--json] [--data-dir DIR]

List a twin's revisions on a tenant, newest first: number, time, author, message.
  --json   print { head, revisions: [{ revision, baseRevision, name, message, author, createdAt, contentHash, pushId }] }
Exit status: 0 listed; 1 the tenant failed or has no such twin; 2 bad usage.

${TENANT_USAGE}`;

export const revisionsCommand: CliCommand = {
  name: 'revisions',
  summary: "List a twin's revisions on a tenant (who, when, message).",
  usage: revisionsUsage,
  async run(argv, io) {
    const args = parseArgs(argv, ['tenant', 'limit', 'data-dir'], ['json']);
    if (args.positional.length !== 1) throw new UsageError('Name one twin id: twin revisions TWIN_ID --tenant NAME.');
    const twinId = args.positional[0] as string;
    const tenantName = requireTenant(args);
    const limitText = optionValue(args, 'limit');
    const limit = limitText === undefined ? 200 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit must be a whole number from 1 to 1000, got "${limitText}".`);
    const tenant = await tenantFromArg(tenantName, dataDir(args));
    const { head, revisions } = await withMongo((mongo) => listRevisions(mongo, tenant, twinId, limit));
    if (args.flags.has('json')) io.out(JSON.stringify({ head, revisions }, null, 2));
    else {
      for (const r of revisions)
        io.out(`${String(r.revision).padStart(4)}  ${when(r.createdAt)}  ${r.author}  ${r.message}${r.revision === head?.revision ? '  (head)' : ''}`);
      io.err(`${revisions.length} revision${revisions.length === 1 ? '' : 's'} of “${head?.name ?? twinId}” on tenant "${tenant.name}"`);
    }
    return 0;
  },
};
