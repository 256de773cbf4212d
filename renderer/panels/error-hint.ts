import type { TwinErrorData } from '../../shared/api/errors';

/** What the user can do about a data-source error, by its kind. */
export function errorHint(e: TwinErrorData): string {
  switch (e.kind) {
    case 'unreachable':
      return 'Check the URL and that the server is running and reachable from this computer.';
    case 'timeout':
      return 'The server is slow or the network is down; try again or raise the timeout.';
    case 'unauthorized':
      return 'Check the user name and password (or the token).';
    case 'forbidden':
      return 'These credentials may not read this database; ask for read access.';
    case 'unknown-database':
      return 'Check the database (1.x) or the organization and bucket (2.x) names.';
    case 'malformed-response':
      return 'The server answered something that is not InfluxDB; check the URL and port.';
    default:
      return '';
  }
}
