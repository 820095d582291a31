import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for the GitHub REST API: the endpoints the action uses, in memory, with a
 * log of every request so tests can assert the exact calls.
 */

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** The token from the Authorization header. */
  token?: string;
}

export interface FakeComment {
  id: number;
  issueNumber: number;
  login: string;
  body: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  login: string;
  labels: string[];
  state: 'open' | 'closed';
  isPullRequest: boolean;
  /** Pull requests only. */
  mergeCommitSha?: string;
  merged?: boolean;
}

export interface FakeGitHubOptions {
  /** Token → login for personal tokens; any other token acts as the workflow's GITHUB_TOKEN. */
  users?: Record<string, string>;
  /** Token → bot login (`<slug>[bot]`) for GitHub App installation tokens: GET /user refuses them. */
  apps?: Record<string, string>;
  owner?: string;
  repo?: string;
  defaultBranch?: string;
}

export interface FakeGitHub {
  /** Base URL for GITHUB_API_URL / baseUrl. */
  url: string;
  requests: RecordedRequest[];
  comments: FakeComment[];
  issues: FakeIssue[];
  /** Labels defined in the repository (created through POST /labels), by name. */
  labels: Map<string, { name: string; color: string; description: string }>;
  /** Files committed through the Git data API, per branch. */
  branches: Map<string, { sha: string; files: Record<string, string> }>;
  addComment(issueNumber: number, login: string, body: string): FakeComment;
  addPullRequest(pr: { number: number; title?: string; mergeCommitSha?: string; merged?: boolean; login?: string }): FakeIssue;
  addIssue(issue: { title: string; body: string; login: string; labels?: string[] }): FakeIssue;
  /** Answers the next `times` requests matching method and path with `status`. */
  failNext(method: string, path: RegExp, status: number, times?: number): void;
  /** Requests that write (not GET, not a GraphQL query), in order, as `METHOD path`. */
  writes(): string[];
  close(): Promise<void>;
}

const BOT_LOGIN = 'github-actions[bot]';

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const owner = options.owner ?? 'Codertocat';
  const repo = options.repo ?? 'Hello-World';
  const users = options.users ?? {};
  const apps = options.apps ?? {};
  const requests: RecordedRequest[] = [];
  const comments: FakeComment[] = [];
  const issues: FakeIssue[] = [];
  const branches = new Map<string, { sha: string; files: Record<string, string> }>();
  branches.set(options.defaultBranch ?? 'master', { sha: 'base000000000000000000000000000000000000', files: {} });
  const objects = new Map<string, unknown>();
  const labels = new Map<string, { name: string; color: string; description: string }>();
  const faults: Array<{ method: string; path: RegExp; status: number; times: number }> = [];
  let nextId = 1000;
  let nextNumber = 1;
  let url = '';

  const html = (path: string) => `https://github.com/${owner}/${repo}${path}`;
  const commentJson = (c: FakeComment) => ({
    id: c.id,
    body: c.body,
    html_url: html(`/pull/${c.issueNumber}#issuecomment-${c.id}`),
    user: { login: c.login, type: c.login.endsWith('[bot]') ? 'Bot' : 'User' },
  });
  const issueJson = (i: FakeIssue) => ({
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    html_url: html(`/${i.isPullRequest ? 'pull' : 'issues'}/${i.number}`),
    user: { login: i.login },
    labels: i.labels.map((name) => ({ name })),
    ...(i.isPullRequest ? { pull_request: { url: '' } } : {}),
  });

  const fake: FakeGitHub = {
    url: '',
    requests,
    comments,
    issues,
    labels,
    branches,
    addComment(issueNumber, login, body) {
      const c = { id: nextId++, issueNumber, login, body };
      comments.push(c);
      return c;
    },
    addPullRequest(pr) {
      const issue: FakeIssue = {
        number: pr.number,
        title: pr.title ?? `Pull request ${pr.number}`,
        body: '',
        login: pr.login ?? 'Codertocat',
        labels: [],
        state: pr.merged ? 'closed' : 'open',
        isPullRequest: true,
        ...(pr.mergeCommitSha === undefined ? {} : { mergeCommitSha: pr.mergeCommitSha }),
        merged: pr.merged ?? false,
      };
      issues.push(issue);
      nextNumber = Math.max(nextNumber, pr.number + 1);
      return issue;
    },
    addIssue(input) {
      const issue: FakeIssue = { number: nextNumber++, labels: [], state: 'open', isPullRequest: false, ...input };
      issues.push(issue);
      return issue;
    },
    failNext(method, path, status, times = 1) {
      faults.push({ method, path, status, times });
    },
    // A GraphQL query is a POST that writes nothing.
    writes: () => requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql').map((r) => `${r.method} ${r.path}`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  function paginate(res: ServerResponse, req: RecordedRequest, items: unknown[]): void {
    const perPage = Math.min(Number(req.query.per_page ?? 30), 100);
    const page = Number(req.query.page ?? 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    if (page * perPage < items.length) {
      res.setHeader('link', `<${url}${req.path}?per_page=${perPage}&page=${page + 1}>; rel="next"`);
    }
    send(res, 200, slice);
  }

  function route(req: RecordedRequest, res: ServerResponse): void {
    const login = req.token !== undefined ? (users[req.token] ?? apps[req.token] ?? BOT_LOGIN) : undefined;
    if (login === undefined) return send(res, 401, { message: 'Requires authentication' });
    const base = `/repos/${owner}/${repo}`;
    const p = req.path;
    const body = (req.body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;

    if (req.method === 'POST' && p === '/graphql') {
      if (!/viewer\s*\{\s*login/.test(String(body.query))) return send(res, 200, { errors: [{ message: 'only viewer { login } is faked' }] });
      return send(res, 200, { data: { viewer: { login } } });
    }
    if (req.method === 'GET' && p === '/user') {
      if (login.endsWith('[bot]')) return send(res, 403, { message: 'Resource not accessible by integration' });
      return send(res, 200, { login });
    }
    if (!p.startsWith(`${base}/`)) return send(res, 404, { message: 'Not Found' });
    const rest = p.slice(base.length);

    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issueNumber = Number(m[1]);
      if (req.method === 'GET') return paginate(res, req, comments.filter((c) => c.issueNumber === issueNumber).map(commentJson));
      if (req.method === 'POST') return send(res, 201, commentJson(fake.addComment(issueNumber, login, String(body.body))));
    }
    if (rest === '/labels' && req.method === 'POST') {
      const name = String(body.name);
      if (labels.has(name)) return send(res, 422, { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] });
      const label = { name, color: String(body.color ?? 'ededed'), description: String(body.description ?? '') };
      labels.set(name, label);
      return send(res, 201, label);
    }
    if ((m = /^\/issues\/(\d+)\/labels(?:\/(.+))?$/.exec(rest))) {
      const issue = issues.find((i) => i.number === Number(m![1]));
      if (!issue) return send(res, 404, { message: 'Not Found' });
      const asJson = () => issue.labels.map((name) => ({ name, color: labels.get(name)?.color ?? 'ededed' }));
      if (req.method === 'GET' && m[2] === undefined) return paginate(res, req, asJson());
      if (req.method === 'POST' && m[2] === undefined) {
        // As GitHub does, a label that does not exist yet is created (without a colour of its own).
        for (const name of (body.labels as string[] | undefined) ?? []) {
          if (!labels.has(name)) labels.set(name, { name, color: 'ededed', description: '' });
          if (!issue.labels.includes(name)) issue.labels.push(name);
        }
        return send(res, 200, asJson());
      }
      if (req.method === 'DELETE' && m[2] !== undefined) {
        if (!issue.labels.includes(m[2])) return send(res, 404, { message: 'Label does not exist' });
        issue.labels = issue.labels.filter((name) => name !== m![2]);
        return send(res, 200, asJson());
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && req.method === 'PATCH') {
      const comment = comments.find((c) => c.id === Number(m![1]));
      if (!comment) return send(res, 404, { message: 'Not Found' });
      if (comment.login !== login) return send(res, 403, { message: 'Must have admin rights to Repository.' });
      comment.body = String(body.body);
      return send(res, 200, commentJson(comment));
    }
    if ((m = /^\/commits\/([0-9a-f]+)\/pulls$/.exec(rest)) && req.method === 'GET') {
      const sha = m[1];
      const prs = issues
        .filter((i) => i.isPullRequest && i.mergeCommitSha === sha)
        .map((i) => ({
          number: i.number,
          title: i.title,
          html_url: html(`/pull/${i.number}`),
          merged_at: i.merged ? '2024-01-01T00:00:00Z' : null,
          merge_commit_sha: i.mergeCommitSha,
          state: i.state,
        }));
      return send(res, 200, prs);
    }
    if (rest === '/issues' && req.method === 'GET') {
      const label = req.query.labels;
      const state = req.query.state ?? 'open';
      const list = issues.filter((i) => (state === 'all' || i.state === state) && (!label || i.labels.includes(label)));
      return paginate(res, req, list.map(issueJson));
    }
    if (rest === '/issues' && req.method === 'POST') {
      const labels = Array.isArray(body.labels) ? (body.labels as string[]) : [];
      const issue = fake.addIssue({ title: String(body.title), body: String(body.body ?? ''), login, labels });
      return send(res, 201, issueJson(issue));
    }
    if ((m = /^\/issues\/(\d+)$/.exec(rest)) && req.method === 'PATCH') {
      const issue = issues.find((i) => i.number === Number(m![1]));
      if (!issue) return send(res, 404, { message: 'Not Found' });
      if (typeof body.title === 'string') issue.title = body.title;
      if (typeof body.body === 'string') issue.body = body.body;
      if (body.state === 'open' || body.state === 'closed') issue.state = body.state;
      return send(res, 200, issueJson(issue));
    }
    if ((m = /^\/git\/ref\/heads\/(.+)$/.exec(rest)) && req.method === 'GET') {
      const branch = branches.get(m[1]!);
      if (!branch) return send(res, 404, { message: 'Not Found' });
      return send(res, 200, { ref: `refs/heads/${m[1]}`, object: { sha: branch.sha, type: 'commit' } });
    }
    if ((m = /^\/git\/commits\/(\w+)$/.exec(rest)) && req.method === 'GET') {
      return send(res, 200, { sha: m[1], tree: { sha: `tree-of-${m[1]}` } });
    }
    if (rest === '/git/blobs' && req.method === 'POST') {
      const sha = `blob${nextId++}`;
      objects.set(sha, body.content);
      return send(res, 201, { sha });
    }
    if (rest === '/git/trees' && req.method === 'POST') {
      const sha = `tree${nextId++}`;
      objects.set(sha, body.tree);
      return send(res, 201, { sha });
    }
    if (rest === '/git/commits' && req.method === 'POST') {
      const sha = `commit${nextId++}`;
      objects.set(sha, body.tree);
      return send(res, 201, { sha, tree: { sha: body.tree } });
    }
    if (rest === '/git/refs' && req.method === 'POST') {
      const name = String(body.ref).replace(/^refs\/heads\//, '');
      if (branches.has(name)) return send(res, 422, { message: 'Reference already exists' });
      const tree = objects.get(String(objects.get(String(body.sha)))) as Array<{ path: string; sha: string }> | undefined;
      const files: Record<string, string> = {};
      for (const entry of tree ?? []) files[entry.path] = String(objects.get(entry.sha));
      branches.set(name, { sha: String(body.sha), files });
      return send(res, 201, { ref: body.ref, object: { sha: body.sha } });
    }
    if (rest === '/pulls' && req.method === 'POST') {
      const issue = fake.addPullRequest({ number: nextNumber, title: String(body.title), login });
      issue.body = String(body.body ?? '');
      return send(res, 201, { number: issue.number, html_url: html(`/pull/${issue.number}`) });
    }
    send(res, 404, { message: `Not Found: ${req.method} ${p}` });
  }

  const server = createServer((incoming: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (c: Buffer) => chunks.push(c));
    incoming.on('end', () => {
      const parsed = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        body = text;
      }
      const auth = incoming.headers.authorization;
      const token = auth?.replace(/^(token|bearer)\s+/i, '');
      const recorded: RecordedRequest = {
        method: incoming.method ?? 'GET',
        path: decodeURIComponent(parsed.pathname),
        query: Object.fromEntries(parsed.searchParams),
        body,
        ...(token === undefined ? {} : { token }),
      };
      requests.push(recorded);
      const fault = faults.find((f) => f.method === recorded.method && f.path.test(recorded.path) && f.times > 0);
      if (fault) {
        fault.times -= 1;
        return send(res, fault.status, { message: `injected ${fault.status}` });
      }
      route(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.url = url;
  return fake;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
