/**
 * Fastify's type provider for valibot schemas: a route declared with
 * `schema: { body: SomeSchema, response: { 200: OtherSchema } }` gets
 * `request.body` typed as the schema's output and must return (or send) what
 * the response schema accepts. Types only: the checks at run time are
 * server/http/schema-validation.ts. (valibot has no Fastify type provider of
 * its own; this is Fastify's documented extension point, FastifyTypeProvider.)
 */
import type { FastifyTypeProvider } from 'fastify';
import type { GenericSchema, InferInput, InferOutput } from 'valibot';

export interface ValibotTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends GenericSchema ? InferOutput<this['schema']> : unknown;
  serializer: this['schema'] extends GenericSchema ? InferInput<this['schema']> : unknown;
}
