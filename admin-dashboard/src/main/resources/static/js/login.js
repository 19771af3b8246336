// The sign-in form posts to Spring Security's /login with the session's CSRF token, read from /api/session.
(async function () {
  const params = new URLSearchParams(location.search);
  document.getElementById('sign-in-error').hidden = !params.has('error');
  document.getElementById('signed-out').hidden = !params.has('signed-out');
  const response = await fetch('/api/session', {credentials: 'same-origin', cache: 'no-store'});
  const session = await response.json();
  if (session.signedIn) {
    location.replace('/');
    return;
  }
  const csrf = document.getElementById('csrf');
  csrf.name = session.csrf.parameterName;
  csrf.value = session.csrf.token;
  document.getElementById('sign-in-button').disabled = false;
})();
