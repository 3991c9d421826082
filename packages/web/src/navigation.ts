import type { TRole } from '@calmdesk/shared';

/**
 * Which areas of the app each role may open. The menu, the home-page cards and the route
 * guards all read this one table, so a role never sees a link it cannot follow.
 * The server enforces the same rules on its API; this table only shapes the UI.
 */

export type TNavKey =
  | 'home'
  | 'analyzer'
  | 'roleplay'
  | 'learning'
  | 'mytraining'
  | 'selfcare'
  | 'live-assist'
  | 'qa'
  | 'operations'
  | 'evaluation'
  | 'admin'
  | 'admin-users'
  | 'admin-teams'
  | 'admin-audit'
  | 'admin-integrations';

export interface TNavItem {
  key: TNavKey;
  /** Route path; for a group, the prefix its children share. */
  path: string;
  /** Roles that may open it; `'all'` means any signed-in person. */
  roles: readonly TRole[] | 'all';
  children?: readonly TNavItem[];
}

/**
 * Live assist is for the people who serve customers and the supervisors who step in when a chat turns risky;
 * deputies and leaders open its team page (load counts and escalations).
 */
const LIVE_ASSIST_ROLES: readonly TRole[] = ['agent', 'mentor', 'supervisor', 'deputy', 'leader'];
const QA_ROLES: readonly TRole[] = ['mentor', 'supervisor', 'trainer', 'deputy', 'leader', 'admin'];
/** The training management group (SPEC §2.7) plus the supervisors who organise attendance. */
const OPERATIONS_ROLES: readonly TRole[] = ['supervisor', 'trainer', 'deputy', 'leader'];
const EVALUATION_ROLES: readonly TRole[] = ['supervisor', 'trainer', 'deputy', 'leader'];
const ADMIN_ROLES: readonly TRole[] = ['admin'];

/** The whole navigation tree in menu order, before filtering by role. */
export const NAV_TREE: readonly TNavItem[] = [
  { key: 'home', path: '/', roles: 'all' },
  { key: 'analyzer', path: '/analyzer', roles: 'all' },
  { key: 'roleplay', path: '/roleplay', roles: 'all' },
  { key: 'learning', path: '/learning', roles: 'all' },
  { key: 'mytraining', path: '/my', roles: 'all' },
  { key: 'selfcare', path: '/selfcare', roles: 'all' },
  { key: 'live-assist', path: '/live-assist', roles: LIVE_ASSIST_ROLES },
  { key: 'qa', path: '/qa', roles: QA_ROLES },
  { key: 'operations', path: '/operations', roles: OPERATIONS_ROLES },
  { key: 'evaluation', path: '/evaluation', roles: EVALUATION_ROLES },
  {
    key: 'admin',
    path: '/admin',
    roles: ADMIN_ROLES,
    children: [
      { key: 'admin-users', path: '/admin/users', roles: ADMIN_ROLES },
      { key: 'admin-teams', path: '/admin/teams', roles: ADMIN_ROLES },
      { key: 'admin-audit', path: '/admin/audit', roles: ADMIN_ROLES },
      { key: 'admin-integrations', path: '/admin/integrations', roles: ADMIN_ROLES },
    ],
  },
];

function isAllowed(item: TNavItem, roles: readonly TRole[]): boolean {
  return item.roles === 'all' || item.roles.some((role) => roles.includes(role));
}

/**
 * The navigation tree a person with these roles may use.
 * A group whose children are all hidden is dropped too.
 * @param roles roles held in the current organisation
 * @returns the filtered tree, in menu order
 */
export function getNavigation(roles: readonly TRole[]): TNavItem[] {
  const result: TNavItem[] = [];
  for (const item of NAV_TREE) {
    if (!isAllowed(item, roles)) continue;
    if (item.children) {
      const children = item.children.filter((child) => isAllowed(child, roles));
      if (children.length === 0) continue;
      result.push({ ...item, children });
    } else {
      result.push(item);
    }
  }
  return result;
}

/**
 * Flattens the tree to the items that are pages (no groups).
 * @param items a navigation tree, usually from {@link getNavigation}
 * @returns leaf items in menu order
 */
export function flattenNavigation(items: readonly TNavItem[]): TNavItem[] {
  return items.flatMap((item) => (item.children ? flattenNavigation(item.children) : [item]));
}

/**
 * Finds a navigation item by key anywhere in the full tree.
 * @param key the item's key
 * @returns the item
 */
export function findNavItem(key: TNavKey): TNavItem {
  const found = flattenNavigation(NAV_TREE).find((item) => item.key === key) ?? NAV_TREE.find((item) => item.key === key);
  if (!found) throw new Error(`navigation: no item with key "${key}"`);
  return found;
}

/**
 * Whether a person with these roles may open an area.
 * @param roles roles held in the current organisation
 * @param key the area's key
 * @returns true when the area is in that person's navigation
 */
export function canOpen(roles: readonly TRole[], key: TNavKey): boolean {
  const item = findNavItem(key);
  return isAllowed(item, roles);
}

/**
 * The item whose path best matches a location, for highlighting the menu.
 * @param pathname the current location's path
 * @returns the matching leaf item's key, or undefined when none matches
 */
export function matchNavKey(pathname: string): TNavKey | undefined {
  const leaves = flattenNavigation(NAV_TREE);
  let best: TNavItem | undefined;
  for (const item of leaves) {
    const isMatch = item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (isMatch && (!best || item.path.length > best.path.length)) best = item;
  }
  return best?.key;
}
