// Layout checks the widget tests share: a skeleton must take the same box as the data it stands for.
import { expect } from '@open-wc/testing';

export interface Box {
  width: number;
  height: number;
}

/** The rendered size of an element. */
export function box(element: Element | null): Box {
  const { width, height } = element!.getBoundingClientRect();
  return { width, height };
}

/** Fails unless the two boxes match to within a pixel (nothing on the page would shift). */
export function expectSameBox(actual: Box, expected: Box): void {
  expect(Math.abs(actual.width - expected.width), `width ${actual.width} vs ${expected.width}`).to.be.at.most(1);
  expect(Math.abs(actual.height - expected.height), `height ${actual.height} vs ${expected.height}`).to.be.at.most(1);
}
