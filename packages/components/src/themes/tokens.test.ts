import { expect } from '@open-wc/testing';
import { css, type CSSResultGroup } from 'lit';
import * as exported from '../index.ts';
import { LoyaltyElement } from '../base/loyalty-element.ts';
import { darkTokens, lightTokens, tokenDescriptions, tokenStyles, type LoyaltyToken } from './tokens.ts';

// The design-token contract, checked on every element the package exports (a new widget is
// covered as soon as it is exported from src/index.ts):
// - a stylesheet may name a public `--loyalty-*` property only if it is a global token declared in
//   tokens.ts or one of the element's own `--loyalty-<tag>-*` hooks;
// - every private `--_*` property a stylesheet reads is declared (by tokenStyles or the element);
// - every global token is read by at least one element (no dead tokens).

type ElementClass = typeof LoyaltyElement;

const globalTokens = Object.keys(lightTokens) as LoyaltyToken[];

const elementClasses: ElementClass[] = Object.values(exported).filter(
  (value): value is ElementClass =>
    typeof value === 'function' &&
    value.prototype instanceof LoyaltyElement &&
    Boolean((value as ElementClass).tagName),
);

/** The CSS text of every sheet in a `static styles` value, nested arrays included. */
function sheetsOf(styles: CSSResultGroup | undefined): { source: unknown; text: string }[] {
  if (!styles) return [];
  if (Array.isArray(styles)) return styles.flatMap((entry) => sheetsOf(entry as CSSResultGroup));
  if (styles instanceof CSSStyleSheet) {
    return [{ source: styles, text: [...styles.cssRules].map((rule) => rule.cssText).join('\n') }];
  }
  return [{ source: styles, text: (styles as { cssText: string }).cssText }];
}

/** Strips comments, so a property named in a comment is not mistaken for one in use. */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '');

const names = (text: string, pattern: RegExp) => new Set([...text.matchAll(pattern)].map((match) => match[1]!));
/** `--loyalty-x` read through `var(--loyalty-x …)`. */
const publicReads = (text: string) => names(text, /var\(\s*--loyalty-([a-z0-9-]+)/g);
/** `--_x` read through `var(--_x …)`. */
const privateReads = (text: string) => names(text, /var\(\s*--_([a-z0-9-]+)/g);
/** `--_x` declared as `--_x: …`. */
const privateDeclarations = (text: string) => names(text, /(?:^|[\s;{])--_([a-z0-9-]+)\s*:/g);

interface TokenAudit {
  /** Public `--loyalty-*` properties that are neither global tokens nor the element's own hooks. */
  undeclaredPublic: string[];
  /** Private `--_*` properties read but never declared. */
  undeclaredPrivate: string[];
  /** Global tokens this element reads (outside the token declarations themselves). */
  usedTokens: Set<LoyaltyToken>;
}

/** Audits one element's stylesheets against the global token list. */
function auditElement(tagName: string, styles: CSSResultGroup | undefined): TokenAudit {
  const sheets = sheetsOf(styles).map(({ source, text }) => ({ source, text: withoutComments(text) }));
  const all = sheets.map((sheet) => sheet.text).join('\n');
  // Usage is counted outside tokenStyles: its declarations mention every token by construction.
  const ownCss = sheets
    .filter((sheet) => sheet.source !== tokenStyles)
    .map((sheet) => sheet.text)
    .join('\n');
  const hookPrefix = `${tagName.replace(/^loyalty-/, '')}-`;
  const isGlobal = (name: string): name is LoyaltyToken => (globalTokens as string[]).includes(name);

  const declared = privateDeclarations(all);
  return {
    undeclaredPublic: [...publicReads(all)]
      .filter((name) => !isGlobal(name) && !name.startsWith(hookPrefix))
      .map((name) => `--loyalty-${name}`),
    undeclaredPrivate: [...privateReads(all)].filter((name) => !declared.has(name)).map((name) => `--_${name}`),
    usedTokens: new Set([...privateReads(ownCss)].filter(isGlobal)),
  };
}

describe('design tokens', () => {
  it('finds the exported elements to check', () => {
    expect(elementClasses.map((element) => element.tagName)).to.include('loyalty-points-balance');
  });

  it('describes every token, and gives dark defaults only for declared tokens', () => {
    for (const token of globalTokens) {
      expect(tokenDescriptions[token], `description of ${token}`).to.be.a('string').with.length.above(0);
    }
    for (const token of Object.keys(darkTokens)) {
      expect(globalTokens, `dark token ${token}`).to.include(token);
    }
    for (const token of Object.keys(tokenDescriptions)) {
      expect(globalTokens, `described token ${token}`).to.include(token);
    }
  });

  for (const element of elementClasses) {
    describe(`<${element.tagName}>`, () => {
      it('resolves the global tokens (includes tokenStyles)', () => {
        expect(sheetsOf(element.styles).some((sheet) => sheet.source === tokenStyles)).to.equal(true);
      });

      it('reads only declared --loyalty-* tokens and its own --loyalty-<tag>-* hooks', () => {
        const audit = auditElement(element.tagName, element.styles);
        expect(audit.undeclaredPublic, 'not in themes/tokens.ts and not a hook of this element').to.deep.equal([]);
      });

      it('reads only private --_* properties that are declared', () => {
        const audit = auditElement(element.tagName, element.styles);
        expect(audit.undeclaredPrivate, 'read with var() but never declared').to.deep.equal([]);
      });
    });
  }

  it('has no token that no element uses', () => {
    const used = new Set<LoyaltyToken>();
    for (const element of elementClasses) {
      for (const token of auditElement(element.tagName, element.styles).usedTokens) used.add(token);
    }
    const unused = globalTokens.filter((token) => !used.has(token)).map((token) => `--loyalty-${token}`);
    expect(unused, 'declared in themes/tokens.ts but read by no element').to.deep.equal([]);
  });

  describe('the audit itself', () => {
    // Guards the checks above against a pattern that silently matches nothing.
    it('catches an undeclared public token, an undeclared private one, and unused tokens', () => {
      const audit = auditElement('loyalty-example', [
        tokenStyles,
        css`
          :host {
            --_own: var(--loyalty-example-own, 1px);
            color: var(--loyalty-colour-primary);
            background: var(--_color-surface);
            border-color: var(--_color-bordr);
            padding: var(--_own);
          }
        `,
      ]);
      expect(audit.undeclaredPublic).to.deep.equal(['--loyalty-colour-primary']);
      expect(audit.undeclaredPrivate).to.deep.equal(['--_color-bordr']);
      expect([...audit.usedTokens]).to.deep.equal(['color-surface']);
    });

    it('does not count a token that only appears in a comment or in tokenStyles', () => {
      const audit = auditElement('loyalty-example', [
        tokenStyles,
        css`
          /* color: var(--_color-primary); var(--loyalty-nope) */
          :host {
            display: block;
          }
        `,
      ]);
      expect(audit.undeclaredPublic).to.deep.equal([]);
      expect([...audit.usedTokens]).to.deep.equal([]);
    });
  });
});
