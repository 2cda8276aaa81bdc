import { Link } from 'react-router';
import { usePairing } from './pairings.api.ts';
import { pairingLabel } from './PairingSearchSelect.tsx';

/** A link to a pairing's drawer, named by its two sides once fetched (#id until then, or when out of scope). */
export function PairingName({ id, testId }: { id: number; testId?: string }) {
  const p = usePairing(id).data;
  return (
    <Link to={`/pairings?open=${id}`} data-testid={testId}>
      {p && p.id === id ? pairingLabel(p) : `#${id}`}
    </Link>
  );
}
