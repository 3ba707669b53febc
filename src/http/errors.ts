// One error format for the whole API: { error: { status, code, message, field? } }.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const notFound = (message: string, field?: string) => new HttpError(404, 'not-found', message, field);
export const badRequest = (message: string, field?: string) => new HttpError(400, 'bad-request', message, field);

export function errorBody(error: HttpError) {
  return { error: { status: error.status, code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
}
