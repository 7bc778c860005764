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

/** Verified tokens kept until they expire: signature checks are a fifth of a request's CPU. */
const cacheLimit = 10_000;

export function accessTokens(secret: string, ttlSeconds: number): AccessTokens {
  const key = new TextEncoder().encode(secret);
  // Revocation does not depend on this cache: every request still checks the user's session version (see authenticate.ts).
  const verified = new Map<string, { claims: AccessClaims; expiresAtMs: number }>();
  const remember = (token: string, claims: AccessClaims, expiresAtMs: number) => {
    if (verified.size >= cacheLimit) verified.delete(verified.keys().next().value!);
    verified.set(token, { claims, expiresAtMs });
  };
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
      const known = verified.get(token);
      if (known) {
        if (Date.now() < known.expiresAtMs) return known.claims;
        verified.delete(token);
      }
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer, audience });
        const userId = Number(payload.sub);
        if (!Number.isSafeInteger(userId) || typeof payload.sv !== 'number' || !payload.exp) return undefined;
        const claims = { userId, sessionVersion: payload.sv };
        remember(token, claims, payload.exp * 1000);
        return claims;
      } catch (error) {
        if (error instanceof errors.JOSEError) return undefined;
        throw error;
      }
    },
  };
}
