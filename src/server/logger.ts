import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The server's logger. Logs carry no personal data, passwords or tokens: request lines keep the method,
 * the route pattern and the status (never the query string, which may hold a searched name), and
 * credentials are redacted wherever they appear.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.totp',
        '*.recoveryCode',
        '*.recoveryCodes',
        '*.secret',
        '*.otpauthUri',
        '*.token',
        '*.email',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method?: string; url?: string; routeOptions?: { url?: string }; id?: string }) => ({
        id: req.id,
        method: req.method,
        route: req.routeOptions?.url ?? req.url?.split('?')[0],
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
