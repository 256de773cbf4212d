import type { Problem } from '../../shared/api/errors';
import { Modal } from './Modal';

/** One clear message naming the problem, where it is, and each problem's JSON path. */
export function ErrorDialog({
  title,
  message,
  where,
  problems,
  onClose,
}: {
  title: string;
  message: string;
  where?: string;
  problems?: Problem[];
  onClose(): void;
}) {
  return (
    <Modal title={title} role="alertdialog" onClose={onClose} className="modal--error">
      <p className="modal__message">{message}</p>
      {where && (
        <p className="muted">
          Where: <code>{where}</code>
        </p>
      )}
      {problems && problems.length > 0 && (
        <ul className="problems" aria-label="Problems">
          {problems.slice(0, 50).map((p, i) => (
            <li key={i} className={`problem problem--${p.severity}`}>
              <code>{p.path}</code>: {p.message}
            </li>
          ))}
          {problems.length > 50 && <li className="muted">…and {problems.length - 50} more.</li>}
        </ul>
      )}
      <p className="muted">Nothing was changed: your open project and the file on disk are as they were.</p>
      <div className="button-row">
        <button type="button" autoFocus onClick={onClose}>
          OK
        </button>
      </div>
    </Modal>
  );
}
