// The TextMate injection grammar finds exactly the placeholders the library finds, and
// the JSON Schema stays within the draft-07 subset the shape check interprets.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanPlaceholders } from '../../../server/src/formats/native/model/placeholders';
import { BOT_SCHEMA } from '../../../server/src/formats/native/schema/schema';

const ROOT = join(__dirname, '../../..');

describe('definitions: grammar and schema', () => {
  const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes/bot-placeholders.injection.tmLanguage.json'), 'utf8'));

  it('is an injection grammar for strings', () => {
    assert.equal(grammar.scopeName, 'botversions.placeholders.injection');
    assert.match(grammar.injectionSelector, /string/);
  });

  it('matches the same {slot} and ${VARIABLE} names as the library', () => {
    const samples = [
      'I want a {size} pizza',
      'Your {size} {topping} pizza to {address}!',
      '${API_URL}/orders/{orderNumber}',
      'not a slot: { size } {} {1x} {a-b} ${lower_ok} {_x}',
      '{{double}} $ {x} ${ Y }',
    ];
    const variable = new RegExp(grammar.repository.variable.match, 'g');
    const slot = new RegExp(grammar.repository.slot.match, 'g');
    for (const s of samples) {
      const lib: string[] = [];
      scanPlaceholders(s, 0, s.length, (h) => lib.push(`${h.kind}:${h.name}@${h.start}`));
      const tm: string[] = [];
      for (const m of s.matchAll(variable)) tm.push(`variable:${m[2]}@${m.index! + 2}`);
      for (const m of s.matchAll(slot)) tm.push(`slot:${m[2]}@${m.index! + 1}`);
      assert.deepEqual(tm.sort(), lib.sort(), s);
    }
  });

  it('uses only the schema keywords the shape check understands', () => {
    const known = new Set([
      '$schema', '$id', '$ref', 'title', 'description', 'type', 'properties', 'additionalProperties', 'propertyNames', 'required',
      'items', 'enum', 'const', 'pattern', 'patternErrorMessage', 'minLength', 'maxLength', 'minItems', 'minProperties',
      'maxProperties', 'minimum', 'maximum', 'oneOf', 'definitions', 'x-code', 'x-message',
    ]);
    const unknown: string[] = [];
    const visit = (s: unknown, path: string, keyed: boolean): void => {
      if (!s || typeof s !== 'object') return;
      if (Array.isArray(s)) {
        s.forEach((item, i) => visit(item, `${path}/${i}`, false));
        return;
      }
      for (const [k, v] of Object.entries(s)) {
        if (!keyed && (k === 'enum' || k === 'required' || k === 'const' || k === 'type')) continue;
        // Under properties/definitions the keys are names, not keywords.
        if (!keyed && !known.has(k)) unknown.push(`${path}/${k}`);
        visit(v, `${path}/${k}`, !keyed && (k === 'properties' || k === 'definitions'));
      }
    };
    visit(BOT_SCHEMA, '#', false);
    assert.deepEqual(unknown, []);
    assert.equal((BOT_SCHEMA as { $schema?: string }).$schema, 'http://json-schema.org/draft-07/schema#');
  });

  it('resolves every $ref in the schema', () => {
    const text = readFileSync(join(ROOT, 'schemas/bot.schema.json'), 'utf8');
    const defs = Object.keys((BOT_SCHEMA as { definitions: object }).definitions);
    for (const m of text.matchAll(/"\$ref": "#\/definitions\/([^"]+)"/g)) assert.ok(defs.includes(m[1]!), m[1]);
  });
});
