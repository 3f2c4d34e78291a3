import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  addCommentSchema,
  attachmentListSchema,
  attachmentSchema,
  attachmentUploadSchema,
  commentListSchema,
  commentSchema,
  type AddCommentBody,
  type AttachmentListView,
  type AttachmentView,
  type CommentListView,
  type CommentView,
} from '@rodtrad/contracts';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ValidBody } from '../common/validation/body';
import { CollaborationService } from './collaboration.service';

const problemContent = {
  'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
};

/** A document's comment thread and its attachments (underlag), #18. */
@ApiTags('Dokument')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('documents/:id')
export class CollaborationController {
  constructor(private readonly service: CollaborationService) {}

  @Get('comments')
  @ApiOperation({
    summary: 'Dokumentets kommentarer, äldst först',
    description: 'Everyone who may read the document may read and write its comments.',
  })
  @ApiOkResponse({ schema: commentListSchema })
  comments(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<CommentListView> {
    return this.service.comments(p, id);
  }

  @Post('comments')
  @ApiOperation({
    summary: 'Skriv en kommentar',
    description:
      'Who may read the document may comment, also when it is final. `@username` mentions a user: those who may read the document are mailed (through the mail outbox) with the comment and a link; others are not named. The comment is in the admin audit chain (document.comment-added) and the document’s history; it cannot be changed or deleted.',
  })
  @ApiCreatedResponse({ schema: commentSchema })
  addComment(
    @Param('id') id: string,
    @ValidBody(addCommentSchema) body: AddCommentBody,
    @CurrentPrincipal() p: Principal,
  ): Promise<CommentView> {
    return this.service.addComment(p, id, body.body);
  }

  @Get('attachments')
  @ApiOperation({
    summary: 'Dokumentets underlag (bifogade filer)',
    description:
      'Name, type, size and SHA-256 of each attachment, and what the caller may do; same access as reading the document.',
  })
  @ApiOkResponse({ schema: attachmentListSchema })
  attachments(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<AttachmentListView> {
    return this.service.attachments(p, id);
  }

  @Post('attachments')
  @ApiOperation({
    summary: 'Bifoga underlag',
    description:
      'multipart/form-data with one part `file`, streamed. Who may read the document may attach while it is not final (409 once it is). Refused with problem+json, nothing stored: 413 above ATTACHMENTS_MAX_MB; 415 for a file type not in ATTACHMENTS_TYPES or content that does not match its extension; 422 for an empty file or no `file`. Stored under ATTACHMENTS_DIR or in S3-compatible storage (ATTACHMENTS_S3_*), its SHA-256 recorded; in the admin audit chain (document.attachment-added) and the document’s history, and listed in the document’s PDF.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: attachmentUploadSchema })
  @ApiCreatedResponse({ schema: attachmentSchema })
  @ApiResponse({ status: 409, description: 'The document is final', content: problemContent })
  @ApiResponse({
    status: 413,
    description: 'The file is larger than ATTACHMENTS_MAX_MB',
    content: problemContent,
  })
  @ApiResponse({ status: 415, description: 'The file type is not accepted', content: problemContent })
  upload(
    @Param('id') id: string,
    @Req() req: Request,
    @CurrentPrincipal() p: Principal,
  ): Promise<AttachmentView> {
    return this.service.upload(p, id, req);
  }

  @Get('attachments/:attachmentId')
  @ApiOperation({
    summary: 'Hämta ett underlag',
    description:
      'The file as uploaded, streamed, with its SHA-256 in X-Content-SHA256; same access as reading the document.',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  async download(
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { row, content } = await this.service.download(p, id, attachmentId);
    res.setHeader('X-Content-SHA256', row.sha256);
    const ascii = row.fileName.replace(/[^\x20-\x7e]/g, '_');
    return new StreamableFile(content, {
      type: row.contentType,
      length: row.sizeBytes,
      disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
    });
  }

  @Delete('attachments/:attachmentId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Ta bort ett underlag',
    description:
      'By the one who attached it, or an administrator, while the document is not final (409 once it is). The stored file is deleted; the history keeps its name and SHA-256 (document.attachment-removed).',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiResponse({ status: 409, description: 'The document is final', content: problemContent })
  remove(
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<void> {
    return this.service.remove(p, id, attachmentId);
  }
}
