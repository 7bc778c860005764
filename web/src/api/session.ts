// The signed-in session: tokens kept in localStorage so the app (and the installed PWA) reopens signed in.
// The strict CSP (scripts from our origin only) is what keeps other scripts away from them.
export interface Tokens {
  access_token: string;
  refresh_token: string;
}

const key = 'eis.session';
const listeners = new Set<() => void>();

function read(): Tokens | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Tokens) : null;
  } catch {
    return null;
  }
}

let current = read();

export const session = {
  get: (): Tokens | null => current,
  set: (tokens: Tokens | null): void => {
    current = tokens;
    if (tokens) localStorage.setItem(key, JSON.stringify(tokens));
    else localStorage.removeItem(key);
    for (const listener of listeners) listener();
  },
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// Another tab signing in or out changes this one too.
window.addEventListener('storage', (event) => {
  if (event.key !== key) return;
  current = read();
  for (const listener of listeners) listener();
});
