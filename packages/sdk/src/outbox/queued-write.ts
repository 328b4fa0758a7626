/** Which endpoint a queued write goes to; the client knows the schema of each one's answer. */
export type QueuedWriteKind = 'birthday' | 'survey_response' | 'survey_dismissal';

/**
 * A write kept on the device until the API has it. `id` is its deduplication key: a newer write
 * with the same id replaces an older one (a survey's answers so far, a birthday), and the API
 * treats a repeat as harmless, so a write sent twice (two tabs, a retry) lands once.
 */
export interface QueuedWrite {
  /** The owner, then what the write is (`survey_response:<id>`, `birthday`, `survey_dismissal:<survey>`). */
  id: string;
  /** A fresh value for every version of the write: an older version's delivery leaves a newer one queued. */
  revision: string;
  /** The customer it belongs to (program and customer of the token). */
  owner: string;
  kind: QueuedWriteKind;
  method: 'put' | 'post';
  path: string;
  body: unknown;
  /** Orders versions of one id: a version with a lower order never replaces a higher one. */
  order: number;
  /** Milliseconds since the epoch. */
  queuedAt: number;
}
