import { sieAmountToOre } from './amounts';

/**
 * A reader of SIE 4 files (SIE-gruppen, "SIE filformat utgåva 4B"), line by line, so a file of any
 * size is read with the memory of one line: the caller decodes the bytes (PC8, i.e. code page 437)
 * and feeds each line with its number. What it keeps is what budget follow-up needs:
 *
 * - `#RAR årsnr start slut`: the financial years; årsnr 0 is the year the file is about;
 * - `#DIM dimnr namn`, `#OBJEKT dimnr objektkod objektnamn`: dimensions and their objects (the
 *   responsibility code, ansvar, is an object of one dimension, configurable; SIE reserves 1 for
 *   "Kostnadsställe/resultatenhet");
 * - `#KONTO kontonr kontonamn`: account names;
 * - `#PBUDGET`/`#PSALDO årsnr period konto {objektlista} saldo [kvantitet]`: the budget and the
 *   outcome of one account (and object) in one month (period `ÅÅÅÅMM`), a debit positive.
 *
 * Verifications (`#VER` with their `{ #TRANS … }` blocks) and every other label are read past (the
 * standard says unknown labels are ignored), but their quoting and braces must still hold. A line
 * that breaks the format gives an error with its number and reason; the caller imports nothing
 * from a file with errors.
 */

export type SieToken =
  | { kind: 'word'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'list'; items: { kind: 'word' | 'string'; text: string }[] };

export interface SieLineError {
  line: number;
  reason: string;
}

/** One `#PSALDO` (outcome) or `#PBUDGET` (budget) line. */
export interface SieBalance {
  line: number;
  kind: 'budget' | 'outcome';
  /** 0 the file's year, −1 the year before, … */
  yearIndex: number;
  year: number;
  month: number;
  account: string;
  /** The object list as pairs, in the file's order. */
  objects: { dimension: number; code: string }[];
  /** Öre, a debit positive (a cost positive, an income negative). */
  amountOre: number;
}

/** Splits one line into fields: words, quoted strings (`\"` an escaped quote) and `{…}` object lists. */
export function tokenizeSieLine(text: string): SieToken[] | string {
  const tokens: SieToken[] = [];
  let list: { kind: 'word' | 'string'; text: string }[] | null = null;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '{') {
      if (list) return 'En objektlista ({…}) står inuti en annan.';
      list = [];
      i++;
      continue;
    }
    if (c === '}') {
      if (!list) return 'Ett } saknar sitt {.';
      tokens.push({ kind: 'list', items: list });
      list = null;
      i++;
      continue;
    }
    let token: { kind: 'word' | 'string'; text: string };
    if (c === '"') {
      let out = '';
      i++;
      let closed = false;
      while (i < n) {
        const d = text[i] as string;
        if (d === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
          out += text[i + 1];
          i += 2;
          continue;
        }
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        out += d;
        i++;
      }
      if (!closed) return 'Ett citattecken (") stängs aldrig.';
      token = { kind: 'string', text: out };
    } else {
      let j = i;
      while (j < n && !' \t{}"'.includes(text[j] as string)) j++;
      token = { kind: 'word', text: text.slice(i, j) };
      i = j;
    }
    if (list) list.push(token);
    else tokens.push(token);
  }
  if (list) return 'En objektlista ({…}) stängs aldrig med }.';
  return tokens;
}

const DATE = /^(\d{4})(\d{2})(\d{2})$/;

function validDate(text: string): { year: number; month: number; day: number } | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate())
    return undefined;
  return { year, month, day };
}

const textOf = (t: SieToken | undefined): string | undefined => (t && t.kind !== 'list' ? t.text : undefined);

/** The reader's state over one file: feed every line in order, then `finish()`. */
export class Sie4Reader {
  /** Financial years by årsnr: start and end as `ÅÅÅÅMM`. */
  readonly years = new Map<number, { start: string; end: string }>();
  readonly dimensions = new Map<number, string>();
  /** Object names by `dimension:code`. */
  readonly objects = new Map<string, string>();
  readonly accounts = new Map<string, string>();
  readonly errors: SieLineError[] = [];
  linesRead = 0;
  format: string | null = null;
  private block: number | null = null;

  constructor(private readonly onBalance: (b: SieBalance) => void) {}

  objectName(dimension: number, code: string): string | undefined {
    return this.objects.get(`${dimension}:${code}`);
  }

  /** One line (without its line break), numbered from 1. */
  line(text: string, line: number): void {
    this.linesRead++;
    const trimmed = text.trim();
    if (trimmed === '') return;
    if (trimmed === '{') {
      if (this.block !== null)
        return this.error(line, 'Ett nytt block ({) börjar innan det förra har slutat.');
      this.block = line;
      return;
    }
    if (trimmed === '}') {
      if (this.block === null) return this.error(line, 'Ett } saknar sitt {.');
      this.block = null;
      return;
    }
    if (!trimmed.startsWith('#'))
      return this.error(line, 'Raden börjar inte med en etikett (#…), som varje rad i en SIE-fil ska.');
    const tokens = tokenizeSieLine(trimmed);
    if (typeof tokens === 'string') return this.error(line, tokens);
    const label = (tokens[0] as SieToken & { kind: 'word' }).text.toUpperCase();
    const fields = tokens.slice(1);
    if (this.block !== null) {
      // Inside a #VER block only transactions (#TRANS, #RTRANS, #BTRANS) stand; read past them.
      if (!/^#[RB]?TRANS$/.test(label))
        return this.error(line, `${label} får inte stå inuti ett verifikationsblock ({ … }).`);
      return;
    }
    switch (label) {
      case '#FORMAT':
        this.format = textOf(fields[0]) ?? null;
        if (this.format?.toUpperCase() !== 'PC8')
          return this.error(line, `#FORMAT ska vara PC8 (teckentabell 437), inte "${this.format ?? ''}".`);
        return;
      case '#RAR':
        return this.rar(fields, line);
      case '#DIM':
      case '#UNDERDIM':
        return this.dim(label, fields, line);
      case '#OBJEKT':
        return this.objekt(fields, line);
      case '#KONTO':
        return this.konto(fields, line);
      case '#PSALDO':
      case '#PBUDGET':
        return this.balance(label, fields, line);
      default:
        return;
    }
  }

  /** After the last line: a block still open is an error of the line that opened it. */
  finish(): void {
    if (this.block !== null) this.error(this.block, 'Blocket ({) som börjar här stängs aldrig med }.');
    this.block = null;
  }

  private error(line: number, reason: string): void {
    this.errors.push({ line, reason });
  }

  private rar(fields: SieToken[], line: number): void {
    const [index, start, end] = fields.map(textOf);
    if (index === undefined || !/^(0|-\d+)$/.test(index))
      return this.error(line, '#RAR: årsnumret ska vara 0 (räkenskapsåret) eller negativt (tidigare år).');
    if (start === undefined || end === undefined || !validDate(start) || !validDate(end))
      return this.error(line, '#RAR: start- och slutdatum ska vara datum ÅÅÅÅMMDD.');
    if (start > end) return this.error(line, '#RAR: räkenskapsåret slutar före det börjar.');
    this.years.set(Number(index), { start: start.slice(0, 6), end: end.slice(0, 6) });
  }

  private dim(label: string, fields: SieToken[], line: number): void {
    const [nr, name] = fields.map(textOf);
    if (nr === undefined || !/^\d{1,4}$/.test(nr) || name === undefined)
      return this.error(line, `${label}: dimensionsnummer (ett heltal) och namn krävs.`);
    this.dimensions.set(Number(nr), name);
  }

  private objekt(fields: SieToken[], line: number): void {
    const [nr, code, name] = fields.map(textOf);
    if (nr === undefined || !/^\d{1,4}$/.test(nr))
      return this.error(line, '#OBJEKT: dimensionsnumret ska vara ett heltal.');
    if (!code) return this.error(line, '#OBJEKT: objektkoden saknas.');
    if (name === undefined) return this.error(line, '#OBJEKT: objektnamnet saknas.');
    this.objects.set(`${Number(nr)}:${code}`, name);
  }

  private konto(fields: SieToken[], line: number): void {
    const [nr, name] = fields.map(textOf);
    if (nr === undefined || !/^\d{1,10}$/.test(nr))
      return this.error(line, '#KONTO: kontonumret ska vara siffror.');
    if (name === undefined) return this.error(line, '#KONTO: kontonamnet saknas.');
    this.accounts.set(nr, name);
  }

  private balance(label: string, fields: SieToken[], line: number): void {
    const [indexT, periodT, accountT, listT, amountT, quantityT] = fields;
    const index = textOf(indexT);
    if (index === undefined || !/^(0|-\d+)$/.test(index))
      return this.error(line, `${label}: årsnumret ska vara 0 (räkenskapsåret) eller negativt.`);
    const period = textOf(periodT);
    if (period === undefined || !/^\d{6}$/.test(period) || !validDate(`${period}01`))
      return this.error(line, `${label}: perioden ska vara ÅÅÅÅMM, inte "${period ?? ''}".`);
    const account = textOf(accountT);
    if (account === undefined || !/^\d{1,10}$/.test(account))
      return this.error(line, `${label}: kontonumret ska vara siffror, inte "${account ?? ''}".`);
    if (!listT || listT.kind !== 'list')
      return this.error(line, `${label}: objektlistan ({…}, tom eller med dimension och objekt) saknas.`);
    if (listT.items.length % 2 !== 0)
      return this.error(line, `${label}: objektlistan ska bestå av par av dimension och objektkod.`);
    const objects: SieBalance['objects'] = [];
    for (let k = 0; k < listT.items.length; k += 2) {
      const dim = listT.items[k] as { text: string };
      const code = listT.items[k + 1] as { text: string };
      if (!/^\d{1,4}$/.test(dim.text))
        return this.error(line, `${label}: "${dim.text}" i objektlistan är inget dimensionsnummer.`);
      if (!code.text) return this.error(line, `${label}: en objektkod i objektlistan är tom.`);
      objects.push({ dimension: Number(dim.text), code: code.text });
    }
    const amountText = textOf(amountT);
    const amountOre = amountText === undefined ? undefined : sieAmountToOre(amountText);
    if (amountOre === undefined)
      return this.error(
        line,
        `${label}: beloppet ska vara ett tal med punkt som decimaltecken (t.ex. -1234.50), inte "${amountText ?? ''}".`,
      );
    if (fields.length > 6)
      return this.error(
        line,
        `${label}: raden har fler fält än posten har (ett belopp med mellanslag eller decimalkomma?).`,
      );
    const quantity = textOf(quantityT);
    if (quantityT && (quantity === undefined || !/^-?\d+(\.\d+)?$/.test(quantity)))
      return this.error(line, `${label}: kvantiteten ska vara ett tal.`);
    const yearIndex = Number(index);
    const rar = this.years.get(yearIndex);
    if (!rar)
      return this.error(
        line,
        `${label}: årsnummer ${yearIndex} har inget räkenskapsår (#RAR ${yearIndex} …) före raden.`,
      );
    if (period < rar.start || period > rar.end)
      return this.error(
        line,
        `${label}: perioden ${period} ligger utanför räkenskapsåret (#RAR ${yearIndex}).`,
      );
    this.onBalance({
      line,
      kind: label === '#PBUDGET' ? 'budget' : 'outcome',
      yearIndex,
      year: Number(period.slice(0, 4)),
      month: Number(period.slice(4, 6)),
      account,
      objects,
      amountOre,
    });
  }
}
