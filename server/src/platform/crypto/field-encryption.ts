// Field-level encryption at rest for data marked sensitive (AES-256-GCM). A sealed value reads
// `enc:<key id>:<base64url of iv | tag | ciphertext>`: it names its key, so keys can rotate (`eis keys rotate`)
// while older keys still open what they sealed. Keys come from configuration and are installed once at start.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

export interface FieldKey {
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

/** A key ready for ciphers: a KeyObject spares each open and seal re-importing the raw bytes (most of its cost). */
interface CipherKey {
  id: string;
  secret: KeyObject;
}

interface Keyring {
  active: CipherKey;
  byId: Map<string, CipherKey>;
  /** Per key, the HMAC key of blind indexes (equality look-ups on sealed values). */
  indexKeys: Buffer[];
}

const prefix = 'enc:';
let keyring: Keyring | undefined;

/** `id:base64key,id:base64key`, the first being the key new values are sealed with. */
export function parseFieldKeys(text: string): FieldKey[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, encoded] = part.split(':');
      if (!id || !/^[A-Za-z0-9_.-]{1,32}$/.test(id) || !encoded) {
        throw new Error('each key is <id>:<base64 of 32 bytes>, the id made of letters, digits, . _ -');
      }
      const key = Buffer.from(encoded, 'base64');
      if (key.length !== 32) throw new Error(`key ${id} is ${key.length} bytes; AES-256 needs 32`);
      return { id, key };
    });
}

export function newFieldKey(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

export function useFieldKeys(keys: readonly FieldKey[]): void {
  const [active] = keys;
  if (!active) throw new Error('field encryption needs at least one key');
  const ready = (k: FieldKey): CipherKey => ({ id: k.id, secret: createSecretKey(k.key) });
  keyring = {
    active: ready(active),
    byId: new Map(keys.map((k) => [k.id, ready(k)])),
    indexKeys: keys.map((k) => Buffer.from(hkdfSync('sha256', k.key, '', 'eis blind index', 32))),
  };
}

function installed(): Keyring {
  if (!keyring) throw new Error('field encryption keys are not installed (useFieldKeys at start-up)');
  return keyring;
}

export const isSealed = (value: string): boolean => value.startsWith(prefix);

export function sealField(plain: string): string {
  const { active } = installed();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', active.secret, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${prefix}${active.id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** Opens a sealed value; a value written before encryption was switched on is returned as it is. */
export function openField(stored: string): string {
  if (!isSealed(stored)) return stored;
  const [, id, payload = ''] = stored.split(':');
  const key = installed().byId.get(id ?? '');
  if (!key) throw new Error(`a value is sealed with key "${id}", which is not configured (ENCRYPTION_KEYS)`);
  const raw = Buffer.from(payload, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key.secret, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** True when the value is plaintext or sealed with an older key: `eis keys rotate` reseals it. */
export const needsResealing = (stored: string): boolean =>
  !stored.startsWith(`${prefix}${installed().active.id}:`);

const indexWith = (key: Buffer, plain: string) =>
  createHmac('sha256', key).update(plain.trim().toLowerCase()).digest('hex');

/** The blind index a value is stored with: equal (ignoring case) values index equally, yet reveal nothing. */
export const blindIndex = (plain: string): string => indexWith(installed().indexKeys[0]!, plain);

/** Every index the value may carry, one per configured key: look-ups match rows not yet resealed. */
export const blindIndexes = (plain: string): string[] =>
  installed().indexKeys.map((k) => indexWith(k, plain));
