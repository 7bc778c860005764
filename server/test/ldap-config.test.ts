// Directory settings are checked at start-up: a bad one stops the server with a message naming it.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

const valid = {
  LDAP_URL: 'ldap://directory.example.com',
  LDAP_STARTTLS: 'true',
  LDAP_BIND_DN: 'cn=reader,dc=example,dc=com',
  LDAP_BIND_PASSWORD: 'secret',
  LDAP_USER_BASE: 'ou=people,dc=example,dc=com',
  LDAP_GROUP_ROLES: 'cn=it-admins:admin; cn=Techs,ou=groups,dc=example,dc=com:technician',
};
const problemWith = (env: Record<string, string>) => {
  try {
    loadConfig({ ...valid, ...env });
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
};

describe('directory (LDAP) settings', () => {
  it('is off without LDAP_URL, and reads the group mappings in order', () => {
    expect(loadConfig({}).ldap).toBeUndefined();
    expect(loadConfig(valid).ldap).toMatchObject({
      startTls: true,
      rejectUnauthorized: true,
      groupRoles: [
        { group: 'cn=it-admins', role: 'admin' },
        { group: 'cn=techs,ou=groups,dc=example,dc=com', role: 'technician' },
      ],
    });
  });

  it('names the setting that is missing or wrong', () => {
    expect(problemWith({ LDAP_URL: 'http://directory' })).toMatch(/LDAP_URL/);
    expect(problemWith({ LDAP_BIND_PASSWORD: '' })).toMatch(/LDAP_BIND_PASSWORD: required with LDAP_URL/);
    expect(problemWith({ LDAP_GROUP_ROLES: 'cn=x:superuser' })).toMatch(/LDAP_GROUP_ROLES.*superuser/);
    expect(problemWith({ LDAP_GROUP_ROLES: '' })).toMatch(/LDAP_GROUP_ROLES: map at least one group/);
    expect(problemWith({ LDAP_GROUP_ROLES: '', LDAP_DEFAULT_ROLE: 'employee' })).toBeUndefined();
    expect(problemWith({ LDAP_USER_FILTER: '(uid=someone)' })).toMatch(
      /LDAP_USER_FILTER: must contain \{login\}/,
    );
    expect(problemWith({ LDAP_USER_FILTER: '(&(uid={login})' })).toMatch(
      /LDAP_USER_FILTER: must be an LDAP filter/,
    );
    expect(problemWith({ LDAP_DISABLED_FILTER: 'disabled=1)' })).toMatch(/LDAP_DISABLED_FILTER/);
    expect(problemWith({ LDAP_URL: 'ldaps://directory.example.com' })).toMatch(/LDAP_STARTTLS/);
  });
});
