/**
 * The catalogue of stable error codes. Every error a client can see has a code here, mapped to an
 * HTTP status in one place; codes never change meaning once published (clients branch on them).
 */
export const ERROR_CODES = {
  invalid_body: 400,
  invalid_json: 400,
  invalid_event: 400,
  invalid_query: 400,
  invalid_flow: 400,
  invalid_template: 400,
  invalid_duration: 400,
  invalid_dkim_key: 400,
  unknown_report_format: 400,
  weak_password: 400,
  body_too_large: 413,
  unsupported_media_type: 415,
  unauthorized: 401,
  invalid_signature: 401,
  invalid_credentials: 401,
  invalid_setup_token: 401,
  forbidden: 403,
  csrf_failed: 403,
  setup_closed: 403,
  not_found: 404,
  store_not_found: 404,
  flow_not_found: 404,
  link_expired: 410,
  conflict: 409,
  clock_not_virtual: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_CODES[code];
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function errorBody(err: AppError): ErrorBody {
  return { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } };
}
