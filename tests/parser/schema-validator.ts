/** A strict validator of the published post schema (`anp schema post`), formats included. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { postJsonSchema } from '../../src/model/post.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

export function postValidator() {
  return addFormats(new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true })).compile(postJsonSchema());
}

