// The app API of API.md: activation (authorized by the code) and the signed device calls.
import { RequestClock, signatureHeaders } from './signing.js';

export const APP_VERSION = '0.1.0';

/** A failure worth telling the person about, in plain words. */
export class ApiError extends Error {
  constructor(message, { status = 0, code = '' } = {}) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const NETWORK = "Can't reach the server. Check your connection and try again.";

async function send(url, init) {
  let response;
  try {
    response = await fetch(url, { ...init, cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch {
    throw new ApiError(NETWORK);
  }
  return response;
}

async function problem(response) {
  try {
    return await response.json();
  } catch {
    return {};
  }
}

/** POST the activation; answers the activation JSON or throws an ApiError with words for people. */
export async function activate(url, request) {
  const response = await send(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (response.ok) return response.json();
  const body = await problem(response);
  if (response.status === 401) {
    throw new ApiError("That code didn't work. Check the code and try again.", { status: 401, code: body.code });
  }
  if (body.code === 'activation_expired' || response.status === 410) {
    throw new ApiError('This code has expired. Start again on the registration page to get a new code.',
      { status: response.status, code: 'activation_expired' });
  }
  if (response.status === 404) {
    throw new ApiError('That Url is not an activation address. Copy it exactly as the page shows it.', { status: 404 });
  }
  if (response.status === 429) {
    throw new ApiError('Too many tries. Wait a minute and try again.', { status: 429, code: body.code });
  }
  throw new ApiError(`The server could not add the account (${response.status}).`, { status: response.status, code: body.code });
}

const clock = new RequestClock();

/** One signed device request; the body string signed is the body sent. */
export async function signedRequest(account, method, url, payload) {
  const body = payload === undefined ? '' : JSON.stringify(payload);
  const seconds = clock.timestamp(`${account.deviceId}\n${method}\n${url}\n${body}`, Date.now() / 1000);
  const headers = await signatureHeaders({
    deviceId: account.deviceId, privateKey: account.privateKey, method, url, body, now: seconds * 1000,
  });
  if (body) headers['Content-Type'] = 'application/json';
  return send(url, { method, headers, body: body || undefined });
}

function appUrl(base, path) {
  return base.replace(/\/+$/, '') + path;
}

function devicePath(account) {
  return `/v1/devices/${encodeURIComponent(account.deviceId)}`;
}

export async function listChallenges(account) {
  const response = await signedRequest(account, 'GET', appUrl(account.verificationUrl, `${devicePath(account)}/challenges`));
  if (!response.ok) throw new ApiError(`Couldn't check for sign-in requests (${response.status}).`, { status: response.status });
  return response.json();
}

export async function respond(account, challengeId, decision) {
  const url = appUrl(account.verificationUrl, `${devicePath(account)}/challenges/${encodeURIComponent(challengeId)}/response`);
  const response = await signedRequest(account, 'POST', url, decision);
  if (!response.ok) {
    const body = await problem(response);
    throw new ApiError(response.status === 404 || response.status === 409
      ? 'This sign-in request has expired or was already answered.'
      : `The answer was not accepted (${response.status}).`, { status: response.status, code: body.code });
  }
  return response.json();
}

/** Unregisters the device; 401/404 mean the server has already forgotten it. */
export async function removeDevice(account) {
  const response = await signedRequest(account, 'DELETE', appUrl(account.enrollmentUrl, devicePath(account)));
  if (response.ok || response.status === 401 || response.status === 404) return response.status;
  throw new ApiError(`The server could not remove the account (${response.status}). Try again.`, { status: response.status });
}

export async function putPushToken(account, pushPlatform, pushToken) {
  const response = await signedRequest(account, 'PUT', appUrl(account.enrollmentUrl, `${devicePath(account)}/push-token`),
    { pushPlatform, pushToken });
  if (!response.ok) throw new ApiError(`push token refused (${response.status})`, { status: response.status });
}
