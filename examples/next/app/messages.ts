import { headers } from 'next/headers';

const messages = {
  en: { title: 'Your rewards', heading: 'Your account' },
  'zh-CN': { title: '我的会员权益', heading: '我的账户' },
};

export type Language = keyof typeof messages;

/** The page's language from the browser's `Accept-Language`: Simplified Chinese when it comes first, else English. */
export async function requestLanguage(): Promise<Language> {
  const accepted = (await headers()).get('accept-language') ?? '';
  return /^zh(-(cn|hans|sg))?\b/i.test(accepted.trim()) ? 'zh-CN' : 'en';
}

export function messagesFor(language: Language) {
  return messages[language];
}
