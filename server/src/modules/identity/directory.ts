// The LDAP / Active Directory side of directory sign-in: find a person with the service account, ask the
// directory whether it disables them, check a password by binding as them, and map their groups to a role.
// Every call opens its own connection (StartTLS first when configured) and closes it; a directory that cannot be
// reached or used answers DirectoryUnavailableError (503), never a wrong password.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import {
  Client,
  Filter,
  InvalidCredentialsError,
  NoSuchObjectError,
  SizeLimitExceededError,
  type Entry,
} from 'ldapts';
import type { LdapConfig } from '../../config.ts';
import { AppError } from '../../platform/errors.ts';
import type { Role } from './roles.ts';

// Values go into filters escaped (RFC 4515), so a sign-in name like `*)(uid=*` stays a literal name.

export interface DirectoryPerson {
  dn: string;
  email: string | undefined;
  displayName: string | undefined;
  disabled: boolean;
  /** From the first group mapping that matches, else the default role; undefined: no role here. */
  role: Role | undefined;
}

export interface Directory {
  /** The one person this sign-in name finds; undefined for none, or for several (ambiguous). */
  findPerson(login: string): Promise<DirectoryPerson | undefined>;
  /** The person at this DN as the directory has them now; undefined once they are gone. */
  findPersonByDn(dn: string): Promise<DirectoryPerson | undefined>;
  /** Whether this is the person's password: a bind as them. */
  checkPassword(dn: string, password: string): Promise<boolean>;
}

export class DirectoryUnavailableError extends AppError {
  constructor(cause: unknown) {
    super(
      503,
      'directory-unavailable',
      'Directory unavailable',
      'Sign-in through the directory is unavailable; try again shortly',
    );
    // For the log: what went wrong talking to the directory (ldapts errors carry no credentials).
    this.cause = cause;
  }
}

/** The value escaped into the template; a function replacement, so `$&` and the like in it stay literal too. */
const fillIn = (template: string, placeholder: string, value: string) =>
  template.replaceAll(placeholder, () => Filter.escape(value));

const normalDn = (dn: string) =>
  dn
    .toLowerCase()
    .split(',')
    .map((part) => part.trim())
    .join(',');

/** The first mapping naming one of the groups, by full DN or by the group's first RDN (`cn=techs`). */
function roleForGroups(config: Pick<LdapConfig, 'groupRoles' | 'defaultRole'>, groupDns: string[]) {
  const groups = groupDns.map(normalDn);
  const match = config.groupRoles.find(({ group }) => {
    const wanted = normalDn(group);
    return groups.some((dn) => dn === wanted || dn.split(',')[0] === wanted);
  });
  return match?.role ?? config.defaultRole;
}

function values(entry: Entry, attribute: string): string[] {
  const key = Object.keys(entry).find((k) => k.toLowerCase() === attribute.toLowerCase());
  const value = key === undefined ? undefined : entry[key];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.toString());
}

export function connectDirectory(config: LdapConfig): Directory {
  let ca: Buffer | undefined;
  try {
    ca = config.caFile ? readFileSync(config.caFile) : undefined;
  } catch (error) {
    throw new Error(`LDAP_CA_FILE: cannot read ${config.caFile}: ${(error as Error).message}`);
  }
  const tlsOptions: ConnectionOptions = {
    minVersion: 'TLSv1.2',
    rejectUnauthorized: config.rejectUnauthorized,
    ...(ca && { ca: [ca] }),
  };

  // ldapts upgrades the socket without naming the host, which would check the certificate against `localhost`.
  const host = new URL(config.url).hostname.replace(/^\[|\]$/g, '');
  const startTlsOptions = (): ConnectionOptions => ({
    ...tlsOptions,
    host,
    ...(isIP(host) === 0 && { servername: host }),
  });

  async function connected<T>(work: (client: Client) => Promise<T>): Promise<T> {
    // TLS options on the client mean TLS from the first byte, so ldap:// gets them only at StartTLS.
    const client = new Client({
      url: config.url,
      timeout: config.timeoutMs,
      connectTimeout: config.timeoutMs,
      ...(config.url.startsWith('ldaps:') && { tlsOptions }),
    });
    try {
      if (config.startTls) await client.startTLS(startTlsOptions());
      return await work(client);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  async function describe(client: Client, entry: Entry): Promise<DirectoryPerson> {
    const disabled = config.disabledFilter
      ? (await client.search(entry.dn, { scope: 'base', filter: config.disabledFilter, attributes: ['1.1'] }))
          .searchEntries.length > 0
      : false;
    const groups = values(entry, config.memberOfAttribute);
    if (config.groupBase) {
      const found = await client.search(config.groupBase, {
        scope: 'sub',
        filter: fillIn(config.groupFilter, '{dn}', entry.dn),
        attributes: ['1.1'],
      });
      groups.push(...found.searchEntries.map((group) => group.dn));
    }
    return {
      dn: entry.dn,
      email: values(entry, config.emailAttribute)[0]?.toLowerCase(),
      displayName: values(entry, config.nameAttribute)[0],
      disabled,
      role: roleForGroups(config, groups),
    };
  }

  const attributes = [config.emailAttribute, config.nameAttribute, config.memberOfAttribute];

  async function asServiceAccount<T>(work: (client: Client) => Promise<T>): Promise<T> {
    try {
      return await connected(async (client) => {
        await client.bind(config.bindDn, config.bindPassword);
        return work(client);
      });
    } catch (error) {
      throw new DirectoryUnavailableError(error);
    }
  }

  return {
    findPerson: (login) =>
      asServiceAccount(async (client) => {
        let entries: Entry[];
        try {
          ({ searchEntries: entries } = await client.search(config.userBase, {
            scope: 'sub',
            filter: fillIn(config.userFilter, '{login}', login),
            attributes,
            sizeLimit: 2,
          }));
        } catch (error) {
          if (error instanceof SizeLimitExceededError) return undefined;
          throw error;
        }
        return entries.length === 1 ? describe(client, entries[0]!) : undefined;
      }),

    findPersonByDn: (dn) =>
      asServiceAccount(async (client) => {
        const { searchEntries } = await client
          .search(dn, {
            scope: 'base',
            filter: config.userFilter.replaceAll('{login}', () => '*'),
            attributes,
          })
          .catch((error: unknown) => {
            if (error instanceof NoSuchObjectError) return { searchEntries: [] };
            throw error;
          });
        return searchEntries[0] ? describe(client, searchEntries[0]) : undefined;
      }),

    async checkPassword(dn, password) {
      // An empty password would be an unauthenticated bind, which many directories accept.
      if (!password) return false;
      try {
        await connected((client) => client.bind(dn, password));
        return true;
      } catch (error) {
        if (error instanceof InvalidCredentialsError) return false;
        throw new DirectoryUnavailableError(error);
      }
    },
  };
}
