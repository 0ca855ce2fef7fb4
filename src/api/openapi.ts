import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { z } from 'zod';
import type { ApiRoute } from './routes';
import { ProblemSchema } from './schemas';

/** The OpenAPI 3.1 document, generated from the same route table and zod schemas the API runs on. */
export function buildOpenApiDocument(routes: ApiRoute[]): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const problem = { 'application/problem+json': { schema: ProblemSchema } };
    const operation: ZodOpenApiOperationObject = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      'x-roles': route.roles,
      requestParams: {
        ...(route.params ? { path: route.params } : {}),
        ...(route.query ? { query: route.query } : {}),
        ...(route.idempotent
          ? {
              header: z.object({
                'Idempotency-Key': z
                  .string()
                  .regex(/^[A-Za-z0-9._:-]{8,100}$/)
                  .optional()
                  .meta({
                    description:
                      'A retried request with the same key is answered as the first and applied once',
                  }),
              }),
            }
          : {}),
      },
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: route.bodyDoc ?? route.body } },
            },
          }
        : {}),
      responses: {
        ...Object.fromEntries(
          Object.entries(route.responses).map(([status, response]) => [
            status,
            {
              description: response.description,
              content: response.schema ? { 'application/json': { schema: response.schema } } : problem,
            },
          ]),
        ),
        ...(route.params || route.query || route.body
          ? { 400: { description: 'Invalid input: each field and why', content: problem } }
          : {}),
        401: { description: 'No valid bearer token', content: problem },
        403: { description: 'Not for this role or municipality', content: problem },
        ...(route.params ? { 404: { description: 'No such case', content: problem } } : {}),
        ...(route.body
          ? {
              413: { description: 'The body is larger than 64 kB', content: problem },
              415: { description: 'The body is not application/json', content: problem },
            }
          : {}),
        500: { description: 'An error of the system itself (never what a caller sent)', content: problem },
        503: { description: 'Temporal cannot be reached; try again', content: problem },
      },
    };
    paths[path] = { ...(paths[path] ?? {}), [route.method]: operation };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Ressourceforløb API',
      version: '1.0.0',
      description:
        'Caseworkers drive cases (ressourceforløb, fleksjob follow-ups, kontanthjælp spells) with events; supervisors read cases and lists and acknowledge escalations. Reads of one case are strongly consistent (a workflow query); lists are eventually consistent (visibility). CPR numbers never appear in URLs: cases are named by the municipality’s case ID.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  });
}
