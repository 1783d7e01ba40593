import * as z from 'zod/mini';
import { storedOrigin } from '@/lib/server/origin';

/** A stored server, read once into its origin (`ServerOrigin`, lib/server/origin.ts). */
export const storedOriginSchema = z.pipe(z.string(), z.transform(storedOrigin));
