import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, isAppError } from '../errors/app-error.ts';
import type { ErrorCode } from '../errors/error-codes.ts';

/** Fastify's own error codes mapped to ours, so a client never sees a framework message or stack. */
const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_INVALID_URL: 'MALFORMED_REQUEST',
  FST_ERR_BAD_URL: 'MALFORMED_REQUEST',
  FST_ERR_CTP_INVALID_TYPE: 'MALFORMED_REQUEST',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

export function installErrorHandling(app: FastifyInstance, options: { pageFallback?: NotFoundFallback } = {}): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let appError: AppError;
    if (isAppError(error)) {
      appError = error;
    } else if (error.name === 'CliError') {
      appError = new AppError('OPERATION_REFUSED', { message: error.message });
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      appError = new AppError('VALIDATION_FAILED', {
        details: error.validation.map((v) => ({
          path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
          message: v.message ?? 'invalid',
        })),
      });
    } else if (isResponseSerializationError(error)) {
      request.log.error({ err: error, route: request.routeOptions.url }, 'response did not match its schema');
      appError = new AppError('INTERNAL_ERROR');
    } else if (error.code && FRAMEWORK_CODES[error.code]) {
      appError = new AppError(FRAMEWORK_CODES[error.code]!);
    } else if (error instanceof SyntaxError || error.statusCode === 400) {
      appError = new AppError('MALFORMED_REQUEST');
    } else if (error.statusCode === 413) {
      appError = new AppError('BODY_TOO_LARGE');
    } else if (error.statusCode === 415) {
      appError = new AppError('UNSUPPORTED_MEDIA_TYPE');
    } else {
      request.log.error({ err: error, route: request.routeOptions.url }, 'unhandled error');
      appError = new AppError('INTERNAL_ERROR');
    }
    void reply
      .code(appError.status)
      .headers(appError.headers)
      .send({
        error: {
          code: appError.code,
          message: appError.message,
          ...(appError.details !== undefined ? { details: appError.details } : {}),
        },
      });
  });

  app.setNotFoundHandler((request, reply) => {
    // The web app answers its own paths (/admin/users …) with its index page.
    if (options.pageFallback?.(request, reply)) return;
    void reply.code(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: 'No such endpoint.' } });
  });
}

/**
 * Fastify answers a malformed URL (`%zz`) or an over-long path parameter before routing, so neither reaches
 * the error handler above; this gives them the same `{ error }` body (found by the fuzz test). Path
 * parameters are ids: one longer than the router's limit is simply invalid.
 */
/** Answers a request no route matched, or returns false to let it be a 404. */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

export function sendFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const appError =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('VALIDATION_FAILED', { details: [{ path: 'params', message: 'A path parameter is too long.' }] })
      : error.code === 'FST_ERR_BAD_URL'
        ? new AppError('MALFORMED_REQUEST', { message: 'The URL is not valid (bad percent-encoding?).' })
        : new AppError('INTERNAL_ERROR');
  void reply
    .code(appError.status)
    .send({ error: { code: appError.code, message: appError.message, ...(appError.details !== undefined ? { details: appError.details } : {}) } });
}
