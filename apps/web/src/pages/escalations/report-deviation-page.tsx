import type { CurrentUser, EscalationDetail, OrgUnitView, Page } from '@rodtrad/contracts';
import type { RoleKey } from '@rodtrad/domain';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { toApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import { useApiQuery } from '../../api/query-client';
import { useCurrentUser } from '../../auth/session';
import { bound } from '../../components/bound';
import { ErrorSummary } from '../../components/error-summary';
import { Loading, ProblemMessage } from '../../components/feedback';
import { FormButtons } from '../../components/form-buttons';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { PageHeading } from '../../components/page-heading';
import { UnitOptions } from '../../components/unit-options';
import { formatSum } from '../../i18n/format';
import { formErrors, NO_ERRORS, type FormErrors } from '../admin/form-errors';
import { parseSwedishNumber } from '../admin/thresholds';

/** Who may report a deviation for a nämnd (the API's DEVIATION_REPORTER_ROLES). */
export const DEVIATION_REPORTER_ROLES: readonly RoleKey[] = [
  'namnd.ordforande',
  'namnd.sekreterare',
  'forvaltningschef',
  'handlaggare',
];

const FIELD_IDS: Record<string, string> = {
  '/orgUnitId': 'deviation-unit',
  '/year': 'deviation-year',
  '/amount': 'deviation-amount',
  '/description': 'deviation-description',
  '/measures': 'deviation-measures',
};

/**
 * The nämnder the user may report for: a role on a nämnd (or bolag) is for that nämnd; a role on
 * a förvaltning is for the nämnd it serves. A role further down reaches no nämnd.
 */
export function reportableUnits(user: CurrentUser, units: readonly OrgUnitView[]): OrgUnitView[] {
  const byId = new Map(units.map((u) => [String(u.id), u]));
  const out = new Map<string, OrgUnitView>();
  for (const r of user.roles) {
    if (!DEVIATION_REPORTER_ROLES.includes(r.role as RoleKey)) continue;
    const held = byId.get(String(r.orgUnitId));
    const namnd =
      held?.kind === 'namnd' || held?.kind === 'bolag'
        ? held
        : held?.kind === 'forvaltning' && held.parentId
          ? byId.get(String(held.parentId))
          : undefined;
    if (namnd && (namnd.kind === 'namnd' || namnd.kind === 'bolag')) out.set(String(namnd.id), namnd);
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv-SE'));
}

/**
 * §5.4.2: a significant deviation between the regular reports is reported to KS at once, with
 * proposed measures. It escalates as one found in a report: KS is mailed, an åtgärdsplan opens.
 */
export default function ReportDeviationPage() {
  const user = useCurrentUser();
  const units = useApiQuery<Page<OrgUnitView>>('/api/org-units');
  const mine = useMemo(() => (units.data ? reportableUnits(user, units.data.items) : []), [user, units.data]);

  let body: React.ReactNode;
  if (units.isLoading) body = <Loading />;
  else if (units.error) body = <ProblemMessage error={units.error} onRetry={units.refetch} />;
  else if (!mine.length)
    body = (
      <p>
        Du har ingen roll som rapporterar avvikelser för en nämnd. Nämndens ordförande och sekreterare,
        förvaltningschefen och förvaltningens ekonomer kan rapportera.
      </p>
    );
  else body = <ReportDeviationForm units={mine} />;

  return (
    <>
      <PageHeading title="Rapportera avvikelse" />
      <p className="lead">
        Uppstår en väsentlig avvikelse mellan de ordinarie rapporterna ska den omedelbart meddelas
        kommunstyrelsen, med förslag på åtgärder. Avvikelsen går till kommunstyrelsen på samma sätt som en
        avvikelse i en rapport: kommunstyrelsen får e-post och en åtgärdsplan skapas för nämnden.
      </p>
      {body}
    </>
  );
}

function ReportDeviationForm({ units }: { units: OrgUnitView[] }) {
  const [orgUnitId, setOrgUnitId] = useState(String(units[0].id));
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const [measures, setMeasures] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const [reported, setReported] = useState<EscalationDetail | null>(null);

  const report = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch<EscalationDetail>('/api/escalations', { method: 'POST', body }),
    onSuccess: (e) => {
      setErrors(NO_ERRORS);
      setReported(e);
    },
    onError: (error) => {
      setErrors(formErrors(toApiError(error), (p) => FIELD_IDS[p]));
      setAttempt((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setReported(null);
    const local: FormErrors = { fields: {}, summary: [] };
    const fail = (pointer: string, message: string) => {
      local.fields[pointer] = message;
      local.summary.push({ fieldId: FIELD_IDS[pointer], message });
    };
    const kronor = parseSwedishNumber(amount);
    const y = Number(year);
    if (!Number.isInteger(y)) fail('/year', 'Ange ett år, t.ex. 2027.');
    if (kronor !== null && !Number.isSafeInteger(kronor)) fail('/amount', 'Ange beloppet i hela kronor.');
    if (!description.trim()) fail('/description', 'Beskriv avvikelsen.');
    if (!measures.trim())
      fail(
        '/measures',
        'Ange föreslagna åtgärder: en väsentlig avvikelse meddelas kommunstyrelsen med förslag på åtgärder.',
      );
    if (local.summary.length) {
      setErrors(local);
      setAttempt((n) => n + 1);
      return;
    }
    report.mutate({
      orgUnitId,
      year: y,
      ...(kronor === null ? {} : { amount: kronor }),
      description: description.trim(),
      measures: measures.trim(),
    });
  }

  return (
    <form noValidate onSubmit={submit} className="form-stack card">
      <div role="status" aria-live="polite">
        {reported && (
          <p className="notice notice-success">
            Avvikelsen är rapporterad till kommunstyrelsen
            {reported.amount !== null ? ` (${formatSum(reported.amount)})` : ''}.{' '}
            <Link to={`/avvikelser/${encodeURIComponent(reported.id)}`}>Öppna avvikelsen</Link>
          </p>
        )}
      </div>
      <ErrorSummary items={errors.summary} focusKey={attempt} />
      <SelectField
        id="deviation-unit"
        label="Nämnd"
        {...bound(orgUnitId, setOrgUnitId, errors.fields['/orgUnitId'])}
      >
        <UnitOptions units={units} />
      </SelectField>
      <TextField
        id="deviation-year"
        inputMode="numeric"
        label="Budgetår"
        {...bound(year, setYear, errors.fields['/year'])}
      />
      <TextField
        id="deviation-amount"
        inputMode="numeric"
        label="Avvikelse i kronor (frivilligt)"
        hint="Hela kronor, som årsbudget − prognos: ett underskott anges negativt, t.ex. −6 000 000."
        value={amount}
        error={errors.fields['/amount']}
        onChange={(e) => setAmount(e.target.value.replace('−', '-'))}
      />
      <TextAreaField
        id="deviation-description"
        label="Beskrivning av avvikelsen"
        hint="Vad avviker, varför och hur mycket."
        required
        {...bound(description, setDescription, errors.fields['/description'])}
      />
      <TextAreaField
        id="deviation-measures"
        label="Föreslagna åtgärder"
        hint="Krävs. Vad nämnden föreslår för att begränsa avvikelsen."
        required
        {...bound(measures, setMeasures, errors.fields['/measures'])}
      />
      <FormButtons busy={report.isPending} label="Rapportera till kommunstyrelsen" busyLabel="Skickar…" />
    </form>
  );
}
