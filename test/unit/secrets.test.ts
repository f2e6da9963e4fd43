import { describe, expect, it } from 'vitest';
import { redactSecrets, registerSecret } from '../../src/lib/secrets.js';

const TOKEN = 'Kx9fQ2mZ7pL4vN8rT1wY6cB3hJ5sD0gA2eU7iO9k';
registerSecret(TOKEN);
registerSecret('short1');

describe('redactSecrets', () => {
  it('redacts copies in any case and fragments of 12 characters or more', () => {
    expect(redactSecrets(`a ${TOKEN} b ${TOKEN.toUpperCase()} c ${TOKEN.slice(0, 20)} d ${TOKEN.slice(25, 37).toLowerCase()} e`)).toBe('a *** b *** c *** d *** e');
  });
  it('redacts a fragment of 12 characters taken at any offset, whatever the text around it', () => {
    for (let at = 0; at + 12 <= TOKEN.length; at++) {
      const fragment = TOKEN.slice(at, at + 12);
      expect(redactSecrets(`{"v":"${fragment.toUpperCase()}"}`)).toBe('{"v":"***"}');
      expect(redactSecrets(`${'-'.repeat(at)}${fragment}`)).toBe(`${'-'.repeat(at)}***`);
    }
  });
  it('redacts after characters whose lower case is longer, and not the mere start of a token', () => {
    expect(redactSecrets(`İ ${TOKEN.toLowerCase()} İ`)).toBe('İ *** İ');
    expect(redactSecrets(`${TOKEN.slice(0, 6)} ${TOKEN.slice(0, 6)}`)).toBe(`${TOKEN.slice(0, 6)} ${TOKEN.slice(0, 6)}`);
  });
  it('keeps short runs (a masked ****last4 is fine) and text without secrets', () => {
    expect(redactSecrets(`****${TOKEN.slice(-4)} ${TOKEN.slice(3, 14)}`)).toBe(`****${TOKEN.slice(-4)} ${TOKEN.slice(3, 14)}`);
    expect(redactSecrets('nothing to see')).toBe('nothing to see');
  });
  it('redacts a secret shorter than a fragment only whole, and each adjacent copy', () => {
    expect(redactSecrets('x SHORT1 y short z')).toBe('x *** y short z');
    expect(redactSecrets(`${TOKEN}${TOKEN}`)).toBe('******');
  });
});
