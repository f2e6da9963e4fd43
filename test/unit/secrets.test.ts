import { describe, expect, it } from 'vitest';
import { redactSecrets, registerSecret } from '../../src/lib/secrets.js';

const TOKEN = 'Kx9fQ2mZ7pL4vN8rT1wY6cB3hJ5sD0gA2eU7iO9k';
registerSecret(TOKEN);
registerSecret('short1');

describe('redactSecrets', () => {
  it('redacts copies in any case and fragments of 12 characters or more', () => {
    expect(redactSecrets(`a ${TOKEN} b ${TOKEN.toUpperCase()} c ${TOKEN.slice(0, 20)} d ${TOKEN.slice(25, 37).toLowerCase()} e`)).toBe('a *** b *** c *** d *** e');
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
