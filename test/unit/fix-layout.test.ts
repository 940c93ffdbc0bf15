import assert from 'node:assert/strict';
import { analyze, applyEdits, collectFixEdits, insertPartEdits, requiredParts } from '../../src/core/index';

/** Fix All, as the editor's command and the CLI's first pass apply it. */
function fixAll(text: string, fileName = '2024年工作总结.txt'): string {
  return applyEdits(text, collectFixEdits(analyze(text, { fileName }).findings));
}

function insertPart(text: string, partId: string, fileName = '2024年工作总结.txt'): string {
  const { document } = analyze(text, { fileName });
  assert.ok(requiredParts(document).some((p) => p.id === partId && !p.present), `${partId} is missing`);
  return applyEdits(text, insertPartEdits(document, partId));
}

const OPENING = '2024年度工作总结\n\n　　现将工作总结如下：\n\n';
const AD = '更多范文请加入素材库会员群，扫码联系客服。';

describe('fixes leave no blank lines behind', () => {
  it('an advert as the last line goes with the blank line before it', () => {
    const body = OPENING + '　　一、主要工作\n\n　　做了很多工作。\n\n　　二、存在的问题\n\n　　问题不少。\n\n　　三、下一步工作打算\n\n　　继续努力。\n';
    assert.equal(fixAll(body + '\n' + AD + '\n'), body);
    assert.equal(fixAll(body + '\n' + AD), body, 'also with no final line break');
    assert.equal(fixAll(body + '\n' + AD + '\n\n\n'), body, 'and with blank lines after it');
  });

  it('an advert between two paragraphs takes one of the blank lines around it', () => {
    const before = OPENING + '　　一、主要工作\n\n　　做了很多工作。\n\n';
    const after = '　　二、存在的问题\n\n　　问题不少。\n\n　　三、下一步工作打算\n\n　　继续努力。\n';
    assert.equal(fixAll(before + AD + '\n\n' + after), before + after);
  });

  it('a paid-content marker alone on the first line goes with the blank line after it', () => {
    const rest = OPENING + '　　一、主要工作\n\n　　做了很多工作。\n\n　　二、存在的问题\n\n　　问题不少。\n\n　　三、下一步工作打算\n\n　　继续努力。\n';
    assert.equal(fixAll('##paidbegin##\n\n' + rest), rest);
  });

  it('Insert Missing Part at the end of the text ends it with one line break', () => {
    const text = OPENING + '　　一、主要工作\n\n　　做了很多工作。\n\n　　二、存在的问题\n\n　　问题不少。\n';
    const inserted = insertPart(text, 'next-steps');
    assert.ok(inserted.startsWith(text + '\n'), 'one blank line before the part');
    assert.ok(!/\n[ \t\u3000]*\n$/.test(inserted), `no blank line at the end: ${JSON.stringify(inserted.slice(-20))}`);
  });

  it('Insert Missing Part before a section keeps one blank line each side, in CRLF text with CRLF', () => {
    const text = (OPENING + '　　一、主要工作\n\n　　做了很多工作。\n\n　　二、下一步工作打算\n\n　　继续努力。\n').replace(/\n/g, '\r\n');
    const inserted = insertPart(text, 'problems');
    assert.ok(!/(\r?\n[ \t\u3000]*){3}/.test(inserted), `no double blank line: ${JSON.stringify(inserted)}`);
    assert.ok(!/[^\r]\n/.test(inserted), 'only CRLF line breaks');
    assert.match(inserted, /做了很多工作。\r\n\r\n　　二、存在的问题\r\n\r\n[^\r\n]+\r\n\r\n　　三、下一步工作打算/);
  });
});
