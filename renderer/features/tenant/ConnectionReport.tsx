import type { ConnectionStep, TenantTestReport } from '../../../shared/api/tenant-schemas';

const ICON: Record<ConnectionStep['status'], string> = { ok: '✓', warning: '!', failed: '✗', skipped: '–' };
const WORD: Record<ConnectionStep['status'], string> = { ok: 'passed', warning: 'warning', failed: 'failed', skipped: 'not checked' };

function Steps({ title, target, steps, label }: { title: string; target: string; steps: ConnectionStep[]; label: string }) {
  return (
    <div className="connection-report__store">
      <h4>
        {title} <span className="muted">{target}</span>
      </h4>
      <ol className="connection-steps" aria-label={label}>
        {steps.map((s) => (
          <li key={s.id} className={`connection-step connection-step--${s.status}`} data-step={s.id} data-status={s.status}>
            <span className="connection-step__icon" aria-hidden="true">
              {ICON[s.status]}
            </span>
            <span className="connection-step__text">
              <strong>{s.label}</strong> <span className="connection-step__status">{WORD[s.status]}</span>
              {s.detail && <span className="connection-step__detail">{s.detail}</span>}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Each step of a connection test, for InfluxDB and MongoDB, with what failed and what to do. */
export function ConnectionReport({ report }: { report: TenantTestReport }) {
  return (
    <section className="connection-report" aria-label="Connection test" aria-live="polite">
      <p className={report.ok ? 'connection-report__verdict' : 'connection-report__verdict field__error'}>
        {report.ok ? 'Both stores answer as they should.' : 'A step failed: see below what to check.'}{' '}
        <span className="muted">Tested {new Date(report.testedAt).toLocaleTimeString()}.</span>
      </p>
      {report.influx && <Steps title="InfluxDB" target={report.influx.target} steps={report.influx.steps} label="InfluxDB steps" />}
      <Steps title="MongoDB" target={report.mongo.target} steps={report.mongo.steps} label="MongoDB steps" />
    </section>
  );
}
