import { strict as assert } from 'node:assert';
import { pathProblem, treeProblems } from '../../../server/src/versioning/workingcopy/paths';

describe('path safety', () => {
  it('accepts ordinary relative paths', () => {
    for (const p of ['bot.yaml', 'intents/order.yaml', 'a/b/c/d.json', '.hidden/x', 'é/ü.yaml']) assert.equal(pathProblem(p), null, p);
  });

  it('refuses every hostile path a record could carry', () => {
    const hostile = ['../x', 'a/../../x', '/etc/x', 'C:\\x', 'c:/x', 'a\\..\\..\\x', '.git/hooks/x', 'a/.GIT/x', 'x\u0000y', 'CON', 'nul.txt', 'a/COM1.yaml', 'lpt9', '', 'a//b', 'a/', './a', 'a/b.', 'a/b ', 'a:b', 'q?.yaml', '.botversions/config.json'];
    for (const p of hostile) assert.notEqual(pathProblem(p), null, JSON.stringify(p));
  });

  it('refuses names that collide on case-insensitive file systems', () => {
    assert.equal(treeProblems(['a.yaml', 'A.yaml']).length, 1);
    assert.equal(treeProblems(['dir/a.yaml', 'DIR/b.yaml']).length, 1);
    assert.equal(treeProblems(['x', 'x/y']).length, 1, 'a file and a folder of one name');
    assert.equal(treeProblems(['caf\u00e9.yaml', 'cafe\u0301.yaml']).length, 1, 'NFC and NFD forms of one name');
    assert.equal(treeProblems(['\u017f.yaml', 's.yaml']).length, 1, 'long s and s fold together');
    assert.equal(treeProblems(['\u03c2.yaml', '\u03c3.yaml']).length, 1, 'final and medial sigma fold together');
    assert.deepEqual(treeProblems(['stra\u00dfe.yaml', 'strasse.yaml']), [], 'ß is not two letters to a file system');
    assert.deepEqual(treeProblems(['a.yaml', 'b/a.yaml']), []);
  });
});
