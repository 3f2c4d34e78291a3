import type { BodyOwnershipView, DocumentSummaryView, OrgUnitView, Page } from '@rodtrad/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { toApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import { useApiQuery } from '../../api/query-client';
import { hasAnyRole, isAdmin, useCurrentUser } from '../../auth/session';
import { bound } from '../../components/bound';
import { ErrorSummary } from '../../components/error-summary';
import { TextAreaField, TextField } from '../../components/field';
import { FormButtons } from '../../components/form-buttons';
import { Loading, NotAvailable, ProblemMessage, StatusMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n/t';
import { formErrors, NO_ERRORS, type FormErrors } from '../admin/form-errors';
import { parseSwedishNumber } from '../admin/thresholds';
import { NotFoundPage } from '../not-found-page';
import { YearNav } from '../year-nav';

const doc = (id: string) => `/dokument/${encodeURIComponent(id)}`;

/**
 * The companies and kommunalförbund under KS's uppsikt (#16): the municipality's holding in each
 * (an administrator edits it here), the companies' reports to KS of the year, and KS's yearly
 * assessment under kommunallagen 6 kap. 9 §.
 */
export default function CompaniesPage({ year }: { year: string }) {
  if (!/^\d{4}$/.test(year)) return <NotFoundPage />;
  return <CompaniesView key={year} year={Number(year)} />;
}

function CompaniesView({ year }: { year: number }) {
  const bodies = useApiQuery<Page<BodyOwnershipView>>('/api/owned-bodies');
  const [status, setStatus] = useState<string | null>(null);
  return (
    <>
      <PageHeading title={t('companies.title', { year })} />
      <p className="lead">{t('companies.intro')}</p>
      <div className="toolbar">
        <YearNav year={year} base="/bolag" />
      </div>
      <StatusMessage message={status} />
      <section aria-labelledby="companies-owned" className="card">
        <h2 id="companies-owned">{t('companies.owned')}</h2>
        {bodies.isLoading ? (
          <Loading />
        ) : bodies.error?.isNotFound ? (
          <NotAvailable />
        ) : bodies.error ? (
          <ProblemMessage error={bodies.error} onRetry={bodies.refetch} />
        ) : bodies.data?.items.length ? (
          <OwnedBodies items={bodies.data.items} onSaved={setStatus} />
        ) : (
          <p className="empty-state">{t('companies.none')}</p>
        )}
      </section>
      <Reports year={year} />
      <Assessment year={year} />
    </>
  );
}

function OwnedBodies({ items, onSaved }: { items: BodyOwnershipView[]; onSaved: (m: string) => void }) {
  const user = useCurrentUser();
  const admin = isAdmin(user);
  const [editing, setEditing] = useState<string | null>(null);
  const current = items.find((b) => b.unitId === editing);
  return (
    <>
      <div className="table-scroll" role="region" aria-labelledby="companies-owned" tabIndex={0}>
        <table className="data-table">
          <caption className="visually-hidden">{t('companies.ownedTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('companies.name')}</th>
              <th scope="col">{t('companies.form')}</th>
              <th scope="col">{t('companies.holding')}</th>
              {admin && <th scope="col">{t('companies.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((b) => (
              <tr key={b.unitId}>
                <th scope="row">{b.name}</th>
                <td>{t(`companies.form.${b.form}`)}</td>
                <td>
                  {b.kind === 'kommunalforbund'
                    ? b.memberMunicipalities.join(', ')
                    : b.sharePercent === null
                      ? t('common.none')
                      : `${String(b.sharePercent).replace('.', ',')} %`}
                </td>
                {admin && (
                  <td>
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-label={t('companies.edit', { name: b.name })}
                      onClick={() => setEditing(b.unitId)}
                    >
                      {t('companies.editShort')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {current && (
        <OwnershipForm
          key={current.unitId}
          body={current}
          onDone={(message) => {
            setEditing(null);
            if (message) onSaved(message);
          }}
        />
      )}
    </>
  );
}

const FIELD_IDS: Record<string, string> = {
  '/sharePercent': 'ownership-share',
  '/memberMunicipalities': 'ownership-members',
};

/** An administrator's edit of a company's share or a kommunalförbund's members. */
function OwnershipForm({
  body,
  onDone,
}: {
  body: BodyOwnershipView;
  onDone: (message: string | null) => void;
}) {
  const queryClient = useQueryClient();
  const forbund = body.kind === 'kommunalforbund';
  const [share, setShare] = useState(
    body.sharePercent === null ? '' : String(body.sharePercent).replace('.', ','),
  );
  const [members, setMembers] = useState(body.memberMunicipalities.join('\n'));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const save = useMutation({
    mutationFn: () =>
      apiFetch(`/api/org-units/${encodeURIComponent(body.unitId)}/ownership`, {
        method: 'PUT',
        body: forbund
          ? {
              sharePercent: null,
              memberMunicipalities: members
                .split('\n')
                .map((m) => m.trim())
                .filter(Boolean),
            }
          : { sharePercent: parseSwedishNumber(share), memberMunicipalities: [] },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['/api/owned-bodies'] });
      onDone(t('companies.saved', { name: body.name }));
    },
    onError: (error) => {
      setErrors(formErrors(toApiError(error), (p) => FIELD_IDS[p.replace(/\/\d+$/, '')]));
      setAttempt((n) => n + 1);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <form noValidate onSubmit={submit} className="form-stack" aria-labelledby="ownership-title">
      <h3 id="ownership-title">{t('companies.edit', { name: body.name })}</h3>
      <ErrorSummary items={errors.summary} focusKey={attempt} />
      {forbund ? (
        <TextAreaField
          id="ownership-members"
          label={t('companies.members')}
          hint={t('companies.membersHint')}
          {...bound(
            members,
            setMembers,
            errors.fields['/memberMunicipalities'] ??
              Object.entries(errors.fields).find(([p]) => p.startsWith('/memberMunicipalities/'))?.[1],
          )}
        />
      ) : (
        <TextField
          id="ownership-share"
          label={t('companies.share')}
          hint={t('companies.shareHint')}
          inputMode="decimal"
          {...bound(share, setShare, errors.fields['/sharePercent'])}
        />
      )}
      <FormButtons
        busy={save.isPending}
        label={t('common.save')}
        busyLabel={t('common.saving')}
        onCancel={() => onDone(null)}
      />
    </form>
  );
}

function DocumentTable({ label, items }: { label: string; items: DocumentSummaryView[] }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('companies.document')}</th>
            <th scope="col">{t('companies.state')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                <Link to={doc(d.id)}>{d.title}</Link>
              </th>
              <td>{d.stateTitle}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Reports({ year }: { year: number }) {
  const reports = useApiQuery<Page<DocumentSummaryView>>('/api/documents', {
    type: 'bolagsrapport',
    year,
    limit: 100,
  });
  return (
    <section aria-labelledby="companies-reports" className="card">
      <h2 id="companies-reports">{t('companies.reports')}</h2>
      <p>{t('companies.reportsIntro')}</p>
      {reports.isLoading ? (
        <Loading />
      ) : reports.error ? (
        <ProblemMessage error={reports.error} onRetry={reports.refetch} />
      ) : reports.data?.items.length ? (
        <DocumentTable label={t('companies.reports')} items={reports.data.items} />
      ) : (
        <p className="empty-state">{t('companies.noReports', { year })}</p>
      )}
    </section>
  );
}

function Assessment({ year }: { year: number }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const assessments = useApiQuery<Page<DocumentSummaryView>>('/api/documents', {
    type: 'ks-bolagsbedomning',
    year,
    limit: 10,
  });
  const units = useApiQuery<Page<OrgUnitView>>('/api/org-units');
  const ks = units.data?.items.find((u) => u.kind === 'ks');
  const mayStart = hasAnyRole(user, ['ks.sekreterare', 'admin', 'registrator']);
  const start = useMutation({
    mutationFn: () =>
      apiFetch<{ id: string }>('/api/documents', {
        method: 'POST',
        body: { type: 'ks-bolagsbedomning', orgUnitId: ks?.id, year },
      }),
    onSuccess: (created) => navigate(doc(created.id)),
  });
  return (
    <section aria-labelledby="companies-assessment" className="card">
      <h2 id="companies-assessment">{t('companies.assessment')}</h2>
      <p>{t('companies.assessmentIntro')}</p>
      {assessments.isLoading ? (
        <Loading />
      ) : assessments.error ? (
        <ProblemMessage error={assessments.error} onRetry={assessments.refetch} />
      ) : assessments.data?.items.length ? (
        <DocumentTable label={t('companies.assessment')} items={assessments.data.items} />
      ) : (
        <>
          <p className="empty-state">{t('companies.noAssessment', { year })}</p>
          {start.error && <ProblemMessage error={toApiError(start.error)} />}
          {mayStart && ks && (
            <button
              type="button"
              className="button"
              disabled={start.isPending}
              onClick={() => start.mutate()}
            >
              {start.isPending ? t('companies.starting') : t('companies.startAssessment', { year })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
