import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  activityQuerySchema,
  activitySchema,
  type ActivityEntryView,
  type ActivityQuery,
} from '@rodtrad/contracts';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ValidQuery } from '../common/validation/query';
import { DocumentsService } from './documents.service';

@ApiTags('Dokument')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('activity')
export class ActivityController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @ApiOperation({
    summary: 'Händelser i dina dokument: det senaste som hänt i dokument du har arbetat med',
    description:
      'Newest first: every audit entry (steps taken, saves, returns with their comment) of the documents the caller has an entry of their own in, limited to units their roles still reach. `limit` 1–100, default 20.',
  })
  @ApiOkResponse({ schema: activitySchema })
  list(
    @ValidQuery(activityQuerySchema) q: ActivityQuery,
    @CurrentPrincipal() p: Principal,
  ): Promise<{ items: ActivityEntryView[] }> {
    return this.documents.activity(p, q.limit ?? 20);
  }
}
