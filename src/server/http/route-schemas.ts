import { ErrorBody } from '../../core/schemas/common.ts';

/** Error responses every route may give, for the OpenAPI document and response validation. */
export const errors = { '4xx': ErrorBody, '5xx': ErrorBody } as const;
