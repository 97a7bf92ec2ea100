import type { ThemeConfig } from 'antd';

/** A calm teal; #0f766e keeps 5:1 contrast with white text on primary buttons. */
export const BRAND_PRIMARY = '#0f766e';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_PRIMARY,
    colorInfo: BRAND_PRIMARY,
    colorLink: BRAND_PRIMARY,
    borderRadius: 8,
    colorBgLayout: '#f4f7f7',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 16px',
      siderBg: '#ffffff',
      triggerBg: '#ffffff',
      triggerColor: 'rgba(0, 0, 0, 0.65)',
      bodyBg: '#f4f7f7',
    },
    Menu: {
      itemBorderRadius: 8,
      itemMarginInline: 8,
      activeBarBorderWidth: 0,
      itemSelectedBg: '#e6f4f1',
    },
    Card: { borderRadiusLG: 12 },
  },
};
