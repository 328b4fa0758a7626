import { overviewStrings } from '../pages/overview/strings.ts';
import { recoveryStrings } from '../pages/recovery/strings.ts';
import { customersStrings } from '../pages/customers/strings.ts';
import { programStrings } from '../pages/program/strings.ts';
import { feedbackStrings } from '../pages/feedback/strings.ts';
import { exitsStrings } from '../pages/exits/strings.ts';
import type { Strings } from './en.ts';

/** 控制台的简体中文文字：外壳自身的文字，以及各页面 `pages/<page>/strings.ts` 中的文字。 */
export const zhCN: Strings = {
  appName: '会员积分控制台',
  nav: {
    label: '页面',
    overview: '概览',
    feedback: '反馈',
    recovery: '服务补救',
    exits: '流失与挽回',
    customers: '会员',
    program: '会员计划',
  },
  language: '语言',
  darkTheme: '深色主题',
  signOut: '退出登录',
  signIn: {
    title: '登录控制台',
    intro: '请输入计划的密钥。密钥只用于换取一次会话，页面不会保存它。',
    secretKey: '密钥',
    submit: '登录',
    demo: '使用演示密钥登录',
    demoNote: '演示模式：演示计划的密钥是公开的。',
    wrongKey: '这不是任何计划的密钥，请核对后重试。',
    failed: '登录失败，请稍后重试。',
    signingIn: '正在登录…',
  },
  loading: '正在加载…',
  errorLoading: '无法加载这些数据。',
  retry: '重试',
  sessionEnded: '会话已结束，请重新登录后继续。',
  sessionCheckFailed: '无法确认你是否已登录。',
  signOutFailed: '退出登录失败，请稍后重试。',
  showTable: '以表格显示',
  overview: overviewStrings.zhCN,
  recovery: recoveryStrings.zhCN,
  customers: customersStrings.zhCN,
  program: programStrings.zhCN,
  feedback: feedbackStrings.zhCN,
  exits: exitsStrings.zhCN,
};
