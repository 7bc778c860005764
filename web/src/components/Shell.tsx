// The frame around every signed-in screen: a header, and a side navigation that folds behind a menu button
// on phones. Nav entries the user's role cannot use are left out.
import { AppShell, Burger, Group, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlarm,
  IconArrowsExchange,
  IconBuilding,
  IconCalendarEvent,
  IconCategory,
  IconClipboardCheck,
  IconClipboardList,
  IconHandFinger,
  IconHistory,
  IconKey,
  IconList,
  IconPackages,
  IconReportAnalytics,
  IconScan,
  IconShieldCheck,
  IconShieldLock,
  IconTool,
  IconTruck,
  IconUser,
  IconUsers,
  IconChartBar,
  IconLayoutDashboard,
} from '@tabler/icons-react';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import type { Permission } from '../api/roles.ts';
import { useCan, useMe } from '../hooks/useMe.ts';
import { Loading } from './States.tsx';

interface Entry {
  to: string;
  label: string;
  icon: typeof IconList;
  needs: Permission;
}

// Daily work first, then the records behind it, then your account and administration.
const entries: Entry[] = [
  { to: '/dashboard', label: 'Dashboard', icon: IconChartBar, needs: 'reports:read' },
  { to: '/items', label: 'Items', icon: IconList, needs: 'items:read' },
  { to: '/scan', label: 'Scan', icon: IconScan, needs: 'items:read' },
  { to: '/me/assignments', label: 'My assignments', icon: IconClipboardCheck, needs: 'assignments:self' },
  { to: '/requests', label: 'Requests', icon: IconHandFinger, needs: 'requests:create' },
  { to: '/checkouts/overdue', label: 'Overdue', icon: IconAlarm, needs: 'assignments:read' },
  { to: '/reservations', label: 'Reservations', icon: IconCalendarEvent, needs: 'reservations:read' },
  { to: '/transfers', label: 'Transfers', icon: IconArrowsExchange, needs: 'transfers:read' },
  { to: '/stock', label: 'Stock', icon: IconPackages, needs: 'stock:read' },
  { to: '/maintenance', label: 'Maintenance', icon: IconTool, needs: 'maintenance:read' },
  { to: '/warranty', label: 'Warranty', icon: IconShieldCheck, needs: 'items:read' },
  { to: '/stocktakes', label: 'Physical audits', icon: IconClipboardList, needs: 'stocktakes:read' },
  { to: '/reports', label: 'Reports', icon: IconReportAnalytics, needs: 'reports:read' },
  { to: '/dashboards', label: 'My dashboards', icon: IconLayoutDashboard, needs: 'reports:read' },
  { to: '/locations', label: 'Locations', icon: IconBuilding, needs: 'locations:read' },
  { to: '/categories', label: 'Categories', icon: IconCategory, needs: 'categories:read' },
  { to: '/suppliers', label: 'Suppliers', icon: IconTruck, needs: 'suppliers:read' },
  { to: '/account', label: 'My account', icon: IconUser, needs: 'account:self' },
  { to: '/admin/users', label: 'Users', icon: IconUsers, needs: 'users:read' },
  { to: '/admin/roles', label: 'Roles', icon: IconShieldLock, needs: 'users:read' },
  { to: '/admin/api-keys', label: 'API keys', icon: IconKey, needs: 'api_keys:manage' },
  { to: '/admin/audit', label: 'Audit log', icon: IconHistory, needs: 'audit:read' },
];

export function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const can = useCan();
  const { data: me } = useMe();
  const active = (to: string) => pathname === to || pathname.startsWith(`${to}/`);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="md" aria-label="Menu" />
            <UnstyledButton component={Link} to="/" onClick={close}>
              <Text fw={700} size="lg">
                Inventory
              </Text>
            </UnstyledButton>
          </Group>
          {me && (
            <Text size="sm" c="dimmed" truncate visibleFrom="xs">
              {me.display_name}
            </Text>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <ScrollArea>
          {entries
            .filter((entry) => can(entry.needs))
            .map(({ to, label, icon: Icon }) => (
              <NavLink
                key={to}
                component={Link}
                to={to}
                label={label}
                active={active(to)}
                leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
                onClick={close}
                py="sm"
              />
            ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
