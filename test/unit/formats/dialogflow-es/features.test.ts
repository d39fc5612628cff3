// The editor features on an ES agent, in process: an @entity goes to its file and its uses
// are found in parameters and annotations; an alias goes to its parameter; an input context to
// the intents that set it; hover on an intent; completion of entities, aliases and contexts;
// rename of an entity (its files and every @name), an intent (its files), a parameter (with its
// aliases and $value) and a context; every offset answered without an exception.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { loadFolder } from '../../../../server/src/definitions/index';
import type { BotWorkspace } from '../../../../server/src/definitions/index';
import { complete, createWorkspace, documentSymbols, findDefinition, findReferences, hover, prepareRename, rename } from '../../../../server/src/formats/index';

const ROOT = join(__dirname, '../../../fixtures/dialogflow-es/clean').replace(/\\/g, '/');

describe('dialogflow-es: editor features', function () {
  this.timeout(30_000);
  let ws: BotWorkspace;
  const BOOK = `${ROOT}/intents/Tisch reservieren.json`;
  const BOOK_EN = `${ROOT}/intents/Tisch reservieren_usersays_en.json`;
  const YES = `${ROOT}/intents/Tisch reservieren - yes.json`;
  const at = (file: string, needle: string, delta = 2): number => {
    const i = ws.getDocument(file)!.text.indexOf(needle);
    assert.ok(i >= 0, `${needle} in ${file}`);
    return i + delta;
  };
  const rel = (f: string): string => f.slice(ROOT.length + 1);

  before(async () => {
    ws = createWorkspace();
    await loadFolder(ws, ROOT);
  });

  it('goes from an @entity, an alias, an input context and a parentId to what they name', () => {
    assert.deepEqual(findDefinition(ws, BOOK, at(BOOK, '"@seating-area"', 3)).map((l) => rel(l.file)), ['entities/seating-area.json']);
    const alias = findDefinition(ws, BOOK_EN, at(BOOK_EN, '"alias": "area"', 11));
    assert.deepEqual(alias.map((l) => [rel(l.file), ws.getDocument(l.file)!.text.slice(l.start, l.end)]), [['intents/Tisch reservieren.json', '"area"']]);
    assert.deepEqual(findDefinition(ws, YES, at(YES, '"tischreservieren-followup"')).map((l) => rel(l.file)), ['intents/Tisch reservieren - no.json', 'intents/Tisch reservieren - yes.json', 'intents/Tisch reservieren.json']);
    assert.deepEqual(findDefinition(ws, YES, at(YES, '"parentId"', 14)).map((l) => rel(l.file)), ['intents/Tisch reservieren.json']);
  });

  it('finds an entity\'s uses in parameters and annotations of every language', () => {
    const refs = findReferences(ws, `${ROOT}/entities/seating-area.json`, at(`${ROOT}/entities/seating-area.json`, '"seating-area"'));
    assert.deepEqual(refs.map((l) => rel(l.file)), ['entities/seating-area.json', 'intents/Tisch reservieren.json', 'intents/Tisch reservieren_usersays_de.json', 'intents/Tisch reservieren_usersays_en.json']);
  });

  it('hovers an intent with its phrases per language, and completes entities, aliases and contexts', () => {
    const h = hover(ws, BOOK, at(BOOK, '"Tisch reservieren"'))!;
    assert.match(h.contents, /\*\*Intent\*\* `Tisch reservieren`\nTraining phrases — en: 4, de: 3/);
    assert.match(h.contents, /- book a table for four tomorrow/);
    const types = complete(ws, BOOK, at(BOOK, '"@seating-area"', 3)).items.map((i) => i.label);
    assert.ok(types.includes('@seating-area') && types.includes('@sys.date'), types.join(', '));
    assert.deepEqual(complete(ws, BOOK_EN, at(BOOK_EN, '"alias": "area"', 11)).items.map((i) => i.label), ['area', 'date', 'guests']);
    assert.deepEqual(complete(ws, YES, at(YES, '"tischreservieren-followup"')).items.map((i) => i.label), ['tischreservieren-followup']);
    assert.equal(documentSymbols(ws, BOOK)[0]!.name, 'Tisch reservieren');
  });

  it('renames an entity with its files and every @name, an intent with its files', () => {
    const entity = `${ROOT}/entities/seating-area.json`;
    const r = rename(ws, BOOK, at(BOOK, '"@seating-area"', 3), 'table-area');
    assert.ok(!('error' in r));
    assert.deepEqual(r.edits.map((e) => [rel(e.file), e.newText]), [
      ['entities/seating-area.json', '"table-area"'],
      ['intents/Tisch reservieren.json', '"@table-area"'],
      ['intents/Tisch reservieren_usersays_de.json', '"@table-area"'],
      ['intents/Tisch reservieren_usersays_en.json', '"@table-area"'],
    ]);
    assert.deepEqual(r.renames?.map((m) => [rel(m.from), rel(m.to)]), [
      [rel(entity), 'entities/table-area.json'],
      ['entities/seating-area_entries_de.json', 'entities/table-area_entries_de.json'],
      ['entities/seating-area_entries_en.json', 'entities/table-area_entries_en.json'],
    ]);
    const i = rename(ws, BOOK, at(BOOK, '"Tisch reservieren"'), 'Tisch buchen');
    assert.ok(!('error' in i));
    assert.deepEqual(i.edits.map((e) => rel(e.file)), ['intents/Tisch reservieren.json']);
    assert.deepEqual(i.renames?.map((m) => rel(m.to)).sort(), ['intents/Tisch buchen.json', 'intents/Tisch buchen_usersays_de.json', 'intents/Tisch buchen_usersays_en.json']);
  });

  it('renames a parameter with its aliases and $value, and a context everywhere', () => {
    const p = rename(ws, BOOK_EN, at(BOOK_EN, '"alias": "guests"', 11), 'people');
    assert.ok(!('error' in p));
    assert.deepEqual(p.edits.map((e) => [rel(e.file), e.newText]), [
      ['intents/Tisch reservieren.json', '"people"'],
      ['intents/Tisch reservieren.json', '"$people"'],
      ['intents/Tisch reservieren_usersays_de.json', '"people"'],
      ['intents/Tisch reservieren_usersays_en.json', '"people"'],
      ['intents/Tisch reservieren_usersays_en.json', '"people"'],
    ]);
    const c = rename(ws, YES, at(YES, '"tischreservieren-followup"'), 'booking-followup');
    assert.ok(!('error' in c));
    assert.equal(c.edits.length, 5);
    assert.ok(c.edits.every((e) => e.newText === '"booking-followup"'));
    assert.ok('error' in rename(ws, BOOK, at(BOOK, '"Tisch reservieren"'), 'Öffnungszeiten'));
    assert.ok('error' in prepareRename(ws, YES, at(YES, '"parentId"', 14)));
  });

  it('answers at every offset of every file without an exception', () => {
    for (const file of ws.paths()) {
      const text = ws.getDocument(file)!.text;
      for (let o = 0; o <= text.length; o += 5) {
        hover(ws, file, o);
        complete(ws, file, o);
        findDefinition(ws, file, o);
        findReferences(ws, file, o);
        prepareRename(ws, file, o);
      }
      documentSymbols(ws, file);
    }
  });
});
