// The pages of the public site, from data to HTML (pure; the controller fetches, these render).
import { formatSwedishDate, groupDigits, type YearWheelEntry } from '@rodtrad/domain';
import type { RedThread } from '../years/red-thread';
import { html, page, raw, searchForm, type Raw } from './public-html';
import type { PublicDocument } from './public-site.service';

const COLOUR_TEXT: Record<string, string> = {
  green: 'Uppfylls',
  yellow: 'Delvis uppfyllt',
  red: 'Uppfylls inte',
};

const date = (d: string | null) => (d ? formatSwedishDate(d) : '–');

export function startPage(municipality: string, years: number[]): string {
  return page(
    { title: 'Styrdokument', municipality },
    html`<h1>Styrdokument och uppföljning</h1>
      <p>
        Här finns ${municipality}s fastställda styrdokument, från Mål och budget till enheternas planer, och
        de rapporter som kommunstyrelsen har behandlat. Varje dokument finns som tillgänglig PDF.
      </p>
      ${searchForm('')}
      <h2>År</h2>
      ${
        years.length
          ? html`<ul>
              ${years.map(
                (y) =>
                  html`<li>
                    <a href="/offentligt/${y}">Dokument ${y}</a> ·
                    <a href="/offentligt/${y}/roda-traden">Röda tråden ${y}</a> ·
                    <a href="/offentligt/${y}/arshjul">Årshjul ${y}</a> · Öppna data:
                    <a href="/offentligt/data/${y}.json">JSON</a>, <a href="/offentligt/data/${y}.csv">CSV</a>
                  </li>`,
              )}
            </ul>`
          : html`<p>Inga dokument är fastställda ännu.</p>`
      }`,
  );
}

function documentTable(caption: string, docs: PublicDocument[], withYear = false): Raw {
  return html`<table>
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">Dokument</th>
        ${withYear ? html`<th scope="col">År</th>` : ''}
        <th scope="col">Enhet</th>
        <th scope="col">Diarienummer</th>
        <th scope="col">Beslutat</th>
        <th scope="col">PDF</th>
      </tr>
    </thead>
    <tbody>
      ${docs.map(
        (d) =>
          html`<tr>
            <th scope="row">
              ${d.title}<br /><span class="muted"
                >${d.typeTitle}${d.period ? `, ${d.period}` : ''} · ${d.state}</span
              >
              ${d.omitted.length ? html`<br /><span class="muted">Vissa uppgifter omfattas av sekretess.</span>` : ''}
            </th>
            ${withYear ? html`<td>${d.year}</td>` : ''}
            <td>${d.unit}</td>
            <td>${d.diarienummer ?? '–'}</td>
            <td>${date(d.decisionDate)}${d.paragraph ? `, ${d.paragraph}` : ''}</td>
            <td><a href="${d.pdf}">${d.title} (PDF)</a></td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function yearPage(municipality: string, year: number, docs: PublicDocument[]): string {
  const bodies = new Map<string, { name: string; docs: PublicDocument[] }>();
  for (const d of docs) {
    const b = bodies.get(d.body.id) ?? { name: d.body.name, docs: [] };
    b.docs.push(d);
    bodies.set(d.body.id, b);
  }
  const sorted = [...bodies.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return page(
    { title: `Dokument ${year}`, municipality, year },
    html`<h1>Styrdokument ${year}</h1>
      <p>
        ${docs.length} fastställda eller behandlade dokument, per nämnd, styrelse och bolag. Öppna data för
        året:
        <a href="/offentligt/data/${year}.json">JSON</a>, <a href="/offentligt/data/${year}.csv">CSV</a>.
      </p>
      ${searchForm('')}
      ${
        sorted.length
          ? html`<nav aria-label="Organ ${year}">
              <ul>
                ${sorted.map((b, i) => html`<li><a href="#organ-${i}">${b.name}</a></li>`)}
              </ul>
            </nav>`
          : html`<p>Inga dokument för ${year} är fastställda ännu.</p>`
      }
      ${sorted.map(
        (b, i) =>
          html`<section aria-labelledby="organ-${i}">
            <h2 id="organ-${i}">${b.name}</h2>
            ${documentTable(`${b.name}: dokument ${year}`, b.docs)}
          </section>`,
      )}`,
  );
}

export function searchPage(municipality: string, q: string, docs: PublicDocument[] | null): string {
  return page(
    { title: q ? `Sökresultat för ${q}` : 'Sök', municipality },
    html`<h1>Sök bland styrdokumenten</h1>
      ${searchForm(q)}
      ${
        docs === null
          ? ''
          : html`<h2 id="traffar">${docs.length} träffar för ”${q}”</h2>
              ${
                docs.length
                  ? documentTable(`Dokument vars titel eller diarienummer innehåller ”${q}”`, docs, true)
                  : html`<p>Inga fastställda dokument matchar sökningen.</p>`
              }`
      }`,
  );
}

type Goal = RedThread['otherGoals'][number];

function goalSection(g: Goal): Raw {
  return html`<section aria-labelledby="mal-${g.documentId}-${g.id}">
    <h3 id="mal-${g.documentId}-${g.id}">${g.id}: ${g.titel}</h3>
    <p class="muted">${g.namnd.name}</p>
    ${g.beskrivning ? html`<p>${g.beskrivning}</p>` : ''}
    <table>
      <caption>
        Indikatorer och måluppfyllelse för ${g.id}
      </caption>
      <thead>
        <tr>
          <th scope="col">Indikator</th>
          <th scope="col">Ingångsvärde</th>
          <th scope="col">Målnivå</th>
          <th scope="col">Senaste utfall</th>
          <th scope="col">Måluppfyllelse</th>
        </tr>
      </thead>
      <tbody>
        ${g.indikatorer.map((i) => {
          const unit = i.enhet ? ` ${i.enhet}` : '';
          const num = (n: number | null) => (n === null ? '–' : `${groupDigits(n)}${unit}`);
          const latest = i.latest as { utfall?: number; at?: string } | null;
          return html`<tr>
            <th scope="row">${i.namn}</th>
            <td>${num(i.ingangsvarde)}</td>
            <td>${num(i.malniva)}</td>
            <td>
              ${latest?.utfall !== undefined ? `${num(latest.utfall)} (${date(latest.at ?? null)})` : '–'}
            </td>
            <td class="${i.colour ? `fulfilment-${i.colour}` : ''}">
              ${i.colour ? COLOUR_TEXT[i.colour] : 'Inget utfall ännu'}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${
      g.strategier.length
        ? html`<h4>Strategier</h4>
            <ul>
              ${g.strategier.map((s) => html`<li>${s.strategi} (${s.orgUnitName})</li>`)}
            </ul>`
        : ''
    }
    ${
      g.aktiviteter.length
        ? html`<h4>Aktiviteter</h4>
            <ul>
              ${g.aktiviteter.map((a) => html`<li>${a.titel} (${a.orgUnitName})</li>`)}
            </ul>`
        : ''
    }
  </section>`;
}

export function redThreadPage(municipality: string, year: number, thread: RedThread): string {
  const areas = thread.strategicAreas.filter((a) => a.namndmal.length);
  return page(
    { title: `Röda tråden ${year}`, municipality, year },
    html`<h1>Röda tråden ${year}</h1>
      <p>
        Från vision och strategiska områden till nämndernas mål, med indikatorer och måluppfyllelse. Bara
        fastställda dokument ingår.
      </p>
      ${
        thread.vision
          ? html`<h2>Vision</h2>
              <p>${thread.vision}</p>`
          : ''
      }
      ${areas.map(
        (a) =>
          html`<section aria-labelledby="omrade-${a.id}">
            <h2 id="omrade-${a.id}">${a.name}</h2>
            ${a.description ? html`<p>${a.description}</p>` : ''} ${a.namndmal.map(goalSection)}
          </section>`,
      )}
      ${
        thread.otherGoals.length
          ? html`<section aria-labelledby="ovriga-mal">
              <h2 id="ovriga-mal">Övriga nämndmål</h2>
              ${thread.otherGoals.map(goalSection)}
            </section>`
          : ''
      }
      ${!areas.length && !thread.otherGoals.length ? html`<p>Inga nämndmål är fastställda för ${year} ännu.</p>` : ''}`,
  );
}

export function yearWheelPage(municipality: string, year: number, entries: YearWheelEntry[]): string {
  const dated = entries.filter((e) => e.date).sort((a, b) => String(a.date).localeCompare(String(b.date)));
  return page(
    { title: `Årshjul ${year}`, municipality, year },
    html`<h1>Årshjul ${year}</h1>
      <p>När styrdokumenten tas fram, beslutas och följs upp under året.</p>
      <table>
        <caption>
          Årshjulets datum ${year}
        </caption>
        <thead>
          <tr>
            <th scope="col">Datum</th>
            <th scope="col">Vad</th>
          </tr>
        </thead>
        <tbody>
          ${dated.map(
            (e) =>
              html`<tr>
                <td><time datetime="${e.date}">${date(e.date ?? null)}</time></td>
                <th scope="row">
                  ${e.title}${e.description ? html`<br /><span class="muted">${e.description}</span>` : ''}
                </th>
              </tr>`,
          )}
        </tbody>
      </table>`,
  );
}

export function notFoundPage(municipality: string, what: string): string {
  return page(
    { title: 'Sidan finns inte', municipality },
    html`<h1>Sidan finns inte</h1>
      <p>${what}</p>
      ${raw('')}`,
  );
}
