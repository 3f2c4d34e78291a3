import type { RoleAssignment } from '@rodtrad/domain';

/** Who is calling: resolved once per request from the session cookie or bearer token. */
export interface Principal {
  userId: string;
  username: string;
  name: string;
  email: string;
  roles: RoleAssignment[];
}

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}
