import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { mailMessageQuerySchema, mailMessageSchema, pageSchema } from '@rodtrad/contracts';
import { MailMessageRepository, type MailMessageRow } from '@rodtrad/mail';
import { RequireRole } from '../auth/auth.decorators';
import { ApiProblem } from '../common/problem/problem';
import { validateQuery } from '../common/validation/body';
import { DATA_SOURCE } from '../infrastructure/tokens';
import { ApiMailOutbox } from '../approvals/approval.providers';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const view = (m: MailMessageRow) => ({
  id: m.id,
  to: m.to,
  subject: m.subject,
  status: m.status,
  attempts: m.attempts,
  lastError: m.lastError,
  createdAt: iso(m.createdAt),
  sentAt: iso(m.sentAt),
});

/** Outgoing mail for administrators: what failed for good, why, and a way to send it again. */
@ApiTags('E-post')
@ApiCookieAuth()
@ApiBearerAuth()
@RequireRole('admin')
@Controller('mail')
export class MailAdminController {
  private readonly messages: MailMessageRepository;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly outbox: ApiMailOutbox,
  ) {
    this.messages = new MailMessageRepository(ds);
  }

  @Get()
  @ApiOperation({
    summary: 'Utgående e-post, t.ex. ?status=failed för det som inte gick att skicka (nyast först)',
  })
  @ApiQuery({ name: 'status', required: false, schema: mailMessageQuerySchema['properties']['status'] })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  })
  @ApiQuery({ name: 'offset', required: false, schema: { type: 'integer', minimum: 0, default: 0 } })
  @ApiOkResponse({ schema: pageSchema(mailMessageSchema) })
  async list(@Query() query: unknown) {
    const q = validateQuery<{ status?: string; limit?: number; offset?: number }>(mailMessageQuerySchema, {
      ...(query as object),
    });
    const where = q.status ? 'WHERE status = ?' : '';
    const params = q.status ? [q.status] : [];
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM mail_message ${where} ORDER BY created_at DESC, id LIMIT ? OFFSET ?`,
      [...params, q.limit ?? 50, q.offset ?? 0],
    );
    const [{ n }] = await this.ds.query(`SELECT COUNT(*) AS n FROM mail_message ${where}`, params);
    const items = await Promise.all(rows.map((r) => this.messages.get(String(r.id))));
    return { items: items.filter((m): m is MailMessageRow => !!m).map(view), total: Number(n) };
  }

  @Post(':id/resend')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Skicka ett misslyckat mejl igen',
    description: 'Puts a failed mail back to pending and queues it; 409 unless it is failed; 404 if unknown.',
  })
  @ApiOkResponse({ schema: mailMessageSchema })
  async resend(@Param('id') id: string) {
    const mail = await this.messages.get(id);
    if (!mail) throw ApiProblem.notFound('Mejlet');
    const res = await this.ds.query(
      `UPDATE mail_message SET status = 'pending' WHERE id = ? AND status = 'failed'`,
      [id],
    );
    if (Number(res.affectedRows ?? 0) !== 1)
      throw ApiProblem.conflict('mail-not-failed', 'Bara mejl som misslyckats kan skickas igen.');
    await this.outbox.resend(id);
    return view((await this.messages.get(id)) as MailMessageRow);
  }
}
