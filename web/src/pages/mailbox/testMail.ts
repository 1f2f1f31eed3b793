/** A test send from the template editor has "[Test] " before its subject (src/http/routes/templates.ts). */
const MARK = /^\[Test\]\s*/;

export const isTest = (subject: string) => MARK.test(subject);

/** The subject without the mark; the list shows a badge instead, so the real subject is not cut short. */
export const withoutTestMark = (subject: string) => subject.replace(MARK, '');
