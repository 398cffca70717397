// The relying-party side of OpenID Connect's authorization code flow, as OpenFactor's prompt-service
// expects it: a signed request object (RFC 9101), PKCE S256 (RFC 7636), private_key_jwt client
// authentication (RFC 7523) and an RS256 id_token checked per OIDC Core section 3.1.3.7.
import { decodeJws, s256, signEs256, verifyRs256 } from './jose.mjs';
import { randomToken } from './sessions.mjs';

const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const SKEW_SECONDS = 60;
const HTTP_TIMEOUT_MS = 10_000;

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** An OIDC failure whose message is fit to show (no secrets in it). */
export class OidcError extends Error {}

export function newPkce() {
  const verifier = randomToken(32);
  return { verifier, challenge: s256(verifier) };
}

/** Moves a URL the provider published onto the backchannel base (e.g. a container's service name). */
export function toBackchannel(url, publishedIssuer, backchannelIssuer) {
  const base = backchannelIssuer.replace(/\/+$/, '');
  const issuer = publishedIssuer.replace(/\/+$/, '');
  if (base === issuer) return url;
  if (url === issuer || url.startsWith(`${issuer}/`)) return base + url.slice(issuer.length);
  const u = new URL(url);
  if (u.origin !== new URL(issuer).origin) return url;
  const b = new URL(base);
  return `${b.origin}${u.pathname}${u.search}`;
}

/**
 * OIDC Core 3.1.3.7 checks on an id_token. `jwks` is the provider's current key set and `refetch`
 * reloads it once for an unknown kid. Returns the claims, or throws an OidcError naming the reason.
 */
export async function checkIdToken(idToken, { jwks, refetch, issuer, clientId, nonce, now = nowSeconds() }) {
  let claims;
  try {
    claims = (await verifyRs256(idToken, jwks, refetch)).payload;
  } catch (e) {
    throw new OidcError(e.message);
  }
  if (claims.iss !== issuer) throw new OidcError(`id_token iss ${claims.iss} is not ${issuer}`);
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.includes(clientId)) throw new OidcError('id_token aud does not include this client');
  if (aud.length > 1 && claims.azp !== undefined && claims.azp !== clientId) throw new OidcError('id_token azp is another client');
  if (typeof nonce !== 'string' || claims.nonce !== nonce) throw new OidcError('id_token nonce does not match this sign-in');
  if (typeof claims.exp !== 'number' || claims.exp <= now - SKEW_SECONDS) throw new OidcError('id_token has expired');
  if (typeof claims.iat !== 'number' || claims.iat > now + SKEW_SECONDS) throw new OidcError('id_token iat is in the future');
  if (typeof claims.sub !== 'string' || !claims.sub) throw new OidcError('id_token has no sub');
  return claims;
}

export class Provider {
  /**
   * issuer: the base URL browsers use; backchannelIssuer: the base this server uses for its own calls.
   * redirectUri: our /callback as registered. key: our ES256 key from loadOrCreateKey. fetchImpl/now are there for tests.
   */
  constructor({ issuer, backchannelIssuer, clientId, redirectUri, key, fetchImpl = globalThis.fetch, now = nowSeconds, log = () => {} }) {
    this.issuer = issuer.replace(/\/+$/, '');
    this.backchannel = (backchannelIssuer || issuer).replace(/\/+$/, '');
    this.clientId = clientId;
    this.redirectUri = redirectUri;
    this.key = key;
    this.fetch = fetchImpl;
    this.now = now;
    this.log = log;
    this.config = null;
    this.loading = null;
    this.jwks = null;
  }

  /** Discovery, fetched lazily and cached only on success so a provider that starts later is picked up. */
  async discovery() {
    if (this.config) return this.config;
    this.loading ??= this.loadDiscovery().finally(() => { this.loading = null; });
    return this.loading;
  }

  async loadDiscovery() {
    const url = `${this.backchannel}/.well-known/openid-configuration`;
    const d = await this.getJson(url, 'discovery');
    for (const f of ['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri']) {
      if (typeof d[f] !== 'string' || !d[f]) throw new OidcError(`discovery at ${url} has no ${f}`);
    }
    if (d.issuer.replace(/\/+$/, '') !== this.issuer) {
      this.log(`demo: warning: the provider calls itself ${d.issuer}, not ${this.issuer} (--issuer); using ${d.issuer}`);
    }
    this.config = {
      issuer: d.issuer,
      authorizationEndpoint: d.authorization_endpoint, // for the browser: left as published
      tokenEndpoint: d.token_endpoint, // as published: the client assertion's aud
      backchannelTokenEndpoint: toBackchannel(d.token_endpoint, d.issuer, this.backchannel),
      backchannelJwksUri: toBackchannel(d.jwks_uri, d.issuer, this.backchannel),
    };
    return this.config;
  }

  async getJson(url, what) {
    let res;
    try {
      res = await this.fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
    } catch (e) {
      throw new OidcError(`${what} at ${url} is unreachable (${e.cause?.code ?? e.message})`);
    }
    if (!res.ok) throw new OidcError(`${what} at ${url} answered HTTP ${res.status}`);
    try {
      return await res.json();
    } catch {
      throw new OidcError(`${what} at ${url} is not JSON`);
    }
  }

  /** RFC 9101 request object; the prompt-service takes the user from login_hint and trusts only signed claims. */
  async authorizationUrl({ userId, state, nonce, challenge, action }) {
    const d = await this.discovery();
    const iat = this.now();
    const claims = {
      iss: this.clientId,
      aud: d.issuer,
      client_id: this.clientId,
      response_type: 'code',
      redirect_uri: this.redirectUri,
      scope: 'openid',
      state,
      nonce,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      login_hint: userId,
      iat,
      exp: iat + 300,
      jti: randomToken(16),
    };
    if (action) claims.openfactor_action = action;
    const request = signEs256(claims, this.key, 'oauth-authz-req+jwt');
    const url = new URL(d.authorizationEndpoint);
    url.searchParams.set('client_id', this.clientId);
    url.searchParams.set('request', request);
    return url.toString();
  }

  /** RFC 7523 private_key_jwt; aud is the token endpoint as published, which is what the provider compares with. */
  clientAssertion(audience) {
    const iat = this.now();
    return signEs256({ iss: this.clientId, sub: this.clientId, aud: audience, jti: randomToken(16), iat, exp: iat + 120 }, this.key);
  }

  /** Code for tokens, then the id_token checks. Returns the id_token's claims. */
  async redeem({ code, verifier, nonce }) {
    const d = await this.discovery();
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.redirectUri,
      code_verifier: verifier,
      client_id: this.clientId,
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: this.clientAssertion(d.tokenEndpoint),
    });
    let res;
    try {
      res = await this.fetch(d.backchannelTokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
      });
    } catch (e) {
      throw new OidcError(`the token endpoint ${d.backchannelTokenEndpoint} is unreachable (${e.cause?.code ?? e.message})`);
    }
    let answer;
    try {
      answer = await res.json();
    } catch {
      throw new OidcError(`the token endpoint answered HTTP ${res.status} without JSON`);
    }
    if (!res.ok) {
      throw new OidcError(`the token endpoint refused the code (${answer.error ?? res.status}${answer.error_description ? `: ${answer.error_description}` : ''})`);
    }
    if (typeof answer.id_token !== 'string') throw new OidcError('the token endpoint answered without an id_token');
    return checkIdToken(answer.id_token, {
      jwks: await this.keys(),
      refetch: () => this.keys(true),
      issuer: d.issuer,
      clientId: this.clientId,
      nonce,
      now: this.now(),
    });
  }

  async keys(refresh = false) {
    if (!this.jwks || refresh) {
      const d = await this.discovery();
      const jwks = await this.getJson(d.backchannelJwksUri, 'JWKS');
      if (!Array.isArray(jwks.keys)) throw new OidcError(`JWKS at ${d.backchannelJwksUri} has no keys`);
      this.jwks = jwks;
    }
    return this.jwks;
  }
}

/** For tests and debugging: the claims of a JWT without checking anything. */
export function unverifiedClaims(jwt) {
  return decodeJws(jwt).payload;
}
