// Every secret the process knows (the API token) is registered here, so that
// the error reporter and the --verbose trace can scrub it from anything they print.
const secrets = new Set<string>();

export function registerSecret(secret: string | undefined): void {
  if (secret && secret.length >= 4) secrets.add(secret);
}

export function redactSecrets(text: string): string {
  let result = text;
  for (const secret of secrets) result = result.split(secret).join('***');
  return result;
}

/** How a token is shown to people: never more than its last four characters. */
export function maskToken(token: string | undefined): string {
  if (!token) return '';
  return token.length <= 8 ? '****' : `****${token.slice(-4)}`;
}
