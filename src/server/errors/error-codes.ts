/**
 * Every error code Sanad returns, with its HTTP status and a default message. `docs/errors.md` lists the
 * same table; a unit test keeps the two equal.
 */
export const errorCodes = {
  VALIDATION_FAILED: { status: 400, message: 'The request is invalid; see details for each field.' },
  MALFORMED_REQUEST: { status: 400, message: 'The request body could not be read (malformed JSON?).' },
  NOT_AUTHENTICATED: { status: 401, message: 'Sign in first.' },
  LOGIN_FAILED: { status: 401, message: 'Email or password is incorrect.' },
  SESSION_EXPIRED: { status: 401, message: 'Your session has ended; sign in again.' },
  TOKEN_INVALID: { status: 401, message: 'The API token is unknown, revoked or expired.' },
  FORBIDDEN: { status: 403, message: 'You do not have permission to do this.' },
  CSRF_FAILED: { status: 403, message: 'Missing or wrong X-CSRF-Token header for a cookie-authenticated change.' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: 'Change your password before continuing.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'No such endpoint.' },
  IDEMPOTENCY_CONFLICT: { status: 409, message: 'This id was already used with a different body.' },
  ORGANISATION_VERSION_CONFLICT: { status: 409, message: 'The organisation was changed by someone else; reload it.' },
  USER_VERSION_CONFLICT: { status: 409, message: 'The user was changed by someone else; reload them.' },
  ACRONYM_TAKEN: { status: 409, message: 'Another organisation already uses this acronym.' },
  MEMBERSHIP_EXISTS: { status: 409, message: 'This person already has an account in this organisation.' },
  BODY_TOO_LARGE: { status: 413, message: 'The request body is larger than 1 MB.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send JSON (Content-Type: application/json).' },
  PASSWORD_TOO_WEAK: { status: 422, message: 'Choose a password of at least 12 characters that is not a common one.' },
  PASSWORD_INCORRECT: { status: 422, message: 'The current password is incorrect.' },
  LAST_ADMINISTRATOR: { status: 422, message: 'An organisation must keep at least one active administrator.' },
  NOT_A_MEMBER: { status: 422, message: 'You are not an active member of that organisation.' },
  OPERATION_REFUSED: { status: 422, message: 'The operation cannot be done as asked; see the message.' },
  JOB_NOT_CANCELLABLE: { status: 422, message: 'The job has already ended.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; wait a moment.' },
  LOGIN_LOCKED: { status: 429, message: 'Too many failed sign-ins; try again later.' },
  LOGIN_DELAYED: { status: 429, message: 'Wait a few seconds before trying again.' },
  INTERNAL_ERROR: { status: 500, message: 'Something went wrong on the server; it has been logged.' },
  TRANSACTION_TIMEOUT: { status: 503, message: 'The server was too busy to finish in time; try again.' },
  SHUTTING_DOWN: { status: 503, message: 'The server is restarting; try again in a moment.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCodes;
