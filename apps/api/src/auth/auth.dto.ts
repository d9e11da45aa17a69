import { ROLES } from '@chancery/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class LoginDto extends createZodDto(
  z.strictObject({
    email: z.string().trim().max(254).email(),
    password: z.string().min(1).max(1024),
  }),
) {}

export const UserSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  chairOf: z.array(z.string()).describe('Codes of the bodies this user chairs'),
  stateCode: z.string().optional().describe("A delegate's member state"),
});
export class UserDto extends createZodDto(UserSchema) {}

export class LoginResponseDto extends createZodDto(
  z.object({
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int(),
    user: UserSchema,
  }),
) {}
