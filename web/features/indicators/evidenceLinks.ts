/**
 * Where a record behind a figure is shown (router.tsx): its own page, or its list with the record opened.
 * Kinds without such a page (fund transactions, sales, labor and industry rows, agreements) are shown unlinked.
 */
export function recordPath(kind: string, id: number): string | null {
  switch (kind) {
    case 'project':
      return `/projects/${id}`;
    case 'donation':
      return `/donations?open=${id}`;
    case 'training':
      return `/training?open=${id}`;
    case 'activity':
      return `/activities?open=${id}`;
    case 'dispatch':
      return `/personnel?open=${id}`;
    case 'pairing':
      return `/pairings?open=${id}`;
    default:
      return null;
  }
}
