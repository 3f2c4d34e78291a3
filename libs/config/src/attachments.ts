/**
 * Attachments (underlag) on documents (#18, docs/comments-and-attachments.md): where the files are
 * stored (a directory by default, S3-compatible object storage when a bucket is named) and what is
 * accepted (size and types). Declared here and spread into CONFIG_VARIABLES (config.ts), so they are
 * still declared once.
 */

import { bool, type ConfigKind, optionalText, variable } from './config-kind';
import { Invalid } from './invalid';

const directory: ConfigKind<string> = {
  type: 'directory path',
  parse: (raw) => {
    if (raw.trim() === '') throw new Invalid('must not be empty');
    return raw.trim();
  },
};

const megabytes: ConfigKind<number> = {
  type: 'whole number 1–2048',
  parse: (raw) => {
    if (!/^\d+$/.test(raw.trim())) throw new Invalid('must be a whole number of megabytes', raw);
    const n = Number(raw);
    if (n < 1 || n > 2048) throw new Invalid('must be between 1 and 2048', String(n));
    return n;
  },
};

/** The file types an administrator names (by extension) and the media type each stands for. */
export const ATTACHMENT_FILE_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  csv: 'text/csv',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};

/** Accepted file types by extension: `{ extension: media type }`. */
const fileTypes: ConfigKind<Record<string, string>> = {
  type: 'comma-separated file types',
  parse: (raw) => {
    const out: Record<string, string> = {};
    for (const ext of raw.split(',').map((t) => t.trim().toLowerCase().replace(/^\./, ''))) {
      if (!ext) continue;
      const media = ATTACHMENT_FILE_TYPES[ext];
      if (!media)
        throw new Invalid(`must name file types among ${Object.keys(ATTACHMENT_FILE_TYPES).join(', ')}`, ext);
      out[ext] = media;
    }
    if (!Object.keys(out).length) throw new Invalid('must name at least one file type', raw);
    return out;
  },
};

const optionalUrl: ConfigKind<string | null> = {
  type: 'http or https URL, or empty',
  parse: (raw) => {
    if (raw.trim() === '') return null;
    let u: URL;
    try {
      u = new URL(raw.trim());
    } catch {
      throw new Invalid('must be an http(s) URL', raw);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      throw new Invalid('must use http:// or https://', raw);
    return raw.trim().replace(/\/+$/, '');
  },
};

const region: ConfigKind<string> = {
  type: 'text',
  parse: (raw) => {
    if (!/^[a-z0-9-]+$/.test(raw.trim())) throw new Invalid('must be a region name such as eu-north-1', raw);
    return raw.trim();
  },
};

export const ATTACHMENT_VARIABLES = [
  variable('ATTACHMENTS_DIR', 'attachmentsDir', directory, {
    default: 'data/attachments',
    description:
      "Directory the documents' attachments (underlag) are stored in, created if missing; not used when ATTACHMENTS_S3_BUCKET is set",
  }),
  variable('ATTACHMENTS_MAX_MB', 'attachmentsMaxMb', megabytes, {
    default: '25',
    description: 'Largest attachment accepted, in megabytes (MiB); a larger one is refused with 413',
  }),
  variable('ATTACHMENTS_TYPES', 'attachmentsTypes', fileTypes, {
    default: 'pdf,docx,xlsx,pptx,odt,ods,csv,txt,png,jpg',
    description:
      'File types accepted as attachments, by extension (the content is checked too); others are refused with 415',
  }),
  variable('ATTACHMENTS_S3_BUCKET', 'attachmentsS3Bucket', optionalText, {
    default: '',
    description:
      'Bucket in S3-compatible object storage for the attachments; empty: they are stored under ATTACHMENTS_DIR',
  }),
  variable('ATTACHMENTS_S3_ENDPOINT', 'attachmentsS3Endpoint', optionalUrl, {
    default: '',
    description:
      'Endpoint of the S3-compatible storage (MinIO, Ceph, a Swedish cloud provider); empty: Amazon S3',
  }),
  variable('ATTACHMENTS_S3_REGION', 'attachmentsS3Region', region, {
    default: 'eu-north-1',
    description: 'Region of the bucket',
  }),
  variable('ATTACHMENTS_S3_ACCESS_KEY', 'attachmentsS3AccessKey', optionalText, {
    default: '',
    description: 'Access key of the storage account; empty: the SDK’s own chain (environment, instance role)',
    secret: true,
  }),
  variable('ATTACHMENTS_S3_SECRET_KEY', 'attachmentsS3SecretKey', optionalText, {
    default: '',
    description: 'Secret key belonging to ATTACHMENTS_S3_ACCESS_KEY',
    secret: true,
  }),
  variable('ATTACHMENTS_S3_PATH_STYLE', 'attachmentsS3PathStyle', bool, {
    default: 'false',
    description:
      'Address the bucket in the path (http://host/bucket/key), as MinIO and most self-hosted stores need',
  }),
] as const;
