/** MariaDB's JSON is LONGTEXT underneath: mysql2 hands it back as a string. */
export function fromJsonColumn<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
