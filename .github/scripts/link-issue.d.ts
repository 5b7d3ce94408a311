// Types of link-issue.js, for its tests. The results are `catalog links --format json` output.
import type { LinkJsonEntry, LinkJsonReport } from '../../src/report/links-json.js';

/** One finding of `catalog papers --format json` (its `diagnostics`). */
export interface PaperFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
}

export interface LinkProblems {
  dead: LinkJsonEntry[];
  papers: PaperFinding[];
  escalated: LinkJsonEntry[];
  redirects: LinkJsonEntry[];
}

/** The part of Octokit (`github` in actions/github-script) that the issue needs. */
export interface IssuesClient {
  rest: {
    issues: {
      listForRepo(params: object): Promise<{ data: { number: number; pull_request?: unknown }[] }>;
      create(params: object): Promise<{ data: { number: number } }>;
      update(params: object): Promise<unknown>;
      createComment(params: object): Promise<unknown>;
      getLabel(params: object): Promise<unknown>;
      createLabel(params: object): Promise<unknown>;
    };
  };
}

export const ISSUE_LABEL: string;
export const ISSUE_TITLE: string;
export const MAX_ITEMS_PER_KIND: number;
export function linkProblems(results: unknown, paperResults?: unknown): LinkProblems;
export function isClear(problems: LinkProblems): boolean;
export function issueBody(problems: LinkProblems, runUrl: string): string;
export function updateLinkIssue(input: {
  github: IssuesClient;
  repo: { owner: string; repo: string };
  results: LinkJsonReport | unknown;
  paperResults?: unknown;
  runUrl: string;
}): Promise<string>;
