import {
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CommentOutlined,
  FileSearchOutlined,
  HeartOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  ScheduleOutlined,
  ThunderboltOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { TNavKey } from '../navigation';

/** The icon of each navigation item, kept apart from navigation.ts so that stays React-free. */
export const NAV_ICONS: Record<TNavKey, ReactNode> = {
  home: <HomeOutlined />,
  analyzer: <FileSearchOutlined />,
  roleplay: <CommentOutlined />,
  learning: <BookOutlined />,
  mytraining: <ScheduleOutlined />,
  selfcare: <HeartOutlined />,
  'live-assist': <ThunderboltOutlined />,
  qa: <SafetyCertificateOutlined />,
  operations: <CalendarOutlined />,
  evaluation: <BarChartOutlined />,
  admin: <SettingOutlined />,
  'admin-users': <UserOutlined />,
  'admin-teams': <TeamOutlined />,
  'admin-audit': <AuditOutlined />,
  'admin-integrations': <ApiOutlined />,
};
