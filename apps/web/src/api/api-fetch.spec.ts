import { apiFetch } from './api-fetch';

// One way to the API for JSON and for files alike: a FormData body goes as multipart, untouched,
// without a JSON Content-Type (the browser writes the boundary), and a refusal is the API's problem.
describe('apiFetch with a file', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it('sends FormData as it is and reads the JSON answer', async () => {
    const calls: RequestInit[] = [];
    global.fetch = (async (_url: string, init: RequestInit) => {
      calls.push(init);
      return new Response(JSON.stringify({ id: 'a1' }), {
        status: 201,
        headers: { 'Content-Type': 'application/json' },
      });
    }) as typeof fetch;
    const form = new FormData();
    form.append('file', new Blob(['#FLAGGA 0']), 'bok.se');
    await expect(apiFetch('/api/imports/ekonomi', { method: 'POST', body: form })).resolves.toEqual({
      id: 'a1',
    });
    expect(calls[0]?.body).toBe(form);
    expect((calls[0]?.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });

  it('throws the API’s problem when the file is refused', async () => {
    global.fetch = (async () =>
      new Response(
        JSON.stringify({
          status: 415,
          title: 'Filtypen tas inte emot',
          errors: [{ pointer: '/file', message: 'Endast pdf.' }],
        }),
        {
          status: 415,
          headers: { 'Content-Type': 'application/problem+json' },
        },
      )) as typeof fetch;
    await expect(apiFetch('/api/x', { method: 'POST', body: new FormData() })).rejects.toMatchObject({
      status: 415,
    });
  });
});
