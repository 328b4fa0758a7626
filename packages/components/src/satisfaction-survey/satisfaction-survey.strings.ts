import { zhAmount } from '../locales/chinese.ts';
import { enPoints } from '../locales/english.ts';
import type { StringTable } from '../locales/locales.ts';

// Amounts of points arrive formatted through Intl in the element's locale, with the program's own
// name for its points (plural, as the API sends it); `count` is the raw number behind an amount.

/** English strings of `<loyalty-satisfaction-survey>`; the shape every other locale fills. */
const en = {
  /** What the live region says when the survey appears, e.g. "Survey: How was your order?". */
  appeared: (title: string) => `Survey: ${title}`,
  /** Progress in step mode, e.g. "2 of 4". */
  progress: (current: number, total: number) => `${current} of ${total}`,
  /** A scale's value followed by its end label, as read by a screen reader: "0, Not at all likely". */
  endLabel: (value: string, label: string) => `${value}, ${label}`,
  /** A star of a CSAT scale, e.g. "3 stars". */
  stars: (value: number) => (value === 1 ? '1 star' : `${value} stars`),
  /** The faces of a CSAT scale, from 1 to 5. */
  faces: ['Very unhappy', 'Unhappy', 'Neutral', 'Happy', 'Very happy'] as readonly string[],
  /** After a required question's text, with the space and brackets of the language. */
  required: ' (Required)',
  otherLabel: 'Please tell us more',
  /** Under a free-text box: how many characters are left. */
  charactersLeft: (left: string) => `${left} characters left`,
  /** When a multiple-choice question allows only so many. */
  chooseUpTo: (count: number) => `Choose up to ${count}.`,
  next: 'Next',
  back: 'Back',
  submit: 'Submit',
  submitting: 'Sending…',
  close: 'Close the survey',
  /** What the live region says when the shopper closes the survey. */
  dismissed: 'Survey closed',
  missingAnswer: 'Please answer this question to go on.',
  missingAnswers: 'Please answer the questions marked as required.',
  queued: 'Saved on this device — we’ll send it when you’re back online.',
  saveFailed: 'We couldn’t save your answer. Please try again.',
  thanks: 'Thank you for your feedback!',
  /** In place of the questions when the API takes no response: the survey is no longer due for the shopper. */
  closed: 'This survey has closed. Thank you for your time.',
  /** What the points are called when the program's own name is unknown. */
  pointsName: 'points',
  /** "50 points", "1 point": the program's name for its points, made singular for one ("Stars" → "Star"). */
  points: enPoints,
  /** Under the intro of a survey with a completion reward, e.g. "Answer to earn 50 points.". */
  answerToEarn: (points: string) => `Answer to earn ${points}.`,
  /** After the thank-you, what completing it earned, e.g. "You earned 50 points.". */
  earned: (points: string) => `You earned ${points}.`,
  /** After the thank-you, when the answers wait on the device to be sent. */
  earnedWhenSent: (points: string) => `We’ll add ${points} once your answers are sent.`,
  /** On an exit survey, before Submit: the shopper's confirmation that their membership should end. */
  endMembership: 'End my membership',
  /** After the thank-you, when the shopper ended their membership. */
  membershipEnded: 'Your membership has ended.',
};

export type SatisfactionSurveyStrings = typeof en;

/** Simplified Chinese: no space between Arabic numerals and Chinese ("50积分", "第1题"). */
const zhCN: SatisfactionSurveyStrings = {
  appeared: (title) => `问卷：${title}`,
  progress: (current, total) => `第${current}题，共${total}题`,
  endLabel: (value, label) => `${value}，${label}`,
  stars: (value) => `${value}星`,
  faces: ['非常不满意', '不满意', '一般', '满意', '非常满意'],
  required: '（必答）',
  otherLabel: '请具体说明',
  charactersLeft: (left) => `还可输入${left}字`,
  chooseUpTo: (count) => `最多选择${count}项。`,
  next: '下一题',
  back: '上一题',
  submit: '提交',
  submitting: '正在提交…',
  close: '关闭问卷',
  dismissed: '问卷已关闭',
  missingAnswer: '请先回答本题。',
  missingAnswers: '请完成所有必答题。',
  queued: '已保存在本设备，联网后将自动提交。',
  saveFailed: '回答保存失败，请重试。',
  thanks: '感谢您的反馈！',
  closed: '本次调查已结束，感谢您的参与。',
  pointsName: '积分',
  points: (amount, _count, pointsName) => zhAmount(amount, pointsName),
  answerToEarn: (points) => `完成问卷即可获得${points}。`,
  earned: (points) => `您已获得${points}。`,
  earnedWhenSent: (points) => `回答提交后，${points}将到账。`,
  endMembership: '结束我的会员资格',
  membershipEnded: '您的会员资格已结束。',
};

/** Every string of `<loyalty-satisfaction-survey>`, per supported locale. */
export const satisfactionSurveyStrings = { en, 'zh-CN': zhCN } satisfies StringTable<SatisfactionSurveyStrings>;
