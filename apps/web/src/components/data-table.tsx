import type { ReactNode } from 'react';

interface DataTableProps {
  /** Names the scrollable region the table sits in (screen readers and keyboard users reach it). */
  label: string;
  /** The column headings, in order. */
  headers: readonly ReactNode[];
  /** The rows. */
  children: ReactNode;
}

/**
 * A data table in a horizontally scrollable region that is named and can take focus, so a keyboard
 * user can scroll a wide table (WCAG 2.1.1); the columns get `scope="col"` headings.
 */
export function DataTable({ label, headers, children }: DataTableProps) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
