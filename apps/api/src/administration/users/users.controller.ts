import { Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
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
import { ValidBody } from '../../common/validation/body';
import { ValidQuery } from '../../common/validation/query';
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
  @ApiOkResponse({ schema: pageSchema(userViewSchema) })
  list(@ValidQuery(userQuerySchema) query: PagingQuery & { search?: string }): Promise<Page<UserView>> {
    return this.service.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'En användare med roller (administratör)' })
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
