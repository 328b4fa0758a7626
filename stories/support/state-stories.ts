// The stories every customer widget tells the same way: its default scenario in Chinese, dark and right to left, and
// its loading, guest and error states over the fake API's shared scenarios. A widget's stories file exports each
// under its own name (`export const Loading: Story = shared.loading;`).
import type { StoryObj } from '@storybook/web-components-vite';
import type { ScenarioName } from './fake-api.ts';

interface StateArgs {
  scenario: ScenarioName;
  'sign-in-url': string;
}

/** The shared stories of a widget whose args name a `scenario` and a `sign-in-url`. */
export function sharedStateStories<Args extends StateArgs>(): Record<
  | 'readyInChinese'
  | 'dark'
  | 'rightToLeft'
  | 'loading'
  | 'loadingWithReducedMotion'
  | 'loadingDark'
  | 'guest'
  | 'guestWithoutSignInUrl'
  | 'guestInChinese'
  | 'networkError'
  | 'serverError'
  | 'sessionExpired'
  | 'timedOut'
  | 'errorInChinese'
  | 'sessionExpiredInChinese'
  | 'notConnected',
  StoryObj<Args>
> {
  // Args extends StateArgs, but TypeScript cannot relate these literal args to a Partial<Args> of the generic: cast.
  const story = (
    name: string | undefined,
    scenario: ScenarioName | undefined,
    expectedState: string,
    more: { globals?: Record<string, string>; signInUrl?: string } = {},
  ): StoryObj<Args> =>
    ({
      ...(name ? { name } : {}),
      ...(scenario ? { args: { scenario } } : {}),
      ...(more.signInUrl === undefined ? {} : { args: { scenario, 'sign-in-url': more.signInUrl } }),
      ...(more.globals ? { globals: more.globals } : {}),
      parameters: { expectedState },
    }) as unknown as StoryObj<Args>;
  const chinese = { globals: { locale: 'zh-CN' } };
  return {
    readyInChinese: story('Ready in Chinese (zh-CN)', undefined, 'ready', chinese),
    dark: story(undefined, undefined, 'ready', { globals: { scheme: 'dark' } }),
    rightToLeft: story('Right to left', undefined, 'ready', { globals: { direction: 'rtl' } }),
    loading: story(undefined, 'loading', 'loading'),
    loadingWithReducedMotion: story('Loading with reduced motion', 'loading', 'loading', {
      globals: { motion: 'reduce' },
    }),
    loadingDark: story('Loading (dark)', 'loading', 'loading', { globals: { scheme: 'dark' } }),
    guest: story(undefined, 'guest', 'guest'),
    guestWithoutSignInUrl: story('Guest without sign-in-url (fires loyalty-sign-in-requested)', 'guest', 'guest', {
      signInUrl: '',
    }),
    guestInChinese: story('Guest in Chinese (zh-CN)', 'guest', 'guest', chinese),
    networkError: story('Network error', 'network-error', 'error'),
    serverError: story('Server error (500)', 'server-error', 'error'),
    sessionExpired: story('Session expired (401)', 'session-expired', 'error'),
    timedOut: story('Timed out (1.5 s)', 'timeout', 'error'),
    errorInChinese: story('Error in Chinese (zh-CN)', 'network-error', 'error', chinese),
    sessionExpiredInChinese: story('Session expired in Chinese (zh-CN)', 'session-expired', 'error', chinese),
    notConnected: story('Page not connected (no client)', 'not-connected', 'error'),
  };
}
