import * as z from 'zod/mini';
import { LocalizedText, MAX_INT4, PositivePoints, UserText } from './primitives.ts';
import { FREE_TEXT_DEFAULT_MAX_LENGTH, OTHER_TEXT_MAX_LENGTH, SCALE_RANGES } from './survey-answers.ts';

// ─── Building blocks ────────────────────────────────────────────────────────────────────────────

/** The five service-quality (SERVQUAL) dimensions a rating or a choice option can speak to. */
export const SERVICE_QUALITY_DIMENSIONS = [
  'reliability',
  'responsiveness',
  'assurance',
  'empathy',
  'tangibles',
] as const;
export const ServiceQualityDimension = z.enum(SERVICE_QUALITY_DIMENSIONS);
export type ServiceQualityDimension = z.infer<typeof ServiceQualityDimension>;

const SLUG = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const slug = () => z.string().check(z.regex(SLUG, 'Use 1–64 lowercase letters, digits, "_" or "-".'));

/** A survey's version number: 1, 2, … (an `integer` column). */
export const SurveyVersionNumber = z.int().check(z.gte(1), z.lte(MAX_INT4));

/** Id of a survey, unique in its program (`post-purchase-nps`). */
export const SurveyId = slug();
/** Id of a question, unique in its survey version; answers are keyed by it. */
export const QuestionId = slug();
/** Id of a choice option, unique in its question. */
export const OptionId = slug();

/**
 * Where in the merchant's site a survey may be asked (`post_purchase`, `account_page`, …). Any
 * snake_case word is a valid trigger; a trigger no survey uses simply has no eligible survey.
 */
export const SurveyTrigger = z.string().check(z.regex(/^[a-z][a-z0-9_]{0,63}$/, 'Use a snake_case word.'));
export type SurveyTrigger = z.infer<typeof SurveyTrigger>;
/** The triggers the kit's own pages use. `program_exit`: a customer leaving the program or cancelling. */
export const KNOWN_SURVEY_TRIGGERS = ['post_purchase', 'account_page', 'program_exit'] as const;
/**
 * Triggers the program-wide cooldown after a completed survey does not hold back: a shopper leaving the program is
 * asked why at that moment, whatever they answered lately (the survey's own recontact period still applies).
 */
export const COOLDOWN_EXEMPT_TRIGGERS: readonly string[] = ['program_exit'];

/**
 * Why customers leave (the exit interview's reasons): price, product, service, market (they moved away),
 * technology (a better one elsewhere) and the company's reputation. An exit survey's choice options name one.
 */
export const DEPARTURE_REASONS = ['price', 'product', 'service', 'market', 'technology', 'reputation'] as const;
export const DepartureReason = z.enum(DEPARTURE_REASONS);
export type DepartureReason = z.infer<typeof DepartureReason>;

export const SurveyStatus = z.enum(['draft', 'active', 'paused', 'archived']);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

/** Words under the two ends of a rating scale ("Not at all likely" … "Extremely likely"). */
export const ScaleLabels = z.object({ low: LocalizedText, high: LocalizedText });
export type ScaleLabels = z.infer<typeof ScaleLabels>;

/**
 * Shows a question only when an earlier question's answer matches: a rating within `min`…`max`
 * (inclusive; `{ questionId: "nps", max: 6 }` asks detractors only), or a choice among `anyOf`.
 * Every criterion given must hold; a question whose condition does not hold is not asked, and
 * answers to it are discarded.
 */
export const QuestionCondition = z.object({
  questionId: QuestionId,
  min: z.optional(z.int()),
  max: z.optional(z.int()),
  anyOf: z.optional(z.array(OptionId).check(z.minLength(1))),
});
export type QuestionCondition = z.infer<typeof QuestionCondition>;

const questionBase = {
  id: QuestionId,
  text: LocalizedText,
  /** A line of help under the question. */
  description: z.optional(LocalizedText),
  /** Must be answered (when shown) before the response can complete. Default false. */
  required: z.optional(z.boolean()),
  showIf: z.optional(QuestionCondition),
};

/** Net Promoter Score: "How likely are you to recommend …?", 0–10. */
export const NpsQuestion = z.object({ kind: z.literal('nps'), ...questionBase, labels: z.optional(ScaleLabels) });
/** Customer satisfaction, 1–5 (4 and 5 count as satisfied). */
export const CsatQuestion = z.object({
  kind: z.literal('csat'),
  ...questionBase,
  labels: z.optional(ScaleLabels),
  /** How a widget draws the five points. Default `stars`. */
  display: z.optional(z.enum(['stars', 'faces', 'numbers'])),
});
/** Customer effort, 1–7 (7: very easy). */
export const CesQuestion = z.object({ kind: z.literal('ces'), ...questionBase, labels: z.optional(ScaleLabels) });

export const ChoiceOption = z.object({
  id: OptionId,
  text: LocalizedText,
  /** The service-quality dimension this option speaks to, counted in the results per dimension. */
  dimension: z.optional(ServiceQualityDimension),
  /** "Other": choosing it lets the shopper type `otherText`. At most one per question. */
  other: z.optional(z.boolean()),
  /** The reason for leaving this option stands for, counted in the results' departures. */
  departureReason: z.optional(DepartureReason),
});
export type ChoiceOption = z.infer<typeof ChoiceOption>;

const Options = z.array(ChoiceOption).check(z.minLength(1), z.maxLength(30));

export const SingleChoiceQuestion = z.object({ kind: z.literal('single_choice'), ...questionBase, options: Options });
export const MultipleChoiceQuestion = z.object({
  kind: z.literal('multiple_choice'),
  ...questionBase,
  options: Options,
  /** At most this many options may be chosen. Default: all. */
  maxSelections: z.optional(z.int().check(z.gte(1))),
});

export const FREE_TEXT_MAX_LENGTH = 5_000;

export const FreeTextQuestion = z.object({
  kind: z.literal('free_text'),
  ...questionBase,
  placeholder: z.optional(LocalizedText),
  /** Longest answer accepted. Default 2 000, at most 5 000. */
  maxLength: z.optional(z.int().check(z.gte(1), z.lte(FREE_TEXT_MAX_LENGTH))),
  /**
   * Offer a "you may contact me about this" checkbox under the text box; its value is the
   * response's `contactConsent`.
   */
  contactConsent: z.optional(z.object({ label: LocalizedText })),
});

/** The five-dimension service-quality quick rating: each listed dimension rated 1–5. */
export const ServqualQuestion = z.object({
  kind: z.literal('servqual'),
  ...questionBase,
  items: z
    .array(z.object({ dimension: ServiceQualityDimension, text: LocalizedText }))
    .check(z.minLength(1), z.maxLength(SERVICE_QUALITY_DIMENSIONS.length)),
  labels: z.optional(ScaleLabels),
});

export const SurveyQuestion = z.discriminatedUnion('kind', [
  NpsQuestion,
  CsatQuestion,
  CesQuestion,
  SingleChoiceQuestion,
  MultipleChoiceQuestion,
  FreeTextQuestion,
  ServqualQuestion,
]);
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;
export type SurveyQuestionKind = SurveyQuestion['kind'];

/** Thank-you text, optionally different for NPS promoters (9–10), passives (7–8) and detractors (0–6). */
export const SurveyThanks = z.object({
  default: LocalizedText,
  promoter: z.optional(LocalizedText),
  passive: z.optional(LocalizedText),
  detractor: z.optional(LocalizedText),
});
export type SurveyThanks = z.infer<typeof SurveyThanks>;

const Questions = z.array(SurveyQuestion).check(z.minLength(1), z.maxLength(50), z.superRefine(checkQuestions));

/** Everything about a survey but its version number: what a merchant publishes. */
export const SurveyDraft = z.object({
  id: SurveyId,
  trigger: SurveyTrigger,
  status: SurveyStatus,
  /** Share of customers asked, 0–1. Sticky: the same customer is always in or always out. */
  samplingRate: z.number().check(z.gte(0), z.lte(1)),
  /** No asking the same customer again within this many days of completing or dismissing it. */
  recontactDays: z.int().check(z.gte(0), z.lte(3650)),
  title: LocalizedText,
  intro: z.optional(LocalizedText),
  questions: Questions,
  thanks: z.optional(SurveyThanks),
  /**
   * Points granted once per response when it completes, whatever the answers: the score never changes the
   * reward. Absent: no reward.
   */
  completionReward: z.optional(PositivePoints.check(z.lte(MAX_INT4))),
});
export type SurveyDraft = z.infer<typeof SurveyDraft>;

/**
 * A published survey. Changing its title, intro, questions, thanks or completion reward publishes a
 * new `version`; responses stay pinned to the version they were started on, and earn its reward.
 */
export const SurveyDefinition = z.extend(SurveyDraft, { version: SurveyVersionNumber });
export type SurveyDefinition = z.infer<typeof SurveyDefinition>;

// ─── Answers ────────────────────────────────────────────────────────────────────────────────────

export const SingleChoiceAnswer = z.object({
  option: OptionId,
  /** Only with the "other" option. */
  otherText: z.optional(UserText.check(z.maxLength(OTHER_TEXT_MAX_LENGTH))),
});
export type SingleChoiceAnswer = z.infer<typeof SingleChoiceAnswer>;
export const MultipleChoiceAnswer = z.object({
  options: z.array(OptionId).check(z.minLength(1)),
  /** Only with the "other" option. */
  otherText: z.optional(UserText.check(z.maxLength(OTHER_TEXT_MAX_LENGTH))),
});
export type MultipleChoiceAnswer = z.infer<typeof MultipleChoiceAnswer>;
export const ServqualAnswer = z.partialRecord(
  ServiceQualityDimension,
  z.int().check(z.gte(SCALE_RANGES.servqual.min), z.lte(SCALE_RANGES.servqual.max)),
);
export type ServqualAnswer = z.infer<typeof ServqualAnswer>;

/**
 * One answer, by question kind: a whole number for nps / csat / ces, `{ option, otherText? }` for
 * single_choice, `{ options, otherText? }` for multiple_choice, a string for free_text,
 * `{ reliability: 4, … }` for servqual. {@link answerSchema} checks it against its question.
 */
export const SurveyAnswer = z.union([
  z.int(),
  UserText.check(z.maxLength(FREE_TEXT_MAX_LENGTH)),
  SingleChoiceAnswer,
  MultipleChoiceAnswer,
  ServqualAnswer,
]);
export type SurveyAnswer = z.infer<typeof SurveyAnswer>;

export const SurveyAnswers = z.record(QuestionId, SurveyAnswer);
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;

/** The schema one question's answer must satisfy (ranges, known options, length). */
export function answerSchema(question: SurveyQuestion): z.core.$ZodType {
  switch (question.kind) {
    case 'nps':
    case 'csat':
    case 'ces': {
      const { min, max } = SCALE_RANGES[question.kind];
      return z.int().check(z.gte(min), z.lte(max));
    }
    case 'free_text':
      return UserText.check(z.maxLength(question.maxLength ?? FREE_TEXT_DEFAULT_MAX_LENGTH));
    case 'servqual':
      return z.partialRecord(
        z.enum(question.items.map((item) => item.dimension) as [ServiceQualityDimension, ...ServiceQualityDimension[]]),
        z.int().check(z.gte(SCALE_RANGES.servqual.min), z.lte(SCALE_RANGES.servqual.max)),
      );
    case 'single_choice': {
      const ids = z.enum(question.options.map((option) => option.id) as [string, ...string[]]);
      return z
        .object({ option: ids, otherText: z.optional(UserText.check(z.maxLength(OTHER_TEXT_MAX_LENGTH))) })
        .check(z.superRefine((answer, ctx) => checkOtherText(question, [answer.option], answer.otherText, ctx)));
    }
    case 'multiple_choice': {
      const ids = z.enum(question.options.map((option) => option.id) as [string, ...string[]]);
      const most = question.maxSelections ?? question.options.length;
      return z
        .object({
          options: z.array(ids).check(z.minLength(1), z.maxLength(most)),
          otherText: z.optional(UserText.check(z.maxLength(OTHER_TEXT_MAX_LENGTH))),
        })
        .check(
          z.superRefine((answer, ctx) => {
            if (new Set(answer.options).size !== answer.options.length) {
              ctx.addIssue({ code: 'custom', message: 'Choose each option at most once.', path: ['options'] });
            }
            checkOtherText(question, answer.options, answer.otherText, ctx);
          }),
        );
    }
  }
}

function checkOtherText(
  question: { options: readonly ChoiceOption[] },
  chosen: readonly string[],
  otherText: string | undefined,
  ctx: z.core.$RefinementCtx,
): void {
  if (otherText === undefined) return;
  const otherChosen = question.options.some((option) => option.other === true && chosen.includes(option.id));
  if (!otherChosen) {
    ctx.addIssue({ code: 'custom', message: 'otherText goes only with the "other" option.', path: ['otherText'] });
  }
}

// ─── Definition checks ──────────────────────────────────────────────────────────────────────────

/** What the question schemas cannot say alone: unique ids, conditions pointing backwards. */
function checkQuestions(questions: SurveyQuestion[], ctx: z.core.$RefinementCtx<SurveyQuestion[]>): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', message, path });
  const earlier = new Map<string, SurveyQuestion>();
  questions.forEach((question, index) => {
    if (earlier.has(question.id)) issue([index, 'id'], `Question id "${question.id}" is used twice.`);

    if (question.kind === 'single_choice' || question.kind === 'multiple_choice') {
      const ids = question.options.map((option) => option.id);
      if (new Set(ids).size !== ids.length) issue([index, 'options'], 'Option ids must be unique.');
      if (question.options.filter((option) => option.other === true).length > 1) {
        issue([index, 'options'], 'At most one "other" option.');
      }
      if (question.kind === 'multiple_choice' && (question.maxSelections ?? 0) > question.options.length) {
        issue([index, 'maxSelections'], 'More than there are options.');
      }
    }
    if (question.kind === 'servqual') {
      const dimensions = question.items.map((item) => item.dimension);
      if (new Set(dimensions).size !== dimensions.length) issue([index, 'items'], 'Each dimension at most once.');
    }

    const condition = question.showIf;
    if (condition !== undefined) {
      const target = earlier.get(condition.questionId);
      const at = [index, 'showIf'];
      if (target === undefined) {
        issue([...at, 'questionId'], 'A condition must name an earlier question.');
      } else if (condition.min === undefined && condition.max === undefined && condition.anyOf === undefined) {
        issue(at, 'Give min, max or anyOf.');
      } else if (condition.min !== undefined || condition.max !== undefined) {
        if (target.kind !== 'nps' && target.kind !== 'csat' && target.kind !== 'ces') {
          issue(at, 'min and max apply to nps, csat and ces questions.');
        } else if (condition.min !== undefined && condition.max !== undefined && condition.min > condition.max) {
          issue(at, 'min is above max.');
        }
      }
      if (target !== undefined && condition.anyOf !== undefined) {
        if (target.kind !== 'single_choice' && target.kind !== 'multiple_choice') {
          issue(at, 'anyOf applies to choice questions.');
        } else {
          const known = new Set(target.options.map((option) => option.id));
          const unknown = condition.anyOf.filter((id) => !known.has(id));
          if (unknown.length > 0) issue([...at, 'anyOf'], `Unknown options: ${unknown.join(', ')}.`);
        }
      }
    }
    earlier.set(question.id, question);
  });
}
