import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { definitionListSchema, definitionVersionSchema } from '@rodtrad/contracts';
import { DefinitionStore } from '@rodtrad/engine';
import { ApiProblem } from '../common/problem/problem';

@ApiTags('Arbetsflöden')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('workflow-definitions')
export class WorkflowDefinitionsController {
  constructor(private readonly store: DefinitionStore) {}

  @Get()
  @ApiOperation({ summary: 'Arbetsflödesdefinitioner med senaste och publicerade version' })
  @ApiOkResponse({ schema: definitionListSchema })
  async list() {
    const items = await this.store.repo.summaries();
    return { items, total: items.length };
  }

  @Get(':key/versions/:version')
  @ApiOperation({ summary: 'En version av en definition, med dess formulär' })
  @ApiOkResponse({ schema: definitionVersionSchema })
  async get(
    @Param('key') key: string,
    @Param('version', new ParseIntPipe({ exceptionFactory: () => ApiProblem.notFound('Versionen') }))
    version: number,
  ) {
    const v = await this.store.repo.getVersion(key, version);
    if (!v) throw ApiProblem.notFound('Versionen');
    return {
      key: v.key,
      version: v.version,
      status: v.status,
      title: v.title,
      checksum: v.checksum,
      createdAt: v.createdAt,
      publishedAt: v.publishedAt,
      definition: v.definition,
      forms: v.forms,
    };
  }
}
