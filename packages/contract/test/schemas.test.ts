import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Problem, Summary, TransactionRequest } from '../src/index.ts';

const summary = {
  customer: { id: 'demo-shopper', name: 'Lin Mei', locale: 'zh-CN' },
  program: { name: 'Demo Tea House', pointsName: { en: 'points', 'zh-CN': '积分' } },
  points: { balance: 2900 },
  tier: { current: { id: 'silver', name: { en: 'Silver', 'zh-CN': '银卡' } } },
};

describe('Summary', () => {
  it('accepts a summary and drops fields it does not know, so older clients keep working', () => {
    const parsed = Summary.parse({ ...summary, newField: 1 });
    assert.deepEqual(parsed, summary);
  });

  it('rejects negative or fractional balances and a missing customer', () => {
    assert.equal(Summary.safeParse({ ...summary, points: { balance: -5 } }).success, false);
    assert.equal(Summary.safeParse({ ...summary, points: { balance: 1.5 } }).success, false);
    const { customer: _dropped, ...withoutCustomer } = summary;
    assert.equal(Summary.safeParse(withoutCustomer).success, false);
  });
});

describe('TransactionRequest', () => {
  it('accepts earn and redeem of positive whole points', () => {
    assert.deepEqual(TransactionRequest.parse({ type: 'earn', points: 10 }), { type: 'earn', points: 10 });
    assert.equal(TransactionRequest.safeParse({ type: 'redeem', points: 1, reason: 'tea' }).success, true);
  });

  it('names the offending field', () => {
    const result = TransactionRequest.safeParse({ type: 'earn', points: 0 });
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error?.issues.map((issue) => issue.path.join('.')),
      ['points'],
    );
    assert.equal(TransactionRequest.safeParse({ type: 'gift', points: 5 }).success, false);
  });
});

describe('Problem', () => {
  it('accepts codes it does not list, so new server codes never break a client', () => {
    const problem = { type: 'about:blank', title: 'Teapot', status: 418, code: 'brand_new_code' };
    assert.deepEqual(Problem.parse(problem), problem);
  });
});
