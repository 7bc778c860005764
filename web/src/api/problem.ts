// API errors as one typed error: the RFC 9457 problem with its field errors, ready to show beside the field.
export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly fieldErrors: FieldError[];

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.status = problem.status;
    this.type = problem.type;
    this.fieldErrors = problem.errors ?? [];
  }

  /** Field errors keyed by field name (`custom_fields.colour` stays as one key), for a form's setErrors. */
  byField(): Record<string, string> {
    return Object.fromEntries(this.fieldErrors.map((e) => [e.field, e.message]));
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

export function toApiError(body: unknown, response: Response): ApiError {
  if (isProblem(body)) return new ApiError(body);
  const offline = response.status === 0 || response.status >= 502;
  return new ApiError({
    type: offline ? '/problems/unavailable' : '/problems/unknown',
    title: offline ? 'The server cannot be reached' : response.statusText || 'Request failed',
    status: response.status,
  });
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'The server cannot be reached; check the connection';
  return error instanceof Error ? error.message : String(error);
}
