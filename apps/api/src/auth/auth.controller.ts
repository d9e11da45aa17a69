import { Body, Controller, Get, Headers, HttpCode, Inject, Ip, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ApiProblems, ApiSignedIn } from '../common/api-docs';
import { CurrentPrincipal, Public } from './auth.decorators';
import { LoginDto, LoginResponseDto, UserDto } from './auth.dto';
import { AuthService } from './auth.service';
import { type Principal, describePrincipal } from './principal';

@ApiTags('auth')
@Controller('api')
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with e-mail and password; returns a bearer token' })
  @ApiOkResponse({ type: LoginResponseDto.Output })
  @ApiProblems(400, 401, 429)
  async login(@Body() body: LoginDto, @Ip() address: string) {
    const { accessToken, principal } = await this.auth.login(body.email, body.password, address);
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.JWT_TTL_SECONDS,
      user: describePrincipal(principal),
    };
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the token (and its session) stops working at once' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiSignedIn()
  async logout(@Headers('authorization') authorization: string): Promise<void> {
    await this.auth.logout(authorization.replace(/^Bearer\s+/i, ''));
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user, their roles, chaired bodies and state' })
  @ApiOkResponse({ type: UserDto.Output })
  @ApiSignedIn()
  me(@CurrentPrincipal() principal: Principal) {
    return describePrincipal(principal);
  }
}
