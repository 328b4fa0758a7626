import type { Birthday } from '@loyalty-elements/contract';
import type { Queryable } from '../../../store/database.ts';
import { birthdayStanding, lunarMonthDay } from '../../birthday.ts';
import { customerTimeZone } from '../../birthdays.ts';
import { CUSTOMER_COLUMNS, customerFromRow } from '../../customers.ts';
import type { Program } from '../../programs.ts';
import { addDays, dayNumber, formatDate, isLeapYear, localDate, type PlainDate } from '../../time.ts';
import { dueReminder, emitOnce } from './claim.ts';

/**
 * `birthday.upcoming`: for each active member with a birthday (Gregorian or lunar), once at each of the program's
 * `birthdayUpcomingDays` before its next occurrence, counted in the member's time zone; `daysBefore` is how many days
 * are left that day. A reminder whose day passed while the scheduler did not run is sent late, up to the birthday
 * itself, as the nearest one due (see {@link dueReminder}). Candidates come from one indexed read of the birthdays
 * that fall within the longest reminder.
 */
export async function emitBirthdaysUpcoming(tx: Queryable, program: Program, now: Date): Promise<number> {
  const days = program.reminders.birthdayUpcomingDays;
  if (days.length === 0) return 0;
  const { gregorian, lunar } = birthdayCodes(localDate(now, program.timezone), Math.max(...days));
  const rows = await tx.query(
    `SELECT ${CUSTOMER_COLUMNS} FROM customers
      WHERE program_id = $1 AND status = 'active' AND birthday_month IS NOT NULL
        AND ((birthday_calendar = 'gregorian' AND birthday_month * 100 + birthday_day = ANY($2::int[]))
          OR (birthday_calendar = 'chinese-lunar' AND birthday_month * 100 + birthday_day = ANY($3::int[])))`,
    [program.id, gregorian, lunar],
  );
  let emitted = 0;
  for (const customer of rows.map(customerFromRow)) {
    if (customer.birthday === null) continue;
    const today = localDate(now, customerTimeZone(program, customer));
    const next = nextBirthday(customer.birthday, today);
    const daysLeft = dayNumber(next) - dayNumber(today);
    const before = dueReminder(days, daysLeft);
    if (before === undefined) continue;
    const date = formatDate(next);
    const event = {
      programId: program.id,
      customerId: customer.id,
      type: 'birthday.upcoming' as const,
      data: { date, daysBefore: daysLeft },
    };
    if (await emitOnce(tx, event, `${date}:${before}`, now)) emitted += 1;
  }
  return emitted;
}

function nextBirthday(birthday: Birthday, today: PlainDate): PlainDate {
  return birthdayStanding(birthday, today, { daysBefore: 0, daysAfter: 0 }).nextBirthday;
}

/**
 * `month * 100 + day` of the Gregorian and of the lunar birthdays celebrated from two days before `today` (in the
 * program's time zone) to two days after `today + maxDays`. Time zones span 26 hours (UTC−12 to UTC+14), so a
 * member's date can be two days from the program's: two days either side covers every member's zone. A superset: a
 * 29 February celebrated on 28 February, a lunar 30th on a 29-day month's last day.
 */
/** The most days a member's date can be from the program's, either way. */
const ZONE_DAYS = 2;

function birthdayCodes(today: PlainDate, maxDays: number): { gregorian: number[]; lunar: number[] } {
  const gregorian = new Set<number>();
  const lunar = new Set<number>();
  for (let offset = -ZONE_DAYS; offset <= maxDays + ZONE_DAYS; offset += 1) {
    const date = addDays(today, offset);
    gregorian.add(date.month * 100 + date.day);
    if (date.month === 2 && date.day === 28 && !isLeapYear(date.year)) gregorian.add(229);
    const lunarDate = lunarMonthDay(date);
    if (lunarDate !== null) {
      lunar.add(lunarDate.month * 100 + lunarDate.day);
      if (lunarDate.day === 29) lunar.add(lunarDate.month * 100 + 30);
    }
  }
  return { gregorian: [...gregorian], lunar: [...lunar] };
}
