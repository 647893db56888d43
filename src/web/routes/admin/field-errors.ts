import { ApiError } from '../../api/client';

/**
 * The form fields a 400 VALIDATION_FAILED names in its details (`body.acronym` from request validation,
 * `iatiType` from a use case), so the form can mark them; other errors name none.
 */
export function invalidFields<F extends string>(error: unknown, fields: readonly F[]): F[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return [];
  const paths = error.details
    .map((detail: unknown) => (detail && typeof detail === 'object' && 'path' in detail ? String(detail.path) : ''))
    .map((path) => path.replace(/^body\./, '').split('.')[0]);
  return fields.filter((field) => paths.includes(field));
}
