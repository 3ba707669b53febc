// A browser-like client for the API in tests: keeps cookies, fetches and sends the CSRF token,
// and comes from a chosen client address.

import type { FastifyInstance } from 'fastify';

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

export class Client {
  readonly cookies = new Map<string, string>();
  csrf: string | undefined;

  constructor(
    readonly app: FastifyInstance,
    readonly address = '127.0.0.1',
  ) {}

  async request<T = any>(method: string, url: string, body?: unknown, options: { csrf?: boolean | string; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const token = typeof options.csrf === 'string' ? options.csrf : options.csrf === false ? undefined : this.csrf;
    if (method !== 'GET' && token) headers['x-csrf-token'] = token;
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      headers,
      remoteAddress: this.address,
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const json = String(response.headers['content-type'] ?? '').includes('json');
    const parsed = json && response.body ? response.json() : response.body;
    if (parsed && typeof parsed === 'object' && typeof (parsed as { csrfToken?: unknown }).csrfToken === 'string') this.csrf = (parsed as { csrfToken: string }).csrfToken;
    return { status: response.statusCode, body: parsed as T, headers: response.headers };
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body ?? {});
  }
  patch<T = any>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, body ?? {});
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }

  async fetchCsrf(): Promise<string> {
    const answer = await this.get<{ csrfToken: string }>('/api/v1/auth/csrf');
    if (answer.status !== 200) throw new Error(`csrf: ${answer.status}`);
    return this.csrf!;
  }

  async login(email: string, password: string): Promise<Answer> {
    if (!this.csrf) await this.fetchCsrf();
    return this.post('/api/v1/auth/login', { email, password });
  }

  /** Logged in, or throws. */
  async signIn(email: string, password: string): Promise<this> {
    const answer = await this.login(email, password);
    if (answer.status !== 200) throw new Error(`login ${email}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return this;
  }
}
