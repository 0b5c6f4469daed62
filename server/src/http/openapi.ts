import { z } from 'zod';
import { errorBodySchema } from '../../../shared/src/api/common';
import type { RouteRegistry, RouteSpec } from './api-router';
import { ERROR_STATUS, type ErrorCode } from '../../../shared/src/error-codes';
import { POLICY } from '../../../shared/src/policy';
import { CSRF_HEADER } from '../auth/csrf';
import { SESSION_COOKIE } from '../auth/session-cookie';

type JsonSchema = Record<string, unknown>;

const REF_PREFIX = '#/components/schemas/';

/** Error codes any route may answer with, by how it is guarded. */
function routeErrors(spec: RouteSpec): ErrorCode[] {
  const codes = new Set<ErrorCode>(['internal']);
  if (spec.params || spec.body || spec.query) {
    codes.add('validation_failed');
    codes.add('unknown_field');
  }
  if (spec.body) {
    codes.add('bad_request');
    codes.add('payload_too_large');
  }
  if (spec.access.kind !== 'public') {
    codes.add('unauthenticated');
    codes.add('session_expired');
  }
  if (spec.method !== 'get') {
    codes.add('csrf_failed');
    codes.add('rate_limited');
  }
  if (spec.access.kind === 'document') {
    codes.add('not_found');
    codes.add('forbidden');
    if ((POLICY[spec.access.action] as { openIn?: unknown }).openIn) codes.add('document_frozen');
  }
  if (spec.access.kind === 'account') codes.add('forbidden');
  for (const code of spec.errors ?? []) codes.add(code);
  return [...codes];
}

/** Builds the OpenAPI 3.1 description of every registered route from its zod schemas. */
export function buildOpenApi(registry: RouteRegistry): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
    const generated = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
    const json = JSON.parse(JSON.stringify(generated).replaceAll('"#/$defs/', `"${REF_PREFIX}`)) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    for (const [id, def] of Object.entries(json.$defs ?? {})) components[id] = def;
    delete json.$defs;
    delete json.$schema;
    return json;
  };
  const errorSchema = toSchema(errorBodySchema, 'output');

  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of registry.routes) {
    const path = `/api${spec.path}`.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    const addParameters = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
      if (!schema) return;
      const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
      for (const [name, property] of Object.entries(json.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: property });
      }
    };
    addParameters(spec.params, 'path');
    addParameters(spec.query, 'query');
    if (spec.method !== 'get' && spec.csrf !== 'origin') {
      parameters.push({
        name: CSRF_HEADER,
        in: 'header',
        required: true,
        schema: { type: 'string' },
        description: 'the session’s CSRF token (from sign-in or GET /api/me)',
      });
    }
    const status = String(spec.status ?? 200);
    const responses: Record<string, unknown> = {
      [status]:
        status === '204'
          ? { description: 'Done' }
          : { description: 'OK', content: { 'application/json': { schema: spec.response ? toSchema(spec.response, 'output') : {} } } },
    };
    const byStatus = new Map<number, ErrorCode[]>();
    for (const code of routeErrors(spec)) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
    for (const [httpStatus, codes] of byStatus) {
      responses[String(httpStatus)] = { description: `error: ${codes.join(', ')}`, content: { 'application/json': { schema: errorSchema } } };
    }
    const access =
      spec.access.kind === 'public'
        ? 'public'
        : spec.access.kind === 'session'
          ? 'signed in'
          : `policy: \`${spec.access.action}\` (${POLICY[spec.access.action].summary})`;
    paths[path] ??= {};
    paths[path][spec.method] = {
      tags: [spec.tag],
      summary: spec.summary,
      description: [spec.description, `Access: ${access}.`].filter(Boolean).join('\n\n'),
      operationId: `${spec.method}${spec.path.replace(/[/:-](\w)/g, (_, c: string) => c.toUpperCase())}`,
      parameters,
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(spec.body, 'input') } } } } : {}),
      responses,
      security: spec.access.kind === 'public' ? [] : [{ session: [] }],
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Concordia API',
      version: '1',
      description: 'REST JSON under /api. Errors: `{ "error": { "code", "message" } }`, the message in the person’s language. See docs/api.md.',
    },
    paths,
    components: { schemas: components, securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
  };
}
