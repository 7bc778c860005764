// Short-lived access tokens: HS256 JWTs with the algorithm, issuer and audience pinned, so `alg: none`, another
// key, or a token minted for something else is refused.
import { errors, jwtVerify, SignJWT } from 'jose';

const issuer = 'eis';
const audience = 'eis-api';

export interface AccessClaims {
  userId: number;
  /** The user's session version when the token was issued; a bump ends every session at once. */
  sessionVersion: number;
}

export interface AccessTokens {
  issue(claims: AccessClaims): Promise<string>;
  /** The claims, or undefined for any token that is not one of ours and current. */
  verify(token: string): Promise<AccessClaims | undefined>;
  ttlSeconds: number;
}

export function accessTokens(secret: string, ttlSeconds: number): AccessTokens {
  const key = new TextEncoder().encode(secret);
  return {
    ttlSeconds,
    issue: ({ userId, sessionVersion }) =>
      new SignJWT({ sv: sessionVersion })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(String(userId))
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key),
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer, audience });
        const userId = Number(payload.sub);
        if (!Number.isSafeInteger(userId) || typeof payload.sv !== 'number') return undefined;
        return { userId, sessionVersion: payload.sv };
      } catch (error) {
        if (error instanceof errors.JOSEError) return undefined;
        throw error;
      }
    },
  };
}
