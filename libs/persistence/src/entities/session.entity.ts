import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Server-side session; the token itself is never stored, only its SHA-256. */
@Entity({ name: 'session' })
export class SessionEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Index('ix_session_user')
  @Column({ name: 'user_id', type: 'char', length: 36 })
  userId!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Index('ix_session_expires')
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;

  /** `password` or `oidc`. */
  @Column({ name: 'auth_method', type: 'varchar', length: 8, default: 'password' })
  authMethod!: 'password' | 'oidc';

  /** When the person last authenticated at the provider (the ID token's auth_time), or signed in here. */
  @Column({ name: 'auth_time', type: 'datetime', precision: 3, nullable: true })
  authTime!: Date | null;

  /** The provider's session id (sid), which a back-channel logout names. */
  @Index('ix_session_oidc_sid')
  @Column({ name: 'oidc_sid', type: 'varchar', length: 255, nullable: true })
  oidcSid!: string | null;

  /** The ID token, sent back as id_token_hint when signing out at the provider. */
  @Column({ name: 'id_token', type: 'text', nullable: true })
  idToken!: string | null;
}
