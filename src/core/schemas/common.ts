import { z } from 'zod';

export const Uuid = z.uuid().describe('UUID (version 7 recommended; made by the client or the server)');
export const Timestamp = z.iso.datetime({ offset: true });
export const Locale = z.enum(['fr', 'ar', 'en']);
export type Locale = z.infer<typeof Locale>;
export const Version = z.number().int().min(1).describe('The version this change is based on');

export const IdParams = z.object({ id: Uuid });

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export function PageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
