import { mentionedUsernames } from './collaboration.service';
import { contentMatches, extensionOf } from './file-signature';

describe('attachments: file type by extension and by content', () => {
  it('reads the extension in lower case, without a path or the dot', () => {
    expect(extensionOf('Budget 2026.XLSX')).toBe('xlsx');
    expect(extensionOf('underlag.tar.gz')).toBe('gz');
    expect(extensionOf('README')).toBe('');
  });

  it('accepts content that fits its extension and refuses content that does not', () => {
    expect(contentMatches('pdf', Buffer.from('%PDF-1.7\n'))).toBe(true);
    expect(contentMatches('pdf', Buffer.from('MZ\x90\x00'))).toBe(false);
    expect(contentMatches('png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      true,
    );
    expect(contentMatches('jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(contentMatches('docx', Buffer.from('PK\x03\x04rest'))).toBe(true);
    expect(contentMatches('xlsx', Buffer.from('%PDF-1.7'))).toBe(false);
    expect(contentMatches('csv', Buffer.from('Konto;Belopp\n4010;12 500\n'))).toBe(true);
    expect(contentMatches('txt', Buffer.from([0x41, 0x00, 0x42]))).toBe(false);
    expect(contentMatches('exe', Buffer.from('MZ'))).toBe(false);
  });
});

describe('comments: who a comment mentions', () => {
  it('finds @username at the start or after a space or punctuation, once each, in lower case', () => {
    expect(mentionedUsernames('@bin.fvc kan du titta? Tack @Bin.Sekreterare, och (@bin.fvc).')).toEqual([
      'bin.fvc',
      'bin.sekreterare',
    ]);
  });

  it('does not take an e-mail address or a trailing dot for a mention', () => {
    expect(mentionedUsernames('Skriv till bin.fvc@hallsberg.example eller fråga @admin.')).toEqual(['admin']);
    expect(mentionedUsernames('Inga namn här.')).toEqual([]);
  });
});
