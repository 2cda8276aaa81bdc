import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  AimOutlined,
  AppstoreOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  GiftOutlined,
  HomeOutlined,
  InboxOutlined,
  LinkOutlined,
  NotificationOutlined,
  ProjectOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MessageKey } from '../ui/i18n.tsx';
import type { Action } from '../ui/access.ts';

export interface ModuleEntry {
  key: string;
  path: string;
  icon: ReactNode;
  label: MessageKey;
  /** Pages exist for this module; the others open the "not built yet" page. */
  built: boolean;
  /** What the module is for (shown on its not-built page). */
  purpose?: MessageKey;
  /** Shown in the menu (and its pages opened) only for users with this action. */
  requires?: Action;
  /** A group in the menu: its entries (the group's own path leads to the first). */
  children?: ModuleEntry[];
}

/** Every module of the platform, in menu order. */
export const MODULES: ModuleEntry[] = [
  { key: 'home', path: '/', icon: <HomeOutlined />, label: 'nav.home', built: true },
  { key: 'regions', path: '/regions', icon: <EnvironmentOutlined />, label: 'nav.regions', built: true },
  { key: 'orgs', path: '/orgs', icon: <ApartmentOutlined />, label: 'nav.orgs', built: true, requires: 'org:read' },
  { key: 'pairings', path: '/pairings', icon: <LinkOutlined />, label: 'nav.pairings', built: true, requires: 'pairing:read' },
  { key: 'projects', path: '/projects', icon: <ProjectOutlined />, label: 'nav.projects', built: true, requires: 'project:read' },
  { key: 'donations', path: '/donations', icon: <GiftOutlined />, label: 'nav.donations', built: true, requires: 'activity:read' },
  { key: 'personnel', path: '/personnel', icon: <TeamOutlined />, label: 'nav.personnel', built: true, requires: 'personnel:read' },
  { key: 'training', path: '/training', icon: <ReadOutlined />, label: 'nav.training', built: true, requires: 'activity:read' },
  { key: 'labor', path: '/labor', icon: <SolutionOutlined />, label: 'nav.labor', built: true, requires: 'labor:read' },
  { key: 'industry', path: '/industry', icon: <BankOutlined />, label: 'nav.industry', built: true, requires: 'activity:read' },
  { key: 'activities', path: '/activities', icon: <NotificationOutlined />, label: 'nav.activities', built: true, requires: 'activity:read' },
  {
    key: 'consumption',
    path: '/consumption',
    icon: <ShopOutlined />,
    label: 'nav.consumption',
    built: true,
    requires: 'consumption:read',
    children: [
      { key: 'suppliers', path: '/suppliers', icon: <ShopOutlined />, label: 'nav.suppliers', built: true, requires: 'consumption:read' },
      { key: 'certification', path: '/certification', icon: <SafetyCertificateOutlined />, label: 'nav.certification', built: true, requires: 'consumption:read' },
      { key: 'catalogue-admin', path: '/catalogue-admin', icon: <AppstoreOutlined />, label: 'nav.catalogue', built: true, requires: 'consumption:read' },
      { key: 'sales', path: '/sales', icon: <ShoppingCartOutlined />, label: 'nav.sales', built: true, requires: 'consumption:read' },
    ],
  },
  /** 待确认计入: every logged-in user (what is credited to one's unit, and what one's unit credited to others). */
  { key: 'claims', path: '/claims', icon: <InboxOutlined />, label: 'nav.claims', built: true },
  {
    key: 'bulletins',
    path: '/bulletins',
    icon: <FileTextOutlined />,
    label: 'nav.bulletins',
    built: true,
    requires: 'activity:read',
    children: [
      { key: 'bulletin-imports', path: '/bulletins', icon: <FileSearchOutlined />, label: 'nav.bulletinImports', built: true, requires: 'activity:read' },
      { key: 'bulletin-editions', path: '/bulletin-editions', icon: <EditOutlined />, label: 'nav.bulletinEditions', built: true, requires: 'activity:read' },
    ],
  },
  { key: 'indicators', path: '/indicators', icon: <AimOutlined />, label: 'nav.indicators', built: true, requires: 'indicator:read' },
  { key: 'assessment', path: '/assessment', icon: <FileDoneOutlined />, label: 'nav.assessment', built: true, requires: 'indicator:read' },
  { key: 'users', path: '/users', icon: <SafetyOutlined />, label: 'nav.users', built: true, requires: 'user:read' },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, label: 'nav.audit', built: true, requires: 'audit:read' },
  /** 系统状态: the backup routes' permission (user:write, the system administrator). */
  { key: 'system', path: '/system', icon: <DashboardOutlined />, label: 'nav.system', built: true, requires: 'user:write' },
];

/** Pages reached from a module without their own menu entry. */
const MENU_OWNER_OF_PATH: Record<string, string> = { coverage: 'pairings', trainings: 'training', 'place-tags': 'regions' };

/** Every entry with a page of its own: the modules, and the entries of menu groups. */
const ENTRIES: ModuleEntry[] = MODULES.flatMap((m) => m.children ?? [m]);

/** The menu key to highlight for a URL path ("/orgs/12" → "orgs", "/coverage/…" → "pairings", "/certification/3" → "certification"). */
export function menuKeyOf(pathname: string): string {
  const first = pathname.split('/').filter(Boolean)[0];
  if (!first) return 'home';
  return MENU_OWNER_OF_PATH[first] ?? ENTRIES.find((m) => m.path === `/${first}`)?.key ?? '';
}

/** The menu group an entry belongs to ("sales" → "consumption"), or null for a top-level entry. */
export function menuGroupOf(key: string): string | null {
  return MODULES.find((m) => m.children?.some((c) => c.key === key))?.key ?? null;
}
