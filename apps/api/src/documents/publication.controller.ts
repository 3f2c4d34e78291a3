import { Controller, Delete, Get, Param, Put, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
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
import { pdfFile } from '../common/http/pdf-file';
import { ValidBody } from '../common/validation/body';
import { ValidQuery } from '../common/validation/query';
import { PublicationService } from './publication.service';

/**
 * Which secrecy mark to lift: its JSON pointer into the document's data, empty for the mark on the
 * whole document. Required, but checked after access (a caller who may not see the document gets
 * 403, not a hint about the query).
 */
const unmarkQuerySchema = {
  type: 'object',
  properties: {
    pointer: {
      type: 'string',
      maxLength: 300,
      description: 'The marked field, a JSON pointer; empty ("?pointer=") for the whole document',
    },
  },
};

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
  async pdf(
    @Param('id') id: string,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return pdfFile(res, await this.publication.pdf(p, id), `dokument-${id}.pdf`);
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
  @ApiOkResponse({ schema: secrecyListSchema })
  unmark(
    @Param('id') id: string,
    @ValidQuery(unmarkQuerySchema) query: { pointer?: string },
    @CurrentPrincipal() p: Principal,
  ): Promise<SecrecyListView> {
    return this.publication.unmark(p, id, query.pointer);
  }
}
