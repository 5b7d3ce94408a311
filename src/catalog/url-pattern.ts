import { RE2JS } from 're2js';

/** Longest `links.skip` pattern accepted: a pattern is a few dozen characters of a URL. */
export const MAX_URL_PATTERN_LENGTH = 1000;

/**
 * A `links.skip` pattern, compiled by RE2 (re2js): matching takes time linear in the URL
 * whatever the pattern, so no pattern a pull request brings (`(a+)+$`) can stall the run.
 * The syntax is JavaScript's where RE2 has it (classes, anchors, groups, `\d`, `\p{L}`,
 * `(?<name>…)`); lookaround and backreferences, which need backtracking, are refused.
 * Throws a message for the config's error when the pattern is not one.
 */
export function compileUrlPattern(pattern: string): { test(url: string): boolean } {
  if (pattern.length > MAX_URL_PATTERN_LENGTH) throw new Error(`is longer than ${MAX_URL_PATTERN_LENGTH} characters`);
  try {
    return RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch (error) {
    const reason = (error as Error).message.replace(/^error parsing regexp: /u, '');
    throw new Error(`is not a regular expression RE2 accepts (${reason}); lookaround and backreferences are not supported`);
  }
}
