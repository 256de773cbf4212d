import type { ChangeGroup, ChangeSummary, ChangedItem } from '../../../shared/tenant/change-summary';

const MAX_SHOWN = 8;

function Items({ verb, items }: { verb: string; items: readonly ChangedItem[] }) {
  if (!items.length) return null;
  return (
    <li>
      <span className={`change change--${verb}`}>{verb}</span> {items.length}:{' '}
      {items
        .slice(0, MAX_SHOWN)
        .map((i) => (i.fields?.length ? `${i.label} (${i.fields.join(', ')})` : i.label))
        .join(', ')}
      {items.length > MAX_SHOWN ? ` and ${items.length - MAX_SHOWN} more` : ''}
    </li>
  );
}

function Group({ title, group, moved }: { title: string; group: ChangeGroup; moved?: readonly ChangedItem[] }) {
  const any = group.added.length || group.removed.length || group.changed.length || moved?.length;
  if (!any) return null;
  return (
    <div className="change-summary__group">
      <h4>{title}</h4>
      <ul>
        <Items verb="added" items={group.added} />
        <Items verb="removed" items={group.removed} />
        <Items verb="changed" items={group.changed} />
        {moved && <Items verb="moved" items={moved} />}
      </ul>
    </div>
  );
}

/** The differences between two twins: assets, connections and bindings added, removed and changed. */
export function ChangeSummaryView({ summary, label }: { summary: ChangeSummary; label: string }) {
  return (
    <section className="change-summary" aria-label={label}>
      {summary.identical ? (
        <p className="muted">No differences.</p>
      ) : (
        <>
          <Group title="Assets" group={summary.assets} moved={summary.assets.moved} />
          <Group title="Connections" group={summary.connections} />
          <Group title="Bindings" group={summary.bindings} />
          {summary.other.length > 0 && (
            <div className="change-summary__group">
              <h4>Other</h4>
              <ul>
                {summary.other.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}
