/**
 * The look of the admin app. One brand colour, jade (recovery, money coming back), with shade 7 as
 * the primary so white text on a filled button passes WCAG AA (5.3:1). Text is the platform's UI
 * font with CJK fallbacks, so Chinese is set in PingFang/Noto/YaHei rather than a fallback serif.
 */
import { Button, Card, createTheme, type MantineColorsTuple, Paper, Table, TextInput, Title } from '@mantine/core';

const jade: MantineColorsTuple = ['#e8f8f1', '#d2efe3', '#a3dfc6', '#70cea7', '#46bf8c', '#2bb57c', '#16a36c', '#0b7a54', '#096a49', '#05553a'];

const SANS = [
  'Inter', 'ui-sans-serif', 'system-ui', '-apple-system', '"Segoe UI"', 'Roboto', '"Helvetica Neue"', 'Arial',
  '"PingFang SC"', '"Hiragino Sans GB"', '"Noto Sans CJK SC"', '"Noto Sans SC"', '"Microsoft YaHei"', '"WenQuanYi Micro Hei"', 'sans-serif',
].join(', ');

export const theme = createTheme({
  primaryColor: 'jade',
  primaryShade: 7,
  colors: { jade },
  autoContrast: true,
  fontFamily: SANS,
  fontFamilyMonospace: 'ui-monospace, "SF Mono", "JetBrains Mono", Menlo, Consolas, monospace',
  headings: {
    fontFamily: SANS,
    fontWeight: '650',
    sizes: { h1: { fontSize: '1.625rem', lineHeight: '1.25' }, h2: { fontSize: '1.25rem', lineHeight: '1.3' }, h3: { fontSize: '1.0625rem', lineHeight: '1.35' } },
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  // Keyboard users always see where they are; mouse clicks do not leave rings behind.
  focusRing: 'auto',
  // md is the tablet boundary (900px): below it the navigation folds behind the burger.
  breakpoints: { xs: '36em', sm: '48em', md: '56.25em', lg: '75em', xl: '88em' },
  shadows: { xs: '0 1px 2px rgba(16, 24, 40, 0.05)', sm: '0 1px 3px rgba(16, 24, 40, 0.08), 0 1px 2px rgba(16, 24, 40, 0.04)' },
  components: {
    Button: Button.extend({ defaultProps: { radius: 'md' } }),
    Card: Card.extend({ defaultProps: { withBorder: true, radius: 'lg', padding: 'lg', shadow: 'xs' } }),
    Paper: Paper.extend({ defaultProps: { radius: 'lg' } }),
    Table: Table.extend({ defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } }),
    TextInput: TextInput.extend({ defaultProps: { radius: 'md' } }),
    Title: Title.extend({ defaultProps: { c: 'dark.8' } }),
  },
});
