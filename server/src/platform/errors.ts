// One error family, mapped to RFC 9457 problem+json in one place (see problem-handler.ts).
// Services throw these; routes never format errors themselves.

export interface FieldError {
  /** Dotted path of the offending field, e.g. `custom_fields.ram_gb`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  /** Short slug naming the kind of problem; becomes the problem `type`. */
  readonly kind: string;
  readonly title: string;
  readonly errors: FieldError[];

  constructor(status: number, kind: string, title: string, detail?: string, errors: FieldError[] = []) {
    super(detail ?? title);
    this.status = status;
    this.kind = kind;
    this.title = title;
    this.errors = errors;
  }
}

export class BadRequestError extends AppError {
  constructor(detail: string, errors: FieldError[] = []) {
    super(400, 'bad-request', 'Bad request', detail, errors);
  }
}

/** Well-formed input that breaks a rule: a cycle, a custom field of the wrong type, a forbidden transition. */
export class ValidationError extends AppError {
  constructor(errors: FieldError[], detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ')) {
    super(422, 'validation-failed', 'Validation failed', detail, errors);
  }
  static field(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

export class NotFoundError extends AppError {
  constructor(resource: string, id?: string | number) {
    super(
      404,
      'not-found',
      'Not found',
      id === undefined ? `${resource} not found` : `${resource} ${id} not found`,
    );
  }
}

export class ConflictError extends AppError {
  constructor(detail: string, errors: FieldError[] = []) {
    super(409, 'conflict', 'Conflict', detail, errors);
  }
}

export class PreconditionFailedError extends AppError {
  constructor(detail = 'The resource has changed since you read it; fetch it again and retry') {
    super(412, 'precondition-failed', 'Precondition failed', detail);
  }
}

export class ForbiddenError extends AppError {
  constructor(detail = 'You do not have permission to do this') {
    super(403, 'forbidden', 'Forbidden', detail);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(detail: string) {
    super(503, 'service-unavailable', 'Service unavailable', detail);
  }
}
