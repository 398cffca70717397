// What a person gives the app to pair: the QR code's `openfactor://activate?code=…&url=…`, or the
// two fields the registration page shows ("Code: 405 209 573", "Url: https://…").

export class PairingInputError extends Error {}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The 9-digit code, spaces allowed (`405 209 573`) → digits only. */
export function parseCode(text) {
  const digits = String(text ?? '').replace(/\s+/g, '');
  if (!/^\d+$/.test(digits)) {
    throw new PairingInputError('The code has only digits, like 405 209 573.');
  }
  if (digits.length !== 9) {
    throw new PairingInputError(`The code has 9 digits; this one has ${digits.length}.`);
  }
  return digits;
}

/** The activation URL: https, or plain http only on this machine (development). */
export function parseUrl(text) {
  let url;
  try {
    url = new URL(String(text ?? '').trim());
  } catch {
    throw new PairingInputError('The Url is not a web address. Copy it exactly as the page shows it.');
  }
  const local = url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !local) {
    throw new PairingInputError('The Url must start with https://.');
  }
  if (url.username || url.password) {
    throw new PairingInputError('The Url must not contain a user name or password.');
  }
  if (url.hash) {
    throw new PairingInputError('The Url is not an activation address.');
  }
  return url.href;
}

/** Both manual fields → `{code, url}`. */
export function parseManual(codeText, urlText) {
  return { code: parseCode(codeText), url: parseUrl(urlText) };
}

/** The QR code's text → `{code, url}`. */
export function parseQrPayload(text) {
  let payload;
  try {
    payload = new URL(String(text ?? '').trim());
  } catch {
    throw new PairingInputError('This QR code is not an OpenFactor activation code.');
  }
  // Older URL parsers put the host of a non-special scheme in the path.
  const target = payload.hostname || payload.pathname.replace(/^\/\//, '');
  if (payload.protocol !== 'openfactor:' || target !== 'activate') {
    throw new PairingInputError('This QR code is not an OpenFactor activation code.');
  }
  const code = payload.searchParams.get('code');
  const url = payload.searchParams.get('url');
  if (code === null || url === null) {
    throw new PairingInputError('This QR code is missing the code or the Url.');
  }
  return { code: parseCode(code), url: parseUrl(url) };
}
