import { ApiProblem } from '../common/problem/problem';

/** The `{year}` of `/api/years/{year}/…`: a whole budget year 2000–2100, else 422 with a pointer. */
export function parseBudgetYear(raw: string): number {
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < 2000 || year > 2100)
    throw ApiProblem.validation([
      { pointer: '/path/year', message: 'Ange ett budgetår mellan 2000 och 2100.' },
    ]);
  return year;
}
