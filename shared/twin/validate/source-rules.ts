import { LOCAL_SOURCE_ID } from '../project-sources';
import type { RuleContext } from './rule-context';

// Field names that would carry a secret. A project file is shared, checked in and pushed to the tenant.
const SECRET_FIELD = /^(password|passwd|pwd|token|secret|api[-_]?key|apikey|auth|authorization|credentials?)$/i;

function urlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `"${url}" is not a URL; write it as http://host:port`;
  }
  if (u.username || u.password) return 'holds a user name or password; keep only the address (the app asks for credentials when it connects)';
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return `uses ${u.protocol}, but InfluxDB is reached over http:// or https://`;
  return null;
}

/** Project sources hold no secrets; sensors and the default name sources the project lists (or the local store). */
export function checkSources(ctx: RuleContext): void {
  const { doc } = ctx;
  const ids = new Set(doc.sources.map((s) => s.value.id));
  for (const { value: src, path } of doc.sources) {
    for (const key of Object.keys(src)) {
      if (SECRET_FIELD.test(key)) {
        ctx.error(
          `${path}.${key}`,
          `a secret never goes in a project file (anyone with the file would have it); remove "${key}": the app asks for it when it connects to ${src.name}`,
        );
      }
    }
    if (src.url !== undefined) {
      const problem = urlProblem(src.url);
      if (problem) ctx.error(`${path}.url`, problem);
    }
  }
  const known = (id: string) => ids.has(id) || id === LOCAL_SOURCE_ID;
  const listed = [...ids].map((id) => `"${id}"`).join(', ') || 'none';
  if (doc.defaultSource !== undefined && !known(doc.defaultSource)) {
    ctx.error('$.defaultSource', `names source "${doc.defaultSource}", which "sources" does not list (it lists ${listed})`);
  }
  for (const { value: s, path } of doc.sensors) {
    if (s.source !== undefined && !known(s.source)) {
      ctx.error(
        `${path}.source`,
        `names source "${s.source}", which "sources" does not list (it lists ${listed}); add it there, or remove the field to use the default source`,
      );
    }
  }
}
