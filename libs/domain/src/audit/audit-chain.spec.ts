import {
  adminLinkHash,
  canonicalJson,
  checkAdminLink,
  CHAIN_START,
  dataHash,
  linkHash,
  sha256,
  verifyChain,
  type AdminAuditLink,
  type AuditKeyring,
  type AuditLink,
} from './audit-chain';

const K1: AuditKeyring = [{ id: 'k1', secret: Buffer.alloc(32, 1) }];
const K2: AuditKeyring = [{ id: 'k2', secret: Buffer.alloc(32, 2) }, ...K1];

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
  keyId: 'k1',
  ...over,
});

function chain(n: number, keyIdOf: (seq: number) => string | null = () => 'k1', ring = K2) {
  const out: (AuditLink & { hash: string })[] = [];
  for (let i = 1; i <= n; i++) {
    const l = link(i, out.at(-1)?.hash ?? null, { keyId: keyIdOf(i) });
    out.push({ ...l, hash: linkHash(l, ring) });
  }
  return out;
}

/** The hash as it was before the chain was keyed: plain SHA-256, no key id. */
function legacyHash(l: AuditLink): string {
  const { keyId: _keyId, prevHash, ...content } = l;
  return sha256(canonicalJson({ ...content, prevHash: prevHash ?? '0'.repeat(64) }));
}

describe('audit chain', () => {
  it('hashes data independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(dataHash({ a: 1, b: 2 })).toBe(dataHash({ b: 2, a: 1 }));
  });

  it('verifies an intact chain', () => {
    expect(verifyChain(chain(4), K1)).toEqual({ ok: true, checked: 4 });
  });

  it('names the first entry whose content was altered', () => {
    const c = chain(4);
    c[2] = { ...c[2], comment: 'efterhandsändrad' };
    expect(verifyChain(c, K1)).toMatchObject({
      ok: false,
      checked: 2,
      brokenAt: { seq: 3, reason: 'entry was altered' },
    });
  });

  it('ignores columns a reader joins in beside the link', () => {
    const c = chain(2).map((e) => ({ ...e, actorName: 'Erik Andersson' }));
    expect(verifyChain(c, K1)).toEqual({ ok: true, checked: 2 });
  });

  it('notices a removed entry', () => {
    const c = chain(4);
    c.splice(1, 1);
    expect(verifyChain(c, K1)).toMatchObject({ ok: false, brokenAt: { seq: 3 } });
  });

  it('notices an entry re-hashed without its predecessor', () => {
    const c = chain(3);
    const forged = link(2, 'f'.repeat(64), { comment: 'ny' });
    c[1] = { ...forged, hash: linkHash(forged, K1) };
    expect(verifyChain(c, K1)).toMatchObject({
      ok: false,
      brokenAt: { seq: 2, reason: 'previous hash does not match' },
    });
  });

  it('refuses an entry hashed without the key: plain SHA-256, or HMAC under another key', () => {
    const c = chain(2);
    const plain = link(3, c[1].hash, { event: 'ADOPT', keyId: null });
    expect(verifyChain([...c, { ...plain, hash: legacyHash(plain) }], K1)).toMatchObject({
      ok: false,
      brokenAt: { seq: 3, reason: 'unkeyed entry after a keyed one' },
    });
    const guessed = link(3, c[1].hash, { event: 'ADOPT', keyId: 'k1' });
    const wrongKey: AuditKeyring = [{ id: 'k1', secret: Buffer.alloc(32, 9) }];
    expect(verifyChain([...c, { ...guessed, hash: linkHash(guessed, wrongKey) }], K1)).toMatchObject({
      ok: false,
      brokenAt: { seq: 3, reason: 'entry was altered' },
    });
  });

  it('binds the key id: the same entry under another id does not verify', () => {
    const c = chain(1);
    expect(verifyChain([{ ...c[0], keyId: 'k2' }], K2)).toMatchObject({
      ok: false,
      brokenAt: { seq: 1, reason: 'entry was altered' },
    });
  });

  it('verifies entries under an old key once a new key writes, and names a key the ring lacks', () => {
    const c = chain(4, (seq) => (seq <= 2 ? 'k1' : 'k2'));
    expect(verifyChain(c, K2)).toEqual({ ok: true, checked: 4 });
    expect(verifyChain(c, [K2[0]])).toMatchObject({
      ok: false,
      brokenAt: { seq: 1, reason: 'unknown audit key "k1"' },
    });
  });

  it('accepts legacy entries at the start of a chain, sealed by the first keyed one', () => {
    const c = chain(4, (seq) => (seq <= 2 ? null : 'k1'));
    expect(c[0].hash).toBe(legacyHash(link(1, null, { keyId: null })));
    expect(verifyChain(c, K1)).toEqual({ ok: true, checked: 4 });
  });

  it('checks the chain ends at the head kept on the document', () => {
    const c = chain(4);
    const head = { documentId: 'd1', seq: 4, hash: c[3].hash };
    expect(verifyChain(c, K1, head)).toEqual({ ok: true, checked: 4 });
    expect(verifyChain(c.slice(0, 3), K1, head)).toMatchObject({
      ok: false,
      brokenAt: { documentId: 'd1', seq: 4, reason: 'entries missing at the end (head is 4)' },
    });
    expect(verifyChain(c, K1, { ...head, seq: 3, hash: c[2].hash })).toMatchObject({
      ok: false,
      brokenAt: { seq: 4, reason: 'entries after the head (head is 3)' },
    });
  });

  it('chains administrative entries the same way, details included', () => {
    const first: AdminAuditLink = {
      seq: 1,
      at: '2027-01-01T10:00:00.000Z',
      actorUserId: 'u1',
      action: 'role.granted',
      entityType: 'user',
      entityId: 'u2',
      details: { role: 'ks.ordforande' },
      prevHash: null,
      keyId: 'k1',
    };
    const stored = { ...first, hash: adminLinkHash(first, K1) };
    expect(checkAdminLink(stored, CHAIN_START, K1)).toEqual({
      ok: true,
      at: { seq: 1, hash: stored.hash, keyed: true },
    });
    expect(checkAdminLink({ ...stored, details: { role: 'admin' } }, CHAIN_START, K1)).toEqual({
      ok: false,
      reason: 'entry was altered',
    });
  });
});
