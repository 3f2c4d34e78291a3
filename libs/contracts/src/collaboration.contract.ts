import type { FromSchema } from 'json-schema-to-ts';
import type { JsonSchema } from './json-schema';

/**
 * Comments and attachments (underlag) on a document (#18): a thread per document that everyone who
 * may read the document may write in (`@username` mails that person), and files stored beside it.
 */

const person = {
  type: 'object',
  required: ['id', 'name', 'username'],
  additionalProperties: false,
  properties: { id: { type: 'string' }, name: { type: 'string' }, username: { type: 'string' } },
} as const;

/** POST /api/documents/{id}/comments */
const addComment = {
  type: 'object',
  required: ['body'],
  additionalProperties: false,
  properties: {
    body: {
      type: 'string',
      minLength: 1,
      maxLength: 4000,
      pattern: '\\S',
      description: 'The comment; `@username` mentions a user, who is mailed if they may read the document',
    },
  },
} as const;
export type AddCommentBody = FromSchema<typeof addComment>;
export const addCommentSchema: JsonSchema = addComment;

const comment = {
  type: 'object',
  required: ['id', 'body', 'author', 'createdAt', 'mentions'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    body: { type: 'string' },
    author: person,
    createdAt: { type: 'string', format: 'date-time' },
    mentions: {
      type: 'array',
      description: 'The users mentioned who may read the document (and were mailed)',
      items: person,
    },
  },
} as const;
export type CommentView = FromSchema<typeof comment>;
export const commentSchema: JsonSchema = comment;

/** GET /api/documents/{id}/comments */
const commentList = {
  type: 'object',
  required: ['items', 'canComment'],
  additionalProperties: false,
  properties: {
    items: { type: 'array', items: comment, description: 'Oldest first' },
    canComment: { type: 'boolean' },
  },
} as const;
export type CommentListView = FromSchema<typeof commentList>;
export const commentListSchema: JsonSchema = commentList;

const attachment = {
  type: 'object',
  required: ['id', 'fileName', 'contentType', 'sizeBytes', 'sha256', 'uploadedAt', 'uploadedBy', 'canRemove'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    fileName: { type: 'string' },
    contentType: { type: 'string' },
    sizeBytes: { type: 'integer', minimum: 0, description: 'Bytes' },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the content, hex' },
    uploadedAt: { type: 'string', format: 'date-time' },
    uploadedBy: person,
    canRemove: { type: 'boolean' },
  },
} as const;
export type AttachmentView = FromSchema<typeof attachment>;
export const attachmentSchema: JsonSchema = attachment;

/** GET /api/documents/{id}/attachments */
const attachmentList = {
  type: 'object',
  required: ['items', 'canUpload', 'maxBytes', 'accept'],
  additionalProperties: false,
  properties: {
    items: { type: 'array', items: attachment, description: 'Oldest first; removed ones are left out' },
    canUpload: { type: 'boolean' },
    maxBytes: { type: 'integer', description: 'The largest file accepted, bytes' },
    accept: {
      type: 'array',
      items: { type: 'string' },
      description: 'File types accepted, by extension (".pdf")',
    },
  },
} as const;
export type AttachmentListView = FromSchema<typeof attachmentList>;
export const attachmentListSchema: JsonSchema = attachmentList;

/** The multipart body of POST /api/documents/{id}/attachments (documentation only). */
export const attachmentUploadSchema: JsonSchema = {
  type: 'object',
  required: ['file'],
  properties: { file: { type: 'string', format: 'binary', description: 'One file' } },
};
