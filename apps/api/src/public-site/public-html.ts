// The public site's HTML: server-rendered, in Swedish, without any script (the CSP allows none
// inline, and reading needs none). One page layout with a skip link, landmarks, a visible focus
// ring and colours with at least 4.5:1 contrast (WCAG 2.1 AA).

export function esc(s: unknown): string {
  return String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** A tagged template whose interpolations are escaped, except `raw(...)` values. */
export class Raw {
  constructor(readonly html: string) {}
}
export const raw = (html: string) => new Raw(html);
export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    const part = Array.isArray(v)
      ? v.map((x) => (x instanceof Raw ? x.html : esc(x))).join('')
      : v instanceof Raw
        ? v.html
        : v === null || v === undefined || v === false
          ? ''
          : esc(v);
    out += part + (strings[i + 1] ?? '');
  });
  return new Raw(out);
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1b1b1b;background:#fff}
a{color:#0b4f8a}
a:focus,button:focus,input:focus,summary:focus{outline:3px solid #b35900;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:1rem}
header.site{background:#7a1616;color:#fff;padding:1rem 1.5rem}
header.site a{color:#fff}
header.site p{margin:.2rem 0 0}
nav.site ul{list-style:none;display:flex;flex-wrap:wrap;gap:1.25rem;margin:.75rem 0 0;padding:0}
main{max-width:62rem;margin:0 auto;padding:1.5rem}
footer.site{max-width:62rem;margin:2rem auto;padding:1rem 1.5rem;border-top:1px solid #767676;color:#3d3d3d;font-size:.95rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #767676;padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}
.muted{color:#4a4a4a}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:1rem 0}
form.search label{display:block;font-weight:600}
input[type=search]{font:inherit;padding:.4rem;border:1px solid #595959;min-width:18rem}
button{font:inherit;padding:.45rem 1rem;border:1px solid #7a1616;background:#7a1616;color:#fff;cursor:pointer}
.fulfilment-green{color:#1d5e20}.fulfilment-yellow{color:#6b4e00}.fulfilment-red{color:#9b1c1c}
`;

export interface PageOptions {
  title: string;
  municipality: string;
  /** The year the page is about, for the navigation. */
  year?: number;
}

export function page(opts: PageOptions, body: Raw): string {
  const y = opts.year;
  const nav = html`<nav class="site" aria-label="Webbplatsen">
    <ul>
      <li><a href="/offentligt">Start</a></li>
      ${y ? html`<li><a href="/offentligt/${y}">Dokument ${y}</a></li>` : ''}
      ${y ? html`<li><a href="/offentligt/${y}/roda-traden">Röda tråden ${y}</a></li>` : ''}
      ${y ? html`<li><a href="/offentligt/${y}/arshjul">Årshjul ${y}</a></li>` : ''}
      <li><a href="/offentligt/sok">Sök</a></li>
    </ul>
  </nav>`;
  return `<!doctype html>${
    html`<html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${opts.title} – ${opts.municipality}</title>
        <style>
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        <a class="skip" href="#innehall">Hoppa till innehållet</a>
        <header class="site">
          <p><a href="/offentligt">${opts.municipality}</a></p>
          <p>Styrdokument och uppföljning, öppet för alla</p>
          ${nav}
        </header>
        <main id="innehall" tabindex="-1">${body}</main>
        <footer class="site">
          <p>
            Här visas fastställda styrdokument och behandlade rapporter. Uppgifter som omfattas av sekretess
            enligt offentlighets- och sekretesslagen visas inte. Du kan begära ut allmänna handlingar från
            kommunens registratur.
          </p>
          <p>Öppna data: <a href="/offentligt">välj ett år</a> för JSON och CSV.</p>
        </footer>
      </body>
    </html>`.html
  }`;
}

/** A search form (GET, so it works without JavaScript and the result has its own address). */
export function searchForm(q: string): Raw {
  return html`<form class="search" action="/offentligt/sok" method="get" role="search">
    <div>
      <label for="q">Sök på titel eller diarienummer</label>
      <input type="search" id="q" name="q" value="${q}" />
    </div>
    <button type="submit">Sök</button>
  </form>`;
}
