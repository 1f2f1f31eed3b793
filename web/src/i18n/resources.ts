/**
 * All interface text: the shell's (en.json, zh-CN.json here) and each store area's own
 * (pages/<area>/locales), merged into one namespace. Areas keep their text next to their code, so
 * work on one area never touches another's files. Keys are typed from the English side.
 */
import { cartsText } from '../pages/carts/locales/index.ts';
import { contactsText } from '../pages/contacts/locales/index.ts';
import { dashboardText } from '../pages/dashboard/locales/index.ts';
import { flowsText } from '../pages/flows/locales/index.ts';
import { mailboxText } from '../pages/mailbox/locales/index.ts';
import { settingsText } from '../pages/settings/locales/index.ts';
import { templatesText } from '../pages/templates/locales/index.ts';
import core from './en.json';
import coreZh from './zh-CN.json';

const areas = [cartsText, contactsText, dashboardText, flowsText, mailboxText, settingsText, templatesText] as const;

// A key missing from zh-CN is a type error here rather than an English word on a Chinese page.
// (Plural keys differ by language: zh has only _other. Add such keys to both files with a cast.)
const zhCore: typeof core = coreZh;

export const en = Object.assign({}, core, ...areas.map((a) => a.en)) as typeof core & typeof cartsText.en & typeof contactsText.en & typeof dashboardText.en & typeof flowsText.en & typeof mailboxText.en & typeof settingsText.en & typeof templatesText.en;
export const zh: typeof en = Object.assign({}, zhCore, ...areas.map((a) => a.zh));
