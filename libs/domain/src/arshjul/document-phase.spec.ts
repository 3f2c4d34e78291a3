import { documentPhase, isDocumentPhase, type PhaseFacts } from './document-phase';

const created: PhaseFacts = {
  exists: true,
  version: 1,
  final: false,
  submittedAt: null,
  inInitialState: true,
};

describe('documentPhase', () => {
  it('calls a planned slot without a document, and an untouched draft, not started', () => {
    expect(documentPhase({ ...created, exists: false })).toBe('not_started');
    expect(documentPhase(created)).toBe('not_started');
  });

  it('calls a saved draft in progress', () => {
    expect(documentPhase({ ...created, version: 3 })).toBe('in_progress');
  });

  it('calls a document under review or awaiting decision submitted', () => {
    expect(
      documentPhase({ ...created, version: 4, submittedAt: '2026-03-02T09:00:00Z', inInitialState: false }),
    ).toBe('submitted');
  });

  it('calls a document returned to its draft in progress, though it was once submitted', () => {
    expect(documentPhase({ ...created, version: 6, submittedAt: '2026-03-02T09:00:00Z' })).toBe(
      'in_progress',
    );
  });

  it('calls a document whose workflow has ended decided, whatever else is true', () => {
    expect(
      documentPhase({ exists: true, version: 9, final: true, submittedAt: null, inInitialState: false }),
    ).toBe('decided');
  });

  it('knows its own words only', () => {
    expect(isDocumentPhase('submitted')).toBe(true);
    expect(isDocumentPhase('review')).toBe(false);
  });
});
