import assert from 'node:assert/strict';
import { ClientConfigFiles, type ConfigFileResult } from '../../src/server/browserConfig';

// The browser server's .summaryrc.json comes from the client (test/web runs it for real in VS Code
// for the Web); here the client's answers are given directly, to pin down what the server makes of them.
describe('the web server’s .summaryrc.json, as the client reads it', () => {
  const FOLDER = 'vscode-test-web://mount/';

  it('parses the text the client sends, and its stamp changes only when the text does', async () => {
    let text: string | null = '{ "rules": { "placeholder": "info" } }';
    const asked: string[] = [];
    const files = new ClientConfigFiles(async (params) => {
      asked.push(params.folderUri);
      return { text } satisfies ConfigFileResult;
    });
    const first = await files.stampOf(FOLDER);
    assert.equal((await files.configIn(FOLDER)).rules.placeholder, 'info');
    assert.equal(await files.stampOf(FOLDER), first, 'same text, same stamp');
    text = '{ "rules": { "placeholder": "off" } }';
    const second = await files.stampOf(FOLDER);
    assert.notEqual(second, first);
    assert.equal((await files.configIn(FOLDER)).rules.placeholder, 'off');
    text = null;
    assert.equal(await files.stampOf(FOLDER), 'none');
    assert.equal((await files.configIn(FOLDER)).rules.placeholder, undefined, 'no file: the defaults');
    assert.deepEqual([...new Set(asked)], [FOLDER]);
  });

  it('a client that does not answer, and a document outside any folder, get the defaults', async () => {
    const silent = new ClientConfigFiles(() => Promise.reject(new Error('unhandled method officialSummary/configFile')));
    assert.equal(await silent.stampOf(FOLDER), 'none');
    assert.equal((await silent.configIn(FOLDER)).rules.placeholder, undefined);
    assert.equal(await silent.stampOf(undefined), '');
  });

  it('a broken file gives the usable part, as on the desktop', async () => {
    const files = new ClientConfigFiles(async () => ({ text: '{ "rules": { "placeholder": "info", } ' }));
    await files.stampOf(FOLDER);
    assert.equal((await files.configIn(FOLDER)).rules.placeholder, 'info');
  });
});
