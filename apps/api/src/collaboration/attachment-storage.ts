import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { AppConfig } from '@rodtrad/config';

/**
 * Where attachments' bytes live: one port, two adapters. Keys are the service's own
 * (`<document id>/<attachment id>`), never a user's file name. `put` takes a finished file on
 * local disk (the upload is spooled and checked first, so nothing is stored when it is refused).
 */
export interface AttachmentStorage {
  readonly kind: 'disk' | 's3';
  put(key: string, file: { path: string; size: number; contentType: string }): Promise<void>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
}

/** Files under ATTACHMENTS_DIR, written to a temporary name and renamed into place. */
export class DiskAttachmentStorage implements AttachmentStorage {
  readonly kind = 'disk' as const;
  private readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + '/')) throw new Error(`Attachment key outside the directory: ${key}`);
    return path;
  }

  async put(key: string, file: { path: string }): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    await pipeline(createReadStream(file.path), createWriteStream(partial, { flags: 'wx' }));
    await rename(partial, target);
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    await stat(path);
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Where uploads are spooled before they are checked: beside the files, so a rename stays on one disk. */
  get spoolDir(): string {
    return join(this.root, '.spool');
  }
}

/** Objects in a bucket of S3-compatible storage (Amazon S3, MinIO, Ceph, a Swedish provider). */
export class S3AttachmentStorage implements AttachmentStorage {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(
    private readonly bucket: string,
    options: {
      endpoint: string | null;
      region: string;
      accessKey: string | null;
      secretKey: string | null;
      pathStyle: boolean;
    },
  ) {
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.pathStyle,
      // Checksums only where the API requires them: S3-compatible stores (older MinIO and Ceph,
      // s3rver) do not all read the SDK's newer aws-chunked checksum trailers. The SHA-256 of
      // each file is ours and is checked by whoever downloads it (X-Content-SHA256).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(options.accessKey && options.secretKey
        ? { credentials: { accessKeyId: options.accessKey, secretAccessKey: options.secretKey } }
        : {}),
    });
  }

  async put(key: string, file: { path: string; size: number; contentType: string }): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: createReadStream(file.path),
        ContentLength: file.size,
        ContentType: file.contentType,
      }),
    );
  }

  async get(key: string): Promise<Readable> {
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return out.Body as Readable;
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** For the readiness of an installation: the bucket answers. */
  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  destroy(): void {
    this.client.destroy();
  }
}

/** The storage the configuration names: S3 when ATTACHMENTS_S3_BUCKET is set, else ATTACHMENTS_DIR. */
export function attachmentStorageFor(config: AppConfig): AttachmentStorage {
  if (config.attachmentsS3Bucket)
    return new S3AttachmentStorage(config.attachmentsS3Bucket, {
      endpoint: config.attachmentsS3Endpoint,
      region: config.attachmentsS3Region,
      accessKey: config.attachmentsS3AccessKey,
      secretKey: config.attachmentsS3SecretKey,
      pathStyle: config.attachmentsS3PathStyle,
    });
  return new DiskAttachmentStorage(config.attachmentsDir);
}
