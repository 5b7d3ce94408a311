import type { LinkClient } from './client.js';
import type { HostScheduler } from './scheduler.js';
import type { UrlCheck } from './check-url.js';
import { isNameWithOwner } from './replacement-url.js';

/** Repositories asked about in one GraphQL call. */
const GITHUB_BATCH_SIZE = 25;

/** A github.com link the API can answer for: a repository, or a path in it at a branch. */
export interface GithubTarget {
  url: string;
  owner: string;
  name: string;
  /** The rest of the URL after owner/repo (kept when the repository was renamed). */
  rest: string;
  /** `ref:path` for `/tree/<ref>/<path>` and `/blob/<ref>/<path>` links, else null. */
  expression: string | null;
}

export interface GithubApi {
  client: LinkClient;
  scheduler: HostScheduler;
  /** e.g. https://api.github.com (GraphQL is at `${apiUrl}/graphql`). */
  apiUrl: string;
  token: string;
  signal: AbortSignal;
}

const NOT_USERS = new Set(['orgs', 'topics', 'collections', 'sponsors', 'marketplace', 'features', 'settings', 'explore', 'search', 'login']);

/** The repository a github.com URL points into, or null for other pages (issues, users, gists…). */
export function githubTarget(url: string): GithubTarget | null {
  const parsed = new URL(url);
  if (parsed.hostname !== 'github.com' && parsed.hostname !== 'www.github.com') return null;
  if (parsed.search !== '') return null;
  const [owner, repo, view, ref, ...path] = parsed.pathname.split('/').filter(Boolean);
  if (owner === undefined || repo === undefined || NOT_USERS.has(owner.toLowerCase())) return null;
  const name = repo.replace(/\.git$/u, '');
  const rest = parsed.pathname.split('/').slice(3).join('/');
  if (view === undefined) return { url, owner, name, rest: '', expression: null };
  if ((view === 'tree' || view === 'blob') && ref !== undefined) {
    return { url, owner, name, rest: `/${rest}`.replace(/\/$/u, ''), expression: `${ref}:${path.join('/')}` };
  }
  return null;
}

interface RepositoryAnswer {
  nameWithOwner: string;
  isArchived: boolean;
  object?: { __typename: string } | null;
}

/**
 * Checks github.com links through the GraphQL API, about one call per 25 repositories, instead
 * of scraping pages. A missing repository is asked about a second time before it is dead. A
 * renamed one is a permanent redirect (the new owner/name, rest of the URL kept). Links the API
 * cannot settle (the call failed, a path not found at what may be a branch name with slashes)
 * are left out of the answer, for the HTTP check.
 */
export async function checkGithubLinks(targets: readonly GithubTarget[], api: GithubApi): Promise<Map<string, UrlCheck>> {
  const settled = new Map<string, UrlCheck>();
  const missing: GithubTarget[] = [];
  const first = await askInBatches(targets, api);
  for (const target of targets) {
    const answer = first.get(target.url);
    if (answer === null) missing.push(target);
    else if (answer !== undefined) settle(target, answer, 1);
  }
  const second = await askInBatches(missing, api);
  for (const target of missing) {
    const answer = second.get(target.url);
    if (answer === null) {
      const reason = `repository ${target.owner}/${target.name} not found (GitHub API, asked twice)`;
      settled.set(target.url, apiCheck(target, { verdict: 'dead', status: 404, reason, attempts: 2 }));
    } else if (answer !== undefined) settle(target, answer, 2);
  }
  return settled;

  function settle(target: GithubTarget, answer: RepositoryAnswer, attempts: number): void {
    if (target.expression !== null && !answer.object) return;
    // An answer whose name is not a plain owner/name settles nothing: the link is checked over HTTP.
    if (!isNameWithOwner(answer.nameWithOwner)) return;
    const renamed = answer.nameWithOwner.toLowerCase() !== `${target.owner}/${target.name}`.toLowerCase();
    const common = { verdict: 'alive', status: 200, attempts, archived: answer.isArchived } as const;
    if (!renamed) {
      settled.set(target.url, apiCheck(target, { ...common, reason: 'repository exists (GitHub API)' }));
      return;
    }
    const finalUrl = `https://github.com/${answer.nameWithOwner}${target.rest}`;
    const redirects = [{ url: target.url, status: 301, location: finalUrl }];
    settled.set(target.url, apiCheck(target, { ...common, reason: `renamed to ${answer.nameWithOwner} (GitHub API)`, redirects, finalUrl, permanentRedirect: finalUrl }));
  }
}

/** An answer of the API as a check: no redirect, no body read, unless told otherwise. */
function apiCheck(target: GithubTarget, check: Pick<UrlCheck, 'verdict' | 'status' | 'reason' | 'attempts'> & Partial<UrlCheck>): UrlCheck {
  return { redirects: [], finalUrl: target.url, permanentRedirect: null, suspicious: null, bytesRead: 0, archived: false, ...check };
}

/** URL → the repository, null when GitHub says it does not exist; absent when the call failed. */
async function askInBatches(targets: readonly GithubTarget[], api: GithubApi): Promise<Map<string, RepositoryAnswer | null>> {
  const answers = new Map<string, RepositoryAnswer | null>();
  const batches: GithubTarget[][] = [];
  for (let start = 0; start < targets.length; start += GITHUB_BATCH_SIZE) batches.push(targets.slice(start, start + GITHUB_BATCH_SIZE));
  await Promise.all(
    batches.map(async (batch) => {
      const data = await askBatch(batch, api);
      if (data === null) return;
      batch.forEach((target, index) => {
        const answer = data[`r${index}`];
        if (answer !== undefined) answers.set(target.url, answer);
      });
    }),
  );
  return answers;
}

async function askBatch(batch: readonly GithubTarget[], api: GithubApi): Promise<Record<string, RepositoryAnswer | null> | null> {
  const declarations: string[] = [];
  const fields: string[] = [];
  const variables: Record<string, string> = {};
  batch.forEach((target, index) => {
    declarations.push(`$o${index}: String!, $n${index}: String!`);
    variables[`o${index}`] = target.owner;
    variables[`n${index}`] = target.name;
    let object = '';
    if (target.expression !== null) {
      declarations.push(`$e${index}: String!`);
      variables[`e${index}`] = target.expression;
      object = ` object(expression: $e${index}) { __typename }`;
    }
    fields.push(`r${index}: repository(owner: $o${index}, name: $n${index}) { nameWithOwner isArchived${object} }`);
  });
  const query = `query(${declarations.join(', ')}) { ${fields.join(' ')} }`;
  const endpoint = new URL(`${api.apiUrl.replace(/\/+$/u, '')}/graphql`);
  try {
    const response = await api.scheduler.run(
      endpoint.hostname,
      () =>
        api.client.probe({
          url: endpoint,
          method: 'POST',
          headers: { authorization: `bearer ${api.token}`, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ query, variables }),
          maxBodyBytes: 4 * 1024 * 1024,
          signal: api.signal,
        }),
      api.signal,
    );
    if (response.status !== 200) return null;
    const parsed = JSON.parse(response.body) as { data?: Record<string, RepositoryAnswer | null> | null; errors?: { type?: string; path?: string[] }[] };
    if (!parsed.data) return null;
    // A null repository counts as missing only when GitHub said NOT_FOUND for it.
    const notFound = new Set((parsed.errors ?? []).filter((error) => error.type === 'NOT_FOUND').map((error) => error.path?.[0]));
    const data: Record<string, RepositoryAnswer | null> = {};
    for (const [alias, answer] of Object.entries(parsed.data)) {
      if (answer !== null || notFound.has(alias)) data[alias] = answer;
    }
    return data;
  } catch {
    return null;
  }
}
