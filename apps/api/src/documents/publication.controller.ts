import { Controller, Delete, Get, Param, Put, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import {
  markSecrecySchema,
  secrecyListSchema,
  type MarkSecrecyBody,
  type SecrecyListView,
} from '@rodtrad/contracts';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiProblem } from '../common/problem/problem';
import { ValidBody } from '../common/validation/body';
import { PublicationService } from './publication.service';

/** A document as PDF, and the secrecy marks that keep it or its fields from the public. */
@ApiTags('Dokument')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('documents')
export class PublicationController {
  constructor(private readonly publication: PublicationService) {}

  @Get(':id/pdf')
  @ApiOperation({
    summary: 'Dokumentet som tillgänglig PDF',
    description:
      'Tagged PDF (sv-SE, title, headings, tables, embedded fonts) of the document from its current data and form. An adopted (final) document gets the PDF frozen at adoption, unchanged by later layout changes; X-Content-SHA256 is its checksum (the one in the audit entry document.pdf-frozen). Same access as reading the document.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  async pdf(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<StreamableFile> {
    const out = await this.publication.pdf(p, id);
    return new StreamableFile(out.content, {
      type: 'application/pdf',
      disposition: `inline; filename="dokument-${id}.pdf"`,
      length: out.content.length,
    });
  }

  @Get(':id/secrecy')
  @ApiOperation({
    summary: 'Dokumentets sekretessmarkeringar',
    description:
      'What of the document is kept from the public site, the public PDF and open data, with the OSL paragraph.',
  })
  @ApiOkResponse({ schema: secrecyListSchema })
  secrecy(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<SecrecyListView> {
    return this.publication.secrecy(p, id);
  }

  @Put(':id/secrecy')
  @ApiOperation({
    summary: 'Sekretessmarkera dokumentet eller ett fält',
    description:
      'pointer "" marks the whole document; "/field" (or a deeper pointer) one field. For those who may edit the document in some step of its workflow, registrators and administrators; audited (document.secrecy-marked). 422 for a field the form lacks or a paragraph that is not "OSL <n> kap. <n> §".',
  })
  @ApiOkResponse({ schema: secrecyListSchema })
  mark(
    @Param('id') id: string,
    @ValidBody(markSecrecySchema) body: MarkSecrecyBody,
    @CurrentPrincipal() p: Principal,
  ): Promise<SecrecyListView> {
    return this.publication.mark(p, id, body.pointer, body.paragraph);
  }

  @Delete(':id/secrecy')
  @ApiOperation({
    summary: 'Häv en sekretessmarkering',
    description: '404 when there is no mark at the pointer.',
  })
  @ApiQuery({ name: 'pointer', required: true, schema: { type: 'string' } })
  @ApiOkResponse({ schema: secrecyListSchema })
  unmark(
    @Param('id') id: string,
    @Query('pointer') pointer: unknown,
    @CurrentPrincipal() p: Principal,
  ): Promise<SecrecyListView> {
    if (typeof pointer !== 'string')
      throw ApiProblem.validation([
        { pointer: '/query/pointer', message: 'Ange vilken markering som ska hävas.' },
      ]);
    return this.publication.unmark(p, id, pointer);
  }
}
