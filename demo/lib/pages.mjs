// HTML for the demo. Every interpolated value goes through esc(); no inline styles or scripts, as the
// Content-Security-Policy allows neither.

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

// OpenFactor's amr values (RFC 8176 where one exists) in words a mail user understands.
const METHOD_WORDS = {
  swk: 'approved in OpenFactor Authenticator',
  otp: 'verification code',
  sms: 'text message code',
  tel: 'phone call',
};

export function methodWords(amr) {
  const list = Array.isArray(amr) ? amr : [amr];
  const known = list.find((m) => METHOD_WORDS[m]);
  return known ? METHOD_WORDS[known] : list.filter(Boolean).join(', ') || 'unknown method';
}

function formatTime(at) {
  const d = new Date(at);
  // UTC keeps the server free of locale guesses; the ISO form is in the datetime attribute.
  return `${d.toISOString().slice(11, 16)} UTC on ${d.toISOString().slice(0, 10)}`;
}

function layout({ title, body, bodyClass }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/style.css">
</head>
<body class="${esc(bodyClass)}">
${body}
</body>
</html>
`;
}

function brand(organization) {
  return `<div class="brand"><span class="brand-mark" aria-hidden="true">${esc(organization.slice(0, 1).toUpperCase())}</span><span class="brand-name">${esc(organization)} mail</span></div>`;
}

/** The first factor: username and password, posted to /login with the double-submit CSRF token. */
export function signInPage({ organization, csrf, username = '', error, errorCode, users = [], passwordHint }) {
  const errorBlock = error
    ? `<div id="error" class="alert alert-error" role="alert">${esc(error)}${errorCode ? ` <small class="code">(${esc(errorCode)})</small>` : ''}</div>`
    : '';
  const hint = users.length
    ? `<aside class="hint" aria-label="Demo accounts">
<p><strong>This is a demo.</strong> Sign in as any of:</p>
<ul>${users.map((u) => `<li><code>${esc(u.username)}</code></li>`).join('')}</ul>
${passwordHint ? `<p>Password: <code>${esc(passwordHint)}</code></p>` : ''}
</aside>`
    : '';
  return layout({
    title: `Sign in - ${organization} mail`,
    bodyClass: 'page-sign-in',
    body: `<main class="card sign-in">
${brand(organization)}
<h1>Sign in</h1>
<p class="lead">to continue to ${esc(organization)} mail</p>
${errorBlock}
<form method="post" action="/login" class="form">
<input type="hidden" name="csrf" value="${esc(csrf)}">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${esc(username)}"${username ? '' : ' autofocus'}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${username ? ' autofocus' : ''}>
<button id="sign-in" type="submit" class="button primary">Sign in</button>
</form>
<p class="fine">After your password, ${esc(organization)} asks for a second factor with OpenFactor.</p>
${hint}
</main>`,
  });
}

const MAIL = [
  { from: 'Megan Bowen', subject: 'Quarterly review slides', snippet: 'Here is the latest deck for Thursday. Could you look at slide 7?', time: '09:41', unread: true },
  { from: 'IT Service Desk', subject: 'Your second factor is set up', snippet: 'Thanks for setting up OpenFactor. You can change your methods in Security info.', time: '08:15', unread: true },
  { from: 'Alex Wilber', subject: 'Lunch on Friday?', snippet: 'The new place on 5th opens this week, want to try it?', time: 'Yesterday', unread: false },
  { from: 'Contoso Travel', subject: 'Itinerary: Seattle, 12-14 May', snippet: 'Your booking is confirmed. Check in opens 24 hours before departure.', time: 'Mon', unread: false },
];

/** The signed-in page: who, with which second factor, plus a fake inbox. */
export function inboxPage({ organization, csrf, user, notice, error }) {
  const amr = Array.isArray(user.amr) ? user.amr : [user.amr].filter(Boolean);
  const initials = user.name.split(/\s+/).map((w) => w[0] ?? '').join('').slice(0, 2).toUpperCase();
  const at = new Date(user.at);
  return layout({
    title: `Inbox - ${organization} mail`,
    bodyClass: 'page-inbox',
    body: `<header class="topbar">
${brand(organization)}
<div class="account">
<span class="avatar" aria-hidden="true">${esc(initials)}</span>
<form method="post" action="/signout" class="inline">
<input type="hidden" name="csrf" value="${esc(csrf)}">
<button id="sign-out" type="submit" class="button subtle">Sign out</button>
</form>
</div>
</header>
<div class="shell">
<nav class="folders" aria-label="Folders">
<a class="folder current" href="/" aria-current="page">Inbox <span class="count">2</span></a>
<span class="folder">Sent</span>
<span class="folder">Drafts</span>
<span class="folder">Archive</span>
</nav>
<main class="inbox">
${notice ? `<div id="notice" class="alert alert-ok" role="status">${esc(notice)}</div>` : ''}
${error ? `<div id="error" class="alert alert-error" role="alert">${esc(error.message)}${error.code ? ` <small class="code">(${esc(error.code)})</small>` : ''}</div>` : ''}
<section class="status card" aria-label="Your sign-in">
<div class="status-text">
<p id="signed-in-as" data-user-id="${esc(user.userId)}">Signed in as ${esc(user.name)} (${esc(user.userId)})</p>
<p id="second-factor" data-amr="${esc(amr.join(' '))}" data-acr="${esc(user.acr ?? '')}">Second factor: ${esc(methodWords(amr))} at <time datetime="${esc(at.toISOString())}">${esc(formatTime(at))}</time></p>
</div>
<form method="post" action="/security-info" class="inline">
<input type="hidden" name="csrf" value="${esc(csrf)}">
<button id="security-info" type="submit" class="button">Security info</button>
</form>
</section>
<h1>Inbox</h1>
<ul class="mail" aria-label="Messages">
${MAIL.map((m) => `<li class="mail-row${m.unread ? ' unread' : ''}">
<span class="mail-from">${esc(m.from)}</span>
<span class="mail-subject">${esc(m.subject)}</span>
<span class="mail-snippet">${esc(m.snippet)}</span>
<span class="mail-time">${esc(m.time)}</span>
</li>`).join('\n')}
</ul>
</main>
</div>`,
  });
}

/** Anything that ends a flow: stale links, provider failures, bad requests. */
export function problemPage({ organization, title, message, detail }) {
  return layout({
    title: `${title} - ${organization} mail`,
    bodyClass: 'page-problem',
    body: `<main class="card sign-in">
${brand(organization)}
<h1>${esc(title)}</h1>
<div id="error" class="alert alert-error" role="alert">${esc(message)}</div>
${detail ? `<p class="fine code">${esc(detail)}</p>` : ''}
<p><a class="button primary" href="/">Back to ${esc(organization)} mail</a></p>
</main>`,
  });
}
