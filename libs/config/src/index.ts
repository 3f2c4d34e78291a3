export * from './config';
export { isLoopbackHost, type OidcMatchClaim } from './oidc';
