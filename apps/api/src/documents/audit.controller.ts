import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DocumentAuditRepository } from '@rodtrad/persistence';
import { RequireRole } from '../auth/auth.decorators';

@ApiTags('Revision')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: DocumentAuditRepository) {}

  @Get('verify')
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Kontrollera alla dokuments revisionskedjor (administratör)',
    description: 'Walks every hash chain; names the first broken link when ok is false.',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['ok', 'checked'],
      properties: {
        ok: { type: 'boolean' },
        checked: { type: 'integer', description: 'Entries checked' },
        brokenAt: {
          type: 'object',
          properties: {
            documentId: { type: 'string' },
            seq: { type: 'integer' },
            reason: { type: 'string' },
          },
        },
      },
    },
  })
  verify() {
    return this.audit.verifyAll();
  }
}
