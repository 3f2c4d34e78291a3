import { isYearClosed, metsManifest, type ManifestFile } from './mets-manifest';

const file = (path: string, use: string, mimeType = 'application/json'): ManifestFile => ({
  path,
  use,
  mimeType,
  size: 12,
  sha256: 'a'.repeat(64),
});

describe('the METS manifest of an archive package', () => {
  const pdf = file('dokument/d1/dokument.pdf', 'Dokument', 'application/pdf');
  const data = file('dokument/d1/data.json', 'Data');
  const xmlText = metsManifest({
    objid: 'urn:rodtrad:arkivpaket:2027',
    label: 'Hallsbergs kommun: styrdokument 2027 & rapporter',
    createdAt: new Date('2028-01-15T10:00:00Z'),
    organisation: 'Hallsbergs kommun',
    software: 'Rödtråd',
    packageFiles: [file('paket.json', 'Paket')],
    documents: [
      { id: 'd1', label: 'Internkontrollplan 2027 <BIN>', type: 'Internkontrollplan', files: [pdf, data] },
    ],
  });

  it('lists every file with its size and SHA-256, grouped by use, each with its path', () => {
    expect(xmlText).toContain('<mets:fileGrp USE="Dokument">');
    expect(xmlText).toContain(
      `<mets:file ID="FIL00002" MIMETYPE="application/pdf" SIZE="12" CREATED="2028-01-15T10:00:00.000Z" CHECKSUM="${'a'.repeat(64)}" CHECKSUMTYPE="SHA-256">`,
    );
    expect(xmlText).toContain('xlink:href="dokument/d1/dokument.pdf"');
  });

  it('gives each document a division pointing at its files, with text escaped', () => {
    expect(xmlText).toContain('LABEL="Internkontrollplan 2027 &lt;BIN&gt;" CONTENTIDS="urn:uuid:d1"');
    expect(xmlText).toMatch(/<mets:fptr FILEID="FIL00002"\/>\s*<mets:fptr FILEID="FIL00003"\/>/);
    expect(xmlText).toContain('styrdokument 2027 &amp; rapporter');
  });
});

describe('isYearClosed', () => {
  it('is closed when the year has ended, or when every document of it is final', () => {
    expect(isYearClosed(2027, '2028-01-01', 5, 100)).toBe(true);
    expect(isYearClosed(2027, '2027-12-31', 5, 100)).toBe(false);
    expect(isYearClosed(2027, '2027-06-01', 0, 100)).toBe(true);
    expect(isYearClosed(2027, '2027-06-01', 0, 0)).toBe(false);
  });
});
