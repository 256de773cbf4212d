import type { ResidualRun } from '../../../shared/api/analysis-schemas';
import { formatInZone } from './zone-format';

function num(x: number, digits = 4): string {
  return Number(x.toPrecision(digits)).toLocaleString('en', { maximumSignificantDigits: digits });
}

/** What the fit learned and what it left out. */
export function FitSummary({ run, zone }: { run: ResidualRun; zone: string }) {
  const f = run.fit;
  const unit = run.model.unit ? ` ${run.model.unit}` : '';
  return (
    <section className="analysis__fit" aria-label="Fit summary">
      <p>
        R² <strong data-testid="fit-r2">{f.r2.toFixed(4)}</strong>, residual spread <strong>{num(f.residualSpread, 3)}</strong>
        {unit} over {f.rows.toLocaleString('en')} windows; {f.droppedRows.toLocaleString('en')} left out. Trained on {f.trainingRows.toLocaleString('en')}{' '}
        windows from {formatInZone(f.training.from, zone)} to {formatInZone(f.training.to, zone)}
        {f.outlierRows > 0 ? `, ${f.outlierRows.toLocaleString('en')} of them set aside as outliers` : ''}.
      </p>
      <table className="analysis__coefficients">
        <caption>Coefficients</caption>
        <tbody>
          {Object.entries(f.coefficients).map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{num(v, 5)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {f.dropped.length > 0 && (
        <ul className="analysis__dropped" aria-label="Windows left out">
          {f.dropped.map((d) => (
            <li key={d.reason}>
              {d.rows.toLocaleString('en')}: {d.reason}
            </li>
          ))}
        </ul>
      )}
      {f.extrapolation.map((x) => (
        <p key={x.input} className="analysis__note">
          {Math.round(x.outsideFraction * 100)} % of the windows have {x.input} outside what training saw ({num(x.trainingMin)} to {num(x.trainingMax)}):
          predictions there are extrapolations.
        </p>
      ))}
    </section>
  );
}
