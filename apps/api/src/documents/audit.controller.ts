import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { auditVerificationSchema, type AuditVerificationView } from '@rodtrad/contracts';
import { AdminAuditRepository, DocumentAuditRepository, verifyAuditChains } from '@rodtrad/persistence';
import { RequireRole } from '../auth/auth.decorators';

@ApiTags('Revision')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly documents: DocumentAuditRepository,
    private readonly admin: AdminAuditRepository,
  ) {}

  @Get('verify')
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Kontrollera alla revisionskedjor (administratör)',
    description:
      "Walks every document's keyed hash chain to the head on its document row, then the admin log's chain to its head; names the first broken link when ok is false.",
  })
  @ApiOkResponse({ schema: auditVerificationSchema })
  verify(): Promise<AuditVerificationView> {
    return verifyAuditChains({ documents: this.documents, admin: this.admin });
  }
}
