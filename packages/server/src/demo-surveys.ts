// Data only (no database, no Node): Storybook's survey fixtures are these definitions too.
import type { SurveyDraft } from '@loyalty-elements/contract';

/**
 * The demo program's surveys, asked of every shopper (sampling 1.0): after an order (completing it
 * earns 50 points), on the account page, and when a shopper leaves the program. Tests and the
 * widget's demo read ids from here.
 */
export const DEMO_SURVEYS = {
  postPurchase: {
    id: 'post-purchase-nps',
    trigger: 'post_purchase',
    status: 'active',
    samplingRate: 1,
    recontactDays: 90,
    completionReward: 50,
    title: { en: 'How was your order?', 'zh-CN': '这次购物体验如何？' },
    intro: { en: 'Two quick questions, under a minute.', 'zh-CN': '两个小问题，不到一分钟。' },
    questions: [
      {
        kind: 'nps',
        id: 'nps',
        required: true,
        text: {
          en: 'How likely are you to recommend Demo Tea House to a friend or colleague?',
          'zh-CN': '您有多大可能向朋友或同事推荐 Demo Tea House？',
        },
        labels: {
          low: { en: 'Not at all likely', 'zh-CN': '完全不可能' },
          high: { en: 'Extremely likely', 'zh-CN': '非常可能' },
        },
      },
      {
        kind: 'multiple_choice',
        id: 'what_went_wrong',
        showIf: { questionId: 'nps', max: 6 },
        text: { en: 'What let you down?', 'zh-CN': '哪些方面让您失望了？' },
        description: { en: 'Choose all that apply.', 'zh-CN': '可多选。' },
        options: [
          {
            id: 'late_delivery',
            dimension: 'reliability',
            text: { en: 'My order arrived late', 'zh-CN': '订单送达太晚' },
          },
          {
            id: 'wrong_item',
            dimension: 'reliability',
            text: { en: 'Something was missing or wrong', 'zh-CN': '商品缺漏或发错' },
          },
          {
            id: 'slow_replies',
            dimension: 'responsiveness',
            text: { en: 'Slow replies to my questions', 'zh-CN': '咨询回复太慢' },
          },
          {
            id: 'doubtful_quality',
            dimension: 'assurance',
            text: { en: 'I am not confident in the tea’s quality', 'zh-CN': '对茶叶品质没有信心' },
          },
          {
            id: 'not_understood',
            dimension: 'empathy',
            text: { en: 'My needs were not understood', 'zh-CN': '我的需求没有被理解' },
          },
          {
            id: 'poor_packaging',
            dimension: 'tangibles',
            text: { en: 'Packaging or website looked poor', 'zh-CN': '包装或网站体验不佳' },
          },
          { id: 'other', other: true, text: { en: 'Something else', 'zh-CN': '其他' } },
        ],
      },
      {
        kind: 'free_text',
        id: 'complaint',
        showIf: { questionId: 'nps', max: 6 },
        text: {
          en: 'Tell us what happened, so we can put it right.',
          'zh-CN': '请告诉我们发生了什么，我们会尽力弥补。',
        },
        placeholder: { en: 'What went wrong?', 'zh-CN': '遇到了什么问题？' },
        maxLength: 2000,
        contactConsent: {
          label: { en: 'You may contact me about this', 'zh-CN': '同意我们就本次反馈与您联系' },
        },
      },
    ],
    thanks: {
      default: { en: 'Thank you for your feedback!', 'zh-CN': '感谢您的反馈！' },
      promoter: { en: 'Thank you! We are glad you enjoyed it.', 'zh-CN': '谢谢！很高兴您喜欢。' },
      passive: { en: 'Thank you! We will keep improving.', 'zh-CN': '谢谢！我们会继续改进。' },
      detractor: {
        en: 'Thank you for telling us. We are sorry, and we will put it right.',
        'zh-CN': '感谢您告诉我们。非常抱歉，我们会尽快改正。',
      },
    },
  },
  accountPage: {
    id: 'account-csat',
    trigger: 'account_page',
    status: 'active',
    samplingRate: 1,
    recontactDays: 180,
    title: { en: 'How are we doing?', 'zh-CN': '您对我们满意吗？' },
    questions: [
      {
        kind: 'csat',
        id: 'csat',
        required: true,
        display: 'stars',
        text: {
          en: 'How satisfied are you with your Demo Tea House membership?',
          'zh-CN': '您对 Demo Tea House 会员服务的满意度如何？',
        },
        labels: {
          low: { en: 'Very dissatisfied', 'zh-CN': '非常不满意' },
          high: { en: 'Very satisfied', 'zh-CN': '非常满意' },
        },
      },
      {
        kind: 'ces',
        id: 'ces',
        text: {
          en: 'How easy is it to manage your account and rewards?',
          'zh-CN': '管理账户和奖励方便吗？',
        },
        labels: {
          low: { en: 'Very difficult', 'zh-CN': '非常困难' },
          high: { en: 'Very easy', 'zh-CN': '非常容易' },
        },
      },
      {
        kind: 'servqual',
        id: 'service_quality',
        text: { en: 'How do we do on each of these?', 'zh-CN': '请为以下各项打分：' },
        labels: { low: { en: 'Poor', 'zh-CN': '很差' }, high: { en: 'Excellent', 'zh-CN': '很好' } },
        items: [
          { dimension: 'reliability', text: { en: 'We do what we promise', 'zh-CN': '说到做到' } },
          { dimension: 'responsiveness', text: { en: 'We help you promptly', 'zh-CN': '及时帮助' } },
          { dimension: 'assurance', text: { en: 'You can trust our staff and tea', 'zh-CN': '员工与茶品值得信赖' } },
          { dimension: 'empathy', text: { en: 'We understand what you need', 'zh-CN': '理解您的需求' } },
          { dimension: 'tangibles', text: { en: 'Our shop, website and packaging', 'zh-CN': '门店、网站与包装' } },
        ],
      },
    ],
    thanks: { default: { en: 'Thank you for your feedback!', 'zh-CN': '感谢您的反馈！' } },
  },
  programExit: {
    id: 'program-exit',
    trigger: 'program_exit',
    status: 'active',
    samplingRate: 1,
    recontactDays: 365,
    title: { en: 'Sorry to see you go', 'zh-CN': '很遗憾您要离开' },
    intro: {
      en: 'One question before you leave: it helps us do better.',
      'zh-CN': '离开前请回答一个问题，帮助我们做得更好。',
    },
    questions: [
      {
        kind: 'single_choice',
        id: 'reason',
        required: true,
        text: { en: 'Why are you leaving?', 'zh-CN': '您为什么要离开？' },
        description: { en: 'Choose the main reason.', 'zh-CN': '请选择最主要的原因。' },
        options: [
          { id: 'price', departureReason: 'price', text: { en: 'It costs too much', 'zh-CN': '价格太高' } },
          {
            id: 'product',
            departureReason: 'product',
            text: { en: 'The teas no longer suit me', 'zh-CN': '茶品不再适合我' },
          },
          {
            id: 'service',
            departureReason: 'service',
            text: { en: 'I was unhappy with the service', 'zh-CN': '对服务不满意' },
          },
          {
            id: 'moved',
            departureReason: 'market',
            text: { en: 'I moved away', 'zh-CN': '我搬家了' },
          },
          {
            id: 'better_elsewhere',
            departureReason: 'technology',
            text: {
              en: 'Another shop’s app or website works better for me',
              'zh-CN': '别家的应用或网站更好用',
            },
          },
          {
            id: 'trust',
            departureReason: 'reputation',
            text: { en: 'I have lost trust in Demo Tea House', 'zh-CN': '我对 Demo Tea House 失去了信任' },
          },
        ],
      },
      {
        kind: 'free_text',
        id: 'comment',
        text: { en: 'Anything else you would like to tell us?', 'zh-CN': '还有什么想告诉我们的吗？' },
        placeholder: { en: 'Optional', 'zh-CN': '选填' },
        maxLength: 1000,
      },
    ],
    thanks: {
      default: {
        en: 'Thank you for telling us. You are always welcome back.',
        'zh-CN': '感谢您告诉我们。欢迎您随时回来。',
      },
    },
  },
} satisfies Record<string, SurveyDraft>;
