import type { CurrentUser, EscalationView, Page } from '@rodtrad/contracts';
import { useApiQuery } from '../api/query-client';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { hasAnyRole, isAdmin, useSession } from '../auth/session';
import { roleLabel, t } from '../i18n/t';
import { Link, useLocation } from 'react-router';
import { HeaderSearch } from './header-search';

export function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      {t('skipLink')}
    </a>
  );
}

function Brand() {
  return (
    <Link to="/" className="brand">
      <span className="brand-mark" aria-hidden="true" />
      <span>{t('app.name')}</span>
      <span className="brand-tagline">{t('app.tagline')}</span>
    </Link>
  );
}

/** Pages anyone may open (sign-in, approval links): no menu, no user. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="container header-row">
          <Brand />
        </div>
      </header>
      <main id="main" className="container main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** The administration's own menu, on its pages: the main menu has one entry for all of them. */
function AdminNav({ pathname }: { pathname: string }) {
  const links = [
    { to: '/admin', label: t('nav.adminUnitsUsers') },
    { to: '/admin/grupper', label: t('nav.groups') },
    { to: '/admin/arbetsfloden', label: t('nav.workflows') },
    { to: '/admin/ekonomi-import', label: t('nav.financialImport') },
    { to: '/admin/kolada', label: t('nav.kolada') },
  ];
  const current = (to: string) => (to === '/admin' ? pathname === '/admin' : pathname.startsWith(to));
  return (
    <nav aria-label={t('nav.admin')} className="sub-nav">
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to} aria-current={current(link.to) ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

interface NavItem {
  to: string;
  label: string;
  current: boolean;
  /** A number shown beside the label (things waiting), with its words for screen readers. */
  count?: number;
  countLabel?: string;
}

/** Open escalations without KS's decision yet (lämna råd, föra till KF, anteckna). */
function useAwaitingKsDecision(enabled: boolean): number | undefined {
  const awaiting = useApiQuery<Page<EscalationView>>(enabled ? '/api/escalations' : null, {
    awaitingDecision: 'true',
    limit: 1,
  });
  return awaiting.data?.total;
}

export function AppShell({ user, children }: { user: CurrentUser; children: ReactNode }) {
  const { logout } = useSession();
  const { pathname } = useLocation();
  // Signed out or not, the sign-in gate then takes the user to the sign-in page (app.tsx).
  const signOut = useMutation({ mutationFn: logout });
  const leaving = signOut.isPending;
  const year = new Date().getFullYear();
  const isKs = hasAnyRole(user, ['ks.ordforande', 'ks.sekreterare']);
  const awaitingKs = useAwaitingKsDecision(isKs);
  // The registrar's matrix is for those the API lets read every unit's status.
  const items: NavItem[] = [
    { to: '/', label: t('nav.tasks'), current: pathname === '/' },
    ...(hasAnyRole(user, ['admin', 'registrator', 'ks.ordforande', 'ks.sekreterare'])
      ? [{ to: `/inlamning/${year}`, label: t('nav.status'), current: pathname.startsWith('/inlamning') }]
      : []),
    {
      to: '/avvikelser',
      label: t('nav.escalations'),
      current: pathname.startsWith('/avvikelser') && pathname !== '/avvikelser/rapportera',
      // KS sees at once how many escalations wait for its decision.
      count: isKs ? awaitingKs : undefined,
      countLabel: t('nav.awaitingDecision'),
    },
    // §5.4.2: the nämnd reports a significant deviation between the regular reports at once.
    ...(hasAnyRole(user, ['namnd.ordforande', 'namnd.sekreterare', 'forvaltningschef', 'handlaggare'])
      ? [
          {
            to: '/avvikelser/rapportera',
            label: t('nav.reportDeviation'),
            current: pathname === '/avvikelser/rapportera',
          },
        ]
      : []),
    { to: `/roda-traden/${year}`, label: t('nav.redThread'), current: pathname.startsWith('/roda-traden') },
    { to: `/arshjul/${year}`, label: t('nav.yearWheel'), current: pathname.startsWith('/arshjul') },
    {
      to: `/kommunens-rapport/${year - 1}`,
      label: t('nav.municipalReport'),
      current: pathname.startsWith('/kommunens-rapport'),
    },
    { to: `/bolag/${year}`, label: t('nav.companies'), current: pathname.startsWith('/bolag') },
    // One entry for internal control: KS's summary for those the API lets read it (as the status
    // view), each nämnd's risk matrix for the others; the two pages link to each other.
    {
      to: hasAnyRole(user, ['admin', 'registrator', 'ks.ordforande', 'ks.sekreterare'])
        ? `/intern-kontroll/${year}`
        : `/riskmatris/${year}`,
      label: t('nav.internalControl'),
      current: pathname.startsWith('/intern-kontroll') || pathname.startsWith('/riskmatris'),
    },
    // Administration is one entry; its pages have a menu of their own (AdminNav).
    ...(isAdmin(user)
      ? [{ to: '/admin', label: t('nav.admin'), current: pathname.startsWith('/admin') }]
      : []),
  ];

  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="container header-row">
          <Brand />
          <HeaderSearch />
          <div className="user-box">
            <p className="user-name">
              <span className="visually-hidden">{t('header.signedInAs', { name: user.name })}</span>
              <span aria-hidden="true">{user.name}</span>
            </p>
            {user.roles.length > 0 && (
              <ul className="user-roles" aria-label={t('header.rolesLabel')}>
                {user.roles.map((r, i) => (
                  <li key={`${r.role}-${String(r.orgUnitId)}-${i}`}>
                    {r.orgUnitName
                      ? t('header.roleAt', { role: roleLabel(r.role), unit: r.orgUnitName })
                      : roleLabel(r.role)}
                  </li>
                ))}
              </ul>
            )}
            <button
              type="button"
              className="button button-quiet"
              onClick={() => signOut.mutate()}
              disabled={leaving}
            >
              {leaving ? t('header.loggingOut') : t('header.logout')}
            </button>
          </div>
        </div>
        <nav aria-label={t('nav.label')} className="main-nav">
          <ul className="container">
            {items.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={item.current ? 'page' : undefined}>
                  {item.label}
                  {item.count ? (
                    <>
                      {' '}
                      <span className="nav-count">{item.count}</span>
                      <span className="visually-hidden">{` ${item.countLabel}`}</span>
                    </>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="container main" tabIndex={-1}>
        {isAdmin(user) && pathname.startsWith('/admin') && <AdminNav pathname={pathname} />}
        {children}
      </main>
    </>
  );
}
