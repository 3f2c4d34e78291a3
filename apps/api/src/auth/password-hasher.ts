import * as argon2 from 'argon2';

/** argon2id with the library's defaults (m=64 MiB, t=3, p=4). */
export const passwordHasher = {
  hash: (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id }),
  verify: async (hash: string | null, password: string): Promise<boolean> => {
    if (!hash) return false;
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  },
};

// A constant hash so that a login for an unknown user costs as much as one for a known user.
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= passwordHasher.hash('decoy-password-never-used'));
