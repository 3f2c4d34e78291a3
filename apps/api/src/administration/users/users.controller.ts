import { Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import {
  createUserSchema,
  pageSchema,
  pagingQuerySchema,
  updateUserSchema,
  userViewSchema,
  type CreateUserRequest,
  type Page,
  type PagingQuery,
  type UpdateUserRequest,
  type UserView,
} from '@rodtrad/contracts';
import { CurrentPrincipal, RequireRole } from '../../auth/auth.decorators';
import type { Principal } from '../../auth/principal';
import { ValidBody, validateQuery } from '../../common/validation/body';
import { UsersService } from './users.service';

const userQuerySchema = {
  ...pagingQuerySchema,
  properties: { ...pagingQuerySchema.properties, search: { type: 'string', maxLength: 80 } },
};

@ApiTags('Användare')
@ApiCookieAuth()
@ApiBearerAuth()
@RequireRole('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly service: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Användare med roller (administratör), sidindelat' })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  })
  @ApiQuery({ name: 'offset', required: false, schema: { type: 'integer', minimum: 0, default: 0 } })
  @ApiQuery({ name: 'search', required: false, schema: { type: 'string' } })
  @ApiOkResponse({ schema: pageSchema(userViewSchema) })
  list(@Query() query: unknown): Promise<Page<UserView>> {
    return this.service.list(
      validateQuery<PagingQuery & { search?: string }>(userQuerySchema, { ...(query as object) }),
    );
  }

  @Get(':id')
  @ApiOkResponse({ schema: userViewSchema })
  get(@Param('id') id: string): Promise<UserView> {
    return this.service.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Skapa en användare med roller (administratör)' })
  @ApiCreatedResponse({ schema: userViewSchema })
  create(
    @ValidBody(createUserSchema) body: CreateUserRequest,
    @CurrentPrincipal() p: Principal,
  ): Promise<UserView> {
    return this.service.create(body, p.userId);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Ändra en användare; roles ersätter alla rolltilldelningar (administratör)' })
  @ApiOkResponse({ schema: userViewSchema })
  update(
    @Param('id') id: string,
    @ValidBody(updateUserSchema) body: UpdateUserRequest,
    @CurrentPrincipal() p: Principal,
  ): Promise<UserView> {
    return this.service.update(id, body, p.userId);
  }
}
