// The test slapd that .ci/ldap/start runs (tree: .ci/ldap/tree.ldif), and an administrator's hand on it: tests
// add people of their own and change their groups or lock them, so runs and test files never depend on each other.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Attribute, Change, Client } from 'ldapts';
import { loadConfig, type LdapConfig } from '../src/config.ts';

/** StartTLS URL of the test slapd; unset on a machine without one (the directory tests then skip). */
export const testLdapUrl = process.env.TEST_LDAP_URL || undefined;
export const testLdapsUrl = process.env.TEST_LDAPS_URL || undefined;
export const testLdapCaFile = process.env.TEST_LDAP_CA_FILE || undefined;

const base = 'dc=example,dc=test';
const people = `ou=people,${base}`;
export const groupDn = (cn: string) => `cn=${cn},ou=groups,${base}`;

/** The application's settings for the test tree, through the same parser as production (env → config). */
export function testLdapConfig(env: Record<string, string> = {}): LdapConfig {
  return loadConfig({
    LDAP_URL: testLdapUrl,
    LDAP_STARTTLS: 'true',
    LDAP_CA_FILE: testLdapCaFile,
    LDAP_BIND_DN: `cn=eis-reader,${base}`,
    LDAP_BIND_PASSWORD: 'reader-secret-for-tests',
    LDAP_USER_BASE: people,
    LDAP_GROUP_BASE: `ou=groups,${base}`,
    LDAP_GROUP_ROLES: `cn=it-admins:admin;${groupDn('techs')}:technician;cn=staff:employee`,
    LDAP_DISABLED_FILTER: '(pwdAccountLockedTime=*)',
    ...env,
  }).ldap!;
}

export interface TestPerson {
  uid: string;
  email: string;
  password: string;
  dn: string;
}

export interface TestDirectory {
  /** A new person in these groups (cn), removed again by close(). */
  addPerson(groups: string[]): Promise<TestPerson>;
  setGroups(person: TestPerson, from: string[], to: string[]): Promise<void>;
  /** Administrative lock (ppolicy), which the test configuration reads as "disabled". */
  disable(person: TestPerson): Promise<void>;
  remove(person: TestPerson): Promise<void>;
  close(): Promise<void>;
}

export async function openTestDirectory(): Promise<TestDirectory> {
  const client = new Client({ url: testLdapUrl!, timeout: 5000, connectTimeout: 5000 });
  await client.startTLS({ ca: [readFileSync(testLdapCaFile!)] });
  await client.bind(`cn=admin,${base}`, 'admin-secret-for-tests');
  const added: { person: TestPerson; groups: Set<string> }[] = [];
  const membership = (operation: 'add' | 'delete', person: TestPerson, cn: string) =>
    client.modify(
      groupDn(cn),
      new Change({ operation, modification: new Attribute({ type: 'member', values: [person.dn] }) }),
    );
  async function remove(person: TestPerson) {
    const at = added.findIndex((a) => a.person === person);
    for (const cn of added[at]!.groups) await membership('delete', person, cn);
    await client.del(person.dn);
    added.splice(at, 1);
  }

  return {
    async addPerson(groups) {
      const uid = `t-${randomBytes(5).toString('hex')}`;
      const person = {
        uid,
        email: `${uid}@example.test`,
        password: `pass-${randomBytes(8).toString('hex')}`,
        dn: `uid=${uid},${people}`,
      };
      await client.add(person.dn, {
        objectClass: 'inetOrgPerson',
        uid,
        cn: `Test ${uid}`,
        sn: uid,
        mail: person.email,
        userPassword: person.password,
      });
      for (const cn of groups) await membership('add', person, cn);
      added.push({ person, groups: new Set(groups) });
      return person;
    },
    async setGroups(person, from, to) {
      const entry = added.find((a) => a.person === person)!;
      for (const cn of to) {
        await membership('add', person, cn);
        entry.groups.add(cn);
      }
      for (const cn of from) {
        await membership('delete', person, cn);
        entry.groups.delete(cn);
      }
    },
    async disable(person) {
      await client.modify(
        person.dn,
        new Change({
          operation: 'replace',
          modification: new Attribute({ type: 'pwdAccountLockedTime', values: ['000001010000Z'] }),
        }),
      );
    },
    remove,
    async close() {
      for (const { person } of [...added]) await remove(person);
      await client.unbind();
    },
  };
}
