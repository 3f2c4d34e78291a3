// The manifest of an archive package: METS 1.12 (Library of Congress), with every file of the
// package in the file section (MIME type, size, SHA-256) and one logical division per document.
// Pure: the worker hands in what it wrote. test/fixtures/archive/ has the schema it validates against.

export interface ManifestFile {
  /** Path inside the package, with '/' (e.g. "dokument/<id>/dokument.pdf"). */
  path: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** Which use the file has: "Dokument" (the PDF), "Data", "Revisionsspår", "Registrering". */
  use: string;
}

export interface ManifestDocument {
  id: string;
  label: string;
  /** Dokumenttyp as a word for the division's TYPE, e.g. "Internkontrollplan". */
  type: string;
  files: ManifestFile[];
}

export interface ManifestInput {
  objid: string;
  label: string;
  createdAt: Date;
  organisation: string;
  software: string;
  documents: ManifestDocument[];
  /** Files of the package as a whole (package metadata). */
  packageFiles: ManifestFile[];
}

const xml = (s: unknown) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );

/** METS wants xsd:ID values: a letter first, then letters, digits, '-', '_' and '.'. */
const idOf = (prefix: string, n: number) => `${prefix}${String(n).padStart(5, '0')}`;

export function metsManifest(input: ManifestInput): string {
  const created = input.createdAt.toISOString();
  const all = [...input.packageFiles, ...input.documents.flatMap((d) => d.files)];
  const ids = new Map(all.map((f, i) => [f, idOf('FIL', i + 1)]));
  const uses = [...new Set(all.map((f) => f.use))];
  const file = (f: ManifestFile) =>
    `      <mets:file ID="${ids.get(f)}" MIMETYPE="${xml(f.mimeType)}" SIZE="${f.size}" CREATED="${created}" CHECKSUM="${f.sha256}" CHECKSUMTYPE="SHA-256">\n` +
    `        <mets:FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="${xml(f.path)}"/>\n` +
    `      </mets:file>`;
  const groups = uses.map(
    (use) =>
      `    <mets:fileGrp USE="${xml(use)}">\n${all
        .filter((f) => f.use === use)
        .map(file)
        .join('\n')}\n    </mets:fileGrp>`,
  );
  const divs = input.documents.map(
    (d, i) =>
      `      <mets:div ID="${idOf('DOK', i + 1)}" TYPE="${xml(d.type)}" LABEL="${xml(d.label)}" CONTENTIDS="urn:uuid:${xml(d.id)}">\n` +
      d.files.map((f) => `        <mets:fptr FILEID="${ids.get(f)}"/>`).join('\n') +
      `\n      </mets:div>`,
  );
  const packageFptrs = input.packageFiles.map((f) => `      <mets:fptr FILEID="${ids.get(f)}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" OBJID="${xml(input.objid)}" LABEL="${xml(input.label)}" TYPE="Arkivpaket">`,
    `  <mets:metsHdr CREATEDATE="${created}" RECORDSTATUS="COMPLETE">`,
    `    <mets:agent ROLE="CREATOR" TYPE="ORGANIZATION">`,
    `      <mets:name>${xml(input.organisation)}</mets:name>`,
    `    </mets:agent>`,
    `    <mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">`,
    `      <mets:name>${xml(input.software)}</mets:name>`,
    `    </mets:agent>`,
    `  </mets:metsHdr>`,
    `  <mets:fileSec>`,
    ...groups,
    `  </mets:fileSec>`,
    `  <mets:structMap TYPE="logical" LABEL="${xml(input.label)}">`,
    `    <mets:div TYPE="Arkivpaket" LABEL="${xml(input.label)}">`,
    ...packageFptrs,
    ...divs,
    `    </mets:div>`,
    `  </mets:structMap>`,
    `</mets:mets>`,
    '',
  ].join('\n');
}

/**
 * A year may be archived when it is closed: its calendar year has ended (Europe/Stockholm), or
 * every one of its documents has reached the final step of its workflow.
 */
export function isYearClosed(year: number, today: string, openDocuments: number, documents: number): boolean {
  return Number(today.slice(0, 4)) > year || (documents > 0 && openDocuments === 0);
}
