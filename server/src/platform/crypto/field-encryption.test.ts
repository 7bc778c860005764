import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import {
  blindIndex,
  blindIndexes,
  needsResealing,
  newFieldKey,
  openField,
  parseFieldKeys,
  sealField,
  useFieldKeys,
} from './field-encryption.ts';

describe('field encryption', () => {
  const first = parseFieldKeys(newFieldKey('first'))[0]!;
  const second = parseFieldKeys(newFieldKey('second'))[0]!;

  it('seals with the first key, names it, and never repeats a ciphertext', () => {
    useFieldKeys([first]);
    const a = sealField('Jane Doe, +44 20 7946 0958');
    const b = sealField('Jane Doe, +44 20 7946 0958');
    expect(a).toMatch(/^enc:first:[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('Jane');
    expect(openField(a)).toBe('Jane Doe, +44 20 7946 0958');
  });

  it('opens values sealed with an older key after rotation, and knows which need resealing', () => {
    useFieldKeys([first]);
    const old = sealField('old secret');
    useFieldKeys([second, first]);
    expect(openField(old)).toBe('old secret');
    expect(needsResealing(old)).toBe(true);
    expect(needsResealing(sealField('new secret'))).toBe(false);
    expect(needsResealing('written before encryption')).toBe(true);
    useFieldKeys([second]);
    expect(() => openField(old)).toThrow(/key "first", which is not configured/);
  });

  it('refuses a ciphertext that was tampered with', () => {
    useFieldKeys([first]);
    const sealed = sealField('amount: 100');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => openField(tampered)).toThrow();
  });

  it('indexes equal names equally whatever their case, under every configured key', () => {
    useFieldKeys([second, first]);
    expect(blindIndex(' Jane Doe ')).toBe(blindIndex('jane doe'));
    expect(blindIndex('jane doe')).not.toBe(blindIndex('john doe'));
    expect(blindIndexes('Jane Doe')).toHaveLength(2);
    expect(blindIndexes('Jane Doe')[0]).toBe(blindIndex('jane doe'));
  });

  it('refuses malformed keys in configuration, and requires keys with PostgreSQL', () => {
    expect(() => parseFieldKeys('k1:c2hvcnQ=')).toThrow(/5 bytes; AES-256 needs 32/);
    expect(() => parseFieldKeys('no-key-here')).toThrow(/<id>:<base64 of 32 bytes>/);
    expect(() => loadConfig({ ENCRYPTION_KEYS: 'k1:c2hvcnQ=' })).toThrow(
      /ENCRYPTION_KEYS: key k1 is 5 bytes/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/x', JWT_SECRET: 'x'.repeat(40) })).toThrow(
      /ENCRYPTION_KEYS: required with DATABASE_URL/,
    );
    expect(loadConfig({ ENCRYPTION_KEYS: newFieldKey('k2') }).encryptionKeys?.[0]?.id).toBe('k2');
  });
});
