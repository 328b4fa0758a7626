import { appendFile } from 'node:fs/promises';
import type { verifyWebhook } from '@loyalty-elements/sdk/server';

type WebhookEvent = ReturnType<typeof verifyWebhook>;

/**
 * A stand-in for the merchant's email or SMS tool: each message is one line appended to MESSAGES_FILE (default
 * `./messages.log`) and printed. Messages are written in MESSAGES_LOCALE: `en` (default) or `zh-CN`.
 */

export type MessageLocale = 'en' | 'zh-CN';

const messagesFile = process.env.MESSAGES_FILE ?? './messages.log';
const messagesLocale: MessageLocale = process.env.MESSAGES_LOCALE === 'zh-CN' ? 'zh-CN' : 'en';

type Event<T extends WebhookEvent['type']> = Extract<WebhookEvent, { type: T }>;

/** A calendar date (`2027-01-31` or an ISO time) as the shopper reads it, e.g. "January 31, 2027" / "2027年1月31日". */
function formatDate(date: string, locale: MessageLocale): string {
  const day = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(day);
}

export function birthdayMessage(event: Event<'birthday.upcoming'>, locale: MessageLocale): string {
  const date = formatDate(event.data.date, locale);
  return locale === 'zh-CN'
    ? `提前祝您生日快乐！您的生日（${date}）礼物已备好，届时登录即可领取。`
    : `Happy birthday soon! A gift is waiting for you on your birthday, ${date}.`;
}

export function expiryMessage(event: Event<'points.expiring'>, locale: MessageLocale): string {
  const points = new Intl.NumberFormat(locale).format(event.data.points);
  const date = formatDate(event.data.expiresAt, locale);
  return locale === 'zh-CN'
    ? `您有${points}积分将于${date}到期，记得在此之前使用。`
    : `${points} points expire on ${date}. Use them before then.`;
}

/** Sends the message: appends `<customer id> <locale> <text>` to the messages file and prints it. */
export async function sendMessage(customerId: string, text: string, locale = messagesLocale): Promise<void> {
  const line = `${customerId}\t${locale}\t${text}`;
  await appendFile(messagesFile, `${line}\n`, 'utf8');
  console.log(`message: ${line}`);
}

/** Birthday greetings and expiry reminders go out as messages; other events are only logged. */
export async function handleEvent(event: WebhookEvent): Promise<void> {
  if (event.type === 'birthday.upcoming') {
    await sendMessage(event.customerId, birthdayMessage(event, messagesLocale));
  } else if (event.type === 'points.expiring') {
    await sendMessage(event.customerId, expiryMessage(event, messagesLocale));
  } else {
    console.log(`event: ${event.type} ${event.id} for ${event.customerId}`);
  }
}
