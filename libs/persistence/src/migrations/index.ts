import { Foundation1764180000000 } from './1764180000000-foundation';

/** Every migration, in order. Schema changes happen only here (synchronize is off). */
export const MIGRATIONS = [Foundation1764180000000];
