import { canonicalJson, dataHash, linkHash, verifyChain, type AuditLink } from './audit-chain';

const link = (seq: number, prevHash: string | null, over: Partial<AuditLink> = {}): AuditLink => ({
  documentId: 'd1',
  seq,
  at: `2027-01-0${seq}T10:00:00.000Z`,
  actorUserId: 'u1',
  onBehalfOfUserId: null,
  via: 'user',
  event: seq === 1 ? 'CREATE' : 'SUBMIT',
  fromState: seq === 1 ? null : 'draft',
  toState: seq === 1 ? 'draft' : 'review',
  comment: null,
  dataHash: dataHash({ seq }),
  prevHash,
  ...over,
});

function chain(n: number) {
  const out: (AuditLink & { hash: string })[] = [];
  for (let i = 1; i <= n; i++) {
    const l = link(i, out.at(-1)?.hash ?? null);
    out.push({ ...l, hash: linkHash(l) });
  }
  return out;
}

describe('audit chain', () => {
  it('hashes data independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(dataHash({ a: 1, b: 2 })).toBe(dataHash({ b: 2, a: 1 }));
  });

  it('verifies an intact chain', () => {
    expect(verifyChain(chain(4))).toEqual({ ok: true, checked: 4 });
  });

  it('names the first entry whose content was altered', () => {
    const c = chain(4);
    c[2] = { ...c[2], comment: 'efterhandsändrad' };
    expect(verifyChain(c)).toMatchObject({
      ok: false,
      checked: 2,
      brokenAt: { seq: 3, reason: 'entry was altered' },
    });
  });

  it('ignores columns a reader joins in beside the link', () => {
    const c = chain(2).map((e) => ({ ...e, actorName: 'Erik Andersson' }));
    expect(verifyChain(c)).toEqual({ ok: true, checked: 2 });
  });

  it('notices a removed entry', () => {
    const c = chain(4);
    c.splice(1, 1);
    expect(verifyChain(c)).toMatchObject({ ok: false, brokenAt: { seq: 3 } });
  });

  it('notices an entry re-hashed without its predecessor', () => {
    const c = chain(3);
    const forged = link(2, 'f'.repeat(64), { comment: 'ny' });
    c[1] = { ...forged, hash: linkHash(forged) };
    expect(verifyChain(c)).toMatchObject({
      ok: false,
      brokenAt: { seq: 2, reason: 'previous hash does not match' },
    });
  });
});
