/** The settings area's interface text. A key missing from zh-CN is a type error, as in src/i18n/index.ts. */
import en from './en.json';
import zhCN from './zh-CN.json';

const zh: typeof en = zhCN;
export const settingsText = { en, zh };
