import 'survey-core/survey-core.css';
import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';
import { reportReadyOnMutation } from './harness.ts';

const container = document.querySelector<HTMLElement>('#survey')!;
// Ready: the rating question and its eleven options (0–10) are in the DOM.
reportReadyOnMutation(
  container,
  () =>
    container.querySelectorAll('[data-name="nps"] .sd-rating__item, [data-name="nps"] .sd-rating__item-smiley')
      .length === 11,
);
const model = new Model({
  elements: [{ type: 'rating', name: 'nps', title: 'How likely are you to recommend us?', rateMin: 0, rateMax: 10 }],
});
renderSurvey(model, container);
