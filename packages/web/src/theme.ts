import type { ThemeConfig } from 'antd';

/**
 * A calm teal primary with soft neutrals: the product is used all day by people under
 * stress, so nothing shouts. Contrast of the primary on white is above WCAG AA for text.
 */
export const BRAND_COLOR = '#2f7d8c';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_COLOR,
    colorInfo: BRAND_COLOR,
    colorLink: '#27707e',
    colorBgLayout: '#f4f7f8',
    borderRadius: 8,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 },
    Menu: { itemSelectedBg: '#e6f2f4', itemSelectedColor: '#23606c', itemBorderRadius: 6 },
  },
};
