import type { RoleAssignment } from '@rodtrad/domain';

/** Who is calling: resolved once per request from the session cookie or bearer token. */
export interface Principal {
  userId: string;
  username: string;
  name: string;
  email: string;
  roles: RoleAssignment[];
  /** When the person last authenticated (identity provider's auth_time, or the password sign-in). */
  authTime?: Date | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}
