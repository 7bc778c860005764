// Tokens that must be refused: unsigned (alg none), signed with another key, expired.
import { SignJWT, UnsecuredJWT } from 'jose';
import { testJwtSecret } from './harness.ts';

const claims = { sv: 1 };
const base = (jwt: SignJWT) => jwt.setSubject('1').setIssuer('eis').setAudience('eis-api').setIssuedAt();

export const jwt = {
  unsigned: () =>
    new UnsecuredJWT(claims)
      .setSubject('1')
      .setIssuer('eis')
      .setAudience('eis-api')
      .setExpirationTime('5m')
      .encode(),
  otherKey: () =>
    base(new SignJWT(claims))
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(40))),
  expired: () =>
    base(new SignJWT(claims))
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(testJwtSecret)),
};
